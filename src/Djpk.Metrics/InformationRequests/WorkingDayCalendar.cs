using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace Djpk.Metrics.InformationRequests;

/// <summary>Working days for service deadlines: Monday to Friday, except national holidays and collective leave days.</summary>
/// <remarks>
/// <para>Immutable. The holidays are data, versioned by <see cref="Version"/> and covering <see cref="FirstYear"/> to
/// <see cref="LastYear"/>; the throwing members (<see cref="IsWorkingDay"/>, <see cref="AddWorkingDays"/>,
/// <see cref="WorkingDaysBetween"/>) throw for a day outside those years rather than guess, and the <c>Try…</c> members and
/// <see cref="Covers(LocalDate)"/> answer <see langword="false"/> instead. Read one holiday file per year with
/// <see cref="Parse(string)"/> or <see cref="Read(Stream)"/>, and join contiguous years with <see cref="Read(IEnumerable{Stream})"/>
/// or <see cref="Combine"/>.</para>
/// <para>Dates in a calendar system other than ISO are converted to ISO: a <see cref="LocalDate"/> names the same day in any calendar.
/// Results are ISO dates.</para>
/// <para>The library ships no country's holidays: a profile does. DJPK's profile in Djpk.Metrics.Reporting embeds
/// Indonesia's national holidays and cuti bersama from 2023, one file per year with its decree.</para>
/// </remarks>
public sealed class WorkingDayCalendar
{
    private readonly ImmutableHashSet<LocalDate> _days;
    private readonly LocalDate _dayBeforeFirst;
    private readonly LocalDate _lastDay;

    /// <summary>Creates a calendar.</summary>
    /// <param name="version">A name for this set of holidays, such as "ID 2023 (amended June 2023)".</param>
    /// <param name="firstYear">The first year the holidays cover, 1 to 9999.</param>
    /// <param name="lastYear">The last year the holidays cover, 1 to 9999.</param>
    /// <param name="holidays">The days off besides weekends.</param>
    /// <exception cref="ArgumentNullException"><paramref name="holidays"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="version"/> is blank, the years are reversed, or a holiday lies outside them.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstYear"/> or <paramref name="lastYear"/> is not 1 to 9999.</exception>
    public WorkingDayCalendar(string version, int firstYear, int lastYear, IEnumerable<Holiday> holidays)
        : this(version, firstYear, lastYear, holidays, [])
    {
    }

    internal WorkingDayCalendar(string version, int firstYear, int lastYear, IEnumerable<Holiday> holidays, ImmutableArray<HolidayProvenance> sources)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstYear, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstYear, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(lastYear, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lastYear, 9999);
        if (lastYear < firstYear)
        {
            throw new ArgumentException("The last year must not be before the first.", nameof(lastYear));
        }

        ImmutableArray<Holiday> sorted =
        [
            .. holidays
                .Select(h => h.Date.Calendar == CalendarSystem.Iso ? h : new Holiday(h.Date.WithCalendar(CalendarSystem.Iso), h.Name, h.Kind))
                .OrderBy(h => h.Date),
        ];
        if (sorted.Any(h => h.Date.Year < firstYear || h.Date.Year > lastYear))
        {
            throw new ArgumentException("Every holiday must fall within the calendar's years.", nameof(holidays));
        }

        Version = version;
        FirstYear = firstYear;
        LastYear = lastYear;
        Holidays = sorted;
        Sources = sources;
        _days = [.. sorted.Select(h => h.Date)];
        _dayBeforeFirst = new LocalDate(firstYear, 1, 1).PlusDays(-1);
        _lastDay = new LocalDate(lastYear, 12, 31);
    }

    /// <summary>Gets the name of this set of holidays.</summary>
    public string Version { get; }

    /// <summary>Gets the first year covered.</summary>
    public int FirstYear { get; }

    /// <summary>Gets the last year covered.</summary>
    public int LastYear { get; }

    /// <summary>Gets the holidays, in date order.</summary>
    public ImmutableArray<Holiday> Holidays { get; }

    /// <summary>Gets where each year's holidays come from, in year order; empty for a calendar made with the constructor.</summary>
    public ImmutableArray<HolidayProvenance> Sources { get; }

    /// <summary>Reads a calendar of one year from the text of a holiday file.</summary>
    /// <param name="json">The file's text.</param>
    /// <returns>A calendar covering the file's year, with one entry in <see cref="Sources"/>.</returns>
    /// <remarks>
    /// <para>A holiday file (schema 1) is one JSON object for one country and one year, in UTF-8, without comments or trailing commas:</para>
    /// <code>
    /// {
    ///   "schema": 1,
    ///   "country": "ID",
    ///   "year": 2025,
    ///   "version": "2025 (amended August 2025)",
    ///   "source": "SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor … Tahun 2024",
    ///   "checkedAgainstOfficialText": false,
    ///   "note": "What is uncertain.",
    ///   "holidays": [ { "date": "2025-01-01", "name": "Tahun Baru 2025 Masehi", "kind": "nationalHoliday" } ]
    /// }
    /// </code>
    /// <para><c>schema</c> is 1. <c>country</c> is an ISO 3166-1 alpha-2 code. <c>year</c> is 1 to 9999. <c>source</c> names the
    /// decree. <c>checkedAgainstOfficialText</c> is <see langword="true"/> only when every day was compared with the decree's official
    /// text. <c>version</c> (optional) labels this edition of the year and defaults to the year; the calendar's <see cref="Version"/> is
    /// the country followed by it, such as "ID 2025 (amended August 2025)". <c>note</c> is optional. Each holiday has an ISO
    /// <c>date</c> (yyyy-MM-dd) in the file's year, a non-blank <c>name</c>, and a <c>kind</c> of <c>"nationalHoliday"</c> (hari libur
    /// nasional) or <c>"collectiveLeave"</c> (cuti bersama). A date appears once; holidays may be in any order and may fall on weekends.
    /// Field names are case-sensitive, and unknown or repeated fields are errors.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not valid JSON or breaks a rule of the format; the message names the field and the fix.</exception>
    public static WorkingDayCalendar Parse(string json) => HolidayFileReader.Parse(json, "Holiday file");

    /// <summary>Reads a calendar of one year from a holiday file in UTF-8.</summary>
    /// <param name="utf8Json">The file's content; read to its end and not disposed.</param>
    /// <returns>A calendar covering the file's year, with one entry in <see cref="Sources"/>.</returns>
    /// <remarks>The format is described under <see cref="Parse(string)"/>. Messages name a <see cref="FileStream"/>'s file.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The content is not valid JSON or breaks a rule of the format; the message names the field and the fix.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="NotSupportedException">The stream does not support reading.</exception>
    public static WorkingDayCalendar Read(Stream utf8Json) => HolidayFileReader.Read(utf8Json, utf8Json is FileStream file ? "Holiday file '" + Path.GetFileName(file.Name) + "'" : "Holiday file");

    /// <summary>Reads the holiday files of contiguous years of one country into one calendar.</summary>
    /// <param name="utf8JsonFiles">One stream per year, in any order; each is read to its end and not disposed.</param>
    /// <returns>A calendar covering the first to the last year of the files, as <see cref="Combine"/> joins them.</returns>
    /// <remarks>The format is described under <see cref="Parse(string)"/>. The years must be contiguous: a missing year is an error, not a
    /// year without holidays, because a calendar answers for every day from its first to its last year.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="utf8JsonFiles"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="utf8JsonFiles"/> is empty or holds a <see langword="null"/> stream.</exception>
    /// <exception cref="FormatException">A file is not valid JSON or breaks a rule of the format, or the files are of several countries,
    /// repeat a year or skip one; the message names the file (by its position, or its name for a <see cref="FileStream"/>), the field and the fix.</exception>
    /// <exception cref="IOException">A stream cannot be read.</exception>
    /// <exception cref="NotSupportedException">A stream does not support reading.</exception>
    public static WorkingDayCalendar Read(IEnumerable<Stream> utf8JsonFiles) => HolidayFileReader.ReadAll(utf8JsonFiles);

    /// <summary>Joins calendars of contiguous, non-overlapping years into one.</summary>
    /// <param name="calendars">The calendars, in any order.</param>
    /// <returns>A calendar from the earliest first year to the latest last year, with every holiday and source.</returns>
    /// <remarks>The <see cref="Version"/> joins the versions in year order with " + ", writing a first word they share (such as the
    /// country "ID") once: "ID 2023 (amended March and June 2023)" and "ID 2024" give "ID 2023 (amended March and June 2023) + 2024".</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="calendars"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="calendars"/> is empty, holds <see langword="null"/>, or its years overlap or leave a gap.</exception>
    public static WorkingDayCalendar Combine(IEnumerable<WorkingDayCalendar> calendars)
    {
        ArgumentNullException.ThrowIfNull(calendars);
        WorkingDayCalendar[] sorted = [.. calendars];
        if (sorted.Length == 0 || Array.IndexOf(sorted, null) >= 0)
        {
            throw new ArgumentException("Combine needs at least one calendar and no null.", nameof(calendars));
        }

        Array.Sort(sorted, (a, b) => a.FirstYear.CompareTo(b.FirstYear));
        for (int i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].FirstYear != sorted[i - 1].LastYear + 1)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Combined calendars must cover contiguous years without overlap, but '{sorted[i - 1].Version}' ends in {sorted[i - 1].LastYear} and '{sorted[i].Version}' starts in {sorted[i].FirstYear}."),
                    nameof(calendars));
            }
        }

        if (sorted.Length == 1)
        {
            return sorted[0];
        }

        string first = sorted[0].Version;
        int space = first.IndexOf(' ', StringComparison.Ordinal);
        string prefix = space > 0 ? first[..(space + 1)] : "";
        bool shared = prefix.Length > 0 && sorted.All(c => c.Version.StartsWith(prefix, StringComparison.Ordinal) && c.Version.Length > prefix.Length);
        string version = string.Join(" + ", sorted.Select((c, i) => shared && i > 0 ? c.Version[prefix.Length..] : c.Version));
        return new WorkingDayCalendar(
            version, sorted[0].FirstYear, sorted[^1].LastYear, sorted.SelectMany(c => c.Holidays), [.. sorted.SelectMany(c => c.Sources)]);
    }

    /// <summary>Returns whether the calendar covers <paramref name="date"/>, that is whether its year is from <see cref="FirstYear"/> to <see cref="LastYear"/>.</summary>
    /// <param name="date">The day.</param>
    /// <returns><see langword="true"/> when the calendar can tell whether the day is a working day.</returns>
    public bool Covers(LocalDate date)
    {
        int year = Iso(date).Year;
        return year >= FirstYear && year <= LastYear;
    }

    /// <summary>Returns whether the calendar covers every day of <paramref name="interval"/>.</summary>
    /// <param name="interval">The days.</param>
    /// <returns><see langword="true"/> when both its start and its end are covered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="interval"/> is <see langword="null"/>.</exception>
    public bool Covers(DateInterval interval)
    {
        ArgumentNullException.ThrowIfNull(interval);
        return Covers(interval.Start) && Covers(interval.End);
    }

    /// <summary>Returns whether <paramref name="date"/> is a working day.</summary>
    /// <param name="date">The day.</param>
    /// <returns><see langword="true"/> for Monday to Friday when it is not a holiday.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside the covered years.</exception>
    public bool IsWorkingDay(LocalDate date) =>
        TryIsWorkingDay(date, out bool working)
            ? working
            : throw new ArgumentOutOfRangeException(nameof(date), date, string.Create(CultureInfo.InvariantCulture, $"The working-day calendar '{Version}' covers {FirstYear} to {LastYear} only; ask Covers or TryIsWorkingDay first, or use a calendar with the holidays of {Iso(date).Year}."));

    /// <summary>Tells whether <paramref name="date"/> is a working day, when the calendar covers it.</summary>
    /// <param name="date">The day.</param>
    /// <param name="isWorkingDay">Set to <see langword="true"/> for Monday to Friday when it is not a holiday; <see langword="false"/> when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="date"/> is within the covered years; <see langword="false"/> otherwise.</returns>
    public bool TryIsWorkingDay(LocalDate date, out bool isWorkingDay)
    {
        date = Iso(date);
        if (date.Year < FirstYear || date.Year > LastYear)
        {
            isWorkingDay = false;
            return false;
        }

        isWorkingDay = IsWorkingDayCovered(date);
        return true;
    }

    /// <summary>Returns the day that is <paramref name="workingDays"/> working days after <paramref name="start"/> (the start day is not counted).</summary>
    /// <param name="start">The day the period starts, such as the day a request was received.</param>
    /// <param name="workingDays">The number of working days, zero or more.</param>
    /// <returns>The last day of the period; <paramref name="start"/> when <paramref name="workingDays"/> is zero.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is negative, or the period leaves the covered years.</exception>
    public LocalDate AddWorkingDays(LocalDate start, int workingDays) =>
        TryAddWorkingDays(start, workingDays, out LocalDate end)
            ? end
            : throw new ArgumentOutOfRangeException(nameof(start), start, string.Create(CultureInfo.InvariantCulture, $"{workingDays} working days after {start:uuuu-MM-dd} leave the years {FirstYear} to {LastYear} that the working-day calendar '{Version}' covers; ask TryAddWorkingDays first, or use a calendar with the later years."));

    /// <summary>Finds the day that is <paramref name="workingDays"/> working days after <paramref name="start"/> (the start day is not counted), when the calendar covers the period.</summary>
    /// <param name="start">The day the period starts, such as the day a request was received; it need not be covered itself.</param>
    /// <param name="workingDays">The number of working days, zero or more.</param>
    /// <param name="end">Set to the last day of the period (<paramref name="start"/> when <paramref name="workingDays"/> is zero); the default date when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="true"/> when every day after <paramref name="start"/> up to <paramref name="end"/> is covered; <see langword="false"/> when the period leaves the covered years.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is negative.</exception>
    public bool TryAddWorkingDays(LocalDate start, int workingDays, out LocalDate end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        LocalDate day = Iso(start);
        for (int counted = 0; counted < workingDays;)
        {
            if (day < _dayBeforeFirst || day >= _lastDay)
            {
                end = default;
                return false;
            }

            day = day.PlusDays(1);
            if (IsWorkingDayCovered(day))
            {
                counted++;
            }
        }

        end = day;
        return true;
    }

    /// <summary>Returns the working days after <paramref name="start"/> up to and including <paramref name="end"/>.</summary>
    /// <param name="start">The first day, not counted.</param>
    /// <param name="end">The last day, counted when a working day.</param>
    /// <returns>The number of working days; 0 when <paramref name="end"/> is not after <paramref name="start"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A day in between is outside the covered years.</exception>
    public int WorkingDaysBetween(LocalDate start, LocalDate end) =>
        TryWorkingDaysBetween(start, end, out int workingDays)
            ? workingDays
            : throw new ArgumentOutOfRangeException(nameof(end), end, string.Create(CultureInfo.InvariantCulture, $"The days after {start:uuuu-MM-dd} up to {end:uuuu-MM-dd} leave the years {FirstYear} to {LastYear} that the working-day calendar '{Version}' covers; ask TryWorkingDaysBetween or Covers first."));

    /// <summary>Counts the working days after <paramref name="start"/> up to and including <paramref name="end"/>, when the calendar covers them.</summary>
    /// <param name="start">The first day, not counted; it need not be covered itself.</param>
    /// <param name="end">The last day, counted when a working day.</param>
    /// <param name="workingDays">Set to the number of working days (0 when <paramref name="end"/> is not after <paramref name="start"/>); 0 when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="true"/> when every day counted is covered (always when <paramref name="end"/> is not after <paramref name="start"/>); <see langword="false"/> otherwise.</returns>
    public bool TryWorkingDaysBetween(LocalDate start, LocalDate end, out int workingDays)
    {
        start = Iso(start);
        end = Iso(end);
        workingDays = 0;
        if (end <= start)
        {
            return true;
        }

        if (start < _dayBeforeFirst || end > _lastDay)
        {
            return false;
        }

        int count = 0;
        for (LocalDate day = start; day < end;)
        {
            day = day.PlusDays(1);
            count += IsWorkingDayCovered(day) ? 1 : 0;
        }

        workingDays = count;
        return true;
    }

    private static LocalDate Iso(LocalDate date) => date.Calendar == CalendarSystem.Iso ? date : date.WithCalendar(CalendarSystem.Iso);

    private bool IsWorkingDayCovered(LocalDate date) =>
        date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !_days.Contains(date);
}
