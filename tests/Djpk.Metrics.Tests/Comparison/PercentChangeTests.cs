using Djpk.Metrics.Comparison;
using Djpk.Metrics.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Djpk.Metrics.Tests.Comparison;

public class PercentChangeTests
{
    [Theory]
    [InlineData(103, 149, 44)]   // phone month-on-month: +44,66% printed "44%"
    [InlineData(1271, 1469, 15)] // all consultations month-on-month
    [InlineData(1305, 1469, 12)] // all consultations year-on-year
    [InlineData(48, 56, 16)]     // HAI Kemenkeu year-on-year: +16,67% printed "16%"
    [InlineData(23, 20, -13)]    // live chat month-on-month
    public void ToPercent_TowardZero_MatchesPublishedReport(long previous, long current, int expected) =>
        Assert.Equal(expected, PercentChange.Between(previous, current).ToPercent(0, RoundingRule.TowardZero));

    [Theory]
    [InlineData(103, 149, RoundingRule.HalfAwayFromZero, "44.66")]
    [InlineData(1065, 1118, RoundingRule.HalfAwayFromZero, "4.98")]
    [InlineData(1065, 1118, RoundingRule.TowardZero, "4.97")]
    [InlineData(8, 9, RoundingRule.HalfAwayFromZero, "12.50")]
    [InlineData(8, 9, RoundingRule.HalfToEven, "12.50")]
    [InlineData(200, 201, RoundingRule.HalfAwayFromZero, "0.50")]
    [InlineData(143, 126, RoundingRule.HalfAwayFromZero, "-11.89")]
    [InlineData(143, 126, RoundingRule.TowardZero, "-11.88")]
    public void ToPercent_TwoDecimals_RoundsOnceUnderRule(long previous, long current, RoundingRule rule, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PercentChange.Between(previous, current).ToPercent(2, rule));

    [Theory]
    [InlineData(8, 9, RoundingRule.HalfAwayFromZero, 13)]  // +12,5%: a true midpoint
    [InlineData(8, 9, RoundingRule.HalfToEven, 12)]
    [InlineData(8, 9, RoundingRule.TowardZero, 12)]
    [InlineData(8, 7, RoundingRule.HalfAwayFromZero, -13)] // −12,5%
    [InlineData(8, 7, RoundingRule.HalfToEven, -12)]
    [InlineData(8, 7, RoundingRule.TowardZero, -12)]
    [InlineData(40, 35, RoundingRule.HalfToEven, -12)]     // −12,5% again, with another base
    [InlineData(40, 45, RoundingRule.HalfToEven, 12)]
    public void ToPercent_Midpoint_FollowsRule(long previous, long current, RoundingRule rule, int expected) =>
        Assert.Equal(expected, PercentChange.Between(previous, current).ToPercent(0, rule));

    [Fact]
    public void ToPercent_OneDecimal_KeepsScaleForFormatting()
    {
        decimal percent = PercentChange.Between(100, 112).ToPercent(1, RoundingRule.TowardZero)!.Value;
        Assert.Equal(12.0m, percent);
        Assert.Equal(1, percent.Scale);
    }

    [Fact]
    public void FromZero_ToSomething_IsNewIncreaseWithoutRatio()
    {
        var change = PercentChange.Between(0, 5);
        Assert.False(change.IsDefined);
        Assert.True(change.IsNew);
        Assert.Equal(ChangeDirection.Increase, change.Direction);
        Assert.Equal(5, change.Difference);
        Assert.Null(change.Ratio);
        Assert.Null(change.Percent);
        Assert.Null(change.ToPercent(0, RoundingRule.HalfAwayFromZero));
        Assert.Equal("0 -> 5 (new)", change.ToString());
    }

    [Fact]
    public void FromZero_ToZero_IsUnchangedWithoutRatio()
    {
        var change = PercentChange.Between(0, 0);
        Assert.False(change.IsDefined);
        Assert.False(change.IsNew);
        Assert.Equal(ChangeDirection.Unchanged, change.Direction);
        Assert.Null(change.Ratio);
        Assert.Equal("0 -> 0 (unchanged)", change.ToString());
    }

    [Fact]
    public void Default_IsZeroToZero()
    {
        Assert.Equal(PercentChange.Between(0, 0), default);
        Assert.False(default(PercentChange).IsSigned);
    }

    [Fact]
    public void ToZero_IsMinusHundredPercent() =>
        Assert.Equal(-100m, PercentChange.Between(37, 0).ToPercent(0, RoundingRule.HalfAwayFromZero));

    [Fact]
    public void Ratio_IsUnroundedRelativeChange()
    {
        var change = PercentChange.Between(100, 112);
        Assert.Equal(0.12m, change.Ratio);
        Assert.Equal(12m, change.Percent);
        Assert.Equal(ChangeDirection.Increase, change.Direction);
    }

    [Fact]
    public void ToPercent_ExtremeCounts_IsExact()
    {
        var change = PercentChange.Between(1, long.MaxValue);
        Assert.Equal((decimal)(long.MaxValue - 1) * 100m, change.ToPercent(0, RoundingRule.TowardZero));
        Assert.Equal(-100m, PercentChange.Between(long.MaxValue, 0).ToPercent(6, RoundingRule.HalfToEven));
    }

    [Fact]
    public void ToPercent_TooLargeForDecimal_ThrowsOverflow() =>
        Assert.Throws<OverflowException>(() => PercentChange.Between(1, long.MaxValue).ToPercent(Rounding.MaxDecimals, RoundingRule.TowardZero));

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -1)]
    [InlineData(long.MinValue, 5)]
    public void Between_NegativeCount_Throws(long previous, long current) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PercentChange.Between(previous, current));

    [Theory]
    [InlineData(-1)]
    [InlineData(Rounding.MaxDecimals + 1)]
    public void ToPercent_DecimalsOutOfRange_Throws(int decimals) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PercentChange.Between(1, 2).ToPercent(decimals, RoundingRule.TowardZero));

    [Fact]
    public void ToPercent_UndefinedRule_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PercentChange.Between(1, 2).ToPercent(0, (RoundingRule)42));

    [Theory]
    [InlineData(-10, -5, 50)]  // a loss that halves is +50%: the ratio divides by |previous|
    [InlineData(-10, -20, -100)]
    [InlineData(20, -10, -150)]
    [InlineData(-4, 4, 200)]
    public void BetweenSigned_DividesByMagnitudeOfPrevious(long previous, long current, int expected)
    {
        var change = PercentChange.BetweenSigned(previous, current);
        Assert.True(change.IsSigned);
        Assert.Equal(expected, change.ToPercent(0, RoundingRule.HalfAwayFromZero));
        Assert.Equal(expected, change.Percent);
    }

    [Theory]
    [InlineData(long.MinValue, 0)]
    [InlineData(0, long.MinValue)]
    [InlineData(long.MaxValue, -2)]
    [InlineData(-2, long.MaxValue)]
    public void BetweenSigned_OutOfRange_Throws(long previous, long current) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PercentChange.BetweenSigned(previous, current));

    [Fact]
    public void BetweenSigned_IsNotEqualToCountChange() =>
        Assert.NotEqual(PercentChange.Between(3, 4), PercentChange.BetweenSigned(3, 4));

    [Fact]
    public void Equality_ComparesCountsNotRatio() =>
        ContractAssert.Equality(PercentChange.Between(1, 2), new PercentChange(1, 2), PercentChange.Between(2, 4));

    [Fact]
    public void ToString_IsInvariantUnderIndonesianCulture()
    {
        using var scope = new CultureScope(new System.Globalization.CultureInfo("id-ID"));
        Assert.Equal("103 -> 149 (+44.66%)", PercentChange.Between(103, 149).ToString());
        Assert.Equal("143 -> 126 (-11.89%)", PercentChange.Between(143, 126).ToString());
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public bool Direction_AgreesWithSignOfDifference(Count previous, Count current)
    {
        var change = PercentChange.Between(previous.Value, current.Value);
        int sign = change.Direction switch { ChangeDirection.Increase => 1, ChangeDirection.Decrease => -1, _ => 0 };
        return sign == Math.Sign(change.Difference) && (change.Ratio is not decimal ratio || Math.Sign(ratio) == sign);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public Property TowardZero_NeverExceedsExactMagnitude(Count previous, Count current, byte decimals)
    {
        int places = decimals % 5;
        var change = PercentChange.Between(previous.Value, current.Value);
        return Prop.When(change.IsDefined, () =>
        {
            decimal truncated = change.ToPercent(places, RoundingRule.TowardZero)!.Value;
            decimal exact = ExactPercent(change);
            decimal unit = 1m / Pow10(places);
            return Math.Abs(truncated) <= Math.Abs(exact) && Math.Abs(exact - truncated) < unit && Math.Sign(truncated) * Math.Sign(exact) >= 0;
        });
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public Property HalfRules_AreWithinHalfUnitOfExact(Count previous, Count current, bool toEven)
    {
        var change = PercentChange.Between(previous.Value, current.Value);
        RoundingRule rule = toEven ? RoundingRule.HalfToEven : RoundingRule.HalfAwayFromZero;
        return Prop.When(change.IsDefined, () => Math.Abs(change.ToPercent(2, rule)!.Value - ExactPercent(change)) <= 0.005m);
    }

    [Property(MaxTest = 300)]
    public Property ToPercent_AgreesWithDecimalOracle(PositiveInt previous, NonNegativeInt current, byte decimals)
    {
        int places = decimals % 4;
        var change = PercentChange.Between(previous.Get, current.Get);
        decimal oracle = Math.Round((decimal)(current.Get - (long)previous.Get) * 100m / previous.Get, places, MidpointRounding.AwayFromZero);
        return (change.ToPercent(places, RoundingRule.HalfAwayFromZero) == oracle).ToProperty();
    }

    [Property(MaxTest = 300)]
    public bool BetweenSigned_SignOfRatioFollowsDifference(int previous, int current)
    {
        var change = PercentChange.BetweenSigned(previous, current);
        return change.Ratio is not decimal ratio || Math.Sign(ratio) == Math.Sign((long)current - previous);
    }

    private static decimal ExactPercent(PercentChange change) => (decimal)change.Difference * 100m / change.Previous;

    private static decimal Pow10(int places) => places == 0 ? 1m : 10m * Pow10(places - 1);
}
