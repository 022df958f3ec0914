using Djpk.Metrics.Periods;
using Djpk.Metrics.Tests.Support;
using NodaTime;

namespace Djpk.Metrics.Tests.Periods;

public partial class ReportingCalendarTests
{
    private static readonly Duration Tick = Duration.FromTicks(1);

    [Fact]
    public void StartOf_DateApiaSkipped_IsTheNextDatesStartAndItsIntervalIsEmpty()
    {
        // 2011-12-29 24:00 at UTC-10 became 2011-12-31 00:00 at UTC+14: 2011-12-30 has no instants.
        ReportingCalendar apia = ReportingCalendar.ForZone("Pacific/Apia");
        Instant dateLine = Instant.FromUtc(2011, 12, 30, 10, 0);
        ReportingPeriod skipped = ReportingPeriod.Day(new LocalDate(2011, 12, 30));

        Assert.Equal(dateLine, apia.StartOf(skipped));
        Assert.Equal(dateLine, apia.StartOf(skipped.Next()));
        Assert.Equal(new Interval(dateLine, dateLine), apia.IntervalOf(skipped));
        Assert.Equal(dateLine, apia.IntervalOf(skipped.Previous()).End);
        Assert.Equal("2011-12-29", apia.PeriodOf(dateLine - Tick, PeriodGrain.Day).ToString());
        Assert.Equal("2011-12-31", apia.PeriodOf(dateLine, PeriodGrain.Day).ToString());
        Assert.Equal(Duration.FromDays(30), apia.IntervalOf(ReportingPeriod.Month(2011, 12)).Duration); // December had 30 days
    }

    [Fact]
    public void StartOf_DateKiritimatiSkipped_IsNewYear1995()
    {
        // 1994-12-30 24:00 at UTC-10 became 1995-01-01 00:00 at UTC+14: 1994-12-31 has no instants.
        ReportingCalendar kiritimati = ReportingCalendar.ForZone("Pacific/Kiritimati");
        Instant dateLine = Instant.FromUtc(1994, 12, 31, 10, 0);
        Assert.Equal(dateLine, kiritimati.StartOf(ReportingPeriod.Day(new LocalDate(1994, 12, 31))));
        Assert.Equal(Duration.Zero, kiritimati.IntervalOf(ReportingPeriod.Day(new LocalDate(1994, 12, 31))).Duration);
        Assert.Equal(dateLine, kiritimati.StartOf(ReportingPeriod.OfYear(1995)));
        Assert.Equal(dateLine, kiritimati.IntervalOf(ReportingPeriod.Quarter(1994, 4)).End);
    }

    [Fact]
    public void IntervalOf_FallBackAcrossMidnight_LeavesTheRepeatedHourToPeriodOf()
    {
        // America/St_Johns on 2009-11-01: at 00:01 NDT (02:31 UTC) back to 2009-10-31 23:01 NST.
        ReportingCalendar stJohns = ReportingCalendar.ForZone("America/St_Johns");
        Instant firstMidnight = Instant.FromUtc(2009, 11, 1, 2, 30);
        Instant repeated = Instant.FromUtc(2009, 11, 1, 3, 0); // 23:30 NST on 2009-10-31, the second time
        Assert.Equal(firstMidnight, stJohns.StartOf(ReportingPeriod.Month(2009, 11)));
        Assert.Equal(firstMidnight, stJohns.IntervalOf(ReportingPeriod.Day(new LocalDate(2009, 10, 31))).End);
        Assert.True(stJohns.IntervalOf(ReportingPeriod.Month(2009, 11)).Contains(repeated));
        Assert.Equal("2009-10", stJohns.PeriodOf(repeated, PeriodGrain.Month).ToString());
        Assert.Equal("2009-11-01", stJohns.PeriodOf(firstMidnight, PeriodGrain.Day).ToString());
    }

    [Fact]
    public void StartOf_EveryZoneNearEveryTransition_IsTheFirstInstantOnOrAfterTheDate()
    {
        // From 1970 to 2037, every date within a day of an offset transition, in every TZDB zone: never throws, and the
        // start is an instant of the date or later whose previous tick is of an earlier date (InZone is the oracle).
        int dates = 0;
        var failures = new List<string>();
        foreach (string zoneId in ZoneSamples.ZoneIds)
        {
            var calendar = ReportingCalendar.ForZone(zoneId);
            foreach (LocalDate date in ZoneSamples.Of(calendar.Zone).DatesNearTransitions)
            {
                dates++;
                ReportingPeriod day = ReportingPeriod.Day(date);
                Instant start = calendar.StartOf(day);
                if (start.InZone(calendar.Zone).Date < date || (start - Tick).InZone(calendar.Zone).Date >= date)
                {
                    failures.Add($"{zoneId} {date:yyyy-MM-dd}: starts at {start} ({start.InZone(calendar.Zone)})");
                }

                // The aggregator's map agrees, and an interval is never negative.
                var map = new PeriodMap(calendar, new PeriodRange(day.Previous(), day.Next()));
                Interval interval = calendar.IntervalOf(day);
                if (map.StartOf(1) != start.ToUnixTimeTicks() || map.StartOf(2) != interval.End.ToUnixTimeTicks() || interval.End < interval.Start)
                {
                    failures.Add($"{zoneId} {date:yyyy-MM-dd}: the map starts it at {Instant.FromUnixTimeTicks(map.StartOf(1))}, the calendar at {start}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
        Assert.True(dates > 50_000, $"only {dates} dates");
    }
}
