using Djpk.Metrics.Comparison;
using NodaTime;

namespace Djpk.Metrics.Tests.Reporting;

/// <summary>Deterministic rows that pin what Stryker found unpinned in <c>Formatting</c> (issue 14, the mutation gate).</summary>
public class ReportFormatterMutationTests
{
    private static readonly string[] Indonesian = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];
    private static readonly string[] English = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    [Fact]
    public void FormatMonth_EveryMonth_InBothLanguages()
    {
        for (int m = 1; m <= 12; m++)
        {
            Assert.Equal(Indonesian[m - 1] + " 2023", ReportFormatter.Indonesian.FormatMonth(new YearMonth(2023, m)));
            Assert.Equal(English[m - 1] + " 2024", ReportFormatter.English.FormatMonth(new YearMonth(2024, m)));
            Assert.Equal(Indonesian[m - 1][..3], ReportFormatter.Indonesian.FormatMonthAbbreviation(m));
            Assert.Equal(English[m - 1][..3], ReportFormatter.English.FormatMonthAbbreviation(m));
        }

        Assert.Equal("Agu", ReportFormatter.Indonesian.FormatMonthAbbreviation(8));
        Assert.Equal("31 Desember 2023", ReportFormatter.Indonesian.FormatDate(new LocalDate(2023, 12, 31)));
        Assert.Equal("1 January 2024", ReportFormatter.English.FormatDate(new LocalDate(2024, 1, 1)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void FormatMonthAbbreviation_OutOfRange_Throws(int month) =>
        Assert.Equal("month", Assert.Throws<ArgumentOutOfRangeException>(() => ReportFormatter.English.FormatMonthAbbreviation(month)).ParamName);

    [Fact]
    public void NonIsoAndUndefinedArguments_ThrowWithTheRule()
    {
        var julianMonth = new YearMonth(2023, 12, CalendarSystem.Julian);
        var julianDay = new LocalDate(2023, 12, 31, CalendarSystem.Julian);
        Assert.Equal("Only months of the ISO calendar can be formatted. (Parameter 'month')", Assert.Throws<ArgumentException>(() => ReportFormatter.Indonesian.FormatMonth(julianMonth)).Message);
        Assert.Equal("Only days of the ISO calendar can be formatted. (Parameter 'date')", Assert.Throws<ArgumentException>(() => ReportFormatter.Indonesian.FormatDate(julianDay)).Message);
        Assert.StartsWith("The language must be one of", Assert.Throws<ArgumentOutOfRangeException>(() => ReportFormatter.For((ReportLanguage)9)).Message, StringComparison.Ordinal);
        Assert.StartsWith("The direction must be one of", Assert.Throws<ArgumentOutOfRangeException>(() => ReportFormatter.English.FormatDirection((ChangeDirection)9)).Message, StringComparison.Ordinal);
        Assert.Same(ReportFormatter.English, ReportFormatter.For(ReportLanguage.English));
        Assert.Same(ReportFormatter.Indonesian, ReportFormatter.For(ReportLanguage.Indonesian));
    }

    [Theory]
    [InlineData("-9.223.372.036.854.775.808", long.MinValue)]
    [InlineData("9.223.372.036.854.775.807", long.MaxValue)]
    [InlineData("0", 0L)]
    public void ParseCount_LongBounds_AreCounts(string text, long expected)
    {
        Assert.Equal(expected, ReportFormatter.Indonesian.ParseCount(text));
        Assert.True(ReportFormatter.Indonesian.TryParseCount(text, out long value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(",5")]          // no integer part
    [InlineData("5,")]          // no fraction digits
    [InlineData("1234.567")]    // the first group is longer than three digits
    [InlineData("1.23")]        // a group of two
    [InlineData(".123")]
    [InlineData("-")]
    [InlineData("")]
    [InlineData("%")]
    [InlineData("1.2345")]
    [InlineData("9.223.372.036.854.775.808")]
    public void TryParse_NotIndonesianNumbers_AreRejected(string text)
    {
        bool number = ReportFormatter.Indonesian.TryParseNumber(text, out _);
        bool count = ReportFormatter.Indonesian.TryParseCount(text, out _);
        Assert.False(count);
        Assert.Equal(text == "9.223.372.036.854.775.808", number);
        Assert.False(ReportFormatter.Indonesian.TryParsePercent(text + "%", out _) && !number);
    }

    [Theory]
    [InlineData("5%", 5)]
    [InlineData("0%", 0)]
    [InlineData(" 13,5 % ", 13.5)]
    public void ParsePercent_ShortPercentages_AreRead(string text, double expected) =>
        Assert.Equal((decimal)expected, ReportFormatter.Indonesian.ParsePercent(text));

    [Fact]
    public void Parse_NullAndBadText_ThrowTheDocumentedExceptionsWithTheLanguage()
    {
        Assert.Throws<ArgumentNullException>(() => ReportFormatter.Indonesian.ParseNumber(null!));
        Assert.Throws<ArgumentNullException>(() => ReportFormatter.Indonesian.ParsePercent(null!));
        Assert.Throws<ArgumentNullException>(() => ReportFormatter.Indonesian.ParseCount(null!));
        Assert.Equal("'x' is not a number written as an Indonesian number (thousands '.', decimals ',').", Assert.Throws<FormatException>(() => ReportFormatter.Indonesian.ParseNumber("x")).Message);
        Assert.Equal("'x' is not a number written as an English number (thousands ',', decimals '.').", Assert.Throws<FormatException>(() => ReportFormatter.English.ParseNumber("x")).Message);
        Assert.Equal("'5' is not a percentage written as an Indonesian number (thousands '.', decimals ',') followed by '%'.", Assert.Throws<FormatException>(() => ReportFormatter.Indonesian.ParsePercent("5")).Message);
        Assert.Equal("'1,5' is not a whole number written as an Indonesian number (thousands '.', decimals ',').", Assert.Throws<FormatException>(() => ReportFormatter.Indonesian.ParseCount("1,5")).Message);
    }
}
