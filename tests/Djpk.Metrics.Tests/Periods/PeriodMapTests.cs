using Djpk.Metrics.Periods;
using NodaTime;

namespace Djpk.Metrics.Tests.Periods;

/// <summary>The aggregator's precomputed map against <see cref="ReportingCalendar"/> (NodaTime's InZone per instant) as the oracle.</summary>
public class PeriodMapTests
{
    private static readonly string[] TransitionDays = ["1970-01-01", "1971-10-31", "2023-03-26", "2023-10-29", "2400-02-29"];

    public static TheoryData<string, PeriodGrain, string, string> Ranges() => new()
    {
        { "Asia/Jakarta", PeriodGrain.Day, "2023-12-01", "2024-01-31" },
        { "Asia/Jakarta", PeriodGrain.Month, "2023-01", "2023-12" },
        { "Europe/London", PeriodGrain.Day, "2023-03-20", "2023-04-05" },
        { "Europe/London", PeriodGrain.Week, "2022-W40", "2023-W15" },
        { "America/Sao_Paulo", PeriodGrain.Day, "2018-10-28", "2018-11-10" },   // midnight skipped on 2018-11-04
        { "America/Sao_Paulo", PeriodGrain.Month, "2017-01", "2019-12" },
        { "Australia/Lord_Howe", PeriodGrain.Quarter, "2019-Q1", "2021-Q4" },
        { "Pacific/Apia", PeriodGrain.Day, "2011-12-20", "2012-01-05" },          // 2011-12-30 skipped
        { "Pacific/Kiritimati", PeriodGrain.Year, "1993", "1996" },               // 1994-12-31 skipped
        { "America/St_Johns", PeriodGrain.Day, "2009-10-25", "2009-11-08" },      // fall back across midnight on 2009-11-01
        { "America/St_Johns", PeriodGrain.Month, "2008-09", "2010-12" },
        { "UTC", PeriodGrain.Year, "2019", "2021" },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void IndexOf_TicksNearEveryBoundaryAndTransition_EqualsPeriodOfInZone(string zoneId, PeriodGrain grain, string first, string last)
    {
        ReportingCalendar calendar = ReportingCalendar.ForZone(zoneId);
        var range = new PeriodRange(ReportingPeriod.Parse(first), ReportingPeriod.Parse(last));
        Assert.Equal(grain, range.Grain);
        var map = new PeriodMap(calendar, range);

        var failures = new List<string>();
        foreach (long ticks in InterestingTicks(calendar, range, seed: 14))
        {
            int expected = range.IndexOf(calendar.PeriodOf(Instant.FromUnixTimeTicks(ticks), grain));
            int actual = map.IndexOf(ticks);
            if (actual != expected)
            {
                failures.Add($"{Instant.FromUnixTimeTicks(ticks)}: map {actual}, calendar {expected}");
            }

            int piece = map.PieceOf(ticks);
            if (piece >= 0 && (map.PieceStart(piece) > ticks || map.PieceEnd(piece) <= ticks || map.PeriodOfPiece(piece) != expected))
            {
                failures.Add($"{Instant.FromUnixTimeTicks(ticks)}: piece {piece} [{map.PieceStart(piece)}, {map.PieceEnd(piece)}) does not hold it");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public void StartOf_EveryPeriodAndTheOneAfter_EqualsTheCalendarsStart(string zoneId, PeriodGrain grain, string first, string last)
    {
        ReportingCalendar calendar = ReportingCalendar.ForZone(zoneId);
        var range = new PeriodRange(ReportingPeriod.Parse(first), ReportingPeriod.Parse(last));
        var map = new PeriodMap(calendar, range);

        for (int i = 0; i < range.Count; i++)
        {
            Assert.Equal(calendar.StartOf(range[i]).ToUnixTimeTicks(), map.StartOf(i));
        }

        Assert.Equal(calendar.StartOf(range.Last.Next()).ToUnixTimeTicks(), map.StartOf(range.Count));
        Assert.Equal(grain, map.Range.Grain);
        Assert.Equal(range, map.Range);
    }

    [Theory]
    [InlineData("Asia/Jakarta", PeriodGrain.Day, "2023-12-01", "2024-01-31")]
    [InlineData("Europe/London", PeriodGrain.Week, "2022-W40", "2023-W15")]
    [InlineData("America/Sao_Paulo", PeriodGrain.Month, "2017-01", "2019-12")]
    [InlineData("Australia/Lord_Howe", PeriodGrain.Quarter, "2019-Q1", "2021-Q4")]
    [InlineData("UTC", PeriodGrain.Year, "2019", "2021")]
    public void StartAndEnd_OfAnOrdinaryRange_AreItsFirstStartAndTheNextPeriodsStart(string zoneId, PeriodGrain grain, string first, string last)
    {
        ReportingCalendar calendar = ReportingCalendar.ForZone(zoneId);
        var range = new PeriodRange(ReportingPeriod.Parse(first), ReportingPeriod.Parse(last));
        var map = new PeriodMap(calendar, range);
        Assert.Equal(grain, range.Grain);

        Assert.Equal(calendar.StartOf(range.First).ToUnixTimeTicks(), map.Start);
        Assert.Equal(calendar.StartOf(range.Last.Next()).ToUnixTimeTicks(), map.End);
        Assert.Equal(-1, map.PieceOf(map.Start - 1));
        Assert.Equal(-1, map.PieceOf(map.End));
        Assert.Equal(0, map.IndexOf(map.Start));
        Assert.Equal(range.Count - 1, map.IndexOf(map.End - 1));
        Assert.Equal(-1, map.IndexOf(map.End));
        Assert.Equal(-1, map.IndexOf(map.Start - 1));

        // The pieces tile all time: ascending starts, then long.MaxValue; each piece ends where the next starts.
        ReadOnlySpan<long> starts = map.PieceStarts;
        Assert.Equal(map.PieceCount + 1, starts.Length);
        Assert.Equal(long.MaxValue, starts[^1]);
        for (int piece = 0; piece < map.PieceCount; piece++)
        {
            Assert.True(starts[piece] < starts[piece + 1]);
            Assert.Equal(starts[piece + 1], map.PieceEnd(piece));
            if (piece > 0)
            {
                Assert.NotEqual(map.PeriodOfPiece(piece - 1), map.PeriodOfPiece(piece)); // pieces are maximal: neighbours differ
            }
        }
    }

    [Theory]
    [InlineData(PeriodGrain.Day, 36)]
    [InlineData(PeriodGrain.Week, 38)]
    [InlineData(PeriodGrain.Month, 40)]
    [InlineData(PeriodGrain.Quarter, 42)]
    [InlineData(PeriodGrain.Year, 43)]
    public void BucketTable_ForAFewYears_HoldsThePieceOfEachBucketsStart(PeriodGrain grain, int shift)
    {
        ReportingCalendar calendar = ReportingCalendar.ForZone("Europe/London");
        var range = new PeriodRange(
            ReportingPeriod.Containing(new LocalDate(2019, 1, 1), grain), ReportingPeriod.Containing(new LocalDate(2024, 12, 31), grain));
        var map = new PeriodMap(calendar, range);

        Assert.Equal(shift, map.BucketShift);
        int[] table = Assert.IsType<int[]>(map.BucketTable);
        // A bucket is at most an eighth of the grain's shortest period (a 23-hour day, a 28-day month)...
        long bucket = 1L << shift;
        Assert.True(bucket * 8 <= ShortestTicks(grain), $"bucket {bucket} ticks");
        // ...and the table covers [Start, End) with one entry per bucket, each the piece holding the bucket's first tick.
        Assert.Equal(((map.End - 1 - map.Start) >> shift) + 1, table.Length);
        for (int b = 0; b < table.Length; b++)
        {
            long tick = map.Start + ((long)b << shift);
            Assert.True(map.PieceStart(table[b]) <= tick && tick < map.PieceEnd(table[b]), $"bucket {b}");
        }
    }

    [Fact]
    public void IndexOf_RangeOfAThousandYearsOfDays_SearchesWithoutATableAndEqualsPeriodOf()
    {
        // 1000 years of days is more than 2^22 buckets of 2^36 ticks: the map falls back to binary search.
        ReportingCalendar calendar = ReportingCalendar.ForZone("Europe/London");
        var range = new PeriodRange(ReportingPeriod.Day(new LocalDate(1500, 1, 1)), ReportingPeriod.Day(new LocalDate(2499, 12, 31)));
        var map = new PeriodMap(calendar, range);
        Assert.Null(map.BucketTable);

        var random = new Random(20231231);
        long low = calendar.StartOf(range.First).ToUnixTimeTicks() - NodaConstants.TicksPerDay;
        long high = calendar.StartOf(range.Last.Next()).ToUnixTimeTicks() + NodaConstants.TicksPerDay;
        var ticks = new List<long> { low, high, map.Start, map.Start - 1, map.End, map.End - 1 };
        for (int i = 0; i < 3000; i++)
        {
            ticks.Add(random.NextInt64(low, high));
        }

        foreach (ReportingPeriod day in TransitionDays.Select(ReportingPeriod.Parse))
        {
            long start = calendar.StartOf(day).ToUnixTimeTicks();
            ticks.AddRange([start - 1, start, start + 1]);
        }

        foreach (long t in ticks)
        {
            Assert.Equal(range.IndexOf(calendar.PeriodOf(Instant.FromUnixTimeTicks(t), PeriodGrain.Day)), map.IndexOf(t));
        }
    }

    [Fact]
    public void Constructor_ManyFallBacksAcrossMidnight_GrowsItsPieceListAndStaysExact()
    {
        // St. John's fell back across midnight every autumn from 1988 to 2010: each adds two pieces beyond one per day.
        ReportingCalendar calendar = ReportingCalendar.ForZone("America/St_Johns");
        var range = new PeriodRange(ReportingPeriod.Day(new LocalDate(1988, 1, 1)), ReportingPeriod.Day(new LocalDate(2010, 12, 31)));
        var map = new PeriodMap(calendar, range);
        Assert.True(map.PieceCount > range.Count + 16, $"{map.PieceCount} pieces");

        foreach (long t in InterestingTicks(calendar, range, seed: 1988))
        {
            Assert.Equal(range.IndexOf(calendar.PeriodOf(Instant.FromUnixTimeTicks(t), PeriodGrain.Day)), map.IndexOf(t));
        }
    }

    [Fact]
    public void IndexOf_RangeEndingTheDayBeforeAFallBackAcrossMidnight_KeepsTheNextDateOutAndTheRepeatedHourIn()
    {
        // America/St_Johns on 2009-11-01: 00:00-00:01 NDT of November 1 (02:30-02:31 UTC) lies between two stretches of
        // October 31, so a range ending on October 31 has a piece outside it between two pieces inside it.
        ReportingCalendar stJohns = ReportingCalendar.ForZone("America/St_Johns");
        var range = new PeriodRange(ReportingPeriod.Day(new LocalDate(2009, 10, 30)), ReportingPeriod.Day(new LocalDate(2009, 10, 31)));
        var map = new PeriodMap(stJohns, range);
        long firstMidnight = Instant.FromUtc(2009, 11, 1, 2, 30).ToUnixTimeTicks();
        long repeated = Instant.FromUtc(2009, 11, 1, 3, 0).ToUnixTimeTicks();

        Assert.Equal(1, map.IndexOf(firstMidnight - 1));
        Assert.Equal(-1, map.IndexOf(firstMidnight));
        Assert.Equal(-1, map.PeriodOfPiece(map.PieceOf(firstMidnight)));
        Assert.Equal(1, map.IndexOf(repeated));
        Assert.True(map.End > repeated);
        Assert.Equal(-1, map.IndexOf(map.End));
        for (int piece = 1; piece < map.PieceCount; piece++)
        {
            Assert.NotEqual(map.PeriodOfPiece(piece - 1), map.PeriodOfPiece(piece));
        }
    }

    [Fact]
    public void Constructor_RangeOfOnlyASkippedDate_MapsNothing()
    {
        ReportingCalendar apia = ReportingCalendar.ForZone("Pacific/Apia");
        ReportingPeriod skipped = ReportingPeriod.Day(new LocalDate(2011, 12, 30));
        var map = new PeriodMap(apia, new PeriodRange(skipped, skipped));
        long dateLine = Instant.FromUtc(2011, 12, 30, 10, 0).ToUnixTimeTicks();

        Assert.Equal(map.Start, map.End);
        Assert.Null(map.BucketTable);
        Assert.Equal(dateLine, map.StartOf(0));
        Assert.Equal(dateLine, map.StartOf(1));
        Assert.All(new[] { dateLine - 1, dateLine, dateLine + 1, 0L }, t => Assert.Equal(-1, map.IndexOf(t)));
        Assert.Equal([true], map.PeriodsSpanned(dateLine - 1, dateLine));
        Assert.Equal([false], map.PeriodsSpanned(dateLine, dateLine + 1));
        Assert.Equal([false], map.PeriodsSpanned(dateLine - 2, dateLine - 1));
    }

    [Fact]
    public void Constructor_LastPeriodOfYear9999_EndsAtTheEndOfTime()
    {
        ReportingCalendar calendar = ReportingCalendar.ForZone("UTC");
        var range = new PeriodRange(ReportingPeriod.Month(9999, 11), ReportingPeriod.Month(9999, 12));
        var map = new PeriodMap(calendar, range);

        Assert.Equal(long.MaxValue, map.End);
        Assert.Equal(long.MaxValue, map.StartOf(2));
        Assert.Equal(1, map.IndexOf(ZoneDays.MaxTicks));
        Assert.Equal(0, map.IndexOf(calendar.StartOf(range.First).ToUnixTimeTicks()));
        Assert.Equal(1, map.IndexOf(calendar.StartOf(range.Last).ToUnixTimeTicks()));
        Assert.Equal(0, map.IndexOf(calendar.StartOf(range.Last).ToUnixTimeTicks() - 1));
        Assert.NotNull(map.BucketTable);
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public void PeriodsSpanned_AnySpan_IsThePeriodsBetweenThoseOfItsEnds(string zoneId, PeriodGrain grain, string first, string last)
    {
        ReportingCalendar calendar = ReportingCalendar.ForZone(zoneId);
        var range = new PeriodRange(ReportingPeriod.Parse(first), ReportingPeriod.Parse(last));
        var map = new PeriodMap(calendar, range);
        Assert.Equal(grain, range.Grain);
        long[] ticks = [.. InterestingTicks(calendar, range, seed: 7).Where((_, i) => i % 3 == 0)];
        var random = new Random(7);

        for (int k = 0; k < 200; k++)
        {
            long a = ticks[random.Next(ticks.Length)], b = ticks[random.Next(ticks.Length)];
            (long earliest, long latest) = a <= b ? (a, b) : (b, a);
            bool[] spanned = map.PeriodsSpanned(earliest, latest);
            Assert.Equal(range.Count, spanned.Length);
            for (int i = 0; i < range.Count; i++)
            {
                Assert.True(Spans(calendar, range[i], earliest, latest) == spanned[i], $"{range[i]} for [{Instant.FromUnixTimeTicks(earliest)}, {Instant.FromUnixTimeTicks(latest)}]");
            }
        }
    }

    [Fact]
    public void PeriodsSpanned_OneInstant_IsItsPeriodAlone()
    {
        ReportingCalendar calendar = ReportingCalendar.Jakarta;
        var range = PeriodRange.MonthsOf(2023);
        var map = new PeriodMap(calendar, range);
        long june = calendar.StartOf(ReportingPeriod.Month(2023, 6)).ToUnixTimeTicks();

        Assert.Equal(Enumerable.Range(0, 12).Select(i => i == 5), map.PeriodsSpanned(june, june));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => i == 4), map.PeriodsSpanned(june - 1, june - 1));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => i is 4 or 5), map.PeriodsSpanned(june - 1, june));
        Assert.Equal(new bool[12], map.PeriodsSpanned(0, 1)); // 1970: before the range
    }

    // Whether an instant of [earliest, latest] has its local date in the period (for a period without instants, whether the
    // span has instants on both sides of its start). Within one zone interval the offset is fixed, so the period's run there
    // starts at the interval's start or at the period's first local midnight under that offset: checking those instants
    // with InZone is the oracle.
    private static bool Spans(ReportingCalendar calendar, ReportingPeriod period, long earliest, long latest)
    {
        Interval interval = calendar.IntervalOf(period);
        if (interval.HasEnd && interval.Start == interval.End)
        {
            long start = interval.Start.ToUnixTimeTicks();
            return earliest < start && start <= latest;
        }

        foreach (NodaTime.TimeZones.ZoneInterval zone in calendar.Zone.GetZoneIntervals(new Interval(Instant.FromUnixTimeTicks(earliest), Instant.FromUnixTimeTicks(latest + 1))))
        {
            long from = Math.Max(earliest, zone.HasStart ? zone.Start.ToUnixTimeTicks() : long.MinValue);
            long to = Math.Min(latest + 1, zone.HasEnd ? zone.End.ToUnixTimeTicks() : long.MaxValue);
            long midnight = period.Start.AtMidnight().WithOffset(zone.WallOffset).ToInstant().ToUnixTimeTicks();
            if (from < to && (In(calendar, from, period) || (from <= midnight && midnight < to && In(calendar, midnight, period))))
            {
                return true;
            }
        }

        return false;
    }

    private static bool In(ReportingCalendar calendar, long ticks, ReportingPeriod period) =>
        calendar.PeriodOf(Instant.FromUnixTimeTicks(ticks), period.Grain) == period;

    private static long ShortestTicks(PeriodGrain grain) => grain switch
    {
        PeriodGrain.Day => 23 * NodaConstants.TicksPerHour,
        PeriodGrain.Week => (7 * NodaConstants.TicksPerDay) - NodaConstants.TicksPerHour,
        PeriodGrain.Month => (28 * NodaConstants.TicksPerDay) - NodaConstants.TicksPerHour,
        PeriodGrain.Quarter => (90 * NodaConstants.TicksPerDay) - NodaConstants.TicksPerHour,
        _ => (365 * NodaConstants.TicksPerDay) - NodaConstants.TicksPerHour,
    };

    // Ticks one either side of every period start and zone transition from a day before the range to a day after it, and random ticks between.
    private static IEnumerable<long> InterestingTicks(ReportingCalendar calendar, PeriodRange range, int seed)
    {
        Instant from = calendar.StartOf(range.First) - Duration.FromDays(2);
        Instant to = (range.Last.Index < ReportingPeriod.MaxIndex(range.Grain) ? calendar.StartOf(range.Last.Next()) : calendar.StartOf(range.Last)) + Duration.FromDays(2);
        var boundaries = new List<long>();
        for (ReportingPeriod p = range.First; ; p = p.Next())
        {
            boundaries.Add(calendar.StartOf(p).ToUnixTimeTicks());
            if (p == range.Last)
            {
                boundaries.Add(calendar.StartOf(p.Next()).ToUnixTimeTicks());
                break;
            }
        }

        boundaries.AddRange(calendar.Zone.GetZoneIntervals(from, to).Where(z => z.HasStart).Select(z => z.Start.ToUnixTimeTicks()));
        var ticks = new List<long> { from.ToUnixTimeTicks(), to.ToUnixTimeTicks() };
        foreach (long b in boundaries)
        {
            ticks.AddRange([b - 1, b, b + 1, b + NodaConstants.TicksPerHour, b - NodaConstants.TicksPerHour]);
        }

        var random = new Random(seed);
        for (int i = 0; i < 500; i++)
        {
            ticks.Add(random.NextInt64(from.ToUnixTimeTicks(), to.ToUnixTimeTicks()));
        }

        return ticks.Where(t => t >= from.ToUnixTimeTicks() && t <= to.ToUnixTimeTicks());
    }
}
