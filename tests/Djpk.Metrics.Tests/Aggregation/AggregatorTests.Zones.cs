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
    // America/St_Johns, 2007-2010: daylight time ended at 00:01 local, back to 23:01 of the day before. On 2009-11-01 at
    // 02:31 UTC (00:01 NDT, UTC-2:30) the clocks went back to 2009-10-31 23:01 NST (UTC-3:30): October's last hour came
    // again after November had begun.
    private static readonly Instant StJohnsFallBack = Instant.FromUtc(2009, 11, 1, 2, 31);

    // Pacific/Apia skipped 2011-12-30: 2011-12-29 24:00 at UTC-10 was 2011-12-31 00:00 at UTC+14 (2011-12-30 10:00 UTC).
    private static readonly Instant ApiaDateLine = Instant.FromUtc(2011, 12, 30, 10, 0);

    public static TheoryData<int, int> Parallelism => new() { { 1, Aggregator.MinRecordsPerPart }, { 3, 1 } };

    [Theory]
    [MemberData(nameof(Parallelism))]
    public void Count_FallBackAcrossMidnight_KeepsTheRepeatedHourInTheEarlierDayAndMonth(int threads, int minRecordsPerPart)
    {
        var calendar = ReportingCalendar.ForZone("America/St_Johns");
        var aggregator = new Aggregator(calendar, threads, minRecordsPerPart, 1L << 30);
        Consultation[] records =
        [
            Record(StJohnsFallBack - Duration.FromMinutes(31), 1),  // 2009-10-31 23:30 NDT
            Record(StJohnsFallBack - Duration.FromSeconds(30), 2),  // 2009-11-01 00:00:30 NDT
            Record(StJohnsFallBack + Duration.FromMinutes(29), 3),  // 2009-10-31 23:30 NST, the second time
            Record(StJohnsFallBack + Duration.FromMinutes(59), 4),  // 2009-11-01 00:00 NST
        ];
        Assert.Equal(
            ["2009-10-31", "2009-11-01", "2009-10-31", "2009-11-01"],
            records.Select(r => r.Timestamp.InZone(calendar.Zone).Date.ToString("yyyy-MM-dd", null)));

        foreach (Consultation[] order in new[] { records, records.Reverse().ToArray() })
        {
            InteractionLog log = LogCase.Build(order);
            CountCube months = aggregator.Count(log, AggregationRequest.PerPeriod(PeriodGrain.Month));
            Assert.Equal([(long?)2, 2], months.Series());
            CountCube days = aggregator.Count(log, AggregationRequest.PerPeriod(PeriodGrain.Day));
            Assert.Equal([(long?)2, 2], days.Series());
            DistinctUserCube users = aggregator.CountDistinctUsers(log, AggregationRequest.PerPeriod(PeriodGrain.Month));
            Assert.Equal([new UserKey(1), new UserKey(3)], users.Users(ReportingPeriod.Month(2009, 10))!);
            Assert.Equal([new UserKey(2), new UserKey(4)], users.Users(ReportingPeriod.Month(2009, 11))!);

            // Only October: its repeated hour is counted although it comes after November's first instant.
            CountCube october = aggregator.Count(log, AggregationRequest.PerPeriod(PeriodGrain.Day)
                .Within(new PeriodRange(ReportingPeriod.Day(new LocalDate(2009, 10, 31)), ReportingPeriod.Day(new LocalDate(2009, 10, 31)))));
            Assert.Equal(2, october.Total());
        }
    }

    [Theory]
    [MemberData(nameof(Parallelism))]
    public void Count_ZoneSkipsAWholeDate_CountsThatDayZeroAndNeverThrows(int threads, int minRecordsPerPart)
    {
        var calendar = ReportingCalendar.ForZone("Pacific/Apia");
        var aggregator = new Aggregator(calendar, threads, minRecordsPerPart, 1L << 30);
        ReportingPeriod skipped = ReportingPeriod.Day(new LocalDate(2011, 12, 30));
        Consultation[] records =
        [
            Record(ApiaDateLine - Duration.FromHours(1), 1), // 2011-12-29 23:00 (UTC-10), the last hour before the gap
            Record(ApiaDateLine, 2),                          // 2011-12-31 00:00 (UTC+14)
            Record(ApiaDateLine + Duration.FromHours(1), 3),
        ];
        foreach (Consultation[] order in new[] { records, records.Reverse().ToArray() })
        {
            InteractionLog log = LogCase.Build(order);
            CountCube days = aggregator.Count(log, AggregationRequest.PerPeriod(PeriodGrain.Day));
            Assert.Equal("2011-12-29..2011-12-31", days.Periods.ToString());
            Assert.Equal([(long?)1, 0, 2], days.Series()); // the skipped day is inside the data: a known zero, not unknown
            Assert.True(days.HasData(skipped));
            Assert.Equal([(long?)1, 0, 2], aggregator.CountDistinctUsers(log, AggregationRequest.PerPeriod(PeriodGrain.Day)).Series());

            // The day before the gap alone, the gap alone, and the month around it.
            Assert.Equal(1, aggregator.Count(log, AggregationRequest.PerPeriod(PeriodGrain.Day).Within(DayRange(2011, 12, 29, 1))).Total());
            Assert.Equal(1, aggregator.CountDistinctUsers(log, AggregationRequest.PerPeriod(PeriodGrain.Day).Within(DayRange(2011, 12, 29, 1))).Count(DayRange(2011, 12, 29, 1).First));
            Assert.Equal([(long?)0], aggregator.Count(log, AggregationRequest.PerPeriod(PeriodGrain.Day).Within(DayRange(2011, 12, 30, 1))).Series());
            Assert.Equal(3, aggregator.Count(log, AggregationRequest.PerPeriod(PeriodGrain.Month)).Count(ReportingPeriod.Month(2011, 12)));
        }
    }

    [Fact]
    public void Count_OnlyTheSkippedDate_HasNoDataWhenTheLogIsElsewhere()
    {
        var aggregator = new Aggregator(ReportingCalendar.ForZone("Pacific/Apia"));
        InteractionLog log = LogCase.Build([Record(ApiaDateLine + Duration.FromDays(3), 1)]);
        CountCube cube = aggregator.Count(log, AggregationRequest.PerPeriod(PeriodGrain.Day).Within(DayRange(2011, 12, 29, 3)));
        Assert.Equal([(long?)null, null, null], cube.Series());
        Assert.Equal(0, cube.Total());
    }

    [Fact]
    public void Count_EveryZoneOverDatesItSkips_NeverThrows()
    {
        // Every date a TZDB zone skips from 1900 to 2037 (Apia, Kiritimati, Kwajalein, ...), with a day either side, at every grain.
        int skippedDates = 0;
        foreach (string zoneId in ZoneSamples.ZoneIds)
        {
            DateTimeZone zone = DateTimeZoneProviders.Tzdb[zoneId];
            var aggregator = new Aggregator(new ReportingCalendar(zone), 1);
            foreach (LocalDate date in ZoneSamples.SkippedDates(zone))
            {
                skippedDates++;
                Instant before = zone.AtLeniently(date.PlusDays(-1).At(new LocalTime(12, 0))).ToInstant();
                Instant after = zone.AtLeniently(date.PlusDays(1).At(new LocalTime(12, 0))).ToInstant();
                InteractionLog log = LogCase.Build([Record(before, 1), Record(after, 2)]);
                foreach (PeriodGrain grain in Enum.GetValues<PeriodGrain>())
                {
                    var range = new PeriodRange(ReportingPeriod.Containing(date.PlusDays(-1), grain), ReportingPeriod.Containing(date.PlusDays(1), grain));
                    Assert.Equal(2, aggregator.Count(log, AggregationRequest.PerPeriod(grain).Within(range)).Total());
                    Assert.Equal(2, aggregator.CountDistinctUsers(log, AggregationRequest.PerPeriod(grain).Within(range)).CountBetween(range.First, range.Last));
                    Assert.Equal(0, aggregator.Count(InteractionLog.Empty, AggregationRequest.PerPeriod(grain).Within(range)).Total());
                }
            }
        }

        Assert.True(skippedDates >= 3, $"only {skippedDates} skipped dates found");
    }

    [Property(MaxTest = 200)]
    public Property Count_AnyZoneAnyRange_NeverThrowsAndEqualsOracle() =>
        Prop.ForAll(Arb.From(ZoneRangeCases()), c =>
        {
            (string zoneId, PeriodRange range, Instant[] instants) = c;
            var calendar = ReportingCalendar.ForZone(zoneId);
            var aggregator = new Aggregator(calendar);
            Consultation[] records = [.. instants.Select((t, i) => Record(t, i))];
            CountCube cube = aggregator.Count(LogCase.Build(records), AggregationRequest.PerPeriod(range.Grain).Within(range));
            long expected = instants.LongCount(t => t.InZone(calendar.Zone).Date is LocalDate date && date >= range.First.Start && date <= range.Last.End);
            _ = aggregator.CountDistinctUsers(LogCase.Build(records), AggregationRequest.PerPeriod(range.Grain).Within(range));
            _ = aggregator.Count(InteractionLog.Empty, AggregationRequest.PerPeriod(range.Grain).Within(range));
            return cube.Total() == expected;
        });

    // A TZDB zone, a range of up to 40 periods (often at the ends of years 1 to 9999), and instants in and around it.
    private static Gen<(string, PeriodRange, Instant[])> ZoneRangeCases() =>
        from zoneId in Gen.Elements(ZoneSamples.ZoneIds.ToArray())
        from grain in Gen.Elements(Enum.GetValues<PeriodGrain>())
        from year in Gen.Frequency((4, Gen.Choose(1970, 2037)), (1, Gen.Choose(1, 3)), (1, Gen.Choose(9997, 9999)), (1, Gen.Choose(1, 9999)))
        from dayOfYear in Gen.Choose(1, 365)
        from length in Gen.Choose(1, 40)
        from offsets in Gen.ArrayOf(Gen.Choose(-48, (length * 24) + 48), 8)
        let first = ClampedPeriod(new LocalDate(year, 1, 1).PlusDays(dayOfYear - 1), grain)
        let last = ReportingPeriod.FromIndex(grain, Math.Min(first.Index + length - 1, ReportingPeriod.MaxIndex(grain)))
        let start = ReportingCalendar.ForZone(zoneId).StartOf(first)
        select (zoneId, new PeriodRange(first, last), offsets.Select(h => Clamp(PlusHoursSaturated(start, h))).ToArray());

    // start + hours, held within NodaTime's instant range (a range at the end of year 9999 plus 40 periods leaves it).
    private static Instant PlusHoursSaturated(Instant start, int hours)
    {
        long ticks = start.ToUnixTimeTicks() + (hours * NodaConstants.TicksPerHour);
        return Instant.FromUnixTimeTicks(Math.Clamp(ticks, Instant.MinValue.ToUnixTimeTicks(), Instant.MaxValue.ToUnixTimeTicks()));
    }

    private static ReportingPeriod ClampedPeriod(LocalDate date, PeriodGrain grain) =>
        ReportingPeriod.FromIndex(grain, Math.Min(PeriodDays.IndexOfDay(grain, ReportingPeriod.Day(date).Index), ReportingPeriod.MaxIndex(grain)));

    // Instants whose local date is in years 1-9999 in every zone (offsets are within 18 hours).
    private static Instant Clamp(Instant instant)
    {
        Instant min = Instant.FromUtc(1, 1, 2, 0, 0), max = Instant.FromUtc(9999, 12, 31, 0, 0);
        return instant < min ? min : instant > max ? max : instant;
    }

    private static PeriodRange DayRange(int year, int month, int day, int days) =>
        new(ReportingPeriod.Day(new LocalDate(year, month, day)), ReportingPeriod.Day(new LocalDate(year, month, day).PlusDays(days - 1)));

    private static Consultation Record(Instant instant, int user) =>
        new(instant, DjpkChannels.Phone, DjpkSegments.Pemda, new Topic("DBH"), new UserKey(user));
}
