using Djpk.Metrics.InformationRequests;
using NodaTime;

namespace Djpk.Metrics.Tests.InformationRequests;

public partial class WorkingDayCalendarTests
{
    private const HolidayKind N = HolidayKind.NationalHoliday;
    private const HolidayKind L = HolidayKind.CollectiveLeave;

    // The literal table HolidayFiles.Years(2023, 2024) held before the holidays became data (issue 10), copied by hand so the
    // files keep being compared with it after the literals are gone.
    private static readonly (int Year, int Month, int Day, string Name, HolidayKind Kind)[] FormerLiteralTable =
    [
        (2023, 1, 1, "Tahun Baru 2023 Masehi", N),
        (2023, 1, 22, "Tahun Baru Imlek 2574 Kongzili", N),
        (2023, 1, 23, "Cuti bersama Tahun Baru Imlek", L),
        (2023, 2, 18, "Isra Mikraj Nabi Muhammad SAW", N),
        (2023, 3, 22, "Hari Suci Nyepi Tahun Baru Saka 1945", N),
        (2023, 3, 23, "Cuti bersama Hari Suci Nyepi", L),
        (2023, 4, 7, "Wafat Isa Almasih", N),
        (2023, 4, 19, "Cuti bersama Idul Fitri 1444 H", L),
        (2023, 4, 20, "Cuti bersama Idul Fitri 1444 H", L),
        (2023, 4, 21, "Cuti bersama Idul Fitri 1444 H", L),
        (2023, 4, 22, "Hari Raya Idul Fitri 1444 H", N),
        (2023, 4, 23, "Hari Raya Idul Fitri 1444 H", N),
        (2023, 4, 24, "Cuti bersama Idul Fitri 1444 H", L),
        (2023, 4, 25, "Cuti bersama Idul Fitri 1444 H", L),
        (2023, 5, 1, "Hari Buruh Internasional", N),
        (2023, 5, 18, "Kenaikan Isa Almasih", N),
        (2023, 6, 1, "Hari Lahir Pancasila", N),
        (2023, 6, 2, "Cuti bersama Hari Raya Waisak", L),
        (2023, 6, 4, "Hari Raya Waisak 2567 BE", N),
        (2023, 6, 28, "Cuti bersama Idul Adha 1444 H", L),
        (2023, 6, 29, "Hari Raya Idul Adha 1444 H", N),
        (2023, 6, 30, "Cuti bersama Idul Adha 1444 H", L),
        (2023, 7, 19, "Tahun Baru Islam 1445 H", N),
        (2023, 8, 17, "Hari Kemerdekaan Republik Indonesia", N),
        (2023, 9, 28, "Maulid Nabi Muhammad SAW", N),
        (2023, 12, 25, "Hari Raya Natal", N),
        (2023, 12, 26, "Cuti bersama Hari Raya Natal", L),
        (2024, 1, 1, "Tahun Baru 2024 Masehi", N),
        (2024, 2, 8, "Isra Mikraj Nabi Muhammad SAW", N),
        (2024, 2, 9, "Cuti bersama Tahun Baru Imlek", L),
        (2024, 2, 10, "Tahun Baru Imlek 2575 Kongzili", N),
        (2024, 3, 11, "Hari Suci Nyepi Tahun Baru Saka 1946", N),
        (2024, 3, 12, "Cuti bersama Hari Suci Nyepi", L),
        (2024, 3, 29, "Wafat Isa Almasih", N),
        (2024, 3, 31, "Hari Paskah", N),
        (2024, 4, 8, "Cuti bersama Idul Fitri 1445 H", L),
        (2024, 4, 9, "Cuti bersama Idul Fitri 1445 H", L),
        (2024, 4, 10, "Hari Raya Idul Fitri 1445 H", N),
        (2024, 4, 11, "Hari Raya Idul Fitri 1445 H", N),
        (2024, 4, 12, "Cuti bersama Idul Fitri 1445 H", L),
        (2024, 4, 15, "Cuti bersama Idul Fitri 1445 H", L),
        (2024, 5, 1, "Hari Buruh Internasional", N),
        (2024, 5, 9, "Kenaikan Isa Almasih", N),
        (2024, 5, 10, "Cuti bersama Kenaikan Isa Almasih", L),
        (2024, 5, 23, "Hari Raya Waisak 2568 BE", N),
        (2024, 5, 24, "Cuti bersama Hari Raya Waisak", L),
        (2024, 6, 1, "Hari Lahir Pancasila", N),
        (2024, 6, 17, "Hari Raya Idul Adha 1445 H", N),
        (2024, 6, 18, "Cuti bersama Idul Adha 1445 H", L),
        (2024, 7, 7, "Tahun Baru Islam 1446 H", N),
        (2024, 8, 17, "Hari Kemerdekaan Republik Indonesia", N),
        (2024, 9, 16, "Maulid Nabi Muhammad SAW", N),
        (2024, 12, 25, "Hari Raya Natal", N),
        (2024, 12, 26, "Cuti bersama Hari Raya Natal", L),
    ];

    public static TheoryData<int> FileYears => [2023, 2024, 2025, 2026, 2027];

    [Theory]
    [InlineData(2023)]
    [InlineData(2024)]
    public void Read_FileOf2023Or2024_EqualsTheFormerLiteralTable(int year)
    {
        Holiday[] expected = [.. FormerLiteralTable.Where(d => d.Year == year).Select(d => new Holiday(new LocalDate(d.Year, d.Month, d.Day), d.Name, d.Kind))];
        Assert.Equal(expected, HolidayFiles.Year(year).Holidays);
    }

    [Fact]
    public void DjpkProfileWorkingDays_EmbeddedFiles_EqualTheFilesOnDisk()
    {
        WorkingDayCalendar files = HolidayFiles.All;
        Assert.Equal<Holiday>(files.Holidays, DjpkProfile.WorkingDays.Holidays);
        Assert.Equal(files.Version, DjpkProfile.WorkingDays.Version);
        Assert.Equal((2023, 2027), (DjpkProfile.WorkingDays.FirstYear, DjpkProfile.WorkingDays.LastYear));
    }

    [Theory]
    [MemberData(nameof(FileYears))]
    public void Read_EachFile_CoversItsYearWithUniqueDatesInIt(int year)
    {
        WorkingDayCalendar calendar = HolidayFiles.Year(year);
        Assert.Equal((year, year), (calendar.FirstYear, calendar.LastYear));
        Assert.All(calendar.Holidays, h => Assert.Equal(year, h.Date.Year));
        Assert.Equal(calendar.Holidays.Length, calendar.Holidays.Select(h => h.Date).Distinct().Count());
        Assert.NotEmpty(calendar.Holidays);
        HolidayProvenance source = Assert.Single(calendar.Sources);
        Assert.Equal(("ID", year), (source.Country, source.Year));
        Assert.False(string.IsNullOrWhiteSpace(source.Source));

        // Nobody could compare these files with the decrees' official texts yet; flip this when someone does.
        Assert.False(source.CheckedAgainstOfficialText);
        Assert.False(string.IsNullOrWhiteSpace(source.Note));
    }

    [Theory]
    [MemberData(nameof(FileYears))]
    public void Read_EachFile_HasTheFixedDateNationalHolidays(int year)
    {
        WorkingDayCalendar calendar = HolidayFiles.Year(year);
        foreach ((int month, int day) in new[] { (1, 1), (5, 1), (6, 1), (8, 17), (12, 25) })
        {
            Holiday holiday = Assert.Single(calendar.Holidays, h => h.Date == new LocalDate(year, month, day));
            Assert.Equal(HolidayKind.NationalHoliday, holiday.Kind);
        }
    }

    [Fact]
    public void Read_Files_AllowHolidaysOnWeekends()
    {
        // Nyepi 2025 (29 March) is a Saturday; Idul Fitri 1447 H (21-22 March 2026) is a weekend.
        Assert.Contains(HolidayFiles.All.Holidays, h => h.Date == new LocalDate(2025, 3, 29) && h.Date.DayOfWeek == IsoDayOfWeek.Saturday);
        Assert.Contains(HolidayFiles.All.Holidays, h => h.Date == new LocalDate(2026, 3, 22) && h.Date.DayOfWeek == IsoDayOfWeek.Sunday);
    }

    [Theory]
    [InlineData(2025, 1, 1, false)]   // Tahun Baru, Wednesday
    [InlineData(2025, 1, 2, true)]
    [InlineData(2025, 1, 28, false)]  // cuti bersama Imlek
    [InlineData(2025, 3, 31, false)]  // Idul Fitri 1446 H
    [InlineData(2025, 4, 7, false)]   // last cuti bersama Idul Fitri
    [InlineData(2025, 4, 8, true)]
    [InlineData(2025, 5, 1, false)]   // Hari Buruh, Thursday
    [InlineData(2025, 5, 2, true)]
    [InlineData(2025, 6, 2, true)]    // Monday after Hari Lahir Pancasila on Sunday 1 June: no substitute day
    [InlineData(2025, 8, 18, false)]  // day off for the 80th anniversary (amendment, from memory)
    [InlineData(2025, 12, 25, false)] // Natal, Thursday
    [InlineData(2025, 12, 26, false)] // cuti bersama Natal
    [InlineData(2025, 12, 29, true)]
    [InlineData(2026, 1, 1, false)]   // Tahun Baru, Thursday
    [InlineData(2026, 1, 2, true)]
    [InlineData(2026, 3, 20, false)]  // cuti bersama Idul Fitri 1447 H
    [InlineData(2026, 3, 24, false)]
    [InlineData(2026, 3, 25, true)]
    [InlineData(2026, 5, 1, false)]   // Hari Buruh, Friday
    [InlineData(2026, 6, 1, false)]   // Hari Lahir Pancasila, Monday
    [InlineData(2026, 8, 17, false)]  // Monday
    [InlineData(2026, 8, 18, true)]
    [InlineData(2026, 12, 24, false)] // cuti bersama Natal
    [InlineData(2026, 12, 25, false)] // Friday
    [InlineData(2026, 12, 28, true)]
    public void IsWorkingDay_DataFiles2025And2026_FollowTheDecrees(int year, int month, int day, bool expected) =>
        Assert.Equal(expected, HolidayFiles.All.IsWorkingDay(new LocalDate(year, month, day)));

    [Fact]
    public void Read_FilesOf2023To2027_CombineIntoOneCalendar()
    {
        WorkingDayCalendar all = HolidayFiles.All;
        Assert.Equal((2023, 2027), (all.FirstYear, all.LastYear));
        Assert.Equal([2023, 2024, 2025, 2026, 2027], all.Sources.Select(s => s.Year));
        Assert.Equal(
            "ID 2023 (amended March and June 2023) + 2024 + 2025 (amended August 2025, from memory) + 2026 + 2027 (estimated, no decree)",
            all.Version);
        Assert.Equal(54 + 28 + 25 + 17, all.Holidays.Length);
    }

    [Theory]
    [InlineData(2023, 12, 22, 10, 2024, 1, 10)] // skips 25-26 Dec 2023 and 1 Jan 2024
    [InlineData(2024, 12, 20, 10, 2025, 1, 8)]  // 23, 24, 27, 30, 31 Dec, 2, 3, 6, 7, 8 Jan: skips 25-26 Dec 2024 and 1 Jan 2025
    [InlineData(2025, 12, 19, 10, 2026, 1, 7)]  // 22, 23, 24, 29, 30, 31 Dec, 2, 5, 6, 7 Jan: skips 25-26 Dec 2025 and 1 Jan 2026
    [InlineData(2026, 12, 18, 10, 2027, 1, 7)]  // 21, 22, 23, 28, 29, 30, 31 Dec, 4, 5, 7 Jan: skips 24-25 Dec 2026, 1 Jan and the estimated Isra Mikraj of 6 Jan 2027
    public void AddWorkingDays_CombinedCalendar_CrossesYearEnds(int y, int m, int d, int days, int ey, int em, int ed) =>
        Assert.Equal(new LocalDate(ey, em, ed), HolidayFiles.All.AddWorkingDays(new LocalDate(y, m, d), days));
}
