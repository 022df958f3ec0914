using Djpk.Metrics.Comparison;
using Djpk.Metrics.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Djpk.Metrics.Tests.Comparison;

public class ShareTests
{
    [Theory]
    [InlineData(56, 1469, 3)]   // HAI Kemenkeu: 3,81% printed "3%"
    [InlineData(20, 1469, 1)]   // live chat: 1,36% printed "1%"
    [InlineData(126, 1469, 8)]  // e-mail: 8,58% printed "8%": truncated, not rounded
    public void ToPercent_TowardZero_MatchesPublishedChannelShares(long part, long total, int expected) =>
        Assert.Equal(expected, Share.Of(part, total).ToPercent(0, RoundingRule.TowardZero));

    [Fact]
    public void ToPercent_Rounded_WouldDifferFromPublishedEmailShare() =>
        Assert.Equal(9m, Share.Of(126, 1469).ToPercent(0, RoundingRule.HalfAwayFromZero));

    [Fact]
    public void ZeroTotal_IsUndefinedNotZero()
    {
        Share share = default;
        Assert.False(share.IsDefined);
        Assert.Null(share.Ratio);
        Assert.Null(share.Percent);
        Assert.Null(share.ToPercent(0, RoundingRule.HalfAwayFromZero));
        Assert.Equal("0/0 (undefined)", share.ToString());
    }

    [Fact]
    public void Ratio_And_Percent_AreUnrounded()
    {
        var share = Share.Of(1, 8);
        Assert.Equal(0.125m, share.Ratio);
        Assert.Equal(12.5m, share.Percent);
        Assert.Equal("1/8 (12.50%)", share.ToString());
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(11, 10)]
    [InlineData(0, -1)]
    public void Of_InvalidParts_Throws(long part, long total) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Share.Of(part, total));

    [Fact]
    public void Equality_ComparesPartAndTotal() =>
        ContractAssert.Equality(Share.Of(1, 2), new Share(1, 2), Share.Of(2, 4));

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public Property ToPercent_IsBetweenZeroAndHundred(Count part, Count extra, bool toEven)
    {
        long total = part.Value + Math.Min(extra.Value, long.MaxValue - part.Value);
        var share = Share.Of(part.Value, total);
        RoundingRule rule = toEven ? RoundingRule.HalfToEven : RoundingRule.TowardZero;
        return Prop.When(share.IsDefined, () => share.ToPercent(3, rule) is >= 0m and <= 100m);
    }
}
