using Djpk.Metrics.Comparison;
using Djpk.Metrics.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Djpk.Metrics.Tests.Comparison;

public class ShareAllocationTests
{
    private static readonly long[] SegmentUsers2023 = [568, 12724, 923, 2041]; // akademisi, pemda, K/L, lainnya

    [Fact]
    public void LargestRemainder_SegmentUsers_MatchPublishedShares()
    {
        ShareDistribution distribution = ShareAllocation.LargestRemainder(SegmentUsers2023, 0);
        Assert.Equal([3m, 78m, 6m, 13m], distribution.Shares.Select(s => s.Allocated!.Value));
        Assert.Equal(16256, distribution.Total);
        Assert.True(distribution.SumsToHundred);
        Assert.Equal(0m, distribution.Deviation);
    }

    [Fact]
    public void LargestRemainder_ReportsAdjustmentAgainstPlainRounding()
    {
        // 1/3 each at 0 decimals: plain rounding gives 33 + 33 + 33 = 99; the first cell takes the missing unit.
        ShareDistribution distribution = ShareAllocation.LargestRemainder([1, 1, 1], 0);
        Assert.Equal([34m, 33m, 33m], distribution.Shares.Select(s => s.Allocated!.Value));
        Assert.Equal([33m, 33m, 33m], distribution.Shares.Select(s => s.Rounded!.Value));
        Assert.Equal([1m, 0m, 0m], distribution.Shares.Select(s => s.Adjustment!.Value));
    }

    [Fact]
    public void LargestRemainder_TiesGoToLargerCountThenEarlierCell()
    {
        // Seven equal cells: 14,28…% each, two units missing, equal remainders and counts → the earlier cells.
        ShareDistribution equal = ShareAllocation.LargestRemainder([1, 1, 1, 1, 1, 1, 1], 0);
        Assert.Equal([15m, 15m, 14m, 14m, 14m, 14m, 14m], equal.Shares.Select(s => s.Allocated!.Value));

        // 1 and 3 of 8 at 0 decimals: 12,5 and 37,5 share remainder 0,5 — the larger count gets the unit first.
        ShareDistribution tie = ShareAllocation.LargestRemainder([1, 3, 4], 0);
        Assert.Equal([12m, 38m, 50m], tie.Shares.Select(s => s.Allocated!.Value));
    }

    [Fact]
    public void LargestRemainder_Decimals_KeepScale()
    {
        ShareDistribution distribution = ShareAllocation.LargestRemainder(SegmentUsers2023, 2);
        Assert.Equal([3.49m, 78.27m, 5.68m, 12.56m], distribution.Shares.Select(s => s.Allocated!.Value));
        Assert.All(distribution.Shares, s => Assert.Equal(2, s.Allocated!.Value.Scale));
        Assert.Equal(100.00m, distribution.Sum);
    }

    [Fact]
    public void RoundEach_SegmentUsers_SumsToHundredHere() =>
        Assert.True(ShareAllocation.RoundEach(SegmentUsers2023, 0, RoundingRule.HalfAwayFromZero).SumsToHundred);

    [Fact]
    public void RoundEach_TruncatedShares_SayByHowMuchTheyMiss()
    {
        ShareDistribution distribution = ShareAllocation.RoundEach([1, 1, 1], 0, RoundingRule.TowardZero);
        Assert.False(distribution.SumsToHundred);
        Assert.Equal(99m, distribution.Sum);
        Assert.Equal(-1m, distribution.Deviation);
        Assert.All(distribution.Shares, s => Assert.Equal(0m, s.Adjustment));
        Assert.Equal(ShareAllocationMethod.RoundEach, distribution.Method);
        Assert.Equal(RoundingRule.TowardZero, distribution.Rule);
    }

    [Fact]
    public void Allocate_DispatchesOnMethod()
    {
        Assert.Equal(ShareAllocationMethod.LargestRemainder, ShareAllocation.Allocate([1, 2], 1, ShareAllocationMethod.LargestRemainder, RoundingRule.TowardZero).Method);
        Assert.Equal(ShareAllocationMethod.RoundEach, ShareAllocation.Allocate([1, 2], 1, ShareAllocationMethod.RoundEach, RoundingRule.TowardZero).Method);
        Assert.Throws<ArgumentOutOfRangeException>(() => ShareAllocation.Allocate([1], 0, (ShareAllocationMethod)9, RoundingRule.TowardZero));
    }

    [Fact]
    public void ZeroTotal_IsUndefined()
    {
        ShareDistribution distribution = ShareAllocation.LargestRemainder(new List<long> { 0, 0 }, 1);
        Assert.False(distribution.IsDefined);
        Assert.Null(distribution.Sum);
        Assert.False(distribution.SumsToHundred);
        Assert.All(distribution.Shares, s => Assert.Null(s.Allocated));
        Assert.Equal(2, distribution.Shares.Length);
    }

    [Fact]
    public void Empty_Throws() =>
        Assert.Throws<ArgumentException>(() => ShareAllocation.LargestRemainder([], 0));

    [Fact]
    public void NegativeCount_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ShareAllocation.RoundEach(new List<long> { 1, -1 }, 0, RoundingRule.TowardZero));
        Assert.Contains("index 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TotalBeyondLong_ThrowsOverflow() =>
        Assert.Throws<OverflowException>(() => ShareAllocation.LargestRemainder([long.MaxValue, 1], 0));

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 500)]
    public bool LargestRemainder_SumsToExactlyHundred(Counts counts, byte decimals)
    {
        ShareDistribution distribution = ShareAllocation.LargestRemainder(counts.Values, decimals % 7);
        return counts.Values.Any(v => v > 0) ? distribution.Sum == 100m : distribution.Sum is null;
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public Property LargestRemainder_EachCellWithinOneUnitOfExact(Counts counts, byte decimals)
    {
        int places = decimals % 7;
        decimal unit = 1m / (decimal)Math.Pow(10, places);
        ShareDistribution distribution = ShareAllocation.LargestRemainder(counts.Values, places);
        return Prop.When(distribution.IsDefined, () => distribution.Shares.All(s =>
            Math.Abs(s.Allocated!.Value - s.Exact!.Value) < unit && Math.Abs(s.Adjustment!.Value) <= unit));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public Property LargestRemainder_LargerCountNeverGetsSmallerShare(Counts counts)
    {
        ShareDistribution distribution = ShareAllocation.LargestRemainder(counts.Values, 1);
        return Prop.When(distribution.IsDefined, () =>
            distribution.Shares.All(a => distribution.Shares.All(b => a.Count <= b.Count || a.Allocated >= b.Allocated)));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public Property RoundEach_TowardZero_NeverExceedsExactOrHundred(Counts counts)
    {
        ShareDistribution distribution = ShareAllocation.RoundEach(counts.Values, 2, RoundingRule.TowardZero);
        return Prop.When(distribution.IsDefined, () =>
            distribution.Sum <= 100m && distribution.Shares.All(s => s.Allocated <= s.Exact));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public Property LargestRemainder_IsTruncationPlusAtMostOneUnit(Counts counts)
    {
        ShareDistribution largest = ShareAllocation.LargestRemainder(counts.Values, 2);
        ShareDistribution truncated = ShareAllocation.RoundEach(counts.Values, 2, RoundingRule.TowardZero);
        return Prop.When(largest.IsDefined, () => largest.Shares.Zip(truncated.Shares)
            .All(pair => pair.First.Allocated - pair.Second.Allocated is 0m or 0.01m));
    }
}
