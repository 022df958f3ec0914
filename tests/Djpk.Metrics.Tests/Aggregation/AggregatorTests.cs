using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Djpk.Metrics.Tests.Aggregation;

public partial class AggregatorTests
{
    private static readonly Aggregator Jakarta = new(ReportingCalendar.Jakarta);

    [Property(Arbitrary = [typeof(LogCases)], MaxTest = 150)]
    public Property Count_EqualsLinqOracleInEveryZone(LogCase c)
    {
        InteractionLog log = c.Log();
        InteractionLog chronological = LogCase.Build(c.Records.OrderBy(r => r.Timestamp));
        return Prop.When(log.Count > 0, () =>
        {
            var aggregator = new Aggregator(c.Calendar);
            AggregationRequest request = AggregationRequest.PerPeriod(c.Grain).By(c.Dimensions);
            Dictionary<string, long> expected = AggregationOracle.Counts(c.Records, c.Calendar, c.Grain, c.Dimensions);
            CountCube cube = aggregator.Count(log, request);
            return chronological.IsChronological
                && Same(expected, AggregationOracle.NonZeroCells(cube))
                && Same(expected, AggregationOracle.NonZeroCells(aggregator.Count(chronological, request)))
                && cube.Total() == log.Count;
        });
    }

    [Property(Arbitrary = [typeof(LogCases)], MaxTest = 150)]
    public Property Merge_OfPartsEqualsWhole(LogCase c)
    {
        InteractionLog[] parts = c.Parts().Where(p => p.Length > 0).Select(LogCase.Build).ToArray();
        return Prop.When(parts.Length > 0, () =>
        {
            var aggregator = new Aggregator(c.Calendar);
            AggregationRequest request = AggregationRequest.PerPeriod(c.Grain).By(c.Dimensions);
            CountCube whole = aggregator.Count(c.Log(), request);
            CountCube merged = CountCube.Merge(parts.Select(p => aggregator.Count(p, request)));
            return whole.Periods == merged.Periods
                && AggregationOracle.DataPeriods(whole) == AggregationOracle.DataPeriods(merged)
                && Same(AggregationOracle.NonZeroCells(whole), AggregationOracle.NonZeroCells(merged));
        });
    }

    [Property(Arbitrary = [typeof(LogCases)], MaxTest = 100)]
    public Property Count_DoesNotDependOnRecordOrder(LogCase c, int seed)
    {
        Consultation[] shuffled = [.. c.Records];
        new Random(seed).Shuffle(shuffled);
        return Prop.When(c.Records.Length > 0, () =>
        {
            var aggregator = new Aggregator(c.Calendar);
            AggregationRequest request = AggregationRequest.PerPeriod(c.Grain).By(c.Dimensions);
            return Same(
                AggregationOracle.NonZeroCells(aggregator.Count(c.Log(), request)),
                AggregationOracle.NonZeroCells(aggregator.Count(LogCase.Build(shuffled), request)));
        });
    }

    [Property(Arbitrary = [typeof(LogCases)], MaxTest = 100)]
    public Property MonthsSumToTheirYear(LogCase c)
    {
        InteractionLog log = c.Log();
        return Prop.When(log.Count > 0, () =>
        {
            var aggregator = new Aggregator(c.Calendar);
            CountCube months = aggregator.Count(log, AggregationRequest.PerPeriod(PeriodGrain.Month).By(c.Dimensions));
            CountCube years = aggregator.Count(log, AggregationRequest.PerPeriod(PeriodGrain.Year).By(c.Dimensions));
            return years.Periods.All(year =>
                months.Periods.Where(m => m.Year == year.Year).Sum(m => months.Count(m) ?? 0) == years.Count(year));
        });
    }

    [Property(Arbitrary = [typeof(LogCases)], MaxTest = 100)]
    public Property Parallel_EqualsSequential(LogCase c)
    {
        InteractionLog log = c.Log();
        return Prop.When(log.Count > 0, () =>
        {
            AggregationRequest request = AggregationRequest.PerPeriod(c.Grain).By(c.Dimensions);
            var sequential = new Aggregator(c.Calendar, 1);
            var parallel = new Aggregator(c.Calendar, 4, minRecordsPerPart: 1, maxBitSetBytes: 1L << 30);
            return new[] { log, LogCase.Build(c.Records.OrderBy(r => r.Timestamp)) }.All(l =>
                Same(AggregationOracle.NonZeroCells(sequential.Count(l, request)), AggregationOracle.NonZeroCells(parallel.Count(l, request)))
                && Same(AggregationOracle.NonZeroCells(sequential.CountDistinctUsers(l, request)), AggregationOracle.NonZeroCells(parallel.CountDistinctUsers(l, request))));
        });
    }

    [Property(Arbitrary = [typeof(LogCases)], MaxTest = 100)]
    public Property DistinctUsers_EqualOracle_AndNeverExceedRecords(LogCase c)
    {
        InteractionLog log = c.Log();
        return Prop.When(log.Count > 0, () =>
        {
            var aggregator = new Aggregator(c.Calendar);
            AggregationRequest request = AggregationRequest.PerPeriod(c.Grain).By(c.Dimensions);
            DistinctUserCube users = aggregator.CountDistinctUsers(log, request);
            DistinctUserCube chronological = aggregator.CountDistinctUsers(LogCase.Build(c.Records.OrderBy(r => r.Timestamp)), request);
            CountCube counts = aggregator.Count(log, request);
            Dictionary<string, long> expected = AggregationOracle.DistinctUsers(c.Records, c.Calendar, c.Grain, c.Dimensions);
            return Same(expected, AggregationOracle.NonZeroCells(users))
                && Same(expected, AggregationOracle.NonZeroCells(chronological))
                && users.Periods.All(p => users.Count(p) <= counts.Count(p));
        });
    }

    [Property(Arbitrary = [typeof(LogCases)], MaxTest = 100)]
    public Property DistinctUsers_MergeOfPartsEqualsWhole(LogCase c)
    {
        InteractionLog[] parts = c.Parts().Where(p => p.Length > 0).Select(LogCase.Build).ToArray();
        return Prop.When(parts.Length > 0, () =>
        {
            var aggregator = new Aggregator(c.Calendar);
            AggregationRequest request = AggregationRequest.PerPeriod(c.Grain).By(c.Dimensions);
            DistinctUserCube whole = aggregator.CountDistinctUsers(c.Log(), request);
            DistinctUserCube merged = DistinctUserCube.Merge(parts.Select(p => aggregator.CountDistinctUsers(p, request)));
            return Same(AggregationOracle.NonZeroCells(whole), AggregationOracle.NonZeroCells(merged))
                && whole.CountBetween(whole.Periods.First, whole.Periods.Last) == merged.CountBetween(merged.Periods.First, merged.Periods.Last);
        });
    }

    [Fact]
    public void Count_GapFilledAxis_KeepsNoDataApartFromZero()
    {
        InteractionLog log = LogCase.Build(
        [
            At(2023, 3, 10, DjpkChannels.Phone),
            At(2023, 5, 10, DjpkChannels.Phone),
        ]);
        CountCube cube = Jakarta.Count(log, AggregationRequest.PerPeriod(PeriodGrain.Month).Within(PeriodRange.MonthsOf(2023)).By(AggregationDimensions.Channel));

        Assert.Equal(12, cube.Periods.Count);
        Assert.Null(cube.Count(ReportingPeriod.Month(2023, 2)));        // before the data: unknown, not zero
        Assert.Equal(1, cube.Count(ReportingPeriod.Month(2023, 3)));
        Assert.Equal(0, cube.Count(ReportingPeriod.Month(2023, 4)));    // inside the data: counted, zero
        Assert.Equal(0, cube.Count(ReportingPeriod.Month(2023, 5), DjpkChannels.WhatsApp));
        Assert.Null(cube.Count(ReportingPeriod.Month(2023, 6)));
        Assert.False(cube.HasData(ReportingPeriod.Month(2023, 12)));
        Assert.Equal([null, null, 1, 0, 1, null, null, null, null, null, null, null], cube.Series());
        Assert.Equal([null, null, 1, 1, 2, null, null, null, null, null, null, null], cube.Cumulative());
        Assert.Equal(2, cube.Total(DjpkChannels.Phone));
        Assert.Equal(0, cube.Count(ReportingPeriod.Month(2023, 3), new Channel("tiktok"))); // a channel that never occurred
    }

    [Fact]
    public void Count_RecordsOutsideTheRange_AreNotCounted_InEitherOrder()
    {
        Consultation[] records =
        [
            At(2022, 12, 31, DjpkChannels.Phone), At(2023, 1, 1, DjpkChannels.Phone), At(2023, 6, 1, DjpkChannels.Email),
            At(2023, 12, 31, DjpkChannels.Phone), At(2024, 1, 1, DjpkChannels.Phone),
        ];
        AggregationRequest request = AggregationRequest.PerPeriod(PeriodGrain.Month).Within(PeriodRange.MonthsOf(2023)).By(AggregationDimensions.Channel);
        foreach (Consultation[] order in new[] { records, records.Reverse().ToArray() })
        {
            InteractionLog log = LogCase.Build(order);
            CountCube cube = Jakarta.Count(log, request);
            Assert.Equal(3, cube.Total());
            Assert.Equal(2, cube.Total(DjpkChannels.Phone));
            Assert.Equal(order == records, log.IsChronological);
        }
    }

    [Fact]
    public void Count_FiltersChannelsAndSegments()
    {
        InteractionLog log = LogCase.Build(
        [
            At(2023, 12, 1, DjpkChannels.Phone, DjpkSegments.Pemda),
            At(2023, 12, 2, DjpkChannels.Phone, DjpkSegments.Akademisi),
            At(2023, 12, 3, DjpkChannels.WhatsApp, DjpkSegments.Pemda),
        ]);
        AggregationRequest request = AggregationRequest.PerPeriod(PeriodGrain.Month).ForChannels(DjpkChannels.Phone).ForSegments(DjpkSegments.Pemda);
        CountCube cube = Jakarta.Count(log, request);
        Assert.Equal(1, cube.Count(ReportingPeriod.Month(2023, 12)));
        Assert.Equal([DjpkChannels.Phone], cube.ChannelFilter.ToArray());
        Assert.Equal([DjpkSegments.Pemda], cube.SegmentFilter.ToArray());
        Assert.Equal(1, Jakarta.CountDistinctUsers(log, request).Count(ReportingPeriod.Month(2023, 12)));
    }

    [Fact]
    public void Count_MemberOfAnUnbrokenDimension_Throws()
    {
        CountCube cube = Jakarta.Count(LogCase.Build([At(2023, 12, 1, DjpkChannels.Phone)]), AggregationRequest.PerPeriod(PeriodGrain.Month));
        var error = Assert.Throws<ArgumentException>(() => cube.Count(ReportingPeriod.Month(2023, 12), DjpkChannels.Phone));
        Assert.Contains("not broken down by Channel", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => cube.Count(ReportingPeriod.Month(2023, 11)));
        Assert.Throws<InvalidOperationException>(() => cube.TopTopics(ReportingPeriod.Month(2023, 12), null, 3));
    }

    [Fact]
    public void TopTopics_RanksByCountThenTopic()
    {
        var records = new List<Consultation>();
        void Add(string topic, int count, Channel channel)
        {
            for (int i = 0; i < count; i++)
            {
                records.Add(new Consultation(Instant.FromUtc(2023, 12, 5, 3, 0), channel, DjpkSegments.Pemda, new Topic(topic), new UserKey(i)));
            }
        }

        Add("Reservasi", 37, DjpkChannels.Phone);
        Add("DBH", 17, DjpkChannels.Phone);
        Add("DAK Non Fisik", 12, DjpkChannels.Phone);
        Add("Surat Masuk", 12, DjpkChannels.Phone); // ties with DAK Non Fisik: the name that sorts first wins
        Add("Permintaan Data", 50, DjpkChannels.WhatsApp);
        CountCube cube = Jakarta.Count(LogCase.Build(records), AggregationRequest.PerPeriod(PeriodGrain.Month).By(AggregationDimensions.Channel | AggregationDimensions.Topic));

        IReadOnlyList<TopicCount> top = cube.TopTopics(ReportingPeriod.Month(2023, 12), DjpkChannels.Phone, 3)!;
        Assert.Equal(["Reservasi: 37", "DBH: 17", "DAK Non Fisik: 12"], top.Select(t => t.ToString()));
        Assert.Equal("Permintaan Data", cube.TopTopics(ReportingPeriod.Month(2023, 12), null, 1)![0].Topic.Name);
        Assert.Equal(4, cube.TopTopics(ReportingPeriod.Month(2023, 12), DjpkChannels.Phone, 10)!.Count);
        Assert.Empty(cube.TopTopics(ReportingPeriod.Month(2023, 12), DjpkChannels.Email, 3)!);
        Assert.Throws<ArgumentOutOfRangeException>(() => cube.TopTopics(ReportingPeriod.Month(2023, 12), null, -1));
    }

    [Fact]
    public void YearToDate_SumsFromJanuary_AndNeedsTheWholeYear()
    {
        InteractionLog log = LogCase.Build(
            Enumerable.Range(1, 12).SelectMany(m => Enumerable.Repeat(At(2023, m, 15, DjpkChannels.Phone), m)).Append(At(2024, 1, 2, DjpkChannels.Phone)));
        CountCube cube = Jakarta.Count(log, AggregationRequest.PerPeriod(PeriodGrain.Month));
        Assert.Equal(78, cube.YearToDate(ReportingPeriod.Month(2023, 12)));
        Assert.Equal(6, cube.YearToDate(ReportingPeriod.Month(2023, 3)));
        Assert.Equal(1, cube.YearToDate(ReportingPeriod.Month(2024, 1)));

        CountCube partial = Jakarta.Count(log, AggregationRequest.PerPeriod(PeriodGrain.Month)
            .Within(PeriodRange.Between(ReportingPeriod.Month(2023, 6), ReportingPeriod.Month(2023, 12))));
        Assert.Throws<ArgumentOutOfRangeException>(() => partial.YearToDate(ReportingPeriod.Month(2023, 12)));
        Assert.Equal(12, partial.Count(ReportingPeriod.Month(2023, 12)));
    }

    [Fact]
    public void DistinctUsers_UniteAcrossChannelsAndMonths_NeverSum()
    {
        InteractionLog log = LogCase.Build(
        [
            At(2023, 11, 3, DjpkChannels.Phone, user: 1),
            At(2023, 11, 4, DjpkChannels.WhatsApp, user: 1),
            At(2023, 12, 4, DjpkChannels.WhatsApp, user: 1),
            At(2023, 12, 5, DjpkChannels.WhatsApp, user: 2),
        ]);
        DistinctUserCube users = Jakarta.CountDistinctUsers(log, AggregationRequest.PerPeriod(PeriodGrain.Month).By(AggregationDimensions.Channel));
        Assert.Equal(1, users.Count(ReportingPeriod.Month(2023, 11), DjpkChannels.Phone));
        Assert.Equal(1, users.Count(ReportingPeriod.Month(2023, 11), DjpkChannels.WhatsApp));
        Assert.Equal(1, users.Count(ReportingPeriod.Month(2023, 11)));                 // not 1 + 1
        Assert.Equal(2, users.CountBetween(ReportingPeriod.Month(2023, 11), ReportingPeriod.Month(2023, 12))); // not 1 + 2
        Assert.Equal([new UserKey(1), new UserKey(2)], users.Users(ReportingPeriod.Month(2023, 12))!);
        Assert.Equal([1, 2], users.Series());
        Assert.Throws<ArgumentException>(() => users.CountBetween(ReportingPeriod.Month(2023, 12), ReportingPeriod.Month(2023, 11)));
    }

    [Fact]
    public void DistinctUsers_WideBreakdown_FallsBackToSortingWithTheSameAnswer()
    {
        InteractionLog log = SyntheticLogCase.Small.Log;
        AggregationRequest request = AggregationRequest.PerPeriod(PeriodGrain.Quarter).By(AggregationDimensions.Channel | AggregationDimensions.Segment | AggregationDimensions.Topic);
        DistinctUserCube bitSets = new Aggregator(ReportingCalendar.Jakarta, 1).CountDistinctUsers(log, request);
        DistinctUserCube sorted = new Aggregator(ReportingCalendar.Jakarta, 1, Aggregator.MinRecordsPerPart, maxBitSetBytes: 0).CountDistinctUsers(log, request);
        Dictionary<string, long> expected = AggregationOracle.DistinctUsers(log, ReportingCalendar.Jakarta, PeriodGrain.Quarter, request.Dimensions);
        Assert.Equal(expected, AggregationOracle.NonZeroCells(bitSets));
        Assert.Equal(expected, AggregationOracle.NonZeroCells(sorted));
        Assert.Equal(bitSets.CountBetween(bitSets.Periods.First, bitSets.Periods.Last), log.DistinctUsers);
    }

    [Fact]
    public void EmptyLog_NeedsARange_AndThenHasNoData()
    {
        Assert.Throws<ArgumentException>(() => Jakarta.Count(InteractionLog.Empty, AggregationRequest.PerPeriod(PeriodGrain.Month)));
        CountCube cube = Jakarta.Count(InteractionLog.Empty, AggregationRequest.PerPeriod(PeriodGrain.Month).Within(PeriodRange.MonthsOf(2023)));
        Assert.All(cube.Series(), count => Assert.Null(count));
        Assert.Null(cube.Earliest);
        Assert.Equal(0, cube.Total());
    }

    [Fact]
    public void Merge_MismatchedAggregates_Throw()
    {
        InteractionLog log = LogCase.Build([At(2023, 12, 1, DjpkChannels.Phone)]);
        CountCube months = Jakarta.Count(log, AggregationRequest.PerPeriod(PeriodGrain.Month));
        Assert.Throws<ArgumentException>(() => months.Merge(Jakarta.Count(log, AggregationRequest.PerPeriod(PeriodGrain.Day))));
        Assert.Throws<ArgumentException>(() => months.Merge(Jakarta.Count(log, AggregationRequest.PerPeriod(PeriodGrain.Month).By(AggregationDimensions.Channel))));
        Assert.Throws<ArgumentException>(() => months.Merge(Jakarta.Count(log, AggregationRequest.PerPeriod(PeriodGrain.Month).ForChannels(DjpkChannels.Phone))));
        Assert.Throws<ArgumentException>(() => months.Merge(new Aggregator(ReportingCalendar.ForZone("UTC")).Count(log, AggregationRequest.PerPeriod(PeriodGrain.Month))));
        Assert.Throws<ArgumentException>(() => CountCube.Merge([]));
        Assert.Throws<ArgumentException>(() => DistinctUserCube.Merge([]));
    }

    [Fact]
    public void Request_ValidatesItsParts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AggregationRequest.PerPeriod((PeriodGrain)9));
        Assert.Throws<ArgumentOutOfRangeException>(() => AggregationRequest.PerPeriod(PeriodGrain.Month).By((AggregationDimensions)8));
        Assert.Throws<ArgumentException>(() => AggregationRequest.PerPeriod(PeriodGrain.Month).Within(new PeriodRange(ReportingPeriod.OfYear(2023), ReportingPeriod.OfYear(2023))));
        Assert.Throws<ArgumentException>(() => AggregationRequest.PerPeriod(PeriodGrain.Month).ForChannels(default(Channel)));
        Assert.Throws<ArgumentException>(() => AggregationRequest.PerPeriod(PeriodGrain.Month).ForSegments(default(UserSegment)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Aggregator(ReportingCalendar.Jakarta, 0));
        Assert.Equal([DjpkChannels.Email, DjpkChannels.Phone], AggregationRequest.PerPeriod(PeriodGrain.Day).ForChannels(DjpkChannels.Phone, DjpkChannels.Email, DjpkChannels.Phone).Channels.ToArray());
    }

    [Fact]
    public void Cells_NameTheirMembers()
    {
        InteractionLog log = LogCase.Build([At(2023, 12, 1, DjpkChannels.Phone)]);
        CountCell cell = Jakarta.Count(log, AggregationRequest.PerPeriod(PeriodGrain.Month).By(AggregationDimensions.Channel))
            .Cells().Single(c => c.Count == 1);
        Assert.Equal("2023-12 phone: 1", cell.ToString());
        Assert.Null(cell.Segment);
    }

    private static Consultation At(int year, int month, int day, Channel channel, UserSegment? segment = null, int user = 0) =>
        new(Instant.FromUtc(year, month, day, 3, 0), channel, segment ?? DjpkSegments.Pemda, new Topic("DBH"), new UserKey(user));

    private static bool Same(Dictionary<string, long> expected, Dictionary<string, long> actual) =>
        expected.Count == actual.Count && expected.All(e => actual.TryGetValue(e.Key, out long v) && v == e.Value);
}
