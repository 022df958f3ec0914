using System.Globalization;
using System.Text;
using Djpk.Metrics.Comparison;
using NodaTime;

namespace Djpk.Metrics.Formatting;

/// <summary>Formats and parses a report's numbers, percentages, directions and months, identically on every host.</summary>
/// <remarks>
/// <para>Immutable. The output never depends on the current culture or on the machine's globalization data (ICU or
/// invariant mode): separators, month names and words are fixed by <see cref="Language"/>.</para>
/// <para>The formatter never rounds. Decimals are printed at their own scale, so round first under the report's
/// <see cref="RoundingRule"/>: <c>PercentChange.ToPercent(1, RoundingRule.TowardZero)</c> then <see cref="FormatPercent"/>.</para>
/// </remarks>
public sealed class ReportFormatter
{
    private static readonly string[] IndonesianMonths =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private readonly char _groupSeparator;
    private readonly char _decimalSeparator;
    private readonly string[] _months;

    private ReportFormatter(ReportLanguage language, char groupSeparator, char decimalSeparator, string[] months, ChangeWords changeWords)
    {
        Language = language;
        _groupSeparator = groupSeparator;
        _decimalSeparator = decimalSeparator;
        _months = months;
        ChangeWords = changeWords;
    }

    /// <summary>Gets the Indonesian formatter: "18.008", "13,5%", "naik"/"turun"/"tetap", "Desember 2023".</summary>
    public static ReportFormatter Indonesian { get; } = new(ReportLanguage.Indonesian, '.', ',', IndonesianMonths, ChangeWords.Indonesian);

    /// <summary>Gets the English formatter: "18,008", "13.5%", "up"/"down"/"unchanged", "December 2023".</summary>
    public static ReportFormatter English { get; } = new(ReportLanguage.English, ',', '.', EnglishMonths, ChangeWords.English);

    /// <summary>Gets the language this formatter writes.</summary>
    public ReportLanguage Language { get; }

    /// <summary>Gets the words <see cref="FormatChange"/> writes, such as "naik {percent}".</summary>
    public ChangeWords ChangeWords { get; }

    /// <summary>Returns a formatter of the same language that writes changes with <paramref name="words"/>, such as a report profile's "meningkat {percent}".</summary>
    /// <param name="words">The words of a change.</param>
    /// <returns>The new formatter; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="words"/> is <see langword="null"/>.</exception>
    public ReportFormatter WithChangeWords(ChangeWords words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return new ReportFormatter(Language, _groupSeparator, _decimalSeparator, _months, words);
    }

    /// <summary>Returns the formatter for <paramref name="language"/>.</summary>
    /// <param name="language">The report language.</param>
    /// <returns><see cref="Indonesian"/> or <see cref="English"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="language"/> is not defined.</exception>
    public static ReportFormatter For(ReportLanguage language) => language switch
    {
        ReportLanguage.Indonesian => Indonesian,
        ReportLanguage.English => English,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "The language must be one of the defined ReportLanguage values."),
    };

    /// <summary>Formats a count with thousands separators: "18.008" in Indonesian, "18,008" in English.</summary>
    /// <param name="value">The count.</param>
    /// <returns>The formatted count.</returns>
    public string FormatCount(long value) => FormatNumber(value);

    /// <summary>Formats a number at its own scale with the language's separators: 4,9m gives "4,9"; 12,0m gives "12,0".</summary>
    /// <param name="value">The number, already rounded by the caller.</param>
    /// <returns>The formatted number.</returns>
    public string FormatNumber(decimal value)
    {
        string digits = Math.Abs(value).ToString(CultureInfo.InvariantCulture); // plain digits at the value's scale, e.g. "18008" or "4.90"
        int point = digits.IndexOf('.', StringComparison.Ordinal);
        ReadOnlySpan<char> integer = point < 0 ? digits : digits.AsSpan(0, point);
        var text = new StringBuilder(digits.Length + (digits.Length / 3) + 2);
        if (value < 0)
        {
            text.Append('-');
        }

        for (int i = 0; i < integer.Length; i++)
        {
            if (i > 0 && (integer.Length - i) % 3 == 0)
            {
                text.Append(_groupSeparator);
            }

            text.Append(integer[i]);
        }

        if (point >= 0)
        {
            text.Append(_decimalSeparator).Append(digits.AsSpan(point + 1));
        }

        return text.ToString();
    }

    /// <summary>Formats a percentage at its own scale: 13,5m gives "13,5%" in Indonesian and "13.5%" in English.</summary>
    /// <param name="percent">The percentage, already rounded by the caller.</param>
    /// <returns>The formatted percentage.</returns>
    public string FormatPercent(decimal percent) => FormatNumber(percent) + "%";

    /// <summary>Formats a difference of shares: "2,5 poin persentase" or "2.5 percentage points".</summary>
    /// <param name="points">The difference in percentage points, already rounded by the caller.</param>
    /// <returns>The formatted difference.</returns>
    public string FormatPercentagePoints(decimal points) =>
        FormatNumber(points) + (Language == ReportLanguage.Indonesian ? " poin persentase" : " percentage points");

    /// <summary>Returns the word for a direction: "naik"/"turun"/"tetap" or "up"/"down"/"unchanged".</summary>
    /// <param name="direction">The direction.</param>
    /// <returns>The word.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="direction"/> is not defined.</exception>
    public string FormatDirection(ChangeDirection direction) => (Language, direction) switch
    {
        (ReportLanguage.Indonesian, ChangeDirection.Increase) => "naik",
        (ReportLanguage.Indonesian, ChangeDirection.Decrease) => "turun",
        (ReportLanguage.Indonesian, ChangeDirection.Unchanged) => "tetap",
        (_, ChangeDirection.Increase) => "up",
        (_, ChangeDirection.Decrease) => "down",
        (_, ChangeDirection.Unchanged) => "unchanged",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "The direction must be one of the defined ChangeDirection values."),
    };

    /// <summary>Formats a change with <see cref="ChangeWords"/>: "naik 44%", "turun 11,89%", "tetap"; from zero, "naik (dari 0)" or "up (from 0)".</summary>
    /// <param name="change">The change.</param>
    /// <param name="decimals">The number of decimals of the percentage.</param>
    /// <param name="rule">The rounding rule, applied once to the exact change.</param>
    /// <returns>The formatted change; the magnitude is printed without a sign because the direction word carries it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is out of range or <paramref name="rule"/> is not defined.</exception>
    public string FormatChange(PercentChange change, int decimals, RoundingRule rule)
    {
        decimal? percent = change.ToPercent(decimals, rule);
        if (change.Direction == ChangeDirection.Unchanged)
        {
            return ChangeWords.Unchanged;
        }

        if (percent is not decimal value)
        {
            return ChangeWords.FromZero;
        }

        string template = change.Direction == ChangeDirection.Increase ? ChangeWords.Increase : ChangeWords.Decrease;
        return template.Replace(ChangeWords.PercentPlaceholder, FormatPercent(Math.Abs(value)), StringComparison.Ordinal);
    }

    /// <summary>Formats a month of the ISO calendar: "Desember 2023" or "December 2023".</summary>
    /// <param name="month">The month.</param>
    /// <returns>The month name and year.</returns>
    /// <exception cref="ArgumentException"><paramref name="month"/> is not in the ISO calendar.</exception>
    public string FormatMonth(YearMonth month)
    {
        if (month.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException("Only months of the ISO calendar can be formatted.", nameof(month));
        }

        return _months[month.Month - 1] + " " + month.Year.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Formats a day of the ISO calendar: "31 Desember 2023" or "31 December 2023".</summary>
    /// <param name="date">The day.</param>
    /// <returns>The day, month name and year.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    public string FormatDate(LocalDate date)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException("Only days of the ISO calendar can be formatted.", nameof(date));
        }

        return date.Day.ToString(CultureInfo.InvariantCulture) + " " + FormatMonth(date.ToYearMonth());
    }

    /// <summary>Returns the three-letter abbreviation of month <paramref name="month"/>: "Agu" in Indonesian, "Aug" in English.</summary>
    /// <param name="month">The month, 1 to 12.</param>
    /// <returns>The abbreviation.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> is not 1 to 12.</exception>
    public string FormatMonthAbbreviation(int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return _months[month - 1][..3];
    }

    /// <summary>Parses a count written in this language, with or without thousands separators ("18.008" or "18008").</summary>
    /// <param name="text">The text.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not a whole number in this language's form, or does not fit in a <see cref="long"/>.</exception>
    public long ParseCount(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseCount(text, out long value)
            ? value
            : throw new FormatException($"'{text}' is not a whole number written as {Describe()}.");
    }

    /// <summary>Tries to parse a count written in this language, with or without thousands separators.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The count, when the text is one.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a whole number that fits in a <see cref="long"/>.</returns>
    public bool TryParseCount(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        return TryParseNumber(text, out decimal number) && number.Scale == 0 && number is >= long.MinValue and <= long.MaxValue
            && (value = (long)number) == number;
    }

    /// <summary>Parses a number written in this language ("4,9" or "1.305,25" in Indonesian), keeping its scale.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number, with as many decimals as written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not a number in this language's form.</exception>
    public decimal ParseNumber(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseNumber(text, out decimal value)
            ? value
            : throw new FormatException($"'{text}' is not a number written as {Describe()}.");
    }

    /// <summary>Tries to parse a number written in this language, keeping its scale.</summary>
    /// <param name="text">The text; surrounding white space is ignored.</param>
    /// <param name="value">The number, when the text is one.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a number in this language's form.</returns>
    public bool TryParseNumber(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0m;
        text = text.Trim();
        bool negative = text.Length > 0 && text[0] == '-';
        if (negative)
        {
            text = text[1..];
        }

        int point = text.IndexOf(_decimalSeparator);
        ReadOnlySpan<char> integer = point < 0 ? text : text[..point];
        ReadOnlySpan<char> fraction = point < 0 ? [] : text[(point + 1)..];
        if (!IsInteger(integer) || (point >= 0 && (fraction.IsEmpty || !IsDigits(fraction))))
        {
            return false;
        }

        var plain = new StringBuilder(text.Length + 1);
        if (negative)
        {
            plain.Append('-');
        }

        foreach (char c in integer)
        {
            if (c != _groupSeparator)
            {
                plain.Append(c);
            }
        }

        if (point >= 0)
        {
            plain.Append('.').Append(fraction);
        }

        return decimal.TryParse(plain.ToString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses a percentage written in this language ("13,5%", "44 %"), keeping its scale.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The percentage, as 13,5 for "13,5%".</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not a percentage in this language's form.</exception>
    public decimal ParsePercent(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParsePercent(text, out decimal value)
            ? value
            : throw new FormatException($"'{text}' is not a percentage written as {Describe()} followed by '%'.");
    }

    /// <summary>Tries to parse a percentage written in this language.</summary>
    /// <param name="text">The text; surrounding white space is ignored.</param>
    /// <param name="value">The percentage, when the text is one.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a number followed by '%'.</returns>
    public bool TryParsePercent(ReadOnlySpan<char> text, out decimal value)
    {
        text = text.Trim();
        if (text.Length < 2 || text[^1] != '%')
        {
            value = 0m;
            return false;
        }

        return TryParseNumber(text[..^1], out value);
    }

    /// <summary>Returns the language this formatter writes, such as <c>Indonesian</c>.</summary>
    /// <returns>The language name.</returns>
    public override string ToString() => Language.ToString();

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return !text.IsEmpty;
    }

    // Either plain digits, or 1-3 digits followed by groups of a separator and exactly three digits.
    private bool IsInteger(ReadOnlySpan<char> text)
    {
        if (text.IndexOf(_groupSeparator) < 0)
        {
            return IsDigits(text);
        }

        int first = text.IndexOf(_groupSeparator);
        if (first is < 1 or > 3 || !IsDigits(text[..first]))
        {
            return false;
        }

        ReadOnlySpan<char> rest = text[first..];
        while (!rest.IsEmpty)
        {
            if (rest.Length < 4 || rest[0] != _groupSeparator || !IsDigits(rest[1..4]))
            {
                return false;
            }

            rest = rest[4..];
        }

        return true;
    }

    private string Describe() => Language == ReportLanguage.Indonesian
        ? "an Indonesian number (thousands '.', decimals ',')"
        : "an English number (thousands ',', decimals '.')";
}
