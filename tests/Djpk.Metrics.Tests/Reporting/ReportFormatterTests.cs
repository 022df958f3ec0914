using System.Globalization;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Reporting;
using Djpk.Metrics.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Djpk.Metrics.Tests.Reporting;

public class ReportFormatterTests
{
    private static readonly ReportFormatter Id = ReportFormatter.Indonesian;
    private static readonly ReportFormatter En = ReportFormatter.English;

    [Theory]
    [InlineData(18008, "18.008", "18,008")]
    [InlineData(1305, "1.305", "1,305")]
    [InlineData(0, "0", "0")]
    [InlineData(999, "999", "999")]
    [InlineData(116894, "116.894", "116,894")]
    [InlineData(-1663, "-1.663", "-1,663")]
    [InlineData(long.MaxValue, "9.223.372.036.854.775.807", "9,223,372,036,854,775,807")]
    public void FormatCount_UsesLanguageSeparators(long value, string indonesian, string english)
    {
        Assert.Equal(indonesian, Id.FormatCount(value));
        Assert.Equal(english, En.FormatCount(value));
    }

    [Theory]
    [InlineData("13.5", "13,5%", "13.5%")]
    [InlineData("4.9", "4,9%", "4.9%")]
    [InlineData("44", "44%", "44%")]
    [InlineData("12.0", "12,0%", "12.0%")]
    [InlineData("-11.89", "-11,89%", "-11.89%")]
    [InlineData("1234.5", "1.234,5%", "1,234.5%")]
    public void FormatPercent_PrintsValueAtItsOwnScale(string value, string indonesian, string english)
    {
        decimal percent = decimal.Parse(value, CultureInfo.InvariantCulture);
        Assert.Equal(indonesian, Id.FormatPercent(percent));
        Assert.Equal(english, En.FormatPercent(percent));
    }

    [Fact]
    public void FormatPercent_DoesNotRound() =>
        Assert.Equal("44,6601%", Id.FormatPercent(44.6601m));

    [Theory]
    [InlineData(ChangeDirection.Increase, "naik", "up")]
    [InlineData(ChangeDirection.Decrease, "turun", "down")]
    [InlineData(ChangeDirection.Unchanged, "tetap", "unchanged")]
    public void FormatDirection_GivesWord(ChangeDirection direction, string indonesian, string english)
    {
        Assert.Equal(indonesian, Id.FormatDirection(direction));
        Assert.Equal(english, En.FormatDirection(direction));
    }

    [Fact]
    public void FormatDirection_Undefined_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Id.FormatDirection((ChangeDirection)9));

    [Theory]
    [InlineData(103, 149, 0, "naik 44%", "up 44%")]
    [InlineData(1065, 1118, 1, "naik 4,9%", "up 4.9%")]
    [InlineData(143, 126, 2, "turun 11,88%", "down 11.88%")]
    [InlineData(5, 5, 0, "tetap", "unchanged")]
    [InlineData(0, 0, 0, "tetap", "unchanged")]
    [InlineData(0, 4, 0, "naik (dari 0)", "up (from 0)")]
    public void FormatChange_TruncatedLikeTheReport(long previous, long current, int decimals, string indonesian, string english)
    {
        var change = PercentChange.Between(previous, current);
        Assert.Equal(indonesian, Id.FormatChange(change, decimals, RoundingRule.TowardZero));
        Assert.Equal(english, En.FormatChange(change, decimals, RoundingRule.TowardZero));
    }

    [Fact]
    public void FormatPercentagePoints_NamesTheUnit()
    {
        Assert.Equal("2,5 poin persentase", Id.FormatPercentagePoints(2.5m));
        Assert.Equal("2.5 percentage points", En.FormatPercentagePoints(2.5m));
    }

    [Theory]
    [InlineData(2023, 12, "Desember 2023", "December 2023")]
    [InlineData(2023, 1, "Januari 2023", "January 2023")]
    [InlineData(2024, 5, "Mei 2024", "May 2024")]
    [InlineData(2023, 8, "Agustus 2023", "August 2023")]
    public void FormatMonth_GivesMonthNameAndYear(int year, int month, string indonesian, string english)
    {
        Assert.Equal(indonesian, Id.FormatMonth(new YearMonth(year, month)));
        Assert.Equal(english, En.FormatMonth(new YearMonth(year, month)));
    }

    [Fact]
    public void FormatMonth_NonIsoCalendar_Throws() =>
        Assert.Throws<ArgumentException>(() => Id.FormatMonth(new YearMonth(1445, 6, CalendarSystem.IslamicBcl)));

    [Fact]
    public void For_ReturnsFormatterOfLanguage()
    {
        Assert.Same(Id, ReportFormatter.For(ReportLanguage.Indonesian));
        Assert.Same(En, ReportFormatter.For(ReportLanguage.English));
        Assert.Equal("Indonesian", Id.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportFormatter.For((ReportLanguage)5));
    }

    [Theory]
    [InlineData("18.008", 18008)]
    [InlineData("1118", 1118)]    // the report also writes counts without separators
    [InlineData("12724", 12724)]
    [InlineData(" 1.305 ", 1305)]
    [InlineData("-1.663", -1663)]
    [InlineData("9.223.372.036.854.775.807", long.MaxValue)]
    public void ParseCount_ReadsIndonesianCounts(string text, long expected) =>
        Assert.Equal(expected, Id.ParseCount(text));

    [Theory]
    [InlineData("18,008")]          // English form in an Indonesian text
    [InlineData("1.30")]            // a group must have three digits
    [InlineData("1.3055")]
    [InlineData(".305")]
    [InlineData("1..305")]
    [InlineData("4,9")]             // not a whole number
    [InlineData("")]
    [InlineData("-")]
    [InlineData("12a")]
    [InlineData("9.223.372.036.854.775.808")] // one past long.MaxValue
    public void TryParseCount_RejectsOtherForms(string text) =>
        Assert.False(Id.TryParseCount(text, out _));

    [Fact]
    public void ParseCount_Invalid_ThrowsFormatExceptionNamingTheForm()
    {
        var error = Assert.Throws<FormatException>(() => Id.ParseCount("18,008"));
        Assert.Contains("thousands '.'", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => Id.ParseCount(null!));
    }

    [Theory]
    [InlineData("13,5%", "13.5")]
    [InlineData("4,9%", "4.9")]
    [InlineData("44%", "44")]
    [InlineData("44 %", "44")]
    [InlineData("12,0%", "12.0")]
    public void ParsePercent_ReadsIndonesianPercentages(string text, string expected)
    {
        decimal value = Id.ParsePercent(text);
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
        Assert.Equal(expected, value.ToString(CultureInfo.InvariantCulture)); // the scale is kept
    }

    [Theory]
    [InlineData("13,5")]
    [InlineData("%")]
    [InlineData("13.5%")]
    [InlineData("13,%")]
    public void TryParsePercent_RejectsOtherForms(string text) =>
        Assert.False(Id.TryParsePercent(text, out _));

    [Fact]
    public void ParseNumber_And_ParsePercent_English()
    {
        Assert.Equal(1305.25m, En.ParseNumber("1,305.25"));
        Assert.Equal(13.5m, En.ParsePercent("13.5%"));
        Assert.Throws<FormatException>(() => En.ParseNumber("1.305,25"));
        Assert.Throws<FormatException>(() => En.ParsePercent("13,5%"));
    }

    [Fact]
    public void Formatting_IsIdenticalUnderEveryCulture()
    {
        string expected = Sample();
        foreach (CultureInfo culture in CultureInfo.GetCultures(CultureTypes.AllCultures))
        {
            using var scope = new CultureScope(culture);
            Assert.Equal(expected, Sample());
        }

        static string Sample() => string.Join(
            "|",
            Id.FormatCount(18008),
            Id.FormatPercent(13.5m),
            Id.FormatChange(PercentChange.Between(103, 149), 0, RoundingRule.TowardZero),
            Id.FormatMonth(new YearMonth(2023, 12)),
            En.FormatCount(-1234567),
            En.FormatPercent(-4.90m),
            Id.ParseNumber("1.234,5").ToString(CultureInfo.InvariantCulture),
            PercentChange.Between(143, 126).ToString(),
            Share.Of(56, 1469).ToString());
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public bool FormatThenParse_Count_RoundTrips(Count count, bool negative, bool english)
    {
        ReportFormatter formatter = english ? En : Id;
        long value = negative ? -count.Value : count.Value;
        return formatter.ParseCount(formatter.FormatCount(value)) == value;
    }

    [Property(MaxTest = 300)]
    public bool FormatThenParse_Decimal_RoundTripsWithScale(decimal value, bool english)
    {
        ReportFormatter formatter = english ? En : Id;
        decimal parsed = formatter.ParsePercent(formatter.FormatPercent(value));
        return parsed == value && parsed.Scale == value.Scale;
    }

    [Property(MaxTest = 200)]
    public bool Formatting_DoesNotDependOnCulture(decimal value, long count, PositiveInt cultureIndex)
    {
        CultureInfo[] cultures = CultureInfo.GetCultures(CultureTypes.AllCultures);
        string expected = Id.FormatPercent(value) + En.FormatCount(count);
        using var scope = new CultureScope(cultures[cultureIndex.Get % cultures.Length]);
        return Id.FormatPercent(value) + En.FormatCount(count) == expected;
    }

    [Property(MaxTest = 500)]
    public bool TryParse_ArbitraryText_NeverThrows(string? text)
    {
        text ??= string.Empty;
        bool count = Id.TryParseCount(text, out long parsedCount);
        bool number = En.TryParseNumber(text, out decimal parsedNumber);
        bool percent = Id.TryParsePercent(text, out decimal parsedPercent);
        string trimmed = text.Trim();
        bool expectedPercent = trimmed.EndsWith('%') && Id.TryParseNumber(trimmed.AsSpan(0, trimmed.Length - 1), out decimal inner) && inner == parsedPercent;
        return percent == expectedPercent && (count || parsedCount == 0) && (number || parsedNumber == 0m);
    }
}
