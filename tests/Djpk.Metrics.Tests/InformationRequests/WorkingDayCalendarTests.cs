using Djpk.Metrics.InformationRequests;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Djpk.Metrics.Tests.InformationRequests;

public partial class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Indonesia = HolidayFiles.Years(2023, 2024);

    [Theory]
    [InlineData(2023, 12, 25, false)] // Natal
    [InlineData(2023, 12, 26, false)] // cuti bersama Natal
    [InlineData(2023, 12, 27, true)]
    [InlineData(2023, 6, 28, false)]  // cuti bersama Idul Adha, added by the June 2023 amendment
    [InlineData(2023, 6, 30, false)]
    [InlineData(2023, 4, 19, false)]  // cuti bersama Idul Fitri as amended in March 2023
    [InlineData(2023, 4, 26, true)]   // no longer cuti bersama after that amendment
    [InlineData(2023, 12, 30, false)] // Saturday
    [InlineData(2024, 4, 10, false)]  // Idul Fitri 1445 H
    public void IsWorkingDay_FollowsTheDecrees(int year, int month, int day, bool expected) =>
        Assert.Equal(expected, Indonesia.IsWorkingDay(new LocalDate(year, month, day)));

    [Fact]
    public void AddWorkingDays_SkipsWeekendsAndHolidays()
    {
        // Received Friday 2023-12-22: the 10 working days skip 25-26 December, weekends and 1 January 2024 (27, 28, 29 December, then 2-5 and 8-10 January).
        Assert.Equal(new LocalDate(2024, 1, 10), Indonesia.AddWorkingDays(new LocalDate(2023, 12, 22), 10));
        Assert.Equal(new LocalDate(2023, 12, 22), Indonesia.AddWorkingDays(new LocalDate(2023, 12, 22), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Indonesia.AddWorkingDays(new LocalDate(2024, 12, 20), 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => Indonesia.AddWorkingDays(new LocalDate(2023, 1, 2), -1));
    }

    [Fact]
    public void Calendar_IsReplaceableData()
    {
        var custom = new WorkingDayCalendar("test", 2030, 2030, [new Holiday(new LocalDate(2030, 1, 1), "Tahun Baru", HolidayKind.NationalHoliday)]);
        Assert.False(custom.IsWorkingDay(new LocalDate(2030, 1, 1)));
        Assert.True(custom.IsWorkingDay(new LocalDate(2030, 1, 2)));
        Assert.Equal("2030-01-01 Tahun Baru (NationalHoliday)", custom.Holidays[0].ToString());
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar("bad", 2030, 2030, [new Holiday(new LocalDate(2031, 1, 1), "x", HolidayKind.NationalHoliday)]));
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar("bad", 2031, 2030, []));
        Assert.Equal(54, Indonesia.Holidays.Length);
    }

    [Property(MaxTest = 200)]
    public Property AddWorkingDays_ThenCount_RoundTrips(PositiveInt offset, byte days)
    {
        LocalDate start = new LocalDate(2023, 1, 1).PlusDays(offset.Get % 600);
        int n = days % 40;
        LocalDate end = Indonesia.AddWorkingDays(start, n);
        return (Indonesia.WorkingDaysBetween(start, end) == n && (n == 0 || Indonesia.IsWorkingDay(end))).ToProperty();
    }
}
