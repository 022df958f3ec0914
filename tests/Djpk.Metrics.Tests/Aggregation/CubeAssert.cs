using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Tests.Aggregation;

/// <summary>Compares two cubes completely: zone, axis, members, filters, data span, which periods have data, and every cell.</summary>
internal static class CubeAssert
{
    public static bool Same(CountCube expected, CountCube actual) =>
        SameShape(expected, actual) && expected.Cells().SequenceEqual(actual.Cells());

    public static bool Same(DistinctUserCube expected, DistinctUserCube actual)
    {
        if (!SameShape(expected, actual))
        {
            return false;
        }

        foreach (ReportingPeriod period in expected.Periods.Where(expected.HasData))
        {
            foreach (Channel? channel in Members(expected.Channels))
            {
                foreach (UserSegment? segment in Members(expected.Segments))
                {
                    foreach (Topic? topic in Members(expected.Topics))
                    {
                        if (!expected.Users(period, channel, segment, topic)!.SequenceEqual(actual.Users(period, channel, segment, topic)!))
                        {
                            return false;
                        }
                    }
                }
            }
        }

        return true;
    }

    private static bool SameShape(IAggregateCube expected, IAggregateCube actual) =>
        expected.Calendar.Zone.Id == actual.Calendar.Zone.Id
        && expected.Periods == actual.Periods
        && expected.Dimensions == actual.Dimensions
        && expected.Channels.SequenceEqual(actual.Channels)
        && expected.Segments.SequenceEqual(actual.Segments)
        && expected.Topics.SequenceEqual(actual.Topics)
        && expected.ChannelFilter.SequenceEqual(actual.ChannelFilter)
        && expected.SegmentFilter.SequenceEqual(actual.SegmentFilter)
        && expected.Earliest == actual.Earliest
        && expected.Latest == actual.Latest
        && expected.Periods.Select(expected.HasData).SequenceEqual(actual.Periods.Select(actual.HasData));

    private static IEnumerable<T?> Members<T>(System.Collections.Immutable.ImmutableArray<T> members)
        where T : struct => members.IsEmpty ? [null] : members.Select(m => (T?)m);
}
