using Djpk.Metrics.Comparison;

namespace Djpk.Metrics.Tests.Comparison;

public class RoundingTests
{
    [Theory]
    [InlineData("2.5", RoundingRule.HalfAwayFromZero, "3")]
    [InlineData("-2.5", RoundingRule.HalfAwayFromZero, "-3")]
    [InlineData("2.5", RoundingRule.HalfToEven, "2")]
    [InlineData("3.5", RoundingRule.HalfToEven, "4")]
    [InlineData("44.66", RoundingRule.TowardZero, "44")]
    [InlineData("-11.89", RoundingRule.TowardZero, "-11")]
    public void Round_ZeroDecimals_FollowsRule(string value, RoundingRule rule, string expected) =>
        Assert.Equal(Parse(expected), Rounding.Round(Parse(value), 0, rule));

    [Fact]
    public void Round_PadsScaleToDecimals()
    {
        decimal rounded = Rounding.Round(12m, 1, RoundingRule.TowardZero);
        Assert.Equal(1, rounded.Scale);
        Assert.Equal("12.0", rounded.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(RoundingRule.HalfAwayFromZero, MidpointRounding.AwayFromZero)]
    [InlineData(RoundingRule.HalfToEven, MidpointRounding.ToEven)]
    [InlineData(RoundingRule.TowardZero, MidpointRounding.ToZero)]
    public void ToMidpointRounding_MapsEachRule(RoundingRule rule, MidpointRounding expected) =>
        Assert.Equal(expected, Rounding.ToMidpointRounding(rule));

    [Fact]
    public void Round_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Rounding.Round(1m, -1, RoundingRule.TowardZero));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rounding.Round(1m, 0, (RoundingRule)7));
    }

    private static decimal Parse(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
