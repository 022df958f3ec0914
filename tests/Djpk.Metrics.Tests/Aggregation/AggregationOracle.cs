using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Tests.Aggregation;

/// <summary>Plain LINQ over the records, converting each instant with NodaTime's InZone: what the aggregator must agree with.</summary>
internal static class AggregationOracle
{
    public static Dictionary<string, long> Counts(IEnumerable<Consultation> records, ReportingCalendar calendar, PeriodGrain grain, AggregationDimensions dimensions) =>
        records.GroupBy(r => Key(ReportingPeriod.Containing(r.Timestamp.InZone(calendar.Zone).Date, grain), r, dimensions))
            .ToDictionary(g => g.Key, g => (long)g.Count());

    public static Dictionary<string, long> DistinctUsers(IEnumerable<Consultation> records, ReportingCalendar calendar, PeriodGrain grain, AggregationDimensions dimensions) =>
        records.GroupBy(r => Key(ReportingPeriod.Containing(r.Timestamp.InZone(calendar.Zone).Date, grain), r, dimensions))
            .ToDictionary(g => g.Key, g => (long)g.Select(r => r.User).Distinct().Count());

    /// <summary>The non-zero cells of a cube, keyed like the oracle.</summary>
    public static Dictionary<string, long> NonZeroCells(CountCube cube) =>
        cube.Cells().Where(c => c.Count != 0).ToDictionary(c => Key(c.Period, c.Channel, c.Segment, c.Topic), c => c.Count);

    public static Dictionary<string, long> NonZeroCells(DistinctUserCube cube)
    {
        var cells = new Dictionary<string, long>();
        foreach (ReportingPeriod period in cube.Periods.Where(cube.HasData))
        {
            foreach (Channel? channel in Members(cube.Channels))
            {
                foreach (UserSegment? segment in Members(cube.Segments))
                {
                    foreach (Topic? topic in Members(cube.Topics))
                    {
                        long count = cube.Count(period, channel, segment, topic)!.Value;
                        if (count != 0)
                        {
                            cells.Add(Key(period, channel, segment, topic), count);
                        }
                    }
                }
            }
        }

        return cells;
    }

    public static string DataPeriods(CountCube cube) => string.Join(",", cube.Periods.Where(cube.HasData));

    private static IEnumerable<T?> Members<T>(System.Collections.Immutable.ImmutableArray<T> members)
        where T : struct => members.IsEmpty ? [null] : members.Select(m => (T?)m);

    private static string Key(ReportingPeriod period, Consultation r, AggregationDimensions dimensions) => Key(
        period,
        dimensions.HasFlag(AggregationDimensions.Channel) ? r.Channel : null,
        dimensions.HasFlag(AggregationDimensions.Segment) ? r.Segment : null,
        dimensions.HasFlag(AggregationDimensions.Topic) ? r.Topic : null);

    private static string Key(ReportingPeriod period, Channel? channel, UserSegment? segment, Topic? topic) =>
        $"{period}|{channel}|{segment}|{(topic is { } t ? "\"" + t.Name + "\"" : string.Empty)}";
}
