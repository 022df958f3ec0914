using Djpk.Metrics.InformationRequests;
using Djpk.Metrics.Service;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Djpk.Metrics.Tests.Service;

public class WorkingTimeCalendarTests
{
    private static readonly string[] NightChangeZones = ["Asia/Jakarta", "Europe/London", "America/New_York", "Australia/Sydney"];

    private static readonly DateTimeZone Jakarta = DateTimeZoneProviders.Tzdb["Asia/Jakarta"];

    private static readonly WorkingDayCalendar Holidays = new("test", 2023, 2025, [new Holiday(new LocalDate(2024, 5, 9), "Kenaikan", HolidayKind.NationalHoliday)]);

    private static Instant At(DateTimeZone zone, int year, int month, int day, int hour, int minute) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(zone).ToInstant();

    [Fact]
    public void Between_FridayAfternoonToMondayMorning_IsTwentyWorkingMinutes()
    {
        var calendar = new WorkingTimeCalendar(Jakarta, OfficeHours.WeekdaysEightToFive, Holidays);

        Duration waited = calendar.Between(At(Jakarta, 2024, 5, 3, 16, 50), At(Jakarta, 2024, 5, 6, 8, 10)); // Friday → Monday

        Assert.Equal(Duration.FromMinutes(20), waited);
    }

    [Fact]
    public void Between_AcrossAHoliday_SkipsIt()
    {
        var calendar = new WorkingTimeCalendar(Jakarta, OfficeHours.WeekdaysEightToFive, Holidays);

        // Wednesday 8 May 16:00 → Friday 10 May 09:00: 1 h on Wednesday, Thursday 9 May is a holiday, 1 h on Friday.
        Assert.Equal(Duration.FromHours(2), calendar.Between(At(Jakarta, 2024, 5, 8, 16, 0), At(Jakarta, 2024, 5, 10, 9, 0)));
        Assert.Equal(Duration.FromHours(11), new WorkingTimeCalendar(Jakarta, OfficeHours.WeekdaysEightToFive).Between(At(Jakarta, 2024, 5, 8, 16, 0), At(Jakarta, 2024, 5, 10, 9, 0)));
    }

    [Fact]
    public void Between_OutsideTheHolidayYears_ThrowsAndTryReturnsFalse()
    {
        var calendar = new WorkingTimeCalendar(Jakarta, OfficeHours.WeekdaysEightToFive, Holidays);
        Instant start = At(Jakarta, 2025, 12, 31, 9, 0), end = At(Jakarta, 2026, 1, 2, 9, 0);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => calendar.Between(start, end));
        Assert.Contains("cover 2023 to 2025 only", e.Message, StringComparison.Ordinal);
        Assert.False(calendar.TryBetween(start, end, out _));
        Assert.Throws<ArgumentException>(() => calendar.Between(end, start));
    }

    [Fact]
    public void OfficeHours_ValidatesAndDescribesItself()
    {
        Assert.Equal("Mon 08:00-17:00, Tue 08:00-17:00, Wed 08:00-17:00, Thu 08:00-17:00, Fri 08:00-17:00", OfficeHours.WeekdaysEightToFive.ToString());
        Assert.Equal("closed", default(OfficeHours).ToString());
        Assert.Equal(OfficeHours.Weekdays(new LocalTime(8, 0), new LocalTime(17, 0)), OfficeHours.WeekdaysEightToFive);
        Assert.Equal("Sat 20:00-24:00", default(OfficeHours).With(IsoDayOfWeek.Saturday, new LocalTime(20, 0), LocalTime.Midnight).ToString());
        Assert.Throws<ArgumentException>(() => default(OfficeHours).With(IsoDayOfWeek.Monday, new LocalTime(17, 0), new LocalTime(8, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => default(OfficeHours).Closed((IsoDayOfWeek)0));
        Assert.Null(OfficeHours.WeekdaysEightToFive.Closed(IsoDayOfWeek.Friday).On(IsoDayOfWeek.Friday));
    }

    // The oracle counts, minute by minute, the minutes whose local time is within the day's hours on a day that is not a
    // holiday: it shares nothing with the span arithmetic. Its zones change their clocks at night only.
    [Property(MaxTest = 150)]
    public Property Between_EqualsAMinuteByMinuteCount_AndIsAdditiveAndAtMostCalendarTime(int seed)
    {
        var random = new Random(seed);
        DateTimeZone zone = DateTimeZoneProviders.Tzdb[NightChangeZones[random.Next(NightChangeZones.Length)]];
        OfficeHours hours = OfficeHours.WeekdaysEightToFive.With(IsoDayOfWeek.Saturday, new LocalTime(9, 30), new LocalTime(12, 0));
        var calendar = new WorkingTimeCalendar(zone, hours, Holidays);
        Instant origin = Instant.FromUtc(2024, 3, 1, 0, 0) + Duration.FromMinutes(random.Next(60 * 24 * 300));
        Instant a = origin, b = a + Duration.FromMinutes(random.Next(60 * 24 * 9)), c = b + Duration.FromMinutes(random.Next(60 * 24 * 4));

        long Oracle(Instant from, Instant to)
        {
            long minutes = 0;
            for (Instant t = from; t < to; t += Duration.FromMinutes(1))
            {
                LocalDateTime local = t.InZone(zone).LocalDateTime;
                if (hours.On(local.DayOfWeek) is (LocalTime open, LocalTime close) && local.TimeOfDay >= open && local.TimeOfDay < close
                    && local.Date != new LocalDate(2024, 5, 9))
                {
                    minutes++;
                }
            }

            return minutes;
        }

        Duration ab = calendar.Between(a, b), bc = calendar.Between(b, c), ac = calendar.Between(a, c);
        return (ab.TotalMinutes == Oracle(a, b) && ab + bc == ac && ac <= c - a)
            .Label($"{zone.Id} {a}..{b}..{c}: {ab.TotalMinutes} vs oracle {Oracle(a, b)}; {ab} + {bc} vs {ac}");
    }
}
