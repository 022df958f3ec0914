using Djpk.Metrics.Periods;
using Djpk.Metrics.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Djpk.Metrics.Tests.Periods;

public class ReportingPeriodTests
{
    [Theory]
    [InlineData("2023-12-31", PeriodGrain.Day, "2023-12-31", "2023-12-31")]
    [InlineData("2023-W52", PeriodGrain.Week, "2023-12-25", "2023-12-31")]
    [InlineData("2023-12", PeriodGrain.Month, "2023-12-01", "2023-12-31")]
    [InlineData("2023-Q4", PeriodGrain.Quarter, "2023-10-01", "2023-12-31")]
    [InlineData("2023", PeriodGrain.Year, "2023-01-01", "2023-12-31")]
    [InlineData("2024-02", PeriodGrain.Month, "2024-02-01", "2024-02-29")]
    [InlineData("9999-12", PeriodGrain.Month, "9999-12-01", "9999-12-31")] // the last month: no next month to step back from
    [InlineData("9999-Q4", PeriodGrain.Quarter, "9999-10-01", "9999-12-31")]
    public void Parse_ReadsEachForm(string text, PeriodGrain grain, string start, string end)
    {
        ReportingPeriod period = ReportingPeriod.Parse(text);
        Assert.Equal(grain, period.Grain);
        Assert.Equal(LocalDate.FromDateTime(DateTime.Parse(start, System.Globalization.CultureInfo.InvariantCulture)), period.Start);
        Assert.Equal(LocalDate.FromDateTime(DateTime.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), period.End);
        Assert.Equal(text, period.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("23-12")]
    [InlineData("2023-13")]
    [InlineData("2023-Q5")]
    [InlineData("2023-W54")]
    [InlineData("2021-W53")] // 2021 has 52 ISO weeks
    [InlineData("2023-02-29")]
    [InlineData("2023/12")]
    [InlineData("0000")]
    [InlineData("2023-12-1")]
    public void TryParse_RejectsInvalidText(string text)
    {
        Assert.False(ReportingPeriod.TryParse(text, out _));
        Assert.Throws<FormatException>(() => ReportingPeriod.Parse(text));
    }

    [Fact]
    public void IsoWeek53_ExistsIn2020And2026()
    {
        Assert.Equal(new LocalDate(2020, 12, 28), ReportingPeriod.Week(2020, 53).Start);
        Assert.Equal(new LocalDate(2021, 1, 3), ReportingPeriod.Week(2020, 53).End);
        Assert.Equal("2020-W53", ReportingPeriod.Containing(new LocalDate(2021, 1, 3), PeriodGrain.Week).ToString());
        Assert.Equal("2026-W53", ReportingPeriod.Containing(new LocalDate(2026, 12, 31), PeriodGrain.Week).ToString());
        Assert.Equal("2027-W01", ReportingPeriod.Week(2026, 53).Next().ToString());
        Assert.Equal(2020, ReportingPeriod.Week(2020, 53).Year);
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Week(2021, 53));
    }

    [Fact]
    public void SameLastYear_ClampsLeapDayAndWeek53()
    {
        Assert.Equal("2023-02-28", ReportingPeriod.Day(new LocalDate(2024, 2, 29)).SameLastYear().ToString());
        Assert.Equal("2019-W52", ReportingPeriod.Week(2020, 53).SameLastYear().ToString());
        Assert.Equal("2025-W52", ReportingPeriod.Week(2026, 53).SameLastYear().ToString());
        Assert.Equal("2022-12", ReportingPeriod.Month(2023, 12).SameLastYear().ToString());
        Assert.Equal("2022-Q4", ReportingPeriod.Quarter(2023, 4).SameLastYear().ToString());
        Assert.Equal("2022", ReportingPeriod.OfYear(2023).SameLastYear().ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.OfYear(1).SameLastYear());
    }

    [Fact]
    public void NextAndPrevious_CrossYearEnds()
    {
        Assert.Equal("2024-01", ReportingPeriod.Month(2023, 12).Next().ToString());
        Assert.Equal("2023-11", ReportingPeriod.Month(2023, 12).Previous().ToString());
        Assert.Equal("2024-Q1", ReportingPeriod.Quarter(2023, 4).Next().ToString());
        Assert.Equal("2024-01-01", ReportingPeriod.Day(new LocalDate(2023, 12, 31)).Next().ToString());
        Assert.Equal("2024-02-29", ReportingPeriod.Day(new LocalDate(2024, 3, 1)).Previous().ToString());
        Assert.Equal("2023-12", ReportingPeriod.Month(2023, 1).PlusPeriods(11).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Month(1, 1).Previous());
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.OfYear(9999).Next());
    }

    [Fact]
    public void Contains_And_ToDateInterval_CoverTheDays()
    {
        ReportingPeriod february = ReportingPeriod.FromYearMonth(new YearMonth(2024, 2));
        Assert.True(february.Contains(new LocalDate(2024, 2, 29)));
        Assert.False(february.Contains(new LocalDate(2024, 3, 1)));
        Assert.Equal(29, february.ToDateInterval().Length);
        Assert.Throws<ArgumentException>(() => february.Contains(new LocalDate(1445, 8, 1, CalendarSystem.IslamicBcl)));
        Assert.Throws<ArgumentException>(() => ReportingPeriod.FromYearMonth(new YearMonth(1445, 8, CalendarSystem.IslamicBcl)));
    }

    [Fact]
    public void Default_IsFirstDayOfYearOne()
    {
        Assert.Equal(PeriodGrain.Day, default(ReportingPeriod).Grain);
        Assert.Equal(new LocalDate(1, 1, 1), default(ReportingPeriod).Start);
        Assert.Equal("0001-01-01", default(ReportingPeriod).ToString());
    }

    [Fact]
    public void Ordering_IsChronologicalWithinGrain_ThenByGrain()
    {
        ContractAssert.Equality(ReportingPeriod.Month(2023, 12), ReportingPeriod.Parse("2023-12"), ReportingPeriod.Month(2023, 11));
        Assert.True(ReportingPeriod.Month(2023, 11) < ReportingPeriod.Month(2023, 12));
        Assert.True(ReportingPeriod.Month(2023, 12) > ReportingPeriod.Month(2023, 11));
        Assert.True(ReportingPeriod.Month(2023, 12) >= ReportingPeriod.Month(2023, 12));
        Assert.True(ReportingPeriod.Month(2023, 12) <= ReportingPeriod.Month(2023, 12));
        Assert.True(ReportingPeriod.Day(new LocalDate(2030, 1, 1)) < ReportingPeriod.Month(2000, 1)); // grain first
        Assert.NotEqual(ReportingPeriod.Month(2023, 1), ReportingPeriod.Quarter(2023, 1));
    }

    [Fact]
    public void Factories_ValidateRanges()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Month(2023, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Month(10000, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Quarter(2023, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.OfYear(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Containing(new LocalDate(0, 12, 31), PeriodGrain.Day));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Containing(new LocalDate(2023, 1, 1), (PeriodGrain)9));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Containing(new LocalDate(9999, 12, 31), PeriodGrain.Week));
    }

    public static Arbitrary<LocalDate> Dates() =>
        Gen.Choose(1, 3_652_000).Select(d => new LocalDate(1, 1, 1).PlusDays(d)).ToArbitrary();

    [Property(Arbitrary = [typeof(ReportingPeriodTests)], MaxTest = 500)]
    public Property ToStringThenParse_RoundTrips(LocalDate date, byte grain)
    {
        var g = (PeriodGrain)(grain % 5);
        return Prop.When(date.Year < 9999, () =>
        {
            ReportingPeriod period = ReportingPeriod.Containing(date, g);
            return ReportingPeriod.Parse(period.ToString()) == period && period.Contains(date) && period.Start <= date && date <= period.End;
        });
    }

    [Property(Arbitrary = [typeof(ReportingPeriodTests)], MaxTest = 300)]
    public Property NextStartsTheDayAfterEnd(LocalDate date, byte grain)
    {
        var g = (PeriodGrain)(grain % 5);
        return Prop.When(date.Year < 9998, () =>
        {
            ReportingPeriod period = ReportingPeriod.Containing(date, g);
            return period.Next().Start == period.End.PlusDays(1) && period.Next().Previous() == period;
        });
    }

    [Property(MaxTest = 300)]
    public bool FromYearMonth_RoundTripsThroughStart(PositiveInt year, byte month)
    {
        var yearMonth = new YearMonth((year.Get % 9999) + 1, (month % 12) + 1);
        ReportingPeriod period = ReportingPeriod.FromYearMonth(yearMonth);
        return period.Start.ToYearMonth() == yearMonth && period.End.ToYearMonth() == yearMonth;
    }
}

public class PeriodRangeTests
{
    [Fact]
    public void Range_EnumeratesEveryPeriodInOrder()
    {
        PeriodRange year = PeriodRange.MonthsOf(2023);
        Assert.Equal(12, year.Count);
        Assert.Equal(ReportingPeriod.Month(2023, 12), year[11]);
        Assert.Equal(Enumerable.Range(1, 12).Select(m => ReportingPeriod.Month(2023, m)), year);
        Assert.Equal(5, year.IndexOf(ReportingPeriod.Month(2023, 6)));
        Assert.Equal(-1, year.IndexOf(ReportingPeriod.Month(2024, 1)));
        Assert.Equal(-1, year.IndexOf(ReportingPeriod.Quarter(2023, 1)));
        Assert.False(year.Contains(ReportingPeriod.Month(2022, 12)));
        Assert.Equal("2023-01..2023-12", year.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => year[12]);
    }

    [Fact]
    public void Union_IsTheHull()
    {
        PeriodRange union = PeriodRange.Between(ReportingPeriod.Month(2023, 1), ReportingPeriod.Month(2023, 2))
            .Union(PeriodRange.Between(ReportingPeriod.Month(2023, 6), ReportingPeriod.Month(2023, 7)));
        Assert.Equal("2023-01..2023-07", union.ToString());
        Assert.Throws<ArgumentException>(() => union.Union(new PeriodRange(ReportingPeriod.OfYear(2023), ReportingPeriod.OfYear(2023))));
    }

    [Fact]
    public void Constructor_RejectsMixedGrainsAndReversedEnds()
    {
        Assert.Throws<ArgumentException>(() => new PeriodRange(ReportingPeriod.Month(2023, 1), ReportingPeriod.Quarter(2023, 1)));
        Assert.Throws<ArgumentException>(() => new PeriodRange(ReportingPeriod.Month(2023, 2), ReportingPeriod.Month(2023, 1)));
    }
}
