using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using NodaTime;
using NodaTime.Calendars;

namespace Djpk.Metrics.Periods;

/// <summary>A reporting period of the ISO calendar: a day, an ISO week, a month, a quarter or a year.</summary>
/// <remarks>
/// <para>Immutable. A period is its <see cref="Grain"/> and its position; it knows its dates but not a time zone:
/// <see cref="ReportingCalendar"/> maps instants to periods in a zone.</para>
/// <para>Ordering is chronological within a grain; periods of different grains order by grain first, so sorting is total.</para>
/// <para>The text form is invariant and parses back: "2023-12-31", "2023-W52", "2023-12", "2023-Q4", "2023".</para>
/// <para>The default value is the day 0001-01-01.</para>
/// </remarks>
public readonly record struct ReportingPeriod : IComparable<ReportingPeriod>, IComparisonOperators<ReportingPeriod, ReportingPeriod, bool>
{
    private const int MaxYear = 9999;
    private static readonly int MaxDayIndex = CivilDays.FromDate(MaxYear, 12, 31);

    private readonly int _index; // days since 0001-01-01, weeks since Monday 0001-01-01, months, quarters or years since 0001

    private ReportingPeriod(PeriodGrain grain, int index)
    {
        Grain = grain;
        _index = index;
    }

    /// <summary>Gets the length of the period.</summary>
    public PeriodGrain Grain { get; }

    /// <summary>Gets the first day of the period.</summary>
    public LocalDate Start => Grain switch
    {
        PeriodGrain.Day => DateOf(_index),
        PeriodGrain.Week => DateOf(_index * 7),
        PeriodGrain.Month => new LocalDate((_index / 12) + 1, (_index % 12) + 1, 1),
        PeriodGrain.Quarter => new LocalDate((_index / 4) + 1, ((_index % 4) * 3) + 1, 1),
        _ => new LocalDate(_index + 1, 1, 1),
    };

    /// <summary>Gets the last day of the period (inclusive).</summary>
    public LocalDate End => Grain switch
    {
        PeriodGrain.Day => Start,
        PeriodGrain.Week => Start.PlusDays(6),
        PeriodGrain.Month => LastDayOfMonth(Start.Year, Start.Month),     // not Start.PlusMonths(1): December 9999 has no next month
        PeriodGrain.Quarter => LastDayOfMonth(Start.Year, Start.Month + 2),
        _ => new LocalDate(_index + 1, 12, 31),
    };

    /// <summary>Gets the year the period belongs to: the calendar year, or the ISO week-year for a week.</summary>
    public int Year => Grain == PeriodGrain.Week ? WeekYearRules.Iso.GetWeekYear(Start) : Start.Year;

    internal int Index => _index;

    /// <summary>Returns the day <paramref name="date"/>.</summary>
    /// <param name="date">The date, in the ISO calendar, year 1 or later.</param>
    /// <returns>The day period.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is before year 1.</exception>
    public static ReportingPeriod Day(LocalDate date) => Containing(date, PeriodGrain.Day);

    /// <summary>Returns ISO week <paramref name="week"/> of week-year <paramref name="weekYear"/>.</summary>
    /// <param name="weekYear">The ISO week-year, 1 to 9999.</param>
    /// <param name="week">The week, 1 to 52 or 53 (the year's number of weeks).</param>
    /// <returns>The week period, Monday to Sunday.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The week-year or week is out of range.</exception>
    public static ReportingPeriod Week(int weekYear, int week)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weekYear, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(weekYear, MaxYear - 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(week, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(week, WeekYearRules.Iso.GetWeeksInWeekYear(weekYear));
        return Containing(WeekYearRules.Iso.GetLocalDate(weekYear, week, IsoDayOfWeek.Monday), PeriodGrain.Week);
    }

    /// <summary>Returns the month <paramref name="month"/> of <paramref name="year"/>.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <returns>The month period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year or month is out of range.</exception>
    public static ReportingPeriod Month(int year, int month)
    {
        ValidateYear(year);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return new ReportingPeriod(PeriodGrain.Month, ((year - 1) * 12) + month - 1);
    }

    /// <summary>Returns the month <paramref name="month"/>.</summary>
    /// <param name="month">The month, in the ISO calendar.</param>
    /// <returns>The month period.</returns>
    /// <exception cref="ArgumentException"><paramref name="month"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> is before year 1.</exception>
    public static ReportingPeriod FromYearMonth(YearMonth month)
    {
        if (month.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException("Only months of the ISO calendar are supported.", nameof(month));
        }

        return Month(month.Year, month.Month);
    }

    /// <summary>Returns quarter <paramref name="quarter"/> of <paramref name="year"/>.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <param name="quarter">The quarter, 1 to 4.</param>
    /// <returns>The quarter period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year or quarter is out of range.</exception>
    public static ReportingPeriod Quarter(int year, int quarter)
    {
        ValidateYear(year);
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        return new ReportingPeriod(PeriodGrain.Quarter, ((year - 1) * 4) + quarter - 1);
    }

    /// <summary>Returns the year <paramref name="year"/>.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <returns>The year period.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is out of range.</exception>
    public static ReportingPeriod OfYear(int year)
    {
        ValidateYear(year);
        return new ReportingPeriod(PeriodGrain.Year, year - 1);
    }

    /// <summary>Returns the period of <paramref name="grain"/> that contains <paramref name="date"/>.</summary>
    /// <param name="date">The date, in the ISO calendar, year 1 or later.</param>
    /// <param name="grain">The length of the period.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is before year 1, its week ends after 9999, or <paramref name="grain"/> is not defined.</exception>
    public static ReportingPeriod Containing(LocalDate date, PeriodGrain grain)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException("Only dates of the ISO calendar are supported.", nameof(date));
        }

        ValidateYear(date.Year);
        int day = CivilDays.FromDate(date.Year, date.Month, date.Day);
        return FromDayIndex(day, grain);
    }

    /// <summary>Parses the invariant text form: "2023-12-31", "2023-W52", "2023-12", "2023-Q4" or "2023".</summary>
    /// <param name="text">The text.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not a period in one of those forms.</exception>
    public static ReportingPeriod Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out ReportingPeriod period)
            ? period
            : throw new FormatException($"'{text}' is not a reporting period such as 2023-12-31, 2023-W52, 2023-12, 2023-Q4 or 2023.");
    }

    /// <summary>Tries to parse the invariant text form.</summary>
    /// <param name="text">The text.</param>
    /// <param name="period">The period, when the text is one.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid period.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out ReportingPeriod period)
    {
        period = default;
        if (text is null || text.Length < 4 || !TryDigits(text.AsSpan(0, 4), out int year) || year < 1)
        {
            return false;
        }

        if (text.Length == 4)
        {
            period = OfYear(year);
            return true;
        }

        if (text[4] != '-')
        {
            return false;
        }

        ReadOnlySpan<char> rest = text.AsSpan(5);
        if (rest.Length == 2 && rest[0] == 'Q' && TryDigits(rest[1..], out int quarter) && quarter is >= 1 and <= 4)
        {
            period = Quarter(year, quarter);
            return true;
        }

        if (rest.Length == 3 && rest[0] == 'W' && TryDigits(rest[1..], out int week)
            && year < MaxYear && week >= 1 && week <= WeekYearRules.Iso.GetWeeksInWeekYear(year))
        {
            period = Week(year, week);
            return true;
        }

        if (rest.Length >= 2 && TryDigits(rest[..2], out int month) && month is >= 1 and <= 12)
        {
            if (rest.Length == 2)
            {
                period = Month(year, month);
                return true;
            }

            if (rest.Length == 5 && rest[2] == '-' && TryDigits(rest[3..], out int day)
                && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month))
            {
                period = Day(new LocalDate(year, month, day));
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the period <paramref name="count"/> periods later (earlier when negative).</summary>
    /// <param name="count">The number of periods to move.</param>
    /// <returns>The period of the same grain.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The result is before year 1 or after 9999.</exception>
    public ReportingPeriod PlusPeriods(int count)
    {
        long index = (long)_index + count;
        if (index < 0 || index > MaxIndex(Grain))
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The resulting period must lie within the years 1 to 9999.");
        }

        return new ReportingPeriod(Grain, (int)index);
    }

    /// <summary>Tries to move <paramref name="count"/> periods later (earlier when negative).</summary>
    /// <param name="count">The number of periods to move.</param>
    /// <param name="period">The period of the same grain, when it lies within the years 1 to 9999.</param>
    /// <returns><see langword="false"/> when the result would be before year 1 or after 9999.</returns>
    public bool TryPlusPeriods(int count, out ReportingPeriod period)
    {
        long index = (long)_index + count;
        bool valid = index >= 0 && index <= MaxIndex(Grain);
        period = valid ? new ReportingPeriod(Grain, (int)index) : default;
        return valid;
    }

    /// <summary>Returns the next period of the same grain.</summary>
    /// <returns>The period that starts the day after this one ends.</returns>
    /// <exception cref="ArgumentOutOfRangeException">This is the last period of year 9999.</exception>
    public ReportingPeriod Next() => PlusPeriods(1);

    /// <summary>Returns the previous period of the same grain.</summary>
    /// <returns>The period that ends the day before this one starts.</returns>
    /// <exception cref="ArgumentOutOfRangeException">This is the first period of year 1.</exception>
    public ReportingPeriod Previous() => PlusPeriods(-1);

    /// <summary>Returns the same period one year earlier, the base of a year-on-year change.</summary>
    /// <remarks>29 February maps to 28 February; ISO week 53 maps to week 52 when the previous week-year has no week 53.</remarks>
    /// <returns>The period of the same grain in the previous year.</returns>
    /// <exception cref="ArgumentOutOfRangeException">This period is in year 1.</exception>
    public ReportingPeriod SameLastYear()
    {
        if (Year <= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Year), Year, "The period must be after year 1 to have a previous year.");
        }

        return Grain switch
        {
            PeriodGrain.Day => Day(Start.PlusYears(-1)),
            PeriodGrain.Week => Week(Year - 1, Math.Min(WeekYearRules.Iso.GetWeekOfWeekYear(Start), WeekYearRules.Iso.GetWeeksInWeekYear(Year - 1))),
            PeriodGrain.Month => PlusPeriods(-12),
            PeriodGrain.Quarter => PlusPeriods(-4),
            _ => PlusPeriods(-1),
        };
    }

    /// <summary>Returns the days of the period.</summary>
    /// <returns>The interval from <see cref="Start"/> to <see cref="End"/>, both included.</returns>
    public DateInterval ToDateInterval() => new(Start, End);

    /// <summary>Returns whether <paramref name="date"/> falls within the period.</summary>
    /// <param name="date">The date, in the ISO calendar.</param>
    /// <returns><see langword="true"/> when <see cref="Start"/> ≤ <paramref name="date"/> ≤ <see cref="End"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    public bool Contains(LocalDate date)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException("Only dates of the ISO calendar are supported.", nameof(date));
        }

        return date >= Start && date <= End;
    }

    /// <summary>Compares by grain, then chronologically.</summary>
    /// <param name="other">The period to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this period sorts before, with or after the other.</returns>
    public int CompareTo(ReportingPeriod other) =>
        Grain != other.Grain ? Grain.CompareTo(other.Grain) : _index.CompareTo(other._index);

    /// <summary>Returns the invariant text form: "2023-12-31", "2023-W52", "2023-12", "2023-Q4" or "2023".</summary>
    /// <returns>The text form, which <see cref="Parse"/> reads back.</returns>
    public override string ToString()
    {
        LocalDate start = Start;
        return Grain switch
        {
            PeriodGrain.Day => string.Create(CultureInfo.InvariantCulture, $"{start.Year:D4}-{start.Month:D2}-{start.Day:D2}"),
            PeriodGrain.Week => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{WeekYearRules.Iso.GetWeekOfWeekYear(start):D2}"),
            PeriodGrain.Month => string.Create(CultureInfo.InvariantCulture, $"{start.Year:D4}-{start.Month:D2}"),
            PeriodGrain.Quarter => string.Create(CultureInfo.InvariantCulture, $"{start.Year:D4}-Q{(_index % 4) + 1}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{start.Year:D4}"),
        };
    }

    /// <summary>Returns whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns><see langword="true"/> when the first sorts before the second.</returns>
    public static bool operator <(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns><see langword="true"/> when the first sorts after the second.</returns>
    public static bool operator >(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether <paramref name="left"/> sorts before or equals <paramref name="right"/>.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns><see langword="true"/> unless the first sorts after the second.</returns>
    public static bool operator <=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after or equals <paramref name="right"/>.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns><see langword="true"/> unless the first sorts before the second.</returns>
    public static bool operator >=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) >= 0;

    internal static ReportingPeriod FromDayIndex(int day, PeriodGrain grain)
    {
        (int year, int month, _) = CivilDays.ToDate(day);
        ReportingPeriod period = grain switch
        {
            PeriodGrain.Day => new ReportingPeriod(PeriodGrain.Day, day),
            PeriodGrain.Week => new ReportingPeriod(PeriodGrain.Week, day / 7), // 0001-01-01 is a Monday
            PeriodGrain.Month => new ReportingPeriod(PeriodGrain.Month, ((year - 1) * 12) + month - 1),
            PeriodGrain.Quarter => new ReportingPeriod(PeriodGrain.Quarter, ((year - 1) * 4) + ((month - 1) / 3)),
            PeriodGrain.Year => new ReportingPeriod(PeriodGrain.Year, year - 1),
            _ => throw new ArgumentOutOfRangeException(nameof(grain), grain, "The grain must be one of the defined PeriodGrain values."),
        };
        if (period._index > MaxIndex(grain))
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "The period must end in year 9999 or earlier.");
        }

        return period;
    }

    internal static ReportingPeriod FromIndex(PeriodGrain grain, int index) => new(grain, index);

    internal static int MaxIndex(PeriodGrain grain) => grain switch
    {
        PeriodGrain.Day => MaxDayIndex,
        PeriodGrain.Week => ((MaxDayIndex + 1) / 7) - 1, // the last week that ends by 9999-12-31
        PeriodGrain.Month => (MaxYear * 12) - 1,
        PeriodGrain.Quarter => (MaxYear * 4) - 1,
        _ => MaxYear - 1,
    };

    private static LocalDate LastDayOfMonth(int year, int month) => new(year, month, CalendarSystem.Iso.GetDaysInMonth(year, month));

    private static LocalDate DateOf(int day)
    {
        (int year, int month, int dayOfMonth) = CivilDays.ToDate(day);
        return new LocalDate(year, month, dayOfMonth);
    }

    private static void ValidateYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return !text.IsEmpty;
    }
}
