using Djpk.Metrics.Periods;
using NodaTime;

namespace Djpk.Metrics.Tests.Periods;

/// <summary>The day-number arithmetic under the periods and the map, against NodaTime's calendar and plain floor division.</summary>
public class PeriodDaysTests
{
    private static readonly LocalDate DayZero = new(1, 1, 1);

    [Fact]
    public void CivilDays_EveryDayOfFourCenturiesAndBothEnds_EqualNodaTimesDates()
    {
        // 400 years hold every leap rule (4, 100, 400) once; the ends of the supported range and the Unix epoch too.
        var days = new List<int>();
        int from = Period.Between(DayZero, new LocalDate(1896, 1, 1), PeriodUnits.Days).Days;
        days.AddRange(Enumerable.Range(from, 146_097 + 800));
        days.AddRange(Enumerable.Range(0, 800));
        int last = Period.Between(DayZero, new LocalDate(9999, 12, 31), PeriodUnits.Days).Days;
        days.AddRange(Enumerable.Range(last - 800, 801));
        foreach (int day in days)
        {
            LocalDate date = DayZero.PlusDays(day);
            Assert.Equal(day, CivilDays.FromDate(date.Year, date.Month, date.Day));
            Assert.Equal((date.Year, date.Month, date.Day), CivilDays.ToDate(day));
        }

        Assert.Equal(CivilDays.UnixEpochDay, Period.Between(DayZero, new LocalDate(1970, 1, 1), PeriodUnits.Days).Days);
    }

    [Theory]
    [InlineData(-1, 0, 12, 31)]       // the day before 0001-01-01 is 0000-12-31 (proleptic year 0)
    [InlineData(-366, 0, 1, 1)]       // year 0 is a leap year
    [InlineData(-367, -1, 12, 31)]
    [InlineData(-146_097, -399, 1, 1)] // one 400-year era back
    [InlineData(-146_098, -400, 12, 31)]
    [InlineData(-59, 0, 11, 3)]
    [InlineData(-306, 0, 3, 1)]
    [InlineData(-307, 0, 2, 29)]
    public void CivilDays_DaysBeforeYearOne_AreProlepticIsoDates(int day, int year, int month, int dayOfMonth)
    {
        Assert.Equal((year, month, dayOfMonth), CivilDays.ToDate(day));
        Assert.Equal(day, CivilDays.FromDate(year, month, dayOfMonth));
        Assert.Equal(day, Period.Between(DayZero, new LocalDate(year, month, dayOfMonth), PeriodUnits.Days).Days);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(12)]
    [InlineData(4)]
    [InlineData(-7)]
    [InlineData(-3)]
    [InlineData(1)]
    public void FloorDivide_EverySignAndRemainder_RoundsTowardNegativeInfinity(int divisor)
    {
        for (int value = -40; value <= 40; value++)
        {
            int expected = (int)Math.Floor(value / (double)divisor);
            Assert.Equal(expected, PeriodDays.FloorDivide(value, divisor));
            Assert.Equal(expected, PeriodDays.FloorDivide((long)value, (long)divisor));
            long ticks = (value * NodaConstants.TicksPerDay) + 12345;
            Assert.Equal((long)Math.Floor((decimal)ticks / NodaConstants.TicksPerDay), PeriodDays.FloorDivide(ticks, NodaConstants.TicksPerDay));
        }
    }

    [Theory]
    [InlineData(PeriodGrain.Day)]
    [InlineData(PeriodGrain.Week)]
    [InlineData(PeriodGrain.Month)]
    [InlineData(PeriodGrain.Quarter)]
    [InlineData(PeriodGrain.Year)]
    public void IndexOfDay_AndFirstDayOf_AgreeWithReportingPeriodInAndBeforeYearOne(PeriodGrain grain)
    {
        var random = new Random(9999);
        IEnumerable<int> days = Enumerable.Range(0, 800).Concat(Enumerable.Range(0, 2000).Select(_ => random.Next(0, 3_652_000)));
        foreach (int day in days)
        {
            ReportingPeriod period = ReportingPeriod.Containing(DayZero.PlusDays(day), grain);
            int index = PeriodDays.IndexOfDay(grain, day);
            Assert.Equal(period.Index, index);
            Assert.Equal(Period.Between(DayZero, period.Start, PeriodUnits.Days).Days, PeriodDays.FirstDayOf(grain, index));
        }

        // Before year 1 (a zone's local date a day before 0001-01-01): the period before index 0, starting where its dates do.
        Assert.Equal(-1, PeriodDays.IndexOfDay(grain, -1));
        int previousStart = PeriodDays.FirstDayOf(grain, -1);
        Assert.Equal(-1, PeriodDays.IndexOfDay(grain, previousStart));
        Assert.Equal(-2, PeriodDays.IndexOfDay(grain, previousStart - 1));
        Assert.Equal(
            grain switch { PeriodGrain.Day => -1, PeriodGrain.Week => -7, PeriodGrain.Month => -31, PeriodGrain.Quarter => -92, _ => -366 },
            previousStart);
    }
}
