using Djpk.Metrics.InformationRequests;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Djpk.Metrics.Tests.InformationRequests;

public partial class WorkingDayCalendarTests
{
    [Fact]
    public void Covers_DaysAndIntervals_AnswerWithoutThrowing()
    {
        WorkingDayCalendar calendar = HolidayFiles.Years(2023, 2024);
        Assert.True(calendar.Covers(new LocalDate(2023, 1, 1)));
        Assert.True(calendar.Covers(new LocalDate(2024, 12, 31)));
        Assert.False(calendar.Covers(new LocalDate(2022, 12, 31)));
        Assert.False(calendar.Covers(new LocalDate(2025, 1, 1)));
        Assert.True(calendar.Covers(new DateInterval(new LocalDate(2023, 12, 1), new LocalDate(2024, 1, 31))));
        Assert.False(calendar.Covers(new DateInterval(new LocalDate(2024, 12, 1), new LocalDate(2025, 1, 31))));
        Assert.True(HolidayFiles.All.Covers(new DateInterval(new LocalDate(2023, 1, 1), new LocalDate(2027, 12, 31))));
        Assert.Throws<ArgumentNullException>(() => calendar.Covers(null!));
    }

    [Fact]
    public void TryAddWorkingDays_OutsideTheCoveredYears_ReturnsFalse()
    {
        WorkingDayCalendar calendar = HolidayFiles.Years(2023, 2024);
        Assert.False(calendar.TryAddWorkingDays(new LocalDate(2024, 12, 20), 10, out LocalDate end));
        Assert.Equal(default, end);
        Assert.False(calendar.TryAddWorkingDays(new LocalDate(2025, 3, 3), 10, out _));
        Assert.False(calendar.TryAddWorkingDays(new LocalDate(2020, 3, 3), 10, out _));
        Assert.False(calendar.TryAddWorkingDays(new LocalDate(2024, 12, 31), 1, out _));
        Assert.True(calendar.TryAddWorkingDays(new LocalDate(2022, 12, 31), 1, out end)); // the start day itself is not counted
        Assert.Equal(new LocalDate(2023, 1, 2), end);
        Assert.True(calendar.TryAddWorkingDays(new LocalDate(2030, 1, 1), 0, out end));
        Assert.Equal(new LocalDate(2030, 1, 1), end);
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.TryAddWorkingDays(new LocalDate(2023, 1, 2), -1, out _));
    }

    [Fact]
    public void TryIsWorkingDayAndTryWorkingDaysBetween_OutsideTheCoveredYears_ReturnFalse()
    {
        WorkingDayCalendar calendar = HolidayFiles.Years(2023, 2024);
        Assert.False(calendar.TryIsWorkingDay(new LocalDate(2025, 1, 2), out bool working));
        Assert.False(working);
        Assert.True(calendar.TryIsWorkingDay(new LocalDate(2024, 1, 2), out working));
        Assert.True(working);
        Assert.False(calendar.TryWorkingDaysBetween(new LocalDate(2024, 12, 20), new LocalDate(2025, 1, 10), out int count));
        Assert.Equal(0, count);
        Assert.False(calendar.TryWorkingDaysBetween(new LocalDate(2022, 12, 20), new LocalDate(2023, 1, 10), out _));
        Assert.True(calendar.TryWorkingDaysBetween(new LocalDate(2022, 12, 31), new LocalDate(2023, 1, 3), out count));
        Assert.Equal(2, count);
        Assert.True(calendar.TryWorkingDaysBetween(new LocalDate(2030, 1, 10), new LocalDate(2030, 1, 1), out count)); // empty: nothing to cover
        Assert.Equal(0, count);
    }

    [Fact]
    public void ThrowingMembers_OutsideTheCoveredYears_ThrowOnlyArgumentOutOfRange()
    {
        WorkingDayCalendar calendar = HolidayFiles.Years(2023, 2024);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => calendar.IsWorkingDay(new LocalDate(2025, 1, 2)));
        Assert.Contains("covers 2023 to 2024 only", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddWorkingDays(new LocalDate(2024, 12, 20), 10));
        Assert.Contains("TryAddWorkingDays", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.WorkingDaysBetween(new LocalDate(2024, 12, 20), new LocalDate(2025, 1, 10)));

        var lastYear = new WorkingDayCalendar("end of time", 9999, 9999, []);
        Assert.Throws<ArgumentOutOfRangeException>(() => lastYear.AddWorkingDays(new LocalDate(9999, 12, 31), 1));
        Assert.Equal(0, lastYear.WorkingDaysBetween(new LocalDate(9999, 12, 31), new LocalDate(9999, 12, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkingDayCalendar("x", 0, 1, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkingDayCalendar("x", 1, 10000, []));
    }

    [Fact]
    public void Queries_NonIsoDates_AreTheSameDays()
    {
        LocalDate natal = new LocalDate(2023, 12, 25).WithCalendar(CalendarSystem.Julian);
        Assert.False(HolidayFiles.Years(2023, 2024).IsWorkingDay(natal));
        Assert.Equal(new LocalDate(2024, 1, 10), HolidayFiles.Years(2023, 2024).AddWorkingDays(new LocalDate(2023, 12, 22).WithCalendar(CalendarSystem.Gregorian), 10));
        Assert.Equal(10, HolidayFiles.Years(2023, 2024).WorkingDaysBetween(new LocalDate(2023, 12, 22), new LocalDate(2024, 1, 10).WithCalendar(CalendarSystem.Julian)));
    }

    [Property(MaxTest = 300)]
    public Property AddWorkingDays_ThenWorkingDaysBetween_RoundTripsAcrossAllFileYears(PositiveInt offset, byte days)
    {
        WorkingDayCalendar all = HolidayFiles.All;
        LocalDate start = new LocalDate(2022, 12, 31).PlusDays(offset.Get % 1826);
        int n = days % 60;
        bool added = all.TryAddWorkingDays(start, n, out LocalDate end);
        bool counted = all.TryWorkingDaysBetween(start, end, out int between);
        return (!added || (counted && between == n && all.WorkingDaysBetween(start, end) == n && (n == 0 || all.IsWorkingDay(end))))
            .Label($"start {start}, n {n}, end {end}, between {between}");
    }

    [Property(MaxTest = 300)]
    public Property TryAddWorkingDays_AgreesWithAddWorkingDays(int offset, byte days)
    {
        WorkingDayCalendar all = HolidayFiles.All;
        LocalDate start = new LocalDate(2022, 1, 1).PlusDays(Math.Abs(offset % 2600));
        int n = days % 40;
        if (all.TryAddWorkingDays(start, n, out LocalDate end))
        {
            return (all.AddWorkingDays(start, n) == end).ToProperty();
        }

        try
        {
            all.AddWorkingDays(start, n);
            return false.ToProperty();
        }
        catch (ArgumentOutOfRangeException)
        {
            return true.ToProperty();
        }
    }
}
