using System.Collections.Immutable;
using NodaTime;

namespace Djpk.Metrics.InformationRequests;

/// <summary>Working days for service deadlines: Monday to Friday, except national holidays and collective leave days.</summary>
/// <remarks>
/// <para>Immutable. The holidays are data, versioned by <see cref="Version"/> and covering <see cref="FirstYear"/> to
/// <see cref="LastYear"/>; a question about a day outside those years throws rather than guess. Build your own calendar
/// for other years or amended decrees.</para>
/// <para><see cref="Indonesia"/> holds the national holidays and cuti bersama of 2023 (with the amendments of March 2023
/// to the Idul Fitri leave and of June 2023 adding Idul Adha leave on 28 and 30 June) and of 2024, as set by the joint
/// decrees (SKB) of the Minister of Religious Affairs, the Minister of Manpower and the Minister of State Apparatus
/// Empowerment and Bureaucratic Reform.</para>
/// </remarks>
public sealed class WorkingDayCalendar
{
    private readonly ImmutableHashSet<LocalDate> _days;

    /// <summary>Creates a calendar.</summary>
    /// <param name="version">A name for this set of holidays, such as "ID 2023 (amended June 2023)".</param>
    /// <param name="firstYear">The first year the holidays cover.</param>
    /// <param name="lastYear">The last year the holidays cover.</param>
    /// <param name="holidays">The days off besides weekends.</param>
    /// <exception cref="ArgumentNullException"><paramref name="holidays"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="version"/> is blank, the years are reversed, or a holiday lies outside them.</exception>
    public WorkingDayCalendar(string version, int firstYear, int lastYear, IEnumerable<Holiday> holidays)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(holidays);
        if (lastYear < firstYear)
        {
            throw new ArgumentException("The last year must not be before the first.", nameof(lastYear));
        }

        ImmutableArray<Holiday> sorted = [.. holidays.OrderBy(h => h.Date)];
        if (sorted.Any(h => h.Date.Year < firstYear || h.Date.Year > lastYear))
        {
            throw new ArgumentException("Every holiday must fall within the calendar's years.", nameof(holidays));
        }

        Version = version;
        FirstYear = firstYear;
        LastYear = lastYear;
        Holidays = sorted;
        _days = [.. sorted.Select(h => h.Date)];
    }

    /// <summary>Gets Indonesia's national holidays and collective leave days of 2023 and 2024.</summary>
    public static WorkingDayCalendar Indonesia { get; } = new("ID 2023 (amended March and June 2023) + 2024", 2023, 2024, IndonesianHolidays());

    /// <summary>Gets the name of this set of holidays.</summary>
    public string Version { get; }

    /// <summary>Gets the first year covered.</summary>
    public int FirstYear { get; }

    /// <summary>Gets the last year covered.</summary>
    public int LastYear { get; }

    /// <summary>Gets the holidays, in date order.</summary>
    public ImmutableArray<Holiday> Holidays { get; }

    /// <summary>Returns whether <paramref name="date"/> is a working day.</summary>
    /// <param name="date">The day.</param>
    /// <returns><see langword="true"/> for Monday to Friday when it is not a holiday.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside the covered years.</exception>
    public bool IsWorkingDay(LocalDate date)
    {
        if (date.Year < FirstYear || date.Year > LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"The working-day calendar '{Version}' covers {FirstYear} to {LastYear} only.");
        }

        return date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !_days.Contains(date);
    }

    /// <summary>Returns the day that is <paramref name="workingDays"/> working days after <paramref name="start"/> (the start day is not counted).</summary>
    /// <param name="start">The day the period starts, such as the day a request was received.</param>
    /// <param name="workingDays">The number of working days, zero or more.</param>
    /// <returns>The last day of the period.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is negative, or the period leaves the covered years.</exception>
    public LocalDate AddWorkingDays(LocalDate start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        LocalDate day = start;
        for (int counted = 0; counted < workingDays;)
        {
            day = day.PlusDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>Returns the working days after <paramref name="start"/> up to and including <paramref name="end"/>.</summary>
    /// <param name="start">The first day, not counted.</param>
    /// <param name="end">The last day, counted when a working day.</param>
    /// <returns>The number of working days; 0 when <paramref name="end"/> is not after <paramref name="start"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A day in between is outside the covered years.</exception>
    public int WorkingDaysBetween(LocalDate start, LocalDate end)
    {
        int count = 0;
        for (LocalDate day = start.PlusDays(1); day <= end; day = day.PlusDays(1))
        {
            count += IsWorkingDay(day) ? 1 : 0;
        }

        return count;
    }

    private static IEnumerable<Holiday> IndonesianHolidays()
    {
        const HolidayKind national = HolidayKind.NationalHoliday;
        const HolidayKind leave = HolidayKind.CollectiveLeave;
        (int Year, int Month, int Day, string Name, HolidayKind Kind)[] days =
        [
            (2023, 1, 1, "Tahun Baru 2023 Masehi", national),
            (2023, 1, 22, "Tahun Baru Imlek 2574 Kongzili", national),
            (2023, 1, 23, "Cuti bersama Tahun Baru Imlek", leave),
            (2023, 2, 18, "Isra Mikraj Nabi Muhammad SAW", national),
            (2023, 3, 22, "Hari Suci Nyepi Tahun Baru Saka 1945", national),
            (2023, 3, 23, "Cuti bersama Hari Suci Nyepi", leave),
            (2023, 4, 7, "Wafat Isa Almasih", national),
            (2023, 4, 19, "Cuti bersama Idul Fitri 1444 H", leave),
            (2023, 4, 20, "Cuti bersama Idul Fitri 1444 H", leave),
            (2023, 4, 21, "Cuti bersama Idul Fitri 1444 H", leave),
            (2023, 4, 22, "Hari Raya Idul Fitri 1444 H", national),
            (2023, 4, 23, "Hari Raya Idul Fitri 1444 H", national),
            (2023, 4, 24, "Cuti bersama Idul Fitri 1444 H", leave),
            (2023, 4, 25, "Cuti bersama Idul Fitri 1444 H", leave),
            (2023, 5, 1, "Hari Buruh Internasional", national),
            (2023, 5, 18, "Kenaikan Isa Almasih", national),
            (2023, 6, 1, "Hari Lahir Pancasila", national),
            (2023, 6, 2, "Cuti bersama Hari Raya Waisak", leave),
            (2023, 6, 4, "Hari Raya Waisak 2567 BE", national),
            (2023, 6, 28, "Cuti bersama Idul Adha 1444 H", leave),
            (2023, 6, 29, "Hari Raya Idul Adha 1444 H", national),
            (2023, 6, 30, "Cuti bersama Idul Adha 1444 H", leave),
            (2023, 7, 19, "Tahun Baru Islam 1445 H", national),
            (2023, 8, 17, "Hari Kemerdekaan Republik Indonesia", national),
            (2023, 9, 28, "Maulid Nabi Muhammad SAW", national),
            (2023, 12, 25, "Hari Raya Natal", national),
            (2023, 12, 26, "Cuti bersama Hari Raya Natal", leave),
            (2024, 1, 1, "Tahun Baru 2024 Masehi", national),
            (2024, 2, 8, "Isra Mikraj Nabi Muhammad SAW", national),
            (2024, 2, 9, "Cuti bersama Tahun Baru Imlek", leave),
            (2024, 2, 10, "Tahun Baru Imlek 2575 Kongzili", national),
            (2024, 3, 11, "Hari Suci Nyepi Tahun Baru Saka 1946", national),
            (2024, 3, 12, "Cuti bersama Hari Suci Nyepi", leave),
            (2024, 3, 29, "Wafat Isa Almasih", national),
            (2024, 3, 31, "Hari Paskah", national),
            (2024, 4, 8, "Cuti bersama Idul Fitri 1445 H", leave),
            (2024, 4, 9, "Cuti bersama Idul Fitri 1445 H", leave),
            (2024, 4, 10, "Hari Raya Idul Fitri 1445 H", national),
            (2024, 4, 11, "Hari Raya Idul Fitri 1445 H", national),
            (2024, 4, 12, "Cuti bersama Idul Fitri 1445 H", leave),
            (2024, 4, 15, "Cuti bersama Idul Fitri 1445 H", leave),
            (2024, 5, 1, "Hari Buruh Internasional", national),
            (2024, 5, 9, "Kenaikan Isa Almasih", national),
            (2024, 5, 10, "Cuti bersama Kenaikan Isa Almasih", leave),
            (2024, 5, 23, "Hari Raya Waisak 2568 BE", national),
            (2024, 5, 24, "Cuti bersama Hari Raya Waisak", leave),
            (2024, 6, 1, "Hari Lahir Pancasila", national),
            (2024, 6, 17, "Hari Raya Idul Adha 1445 H", national),
            (2024, 6, 18, "Cuti bersama Idul Adha 1445 H", leave),
            (2024, 7, 7, "Tahun Baru Islam 1446 H", national),
            (2024, 8, 17, "Hari Kemerdekaan Republik Indonesia", national),
            (2024, 9, 16, "Maulid Nabi Muhammad SAW", national),
            (2024, 12, 25, "Hari Raya Natal", national),
            (2024, 12, 26, "Cuti bersama Hari Raya Natal", leave),
        ];
        return days.Select(d => new Holiday(new LocalDate(d.Year, d.Month, d.Day), d.Name, d.Kind));
    }
}
