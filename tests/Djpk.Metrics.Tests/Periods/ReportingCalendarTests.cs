using Djpk.Metrics.Periods;
using NodaTime;

namespace Djpk.Metrics.Tests.Periods;

public partial class ReportingCalendarTests
{
    [Fact]
    public void Jakarta_MidnightBoundary_IsSeventeenHundredUtc()
    {
        ReportingCalendar jakarta = ReportingCalendar.Jakarta;
        Assert.Equal("Asia/Jakarta", jakarta.ToString());
        Assert.Equal("2023-11", jakarta.PeriodOf(Instant.FromUtc(2023, 11, 30, 16, 59, 59), PeriodGrain.Month).ToString());
        Assert.Equal("2023-12", jakarta.PeriodOf(Instant.FromUtc(2023, 11, 30, 17, 0, 0), PeriodGrain.Month).ToString());
        Assert.Equal("2023-11-30", jakarta.PeriodOf(Instant.FromUtc(2023, 11, 30, 17, 0, 0) - Duration.Epsilon * 100, PeriodGrain.Day).ToString());
        Assert.Equal("2024", jakarta.PeriodOf(Instant.FromUtc(2023, 12, 31, 17, 0, 0), PeriodGrain.Year).ToString());
        Assert.Equal(Instant.FromUtc(2023, 11, 30, 17, 0), jakarta.StartOf(ReportingPeriod.Month(2023, 12)));
    }

    [Fact]
    public void London_SpringForwardDay_Is23Hours()
    {
        ReportingCalendar london = ReportingCalendar.ForZone("Europe/London");
        Interval day = london.IntervalOf(ReportingPeriod.Day(new LocalDate(2023, 3, 26)));
        Assert.Equal(Duration.FromHours(23), day.Duration);
        Assert.Equal(Duration.FromHours(25), london.IntervalOf(ReportingPeriod.Day(new LocalDate(2023, 10, 29))).Duration);
    }

    [Fact]
    public void LordHowe_HalfHourShift_GivesA23AndAHalfHourDay()
    {
        ReportingCalendar lordHowe = ReportingCalendar.ForZone("Australia/Lord_Howe");
        Assert.Equal(Duration.FromMinutes((23 * 60) + 30), lordHowe.IntervalOf(ReportingPeriod.Day(new LocalDate(2023, 10, 1))).Duration);
        Assert.Equal(Duration.FromMinutes((24 * 60) + 30), lordHowe.IntervalOf(ReportingPeriod.Day(new LocalDate(2023, 4, 2))).Duration);
    }

    [Fact]
    public void SaoPaulo_MidnightGap_StartsTheDayAtOneOClock()
    {
        // On 2018-11-04 clocks went from 00:00 to 01:00: the day starts at 01:00 local (03:00 UTC).
        ReportingCalendar saoPaulo = ReportingCalendar.ForZone("America/Sao_Paulo");
        Instant start = saoPaulo.StartOf(ReportingPeriod.Day(new LocalDate(2018, 11, 4)));
        Assert.Equal(Instant.FromUtc(2018, 11, 4, 3, 0), start);
        Assert.Equal("2018-11-03", saoPaulo.PeriodOf(start - Duration.Epsilon, PeriodGrain.Day).ToString());
        Assert.Equal("2018-11-04", saoPaulo.PeriodOf(start, PeriodGrain.Day).ToString());
    }

    [Fact]
    public void RangeOf_SpansBothEnds()
    {
        PeriodRange range = ReportingCalendar.Jakarta.RangeOf(Instant.FromUtc(2022, 11, 30, 17, 0), Instant.FromUtc(2023, 12, 31, 16, 59), PeriodGrain.Month);
        Assert.Equal("2022-12..2023-12", range.ToString());
        Assert.Throws<ArgumentException>(() => ReportingCalendar.Jakarta.RangeOf(Instant.FromUtc(2023, 1, 2, 0, 0), Instant.FromUtc(2023, 1, 1, 0, 0), PeriodGrain.Day));
    }

    [Fact]
    public void IntervalOf_LastPeriod_IsUnbounded() =>
        Assert.False(ReportingCalendar.Jakarta.IntervalOf(ReportingPeriod.OfYear(9999)).HasEnd);

    [Fact]
    public void ForZone_UnknownId_Throws()
    {
        Assert.Throws<ArgumentException>(() => ReportingCalendar.ForZone("Asia/Atlantis"));
        Assert.Throws<ArgumentNullException>(() => new ReportingCalendar(null!));
    }

    [Fact]
    public void DateOf_UsesTheZoneNotTheMachine() =>
        Assert.Equal(new LocalDate(2024, 1, 1), ReportingCalendar.Jakarta.DateOf(Instant.FromUtc(2023, 12, 31, 17, 0)));
}
