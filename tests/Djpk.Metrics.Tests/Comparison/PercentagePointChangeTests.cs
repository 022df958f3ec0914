using Djpk.Metrics.Comparison;
using Djpk.Metrics.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Djpk.Metrics.Tests.Comparison;

public class PercentagePointChangeTests
{
    [Fact]
    public void ToPoints_IsDifferenceOfShares_NotRelativeChange()
    {
        // 10% → 12%: +2 percentage points, while the relative change of the share is +20%.
        var change = PercentagePointChange.Between(Share.Of(10, 100), Share.Of(24, 200));
        Assert.Equal(2m, change.ToPoints(0, RoundingRule.HalfAwayFromZero));
        Assert.Equal(2m, change.Points);
        Assert.Equal(ChangeDirection.Increase, change.Direction);
        Assert.Equal("+2.00 pp", change.ToString());
    }

    [Fact]
    public void ToPoints_ExactAtHugeTotals()
    {
        var change = PercentagePointChange.Between(Share.Of(1, long.MaxValue), Share.Of(2, long.MaxValue));
        Assert.Equal(0m, change.ToPoints(4, RoundingRule.HalfToEven));
        Assert.Equal(ChangeDirection.Increase, change.Direction); // exact sign, though the rounded value is 0
    }

    [Fact]
    public void UndefinedShare_GivesUndefinedChange()
    {
        var change = new PercentagePointChange(default, Share.Of(1, 2));
        Assert.False(change.IsDefined);
        Assert.Null(change.Points);
        Assert.Null(change.Direction);
        Assert.Null(change.ToPoints(1, RoundingRule.TowardZero));
        Assert.Equal("undefined", change.ToString());
    }

    [Fact]
    public void Equality_ComparesShares() =>
        ContractAssert.Equality(
            PercentagePointChange.Between(Share.Of(1, 2), Share.Of(1, 3)),
            new PercentagePointChange(Share.Of(1, 2), Share.Of(1, 3)),
            PercentagePointChange.Between(Share.Of(2, 4), Share.Of(1, 3)));

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public Property ToPoints_IsAntisymmetric(Count a, Count b, Count c, Count d)
    {
        var first = Share.Of(Math.Min(a.Value, b.Value), Math.Max(a.Value, b.Value));
        var second = Share.Of(Math.Min(c.Value, d.Value), Math.Max(c.Value, d.Value));
        var forward = PercentagePointChange.Between(first, second);
        var backward = PercentagePointChange.Between(second, first);
        return Prop.When(forward.IsDefined, () =>
            forward.ToPoints(3, RoundingRule.HalfAwayFromZero) == -backward.ToPoints(3, RoundingRule.HalfAwayFromZero));
    }
}
