using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Tests.Support;
using NodaTime;

namespace Djpk.Metrics.Tests.Aggregation;

/// <summary>The counting paths the generated logs seldom reach: no bucket table, many parts, arguments refused.</summary>
public class AggregatorPathsTests
{
    private static readonly Consultation[] Records =
    [
        new(Instant.FromUtc(2023, 12, 31, 16, 59, 59), DjpkChannels.Phone, DjpkSegments.Pemda, new Topic("DBH"), new UserKey(1)),
        new(Instant.FromUtc(1990, 6, 1, 3, 0), DjpkChannels.WhatsApp, DjpkSegments.Akademisi, Topic.Unspecified, new UserKey(2)),
        new(Instant.FromUtc(2023, 12, 31, 17, 0), DjpkChannels.Phone, DjpkSegments.Lainnya, new Topic("DBH"), new UserKey(1)),
        new(Instant.FromUtc(1400, 1, 1, 0, 0), DjpkChannels.Email, DjpkSegments.Pemda, new Topic("DBH"), new UserKey(3)), // before the range
        new(Instant.FromUtc(2023, 12, 31, 16, 0), DjpkChannels.WhatsApp, DjpkSegments.Pemda, new Topic("Reservasi"), new UserKey(4)),
        new(Instant.FromUtc(1990, 6, 1, 4, 0), DjpkChannels.WhatsApp, DjpkSegments.Akademisi, Topic.Unspecified, new UserKey(2)),
    ];

    [Theory]
    [InlineData(AggregationDimensions.None, false)]
    [InlineData(AggregationDimensions.Channel, false)]
    [InlineData(AggregationDimensions.Topic, true)]
    [InlineData(AggregationDimensions.Segment, true)]
    public void Count_UnorderedLogOverAThousandYearsOfDays_EqualsTheOracleWithoutABucketTable(AggregationDimensions dimensions, bool filtered)
    {
        // 1500-2499 in days is too long for a bucket table: an unordered log is counted by the run-length loop.
        var range = new PeriodRange(ReportingPeriod.Day(new LocalDate(1500, 1, 1)), ReportingPeriod.Day(new LocalDate(2499, 12, 31)));
        Assert.Null(new PeriodMap(ReportingCalendar.Jakarta, range).BucketTable);
        InteractionLog log = LogCase.Build(Records);
        Assert.False(log.IsChronological);
        AggregationRequest request = AggregationRequest.PerPeriod(PeriodGrain.Day).Within(range).By(dimensions);
        if (filtered)
        {
            request = request.ForChannels(DjpkChannels.WhatsApp, DjpkChannels.Phone).ForSegments(DjpkSegments.Pemda, DjpkSegments.Akademisi);
        }

        Consultation[] kept = [.. Records.Where(r => r.Timestamp >= Instant.FromUtc(1499, 12, 31, 17, 0)
            && (!filtered || ((r.Channel == DjpkChannels.WhatsApp || r.Channel == DjpkChannels.Phone) && (r.Segment == DjpkSegments.Pemda || r.Segment == DjpkSegments.Akademisi))))];
        Dictionary<string, long> expected = AggregationOracle.Counts(kept, ReportingCalendar.Jakarta, PeriodGrain.Day, dimensions);
        foreach (Aggregator aggregator in new[] { new Aggregator(ReportingCalendar.Jakarta, 1), new Aggregator(ReportingCalendar.Jakarta, 3, minRecordsPerPart: 1, maxBitSetBytes: 1L << 30) })
        {
            CountCube cube = aggregator.Count(log, request);
            Assert.Equal(expected, AggregationOracle.NonZeroCells(cube));
            Assert.Equal(kept.Length, cube.Total());
            CountCube sorted = aggregator.Count(LogCase.Build(Records.OrderBy(r => r.Timestamp)), request);
            Assert.Equal(expected, AggregationOracle.NonZeroCells(sorted));
        }
    }

    [Fact]
    public void Constructor_InvalidArguments_Throw()
    {
        Assert.Equal("calendar", Assert.Throws<ArgumentNullException>(() => new Aggregator(null!)).ParamName);
        Assert.Equal("maxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => new Aggregator(ReportingCalendar.Jakarta, -1)).ParamName);
        Assert.Equal("minRecordsPerPart", Assert.Throws<ArgumentOutOfRangeException>(() => new Aggregator(ReportingCalendar.Jakarta, 2, 0, 1)).ParamName);
        var aggregator = new Aggregator(ReportingCalendar.Jakarta, 3);
        Assert.Equal(3, aggregator.MaxDegreeOfParallelism);
        Assert.Same(ReportingCalendar.Jakarta, aggregator.Calendar);
        Assert.Equal(Environment.ProcessorCount, new Aggregator(ReportingCalendar.Jakarta).MaxDegreeOfParallelism);
        Assert.Equal("log", Assert.Throws<ArgumentNullException>(() => aggregator.Count(null!, AggregationRequest.PerPeriod(PeriodGrain.Day))).ParamName);
        Assert.Equal("request", Assert.Throws<ArgumentNullException>(() => aggregator.CountDistinctUsers(InteractionLog.Empty, null!)).ParamName);
    }

    [Fact]
    public void Count_ManySmallParts_EachRecordCountedOnce()
    {
        // Seven parts of a 20-record log: the parts must cover the records without gap or overlap.
        Consultation[] records = [.. Enumerable.Range(0, 20).Select(i => new Consultation(
            Instant.FromUtc(2023, 1 + (i % 12), 10, 3, 0), i % 2 == 0 ? DjpkChannels.Phone : DjpkChannels.Email, DjpkSegments.Pemda, new Topic("DBH"), new UserKey(i)))];
        InteractionLog log = LogCase.Build(records);
        var parallel = new Aggregator(ReportingCalendar.Jakarta, 7, minRecordsPerPart: 2, maxBitSetBytes: 1L << 30);
        AggregationRequest request = AggregationRequest.PerPeriod(PeriodGrain.Month).By(AggregationDimensions.Channel);
        CountCube cube = parallel.Count(log, request);
        Assert.Equal(20, cube.Total());
        Assert.Equal(10, cube.Total(DjpkChannels.Phone));
        Assert.Equal(2, cube.Count(ReportingPeriod.Month(2023, 1)));
        Assert.Equal(1, cube.Count(ReportingPeriod.Month(2023, 12)));
        DistinctUserCube users = parallel.CountDistinctUsers(log, request);
        Assert.Equal(20, users.CountBetween(users.Periods.First, users.Periods.Last));
        Assert.Equal(2, users.Count(ReportingPeriod.Month(2023, 8)));
    }
}
