using System.Collections;
using Djpk.Metrics.Periods;
using NodaTime;
using NodaTime.Calendars;

namespace Djpk.Metrics.Tests.Periods;

/// <summary>The edges of every period grain, range and calendar member: the first and last values each accepts and the first it refuses.</summary>
public class ReportingPeriodBoundsTests
{
    private static readonly LocalDate LastSunday = LastSundayOf9999();
    private static readonly string[] OnePerGrain = ["2023-12-31", "2023-W52", "2024-02", "2023-Q4", "2023"];

    public static TheoryData<PeriodGrain> Grains() => [PeriodGrain.Day, PeriodGrain.Week, PeriodGrain.Month, PeriodGrain.Quarter, PeriodGrain.Year];

    [Theory]
    [MemberData(nameof(Grains))]
    public void PlusPeriods_ToTheFirstAndLastPeriod_SucceedsAndOneBeyondThrows(PeriodGrain grain)
    {
        ReportingPeriod first = ReportingPeriod.Containing(new LocalDate(1, 1, 1), grain);
        ReportingPeriod last = grain == PeriodGrain.Week ? ReportingPeriod.Containing(LastSunday, grain) : ReportingPeriod.Containing(new LocalDate(9999, 12, 31), grain);
        Assert.Equal(new LocalDate(1, 1, 1), first.Start);
        Assert.Equal(grain == PeriodGrain.Week ? LastSunday : new LocalDate(9999, 12, 31), last.End);
        int steps = last.Index - first.Index;

        Assert.Equal(last, first.PlusPeriods(steps));
        Assert.Equal(first, last.PlusPeriods(-steps));
        Assert.Equal(first, first.PlusPeriods(0));
        Assert.Equal(last, last.PlusPeriods(0));
        ArgumentOutOfRangeException beyond = Assert.Throws<ArgumentOutOfRangeException>(() => first.PlusPeriods(steps + 1));
        Assert.Equal("count", beyond.ParamName);
        Assert.Contains("years 1 to 9999", beyond.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => last.PlusPeriods(-steps - 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => first.Previous());
        Assert.Throws<ArgumentOutOfRangeException>(() => last.Next());
        Assert.Throws<ArgumentOutOfRangeException>(() => first.PlusPeriods(int.MinValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => last.PlusPeriods(int.MaxValue));

        Assert.True(first.TryPlusPeriods(steps, out ReportingPeriod moved));
        Assert.Equal(last, moved);
        Assert.True(last.TryPlusPeriods(-steps, out moved));
        Assert.Equal(first, moved);
        Assert.True(first.TryPlusPeriods(0, out moved));
        Assert.Equal(first, moved);
        Assert.False(first.TryPlusPeriods(-1, out moved));
        Assert.Equal(default, moved);
        Assert.False(last.TryPlusPeriods(1, out moved));
        Assert.Equal(default, moved);
        Assert.False(last.TryPlusPeriods(int.MaxValue, out _));
        Assert.Equal(ReportingCalendar.Jakarta.IntervalOf(last.Previous()).End, ReportingCalendar.Jakarta.StartOf(last));
        Assert.False(ReportingCalendar.Jakarta.IntervalOf(last).HasEnd);
        Assert.True(ReportingCalendar.Jakarta.IntervalOf(last.Previous()).HasEnd);
    }

    [Fact]
    public void Containing_DayAfterTheLastWholeWeek_Throws()
    {
        Assert.Equal(IsoDayOfWeek.Sunday, LastSunday.DayOfWeek);
        Assert.Equal(LastSunday, ReportingPeriod.Containing(LastSunday, PeriodGrain.Week).End);
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Containing(LastSunday.PlusDays(1), PeriodGrain.Week));
        Assert.Equal(new LocalDate(9999, 12, 31), ReportingPeriod.Containing(new LocalDate(9999, 12, 31), PeriodGrain.Day).End);
        ArgumentException islamic = Assert.Throws<ArgumentException>(() => ReportingPeriod.Containing(new LocalDate(1445, 8, 1, CalendarSystem.IslamicBcl), PeriodGrain.Day));
        Assert.Equal("date", islamic.ParamName);
        Assert.Contains("Only dates of the ISO calendar", islamic.Message, StringComparison.Ordinal);
        Assert.Contains("ISO calendar", Assert.Throws<ArgumentException>(() => ReportingPeriod.Month(2023, 1).Contains(new LocalDate(1445, 8, 1, CalendarSystem.IslamicBcl))).Message, StringComparison.Ordinal);
        Assert.Equal("date", Assert.Throws<ArgumentException>(() => ReportingPeriod.Month(2023, 1).Contains(new LocalDate(2023, 1, 1, CalendarSystem.Julian))).ParamName);
        Assert.Contains("ISO calendar", Assert.Throws<ArgumentException>(() => ReportingPeriod.FromYearMonth(new YearMonth(2023, 1, CalendarSystem.Julian))).Message, StringComparison.Ordinal);
        Assert.Contains("9999 or earlier", Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Containing(LastSunday.PlusDays(1), PeriodGrain.Week)).Message, StringComparison.Ordinal);
        Assert.Contains("defined PeriodGrain", Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Containing(new LocalDate(2023, 1, 1), (PeriodGrain)5)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ReportingPeriod.Day(new LocalDate(2023, 1, 1, CalendarSystem.Julian)));
    }

    [Theory]
    [InlineData(0, 1, "weekYear")]
    [InlineData(9999, 1, "weekYear")]
    [InlineData(2023, 0, "week")]
    [InlineData(2021, 53, "week")]
    [InlineData(-1, 10, "weekYear")]
    public void Week_OutOfRange_ThrowsNamingTheArgument(int weekYear, int week, string name) =>
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Week(weekYear, week)).ParamName);

    [Theory]
    [InlineData(1, 1, "0001-01-01")]
    [InlineData(9998, 53, "9998-12-28")]
    [InlineData(2020, 53, "2020-12-28")]
    [InlineData(2025, 1, "2024-12-30")]
    public void Week_FirstAndLastAccepted_StartOnMonday(int weekYear, int week, string monday)
    {
        ReportingPeriod period = ReportingPeriod.Week(weekYear, week);
        Assert.Equal(monday, ReportingPeriod.Day(period.Start).ToString());
        Assert.Equal(period.Start.PlusDays(6), period.End);
        Assert.Equal(weekYear, period.Year);
        Assert.Equal(PeriodGrain.Week, period.Grain);
        Assert.Equal(period, ReportingPeriod.Parse(period.ToString()));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(10000, 1)]
    [InlineData(2023, 0)]
    [InlineData(2023, 13)]
    public void Month_OutOfRange_Throws(int year, int month) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Month(year, month));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(10000, 1)]
    [InlineData(2023, 0)]
    [InlineData(2023, 5)]
    public void Quarter_OutOfRange_Throws(int year, int quarter) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Quarter(year, quarter));

    [Theory]
    [InlineData(1, 1, "0001-01-01", "0001-01-31")]
    [InlineData(9999, 12, "9999-12-01", "9999-12-31")]
    [InlineData(2023, 2, "2023-02-01", "2023-02-28")]
    public void Month_FirstAndLastAccepted_HaveTheirDays(int year, int month, string start, string end)
    {
        ReportingPeriod period = ReportingPeriod.Month(year, month);
        Assert.Equal(start, ReportingPeriod.Day(period.Start).ToString());
        Assert.Equal(end, ReportingPeriod.Day(period.End).ToString());
        Assert.Equal(year, period.Year);
    }

    [Theory]
    [InlineData(1, 1, "0001-01-01", "0001-03-31", "0001-Q1")]
    [InlineData(2023, 2, "2023-04-01", "2023-06-30", "2023-Q2")]
    [InlineData(2024, 3, "2024-07-01", "2024-09-30", "2024-Q3")]
    [InlineData(9999, 4, "9999-10-01", "9999-12-31", "9999-Q4")]
    public void Quarter_EachQuarter_HasItsThreeMonths(int year, int quarter, string start, string end, string text)
    {
        ReportingPeriod period = ReportingPeriod.Quarter(year, quarter);
        Assert.Equal(start, ReportingPeriod.Day(period.Start).ToString());
        Assert.Equal(end, ReportingPeriod.Day(period.End).ToString());
        Assert.Equal(text, period.ToString());
        Assert.Equal(period, ReportingPeriod.Containing(period.End, PeriodGrain.Quarter));
        Assert.Equal(period, ReportingPeriod.Containing(period.Start, PeriodGrain.Quarter));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2024)]
    [InlineData(9999)]
    public void OfYear_FirstAndLastAccepted_RunJanuaryToDecember(int year)
    {
        ReportingPeriod period = ReportingPeriod.OfYear(year);
        Assert.Equal(new LocalDate(year, 1, 1), period.Start);
        Assert.Equal(new LocalDate(year, 12, 31), period.End);
        Assert.Equal(year, period.Year);
        Assert.Equal(year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), period.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.OfYear(10000));
    }

    [Fact]
    public void Contains_EachEndAndTheDayBeyond_IsInclusive()
    {
        foreach (ReportingPeriod period in OnePerGrain.Select(ReportingPeriod.Parse))
        {
            Assert.True(period.Contains(period.Start), period.ToString());
            Assert.True(period.Contains(period.End), period.ToString());
            Assert.False(period.Contains(period.Start.PlusDays(-1)), period.ToString());
            Assert.False(period.Contains(period.End.PlusDays(1)), period.ToString());
            Assert.Equal(Period.Between(period.Start, period.End, PeriodUnits.Days).Days + 1, period.ToDateInterval().Length);
        }
    }

    [Fact]
    public void SameLastYear_InYearTwo_IsYearOne()
    {
        Assert.Equal(ReportingPeriod.OfYear(1), ReportingPeriod.OfYear(2).SameLastYear());
        Assert.Equal(ReportingPeriod.Month(1, 7), ReportingPeriod.Month(2, 7).SameLastYear());
        Assert.Equal(ReportingPeriod.Quarter(1, 3), ReportingPeriod.Quarter(2, 3).SameLastYear());
        Assert.Equal("0001-03-01", ReportingPeriod.Day(new LocalDate(2, 3, 1)).SameLastYear().ToString());
        Assert.Equal(ReportingPeriod.Week(1, 10), ReportingPeriod.Week(2, 10).SameLastYear());
        Assert.Equal("Year", Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Month(1, 12).SameLastYear()).ParamName);
        Assert.Equal("Year", Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Day(new LocalDate(1, 12, 31)).SameLastYear()).ParamName);
        Assert.Equal("Year", Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Week(1, 52).SameLastYear()).ParamName);
        Assert.Contains("after year 1", Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.OfYear(1).SameLastYear()).Message, StringComparison.Ordinal);
        Assert.Equal("2024-W01", ReportingPeriod.Week(2025, 1).SameLastYear().ToString()); // week-year, not the calendar year of its Monday
    }

    [Fact]
    public void Year_OfAWeekStartingInDecember_IsItsWeekYear()
    {
        ReportingPeriod week = ReportingPeriod.Week(2025, 1);
        Assert.Equal(2024, week.Start.Year);
        Assert.Equal(2025, week.Year);
        Assert.Equal("2025-W01", week.ToString());
        Assert.Equal(2024, ReportingPeriod.Day(new LocalDate(2024, 12, 30)).Year);
    }

    [Theory]
    [InlineData("2023-W01", PeriodGrain.Week)]
    [InlineData("2023-Q1", PeriodGrain.Quarter)]
    [InlineData("2023-01", PeriodGrain.Month)]
    [InlineData("2023-01-01", PeriodGrain.Day)]
    [InlineData("0001", PeriodGrain.Year)]
    [InlineData("9999", PeriodGrain.Year)]
    [InlineData("9998-W53", PeriodGrain.Week)]
    [InlineData("9999-12-31", PeriodGrain.Day)]
    [InlineData("2024-02-29", PeriodGrain.Day)]
    public void TryParse_EdgesOfEachForm_Succeed(string text, PeriodGrain grain)
    {
        Assert.True(ReportingPeriod.TryParse(text, out ReportingPeriod period));
        Assert.Equal(grain, period.Grain);
        Assert.Equal(text, period.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("202")]
    [InlineData("2a23")]
    [InlineData("2023-")]
    [InlineData("2023x12")]
    [InlineData("2023-Q0")]
    [InlineData("2023-Qx")]
    [InlineData("2023-Q")]
    [InlineData("2023-q1")]
    [InlineData("2023-W00")]
    [InlineData("2023-Wxx")]
    [InlineData("2023-w01")]
    [InlineData("9999-W01")]
    [InlineData("2023-W1")]
    [InlineData("2023-00")]
    [InlineData("2023-1x")]
    [InlineData("2023-12-00")]
    [InlineData("2023-12-32")]
    [InlineData("2023-11-31")]
    [InlineData("2023-12x01")]
    [InlineData("2023-12-0x")]
    [InlineData("2023-12-011")]
    [InlineData("2023-12-")]
    [InlineData("2023-123")]
    [InlineData(" 2023")]
    [InlineData("20231")]
    public void TryParse_NearMisses_Fail(string? text)
    {
        Assert.False(ReportingPeriod.TryParse(text, out ReportingPeriod period));
        Assert.Equal(default, period);
        if (text is not null)
        {
            FormatException e = Assert.Throws<FormatException>(() => ReportingPeriod.Parse(text));
            Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Throws<ArgumentNullException>(() => ReportingPeriod.Parse(null!));
        }
    }

    [Fact]
    public void CompareTo_SameGrainAndAcrossGrains_OrdersByGrainThenTime()
    {
        ReportingPeriod may = ReportingPeriod.Month(2023, 5), june = ReportingPeriod.Month(2023, 6);
        Assert.True(may.CompareTo(june) < 0);
        Assert.True(june.CompareTo(may) > 0);
        Assert.Equal(0, may.CompareTo(ReportingPeriod.Month(2023, 5)));
        Assert.True(ReportingPeriod.OfYear(1).CompareTo(may) > 0);   // a year sorts after every month
        Assert.True(may.CompareTo(ReportingPeriod.OfYear(1)) < 0);
        ReportingPeriod sameMay = ReportingPeriod.Parse("2023-05");
        Assert.False(may < sameMay);
        Assert.False(may > sameMay);
        Assert.True(may <= sameMay);
        Assert.True(may >= sameMay);
        Assert.False(june < may);
        Assert.False(may > june);
        Assert.False(june <= may);
        Assert.False(may >= june);
        Assert.True(may <= june);
        Assert.True(june >= may);
    }

    private static LocalDate LastSundayOf9999()
    {
        LocalDate date = new(9999, 12, 31);
        while (date.DayOfWeek != IsoDayOfWeek.Sunday)
        {
            date = date.PlusDays(-1);
        }

        return date;
    }
}

public class PeriodRangeBoundsTests
{
    private static readonly PeriodRange Year2023 = PeriodRange.MonthsOf(2023);

    [Fact]
    public void Indexer_EachEndAndOneBeyond_ReturnsOrThrows()
    {
        Assert.Equal(ReportingPeriod.Month(2023, 1), Year2023[0]);
        Assert.Equal(ReportingPeriod.Month(2023, 12), Year2023[11]);
        Assert.Throws<ArgumentOutOfRangeException>(() => Year2023[-1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => Year2023[12]);
        Assert.Equal(PeriodGrain.Month, Year2023.Grain);
    }

    [Fact]
    public void IndexOf_EachEnd_IsItsPosition()
    {
        Assert.Equal(0, Year2023.IndexOf(ReportingPeriod.Month(2023, 1)));
        Assert.Equal(11, Year2023.IndexOf(ReportingPeriod.Month(2023, 12)));
        Assert.Equal(-1, Year2023.IndexOf(ReportingPeriod.Month(2022, 12)));
        Assert.True(Year2023.Contains(ReportingPeriod.Month(2023, 1)));
        Assert.True(Year2023.Contains(ReportingPeriod.Month(2023, 12)));
        Assert.False(Year2023.Contains(ReportingPeriod.Month(2024, 1)));
        Assert.False(Year2023.Contains(ReportingPeriod.Quarter(2023, 1)));
    }

    [Fact]
    public void Default_IsTheSingleFirstDay()
    {
        PeriodRange range = default;
        Assert.Equal(default, range.First);
        Assert.Equal(default(ReportingPeriod), Assert.Single(range));
        Assert.Equal("0001-01-01..0001-01-01", range.ToString());
    }

    [Fact]
    public void SinglePeriod_HasCountOne_AndEqualEndsAreAllowed()
    {
        var single = PeriodRange.Between(ReportingPeriod.Quarter(2023, 2), ReportingPeriod.Quarter(2023, 2));
        Assert.Equal(ReportingPeriod.Quarter(2023, 2), Assert.Single(single));
        Assert.Equal(ReportingPeriod.Quarter(2023, 2), single.First);
        Assert.Equal(ReportingPeriod.Quarter(2023, 2), single.Last);
    }

    [Fact]
    public void Enumerator_NonGeneric_YieldsTheSamePeriods()
    {
        var seen = new List<ReportingPeriod>();
        IEnumerator enumerator = ((IEnumerable)Year2023).GetEnumerator();
        while (enumerator.MoveNext())
        {
            seen.Add((ReportingPeriod)enumerator.Current);
        }

        Assert.Equal(Enumerable.Range(1, 12).Select(m => ReportingPeriod.Month(2023, m)), seen);
    }

    [Fact]
    public void Union_InEitherOrderAndNested_IsTheHull()
    {
        var early = PeriodRange.Between(ReportingPeriod.Month(2023, 1), ReportingPeriod.Month(2023, 3));
        var late = PeriodRange.Between(ReportingPeriod.Month(2023, 6), ReportingPeriod.Month(2023, 9));
        var inner = PeriodRange.Between(ReportingPeriod.Month(2023, 7), ReportingPeriod.Month(2023, 8));
        Assert.Equal("2023-01..2023-09", early.Union(late).ToString());
        Assert.Equal("2023-01..2023-09", late.Union(early).ToString());
        Assert.Equal(late, late.Union(inner));
        Assert.Equal(late, inner.Union(late));
        Assert.Equal(late, late.Union(late));
        ArgumentException e = Assert.Throws<ArgumentException>(() => early.Union(new PeriodRange(ReportingPeriod.OfYear(2023), ReportingPeriod.OfYear(2023))));
        Assert.Equal("other", e.ParamName);
    }

    [Fact]
    public void Constructor_Rejections_NameTheLastPeriod()
    {
        ArgumentException mixed = Assert.Throws<ArgumentException>(() => new PeriodRange(ReportingPeriod.Month(2023, 1), ReportingPeriod.Quarter(2023, 1)));
        Assert.Equal("last", mixed.ParamName);
        Assert.Contains("same grain", mixed.Message, StringComparison.Ordinal);
        ArgumentException reversed = Assert.Throws<ArgumentException>(() => PeriodRange.Between(ReportingPeriod.Month(2023, 2), ReportingPeriod.Month(2023, 1)));
        Assert.Equal("last", reversed.ParamName);
        Assert.Contains("not be before the first", reversed.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodRange.MonthsOf(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodRange.MonthsOf(10000));
        Assert.Equal("9999-01..9999-12", PeriodRange.MonthsOf(9999).ToString());
    }
}

public class ReportingCalendarBoundsTests
{
    [Fact]
    public void ForZone_NullOrUnknown_ThrowsNamingTheId()
    {
        Assert.Equal("zoneId", Assert.Throws<ArgumentNullException>(() => ReportingCalendar.ForZone(null!)).ParamName);
        ArgumentException e = Assert.Throws<ArgumentException>(() => ReportingCalendar.ForZone("Asia/Atlantis"));
        Assert.Equal("zoneId", e.ParamName);
        Assert.Contains("'Asia/Atlantis'", e.Message, StringComparison.Ordinal);
        Assert.Equal("Asia/Makassar", ReportingCalendar.ForZone("Asia/Makassar").Zone.Id);
        Assert.Equal("Asia/Makassar", ReportingCalendar.ForZone("Asia/Makassar").ToString());
        Assert.Equal("Asia/Jakarta", ReportingCalendar.Jakarta.Zone.Id);
    }

    [Fact]
    public void RangeOf_OneInstant_IsItsPeriod_AndReversedThrowsNamingLatest()
    {
        Instant instant = Instant.FromUtc(2023, 6, 30, 17, 0); // 2023-07-01 00:00 WIB
        PeriodRange range = ReportingCalendar.Jakarta.RangeOf(instant, instant, PeriodGrain.Quarter);
        Assert.Equal("2023-Q3..2023-Q3", range.ToString());
        ArgumentException e = Assert.Throws<ArgumentException>(() => ReportingCalendar.Jakarta.RangeOf(instant, instant - Duration.Epsilon, PeriodGrain.Day));
        Assert.Equal("latest", e.ParamName);
        Assert.Contains("must not be before the earliest", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Asia/Jakarta", "2023-12", "2023-11-30T17:00:00Z", "2023-12-31T17:00:00Z")]
    [InlineData("Europe/London", "2023-03-26", "2023-03-26T00:00:00Z", "2023-03-26T23:00:00Z")]
    [InlineData("America/Sao_Paulo", "2018-11-04", "2018-11-04T03:00:00Z", "2018-11-05T02:00:00Z")]
    [InlineData("America/New_York", "2023-W45", "2023-11-06T05:00:00Z", "2023-11-13T05:00:00Z")]
    [InlineData("UTC", "9998", "9998-01-01T00:00:00Z", "9999-01-01T00:00:00Z")]
    public void IntervalOf_Periods_RunFromTheirStartToTheNextStart(string zoneId, string period, string start, string end)
    {
        ReportingCalendar calendar = ReportingCalendar.ForZone(zoneId);
        Interval interval = calendar.IntervalOf(ReportingPeriod.Parse(period));
        Assert.Equal(NodaTime.Text.InstantPattern.General.Parse(start).Value, interval.Start);
        Assert.Equal(NodaTime.Text.InstantPattern.General.Parse(end).Value, interval.End);
        Assert.Equal(interval.Start, calendar.StartOf(ReportingPeriod.Parse(period)));
    }

    [Fact]
    public void StartOf_ZoneBehindUtcInYear9999_IsTheLastMidnight()
    {
        // In a zone behind UTC, midnight of 9999-12-31 is still an instant NodaTime holds; the day after it is not needed.
        ReportingCalendar calendar = ReportingCalendar.ForZone("Etc/GMT+5");
        ReportingPeriod lastDay = ReportingPeriod.Day(new LocalDate(9999, 12, 31));
        Assert.Equal(Instant.FromUtc(9999, 12, 31, 5, 0), calendar.StartOf(lastDay));
        Assert.Equal(Instant.FromUtc(9999, 12, 31, 5, 0), calendar.IntervalOf(lastDay.Previous()).End);
        Assert.Equal(lastDay, calendar.PeriodOf(Instant.FromUtc(9999, 12, 31, 5, 0), PeriodGrain.Day));
    }
}
