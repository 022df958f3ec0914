using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using NodaTime;

namespace Djpk.Metrics.Tests.Aggregation;

/// <summary>Both cubes read through one shape, and a span is aggregated the right way for each kind.</summary>
public class AggregateCubeShapeTests
{
    private static readonly InteractionLog Log = new InteractionLogBuilder(DjpkProfile.Catalog)
        .Add(new Consultation(Instant.FromUtc(2023, 11, 10, 3, 0), DjpkChannels.Phone, DjpkSegments.Pemda, Topic.Unspecified, new UserKey(7)))
        .Add(new Consultation(Instant.FromUtc(2023, 12, 10, 3, 0), DjpkChannels.Phone, DjpkSegments.Pemda, Topic.Unspecified, new UserKey(7)))
        .Add(new Consultation(Instant.FromUtc(2023, 12, 11, 3, 0), DjpkChannels.Email, DjpkSegments.Lainnya, Topic.Unspecified, new UserKey(8)))
        .Build();

    private static readonly AggregationRequest Request = AggregationRequest.PerPeriod(PeriodGrain.Month)
        .Within(new PeriodRange(ReportingPeriod.Month(2023, 11), ReportingPeriod.Month(2023, 12)))
        .By(AggregationDimensions.Channel);

    [Fact]
    public void CountBetween_OfAFlowIsTheSumAndOfDistinctUsersTheUnion()
    {
        var aggregator = new Aggregator(ReportingCalendar.Jakarta);
        IAggregateCube[] cubes = [aggregator.Count(Log, Request), aggregator.CountDistinctUsers(Log, Request)];
        (IAggregateCube counts, IAggregateCube users) = (cubes[0], cubes[1]);
        ReportingPeriod november = ReportingPeriod.Month(2023, 11), december = ReportingPeriod.Month(2023, 12);

        Assert.Equal((MetricKind.Flow, MetricKind.Unique), (counts.Kind, users.Kind));
        Assert.Equal(3, counts.CountBetween(november, december));
        Assert.Equal(2, users.CountBetween(november, december));            // user 7 asked twice
        Assert.Equal(2, counts.CountBetween(november, december, DjpkChannels.Phone));
        Assert.Equal(1, users.CountBetween(november, december, DjpkChannels.Phone));
        Assert.Equal(counts.Series(DjpkChannels.Phone), users.Series(DjpkChannels.Phone)); // one consultation, one user a month
        Assert.Throws<ArgumentException>(() => counts.CountBetween(december, november));
    }

    [Fact]
    public void SharedShape_OneConsumerReadsBothCubesAlike()
    {
        var aggregator = new Aggregator(ReportingCalendar.Jakarta);
        foreach (IAggregateCube cube in new IAggregateCube[] { aggregator.Count(Log, Request), aggregator.CountDistinctUsers(Log, Request) })
        {
            Assert.Equal(Request.Range, cube.Periods);
            Assert.Equal(AggregationDimensions.Channel, cube.Dimensions);
            Assert.True(cube.Periods.All(cube.HasData));
            Assert.Equal(cube.Count(ReportingPeriod.Month(2023, 12)), cube.Channels.Sum(c => cube.Count(ReportingPeriod.Month(2023, 12), c)));
            Assert.Contains(cube.Kind == MetricKind.Unique ? "\"distinctUsers\"" : "\"consultations\"", AggregateJson.Render(cube), StringComparison.Ordinal);
        }
    }
}
