using System.Numerics;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Service;
using Djpk.Metrics.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Djpk.Metrics.Tests.Service;

// ServiceMetrics against ServiceOracle (record by record, NodaTime and LINQ), and its laws: merge of parts = whole,
// record order does not matter. Cases are generated around zone changes and with every field present or missing.
public class ServiceMetricsTests
{
    private static readonly string[] Zones = ["Asia/Jakarta", "Europe/London", "America/Sao_Paulo", "Australia/Lord_Howe", "Pacific/Chatham", "UTC"];

    public sealed record MetricsCase(string ZoneId, Consultation[] Records, PeriodGrain Grain, ServiceBreakdown Breakdown, int SettingsChoice, int Trim)
    {
        public ReportingCalendar Calendar => ReportingCalendar.ForZone(ZoneId);

        public ServiceSettings Settings => SettingsChoice switch
        {
            0 => ServiceSettings.Default,
            1 => ServiceSettings.Default.WithTarget(DjpkChannels.Phone, ServiceTarget.Within(Duration.FromSeconds(20))).WithTarget(DjpkChannels.LiveChat, ServiceTarget.Within(Duration.FromMinutes(30))),
            2 => ServiceSettings.Default.WithTarget(DjpkChannels.Email, ServiceTarget.WithinWorkingTime(Duration.FromHours(9)))
                .WithTarget(DjpkChannels.WhatsApp, ServiceTarget.Within(Duration.FromHours(4)))
                .WithWorkingTime(new WorkingTimeCalendar(DateTimeZoneProviders.Tzdb[ZoneId], OfficeHours.WeekdaysEightToFive))
                .WithShortAbandonThreshold(Duration.FromMinutes(30)),
            _ => ServiceSettings.Default.WithResolution(Duration.FromTicks(1)).WithShortAbandonThreshold(Duration.Zero).WithMinSatisfactionResponses(3)
                .WithWorkingTime(new WorkingTimeCalendar(DateTimeZoneProviders.Tzdb[ZoneId], OfficeHours.WeekdaysEightToFive.With(IsoDayOfWeek.Saturday, new LocalTime(9, 0), LocalTime.Midnight))),
        };

        public PeriodRange Range()
        {
            PeriodRange full = Calendar.RangeOf(Records.Min(r => r.Timestamp), Records.Max(r => r.Timestamp), Grain);
            int trim = Math.Min(Trim, (full.Count - 1) / 2);
            return new PeriodRange(full[trim], full[full.Count - 1 - trim]);
        }

        public override string ToString() => $"{ZoneId} {Grain} by {Breakdown}, settings {SettingsChoice}, trim {Trim}, {Records.Length} records:\n  " + string.Join("\n  ", Records);
    }

    public static class Cases
    {
        public static Arbitrary<MetricsCase> Arbitrary() => Arb.From(
            from zone in Gen.Elements(Zones)
            from presence in Gen.Choose(3, 10)
            from size in Gen.Choose(1, 60)
            from records in Gen.ArrayOf(ServiceRecords.Record(presence), size)
            from topics in Gen.ArrayOf(Gen.Elements(Topic.Unspecified, new Topic("DBH"), new Topic("DAK")), size)
            from grain in Gen.Elements(PeriodGrain.Day, PeriodGrain.Week, PeriodGrain.Month)
            from breakdown in Gen.Elements(Enum.GetValues<ServiceBreakdown>())
            from settings in Gen.Choose(0, 3)
            from trim in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 3)))
            select new MetricsCase(zone, [.. records.Select((r, i) => new Consultation(r.Timestamp, r.Channel, r.Segment, topics[i], r.User) with
            {
                FirstResponse = r.FirstResponse, End = r.End, Outcome = r.Outcome, Agent = r.Agent, Case = r.Case, Satisfaction = r.Satisfaction,
            })], grain, breakdown, settings, trim));
    }

    [Property(Arbitrary = [typeof(Cases)], MaxTest = 120)]
    public Property Measure_AnyLog_EqualsTheRecordByRecordOracle(MetricsCase c)
    {
        InteractionLog log = LogCase.Build(c.Records);
        PeriodRange range = c.Range();
        ServiceCube cube = ServiceMetrics.Measure(log, c.Calendar, c.Grain, c.Breakdown, c.Settings, range);
        Dictionary<(ReportingPeriod Period, string Key), ServiceOracle.Cell> expected = ServiceOracle.Measure(c.Records, c.Calendar, range, c.Breakdown, c.Settings);
        var actual = cube.Cells.ToDictionary(cell => (cell.Period, Key(cell, c.Breakdown)));
        Assert.Equal(expected.Keys.Order().ToArray(), actual.Keys.Order().ToArray());
        foreach (((ReportingPeriod period, string key), ServiceOracle.Cell e) in expected)
        {
            AssertSame(e, actual[(period, key)].Figures, c.Settings);
        }

        return true.ToProperty();
    }

    [Property(Arbitrary = [typeof(Cases)], MaxTest = 60)]
    public Property Merge_OfPartsSplitByCase_EqualsTheWhole(MetricsCase c, int seed)
    {
        PeriodRange range = c.Range();
        var random = new Random(seed);
        int parts = random.Next(1, 4);
        // A case stays in one part; a record without a case goes anywhere.
        int PartOf(Consultation r) => r.Case is { } key ? (int)(key.Value % parts) : random.Next(parts);
        ILookup<int, Consultation> split = c.Records.ToLookup(PartOf);
        ServiceCube Cube(IEnumerable<Consultation> records) => ServiceMetrics.Measure(LogCase.Build(records), c.Calendar, c.Grain, c.Breakdown, c.Settings, range);
        // The law holds for parts with the end column when the whole has it: without it a part's backlog is unknown, not zero.
        bool sameEnds = Enumerable.Range(0, parts).All(p => split[p].Any(r => r.End is not null) == c.Records.Any(r => r.End is not null));
        ServiceCube merged = Enumerable.Range(0, parts).Select(p => Cube(split[p])).Aggregate((a, b) => a.Merge(b));
        ServiceCube whole = Cube(c.Records);
        return (!sameEnds || Describe(merged).SequenceEqual(Describe(whole))).Label(string.Join("\n", Describe(merged)) + "\n---\n" + string.Join("\n", Describe(whole)));
    }

    [Property(Arbitrary = [typeof(Cases)], MaxTest = 40)]
    public Property Measure_RecordsInAnyOrder_GiveTheSameCube(MetricsCase c, int seed)
    {
        Consultation[] shuffled = [.. c.Records];
        new Random(seed).Shuffle(shuffled);
        ServiceCube Cube(Consultation[] records) => ServiceMetrics.Measure(LogCase.Build(records), c.Calendar, c.Grain, c.Breakdown, c.Settings, c.Range());
        return Describe(Cube(shuffled)).SequenceEqual(Describe(Cube(c.Records))).ToProperty();
    }

    [Property(MaxTest = 200)]
    public Property DurationDistribution_Percentiles_EqualTheSortedCopyAndMergeLikeTheWhole(int[] seconds, int[] ticks, int split, byte resolutionChoice, byte bitsChoice)
    {
        Duration resolution = (resolutionChoice % 3) switch { 0 => Duration.FromSeconds(1), 1 => Duration.FromTicks(1), _ => Duration.FromMinutes(1) };
        int bits = 1 + (bitsChoice % DurationDistribution.MaxSignificantBits);
        Duration[] durations = [.. seconds.Select((s, i) => Duration.FromSeconds(Math.Abs((long)s) % 200_000) + Duration.FromTicks(i < ticks.Length ? Math.Abs((long)ticks[i]) % 10_000_000 : 0))];
        DurationDistribution whole = DurationDistribution.Of(durations, resolution, bits);
        int cut = durations.Length == 0 ? 0 : Math.Abs(split % (durations.Length + 1));
        DurationDistribution merged = DurationDistribution.Of(durations[..cut], resolution, bits).Merge(DurationDistribution.Of(durations[cut..], resolution, bits));
        decimal[] fractions = [0m, 0.25m, 0.5m, 0.8m, 0.9m, 0.95m, 1m];
        bool percentiles = fractions.All(p => whole.Percentile(p) == ServiceOracle.Percentile(durations, resolution, p, bits) && merged.Percentile(p) == whole.Percentile(p));
        // Never above the exact percentile, and below it by less than one unit plus a bucket's relative width 2^(1-bits).
        bool withinResolution = durations.Length == 0 || fractions.All(p =>
            Exact(durations, p) - whole.Percentile(p)!.Value is var gap && gap >= Duration.Zero
            && gap <= resolution + Duration.FromNanoseconds((long)(Exact(durations, p).TotalNanoseconds * Math.Pow(2, 1 - bits))));
        return (percentiles && withinResolution && merged.Count == durations.Length && merged.Mean == Mean(durations) && whole.Mean == Mean(durations)
            && whole.Min == (durations.Length == 0 ? null : durations.Min()) && merged.Max == (durations.Length == 0 ? null : durations.Max())).ToProperty();
    }

    [Fact]
    public void DurationDistribution_Empty_IsUndefinedNotNaN()
    {
        DurationDistribution empty = DurationDistribution.Empty();
        Assert.Equal((0L, null, null, null, null), (empty.Count, empty.Mean, empty.Median, empty.Min, empty.Percentile(0.9m)));
        Assert.Equal("n=0", empty.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => empty.Percentile(1.01m));
        Assert.Throws<ArgumentOutOfRangeException>(() => DurationDistribution.Of([Duration.FromSeconds(-1)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => DurationDistribution.Empty(Duration.Zero));
        Assert.Throws<ArgumentException>(() => empty.Merge(DurationDistribution.Empty(Duration.FromTicks(1))));
        Assert.Throws<ArgumentException>(() => empty.Merge(DurationDistribution.Empty(significantBits: 12)));
        Assert.Throws<ArgumentOutOfRangeException>(() => DurationDistribution.Empty(significantBits: 17));
    }

    [Fact]
    public void DurationDistribution_HandComputedCase_GivesQuantileContValues()
    {
        // 10, 20, 30, 40 s: median (n-1)·0.5 = 1.5 → 20 + 0.5·10 = 25 s; p90 2.7 → 30 + 0.7·10 = 37 s; mean 25 s.
        DurationDistribution d = DurationDistribution.Of([Duration.FromSeconds(40), Duration.FromSeconds(10), Duration.FromSeconds(30), Duration.FromSeconds(20)]);
        Assert.Equal(Duration.FromSeconds(25), d.Median);
        Assert.Equal(Duration.FromSeconds(37), d.Percentile(0.9m));
        Assert.Equal(Duration.FromSeconds(25), d.Mean);
        Assert.Equal(2, d.CountAtMost(Duration.FromSeconds(20)));
        Assert.Equal(4, d.Buckets);

        // Exact to the second below 2^11 s, then 11 leading binary digits: 2049 s is counted as 2048 s, 10 801 s as 10 800 s.
        Assert.Equal(Duration.FromSeconds(2047), DurationDistribution.Of([Duration.FromSeconds(2047.9)]).Median);
        Assert.Equal(Duration.FromSeconds(2048), DurationDistribution.Of([Duration.FromSeconds(2049)]).Median);
        Assert.Equal(Duration.FromSeconds(10_800), DurationDistribution.Of([Duration.FromSeconds(10_801)]).Median);
        Assert.Equal(Duration.FromSeconds(10_801), DurationDistribution.Of([Duration.FromSeconds(10_801)]).Mean);
    }

    [Fact]
    public void Measure_HandComputedMonth_GivesEachFigure()
    {
        Instant at = Instant.FromUtc(2023, 12, 4, 2, 0); // Monday 09:00 in Jakarta
        Consultation Call(int user, int waitSeconds, Outcome outcome, int? end = null) =>
            new Consultation(at, DjpkChannels.Phone, DjpkSegments.Pemda, Topic.Unspecified, new UserKey(user)) with
            {
                FirstResponse = outcome == Outcome.Abandoned ? null : at + Duration.FromSeconds(waitSeconds),
                End = end is { } e ? at + Duration.FromSeconds(e) : null,
                Outcome = outcome,
            };
        Consultation[] records =
        [
            Call(1, 10, Outcome.Resolved, 200), Call(2, 15, Outcome.Answered, 100), Call(3, 40, Outcome.Resolved, 400),
            Call(4, 0, Outcome.Abandoned, 3), Call(5, 0, Outcome.Abandoned, 60) with { Satisfaction = 2 }, Call(6, 25, Outcome.Unresolved) with { Satisfaction = 5 },
        ];
        ServiceSettings settings = ServiceSettings.Default.WithTarget(DjpkChannels.Phone, ServiceTarget.Within(Duration.FromSeconds(20)));
        ServiceFigures f = ServiceMetrics.Measure(LogCase.Build(records), ReportingCalendar.Jakarta, PeriodGrain.Month, ServiceBreakdown.None, settings).Total(ReportingPeriod.Month(2023, 12));

        Assert.Equal((6L, 4L, 2L, 1L), (f.Contacts, f.Answered, f.Abandoned, f.ShortAbandoned));
        Assert.Equal((4L, 6L, 2L, 6L), (f.AnswerRate.Part, f.AnswerRate.Total, f.AbandonmentRate.Part, f.AbandonmentRate.Total));
        Assert.Equal((2L, 4L), (f.ServiceLevel(ServiceLevelDefinition.AnsweredOnly).Part, f.ServiceLevel(ServiceLevelDefinition.AnsweredOnly).Total)); // 10 s and 15 s
        Assert.Equal(6L, f.ServiceLevel(ServiceLevelDefinition.AbandonedIncluded).Total);
        Assert.Equal(5L, f.ServiceLevel(ServiceLevelDefinition.ShortAbandonsExcluded).Total); // the 3-second abandon is short
        Assert.Equal(Duration.FromSeconds(22.5), f.AverageSpeedOfAnswer); // (10 + 15 + 40 + 25) / 4
        Assert.Equal(Duration.FromSeconds(20), f.ResponseTime.Median);
        Assert.Equal(3L, f.HandleTime.Count); // 190, 85, 360 s
        Assert.Equal(Duration.FromSeconds(190), f.HandleTime.Median);
        Assert.Equal((2L, 4L), (f.FirstContactResolution.Part, f.FirstContactResolution.Total));
        Assert.Equal((2L, 7L, 1L), (f.SatisfactionResponses, f.SatisfactionTotal, f.Satisfied));
        Assert.Equal(3.5m, f.MeanSatisfaction);
        Assert.True(f.HasFewSatisfactionResponses);
        Assert.Equal(1L, f.OpenAtPeriodEnd); // the unresolved call has no end
    }

    [Fact]
    public void Measure_LogWithoutServiceColumns_HasUndefinedRatesAndNoBacklog()
    {
        Consultation[] records = [new(Instant.FromUtc(2023, 12, 4, 2, 0), DjpkChannels.Phone, DjpkSegments.Pemda, Topic.Unspecified, new UserKey(1))];
        ServiceFigures f = ServiceMetrics.Measure(LogCase.Build(records), ReportingCalendar.Jakarta, PeriodGrain.Month).Total(ReportingPeriod.Month(2023, 12));
        Assert.Equal(1L, f.Contacts);
        Assert.False(f.AnswerRate.IsDefined);
        Assert.False(f.AbandonmentRate.IsDefined);
        Assert.False(f.FirstContactResolution.IsDefined);
        Assert.False(f.ServiceLevel(ServiceLevelDefinition.AbandonedIncluded).IsDefined);
        Assert.Null(f.AverageSpeedOfAnswer);
        Assert.Null(f.OpenAtPeriodEnd);
        Assert.Null(f.MeanSatisfaction);
    }

    [Fact]
    public void Measure_FridayEveningEmail_WaitsTwentyWorkingMinutes()
    {
        DateTimeZone jakarta = DateTimeZoneProviders.Tzdb["Asia/Jakarta"];
        Instant friday = new LocalDateTime(2023, 12, 1, 16, 50).InZoneStrictly(jakarta).ToInstant();
        Instant monday = new LocalDateTime(2023, 12, 4, 8, 10).InZoneStrictly(jakarta).ToInstant();
        Consultation email = new Consultation(friday, DjpkChannels.Email, DjpkSegments.Pemda, Topic.Unspecified, new UserKey(1)) with { FirstResponse = monday };
        ServiceSettings settings = ServiceSettings.Default.WithWorkingTime(new WorkingTimeCalendar(jakarta, OfficeHours.WeekdaysEightToFive, DjpkProfile.WorkingDays))
            .WithTarget(DjpkChannels.Email, ServiceTarget.WithinWorkingTime(Duration.FromHours(9)));
        ServiceFigures f = ServiceMetrics.Measure(LogCase.Build([email]), ReportingCalendar.Jakarta, PeriodGrain.Month, ServiceBreakdown.Channel, settings).Of(ReportingPeriod.Month(2023, 12), DjpkChannels.Email);
        Assert.Equal(Duration.FromMinutes(20), f.WorkingResponseTime.Median);
        Assert.Equal(monday - friday, f.ResponseTime.Mean); // the median is bucketed: 2 days 15:20 is within 0.1 %
        Assert.Equal((1L, 1L), (f.WithinTarget, f.TargetedAnswered));
    }

    [Fact]
    public void Measure_WorkingTimeTargetWithoutCalendar_ThrowsWithTheFix()
    {
        Consultation[] records = [new(Instant.FromUtc(2023, 12, 4, 2, 0), DjpkChannels.Email, DjpkSegments.Pemda, Topic.Unspecified, new UserKey(1))];
        ServiceSettings settings = ServiceSettings.Default.WithTarget(DjpkChannels.Email, ServiceTarget.WithinWorkingTime(Duration.FromHours(9)));
        var e = Assert.Throws<InvalidOperationException>(() => ServiceMetrics.Measure(LogCase.Build(records), ReportingCalendar.Jakarta, PeriodGrain.Month, settings: settings));
        Assert.Contains("WithWorkingTime", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ServiceMetrics.Measure(InteractionLog.Empty, ReportingCalendar.Jakarta, PeriodGrain.Month));
    }

    private static string Key(ServiceCell cell, ServiceBreakdown breakdown) =>
        cell.Channel?.Id ?? cell.Segment?.Id ?? cell.Topic?.Name ?? cell.Agent?.ToString() ?? (breakdown == ServiceBreakdown.Agent ? "-" : "");

    private static IEnumerable<string> Describe(ServiceCube cube) => cube.Cells.Select(c =>
    {
        ServiceFigures f = c.Figures;
        return $"{c.Period} {Key(c, cube.Breakdown)} {f} wo{f.WithOutcome} awo{f.AnsweredWithOutcome} sa{f.ShortAbandoned} ta{f.TargetedAnswered} tb{f.TargetedAbandoned} ts{f.TargetedShortAbandoned} wu{f.WorkingTimeUnknown} "
            + $"w{f.WorkingResponseTime} h{f.HandleTime} p90 {f.ResponseTime.Percentile(0.9m)} fcr{f.ResolvedAtFirstContact}/{f.ResolvableCases} open{f.OpenAtPeriodEnd} sat{f.SatisfactionTotal}";
    });

    private static void AssertSame(ServiceOracle.Cell e, ServiceFigures f, ServiceSettings settings)
    {
        Assert.Equal(
            (e.Contacts, e.WithOutcome, e.Answered, e.AnsweredWithOutcome, e.Abandoned, e.ShortAbandoned, e.TargetedAnswered, e.TargetedAbandoned, e.TargetedShortAbandoned, e.WithinTarget, e.WorkingTimeUnknown),
            (f.Contacts, f.WithOutcome, f.Answered, f.AnsweredWithOutcome, f.Abandoned, f.ShortAbandoned, f.TargetedAnswered, f.TargetedAbandoned, f.TargetedShortAbandoned, f.WithinTarget, f.WorkingTimeUnknown));
        Assert.Equal((e.ResolvableCases, e.ResolvedAtFirstContact, e.Open), (f.ResolvableCases, f.ResolvedAtFirstContact, f.OpenAtPeriodEnd));
        Assert.Equal((e.SatisfactionResponses, e.SatisfactionTotal, e.Satisfied), (f.SatisfactionResponses, f.SatisfactionTotal, f.Satisfied));
        SameDistribution(e.Responses, f.ResponseTime, settings.Resolution);
        SameDistribution(e.WorkingResponses, f.WorkingResponseTime, settings.Resolution);
        SameDistribution(e.Handles, f.HandleTime, settings.Resolution);
    }

    private static void SameDistribution(Duration[] durations, DurationDistribution d, Duration resolution)
    {
        Assert.Equal(durations.Length, d.Count);
        Assert.Equal(Mean(durations), d.Mean);
        foreach (decimal p in new[] { 0.5m, 0.8m, 0.9m, 0.95m })
        {
            Assert.Equal(ServiceOracle.Percentile(durations, resolution, p, d.SignificantBits), d.Percentile(p));
        }
    }

    // The exact mean in nanoseconds, rounded half to even, by BigInteger arithmetic.
    private static Duration? Mean(Duration[] durations)
    {
        if (durations.Length == 0)
        {
            return null;
        }

        BigInteger sum = durations.Aggregate(BigInteger.Zero, (s, d) => s + d.BclCompatibleTicks) * 100;
        BigInteger quotient = BigInteger.DivRem(sum, durations.Length, out BigInteger remainder);
        if (remainder * 2 > durations.Length || (remainder * 2 == durations.Length && !quotient.IsEven))
        {
            quotient++;
        }

        return Duration.FromNanoseconds((long)quotient);
    }

    // The quantile_cont percentile of the exact (unbucketed) durations: one-tick units, every value its own bucket.
    private static Duration Exact(Duration[] durations, decimal p) => ServiceOracle.Percentile(durations, Duration.FromTicks(1), p, bits: 63)!.Value;
}
