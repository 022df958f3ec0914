using System.Globalization;
using System.Numerics;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Tests.Support;

namespace Djpk.Metrics.Tests.Comparison;

/// <summary>Deterministic rows that pin what Stryker found unpinned in <c>Comparison</c> (issue 14, finding 6).</summary>
public class ComparisonMutationTests
{
    private const RoundingRule Undefined = (RoundingRule)99;

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    [Theory]
    [InlineData(new long[] { 1, 7 }, 0, new[] { "13", "88" }, new[] { "12", "88" })]          // 12,5 and 87,5: an exact half rounds up; the tie goes to the larger count
    [InlineData(new long[] { 7, 1 }, 0, new[] { "88", "13" }, new[] { "88", "12" })]
    [InlineData(new long[] { 1, 1, 1 }, 0, new[] { "33", "33", "33" }, new[] { "34", "33", "33" })] // equal remainders and counts: the earlier cell
    [InlineData(new long[] { 1, 1, 1, 0 }, 1, new[] { "33.3", "33.3", "33.3", "0.0" }, new[] { "33.4", "33.3", "33.3", "0.0" })]
    [InlineData(new long[] { 1, 3 }, 1, new[] { "25.0", "75.0" }, new[] { "25.0", "75.0" })]
    [InlineData(new long[] { 1, 199 }, 0, new[] { "1", "100" }, new[] { "0", "100" })]         // 0,5 and 99,5
    [InlineData(new long[] { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 }, 0,
        new[] { "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3" },
        new[] { "4", "4", "4", "4", "4", "4", "4", "4", "4", "4", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3" })] // 30 equal cells: past insertion sort, the index decides
    public void LargestRemainder_ExactHalvesAndTies_ArePinned(long[] counts, int decimals, string[] rounded, string[] allocated)
    {
        ShareDistribution distribution = ShareAllocation.LargestRemainder(counts, decimals);
        Assert.Equal(rounded, distribution.Shares.Select(s => s.Rounded!.Value.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(allocated, distribution.Shares.Select(s => s.Allocated!.Value.ToString(CultureInfo.InvariantCulture)));
        Assert.True(distribution.SumsToHundred);
    }

    [Theory]
    [InlineData(long.MinValue, -1L, "previous")]
    [InlineData(long.MinValue, long.MinValue, "previous")]
    [InlineData(-1L, long.MinValue, "current")]
    [InlineData(-1L, long.MaxValue, "current")]   // difference 2^63
    [InlineData(1L, -long.MaxValue, "current")]   // difference -2^63
    [InlineData(-long.MaxValue, long.MaxValue, "current")]
    public void BetweenSigned_OutOfRange_Throws(long previous, long current, string parameter)
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => PercentChange.BetweenSigned(previous, current));
        Assert.Equal(parameter, e.ParamName);
        Assert.StartsWith(previous == long.MinValue || current == long.MinValue ? "A signed value must be greater than Int64.MinValue" : "The difference between the two values must fit", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L, long.MaxValue)]
    [InlineData(0L, -long.MaxValue)]
    [InlineData(-long.MaxValue, 0L)]
    [InlineData(long.MaxValue, 0L)]
    [InlineData(-long.MaxValue, -long.MaxValue)]
    public void BetweenSigned_AtTheBounds_IsDefined(long previous, long current)
    {
        PercentChange change = PercentChange.BetweenSigned(previous, current);
        Assert.Equal((previous, current, true), (change.Previous, change.Current, change.IsSigned));
        Assert.Equal(current - previous, change.Difference);
    }

    [Theory]
    [InlineData(5L, 5L, "5 -> 5 (0.00%)")]
    [InlineData(1_000_000L, 1_000_001L, "1000000 -> 1000001 (0.00%)")]     // +0.0001 % prints without a plus sign
    [InlineData(1_000_001L, 1_000_000L, "1000001 -> 1000000 (0.00%)")]
    [InlineData(103L, 149L, "103 -> 149 (+44.66%)")]
    [InlineData(143L, 126L, "143 -> 126 (-11.89%)")]
    [InlineData(0L, 5L, "0 -> 5 (new)")]
    [InlineData(0L, 0L, "0 -> 0 (unchanged)")]
    public void PercentChangeToString_ZeroAndSigns_ArePinned(long previous, long current, string expected) =>
        Assert.Equal(expected, PercentChange.Between(previous, current).ToString());

    [Fact]
    public void ToString_CallersFormatProvider_IsUsedAndNullIsInvariant()
    {
        using var scope = new CultureScope(Indonesian);
        Assert.Equal("103 -> 149 (+44,66%)", PercentChange.Between(103, 149).ToString(null, Indonesian));
        Assert.Equal("103 -> 149 (+44.66%)", PercentChange.Between(103, 149).ToString(null, null));
        Assert.Equal("103 -> 149 (+44.66%)", PercentChange.Between(103, 149).ToString());
        Assert.Equal("56/1469 (3,81%)", Share.Of(56, 1469).ToString(null, Indonesian));
        Assert.Equal("56/1469 (3.81%)", Share.Of(56, 1469).ToString(null, null));
        Assert.Equal("0/0 (undefined)", Share.Of(0, 0).ToString(null, Indonesian));
        PercentagePointChange points = PercentagePointChange.Between(Share.Of(1, 4), Share.Of(11, 40));
        Assert.Equal("+2,50 pp", points.ToString(null, Indonesian));
        Assert.Equal("+2.50 pp", points.ToString(null, null));
    }

    [Theory]
    [InlineData(1, 4, 1, 4, "0.00 pp")]
    [InlineData(100_000, 1_000_000, 100_001, 1_000_000, "0.00 pp")]        // +0.0001 pp prints without a plus sign
    [InlineData(100_001, 1_000_000, 100_000, 1_000_000, "0.00 pp")]
    [InlineData(11, 40, 1, 4, "-2.50 pp")]
    [InlineData(1, 0, 1, 4, "undefined")]
    public void PercentagePointChangeToString_ZeroAndSigns_ArePinned(long previousPart, long previousTotal, long currentPart, long currentTotal, string expected)
    {
        if (previousTotal == 0)
        {
            previousPart = 0;
        }

        Assert.Equal(expected, PercentagePointChange.Between(Share.Of(previousPart, previousTotal), Share.Of(currentPart, currentTotal)).ToString());
    }

    [Fact]
    public void ToDecimal_At2Pow96_Overflows()
    {
        Int128 limit = Int128.One << 96;
        Assert.Equal(decimal.MaxValue, ExactQuotient.ToDecimal(limit - 1, 0));
        Assert.Equal(decimal.MinValue, ExactQuotient.ToDecimal(-(limit - 1), 0));
        Assert.Equal(7922816251426433759.3543950335m, ExactQuotient.ToDecimal(limit - 1, 10));
        Assert.Throws<OverflowException>(() => ExactQuotient.ToDecimal(limit, 0));
        Assert.Throws<OverflowException>(() => ExactQuotient.ToDecimal(-limit, 0));
        Assert.Throws<OverflowException>(() => ExactQuotient.ToDecimal((BigInteger)limit, 0));
        Assert.Equal("The rounded value is too large for a decimal.", Assert.Throws<OverflowException>(() => ExactQuotient.ToDecimal((BigInteger)Int128.MaxValue + 1, 0)).Message);
        Assert.Equal("The rounded value is too large for a decimal.", Assert.Throws<OverflowException>(() => ExactQuotient.ToDecimal(limit, 0)).Message);
        Assert.Equal("The rounded value is too large for a decimal.", Assert.Throws<OverflowException>(() => ExactQuotient.ToDecimal((BigInteger)Int128.MinValue - 1, 0)).Message);
        Assert.Equal(decimal.MaxValue, ExactQuotient.ToDecimal((BigInteger)(limit - 1), 0));
        Assert.Equal(0m, ExactQuotient.ToDecimal(Int128.Zero, 3));
        Assert.Equal(3, decimal.GetBits(ExactQuotient.ToDecimal(Int128.Zero, 3))[3] >> 16);
        Assert.False(decimal.IsNegative(ExactQuotient.ToDecimal(-Int128.Zero, 2)));
    }

    [Theory]
    [InlineData(1, 2, RoundingRule.HalfAwayFromZero, 1)]
    [InlineData(1, 2, RoundingRule.HalfToEven, 0)]
    [InlineData(3, 2, RoundingRule.HalfToEven, 2)]
    [InlineData(-1, 2, RoundingRule.HalfAwayFromZero, -1)]
    [InlineData(-3, 2, RoundingRule.HalfToEven, -2)]
    [InlineData(-5, 3, RoundingRule.TowardZero, -1)]
    [InlineData(-5, 3, RoundingRule.HalfToEven, -2)]
    [InlineData(5, 3, RoundingRule.HalfAwayFromZero, 2)]
    [InlineData(4, 3, RoundingRule.HalfAwayFromZero, 1)]
    [InlineData(6, 3, RoundingRule.HalfAwayFromZero, 2)]
    public void Round_HalvesAndSigns_ArePinned(long numerator, long denominator, RoundingRule rule, long expected) =>
        Assert.Equal(expected, ExactQuotient.Round(numerator, denominator, rule));

    public static TheoryData<string, Func<object?>, string> InvalidArguments => new()
    {
        { "ArgumentOutOfRangeException", () => new PercentChange(-1, 0), "previous" },
        { "ArgumentOutOfRangeException", () => new PercentChange(0, -1), "current" },
        { "ArgumentOutOfRangeException", () => PercentChange.Between(-1, 0), "previous" },
        { "ArgumentOutOfRangeException", () => PercentChange.Between(1, 2).ToPercent(-1, RoundingRule.TowardZero), "decimals" },
        { "ArgumentOutOfRangeException", () => PercentChange.Between(1, 2).ToPercent(11, RoundingRule.TowardZero), "decimals" },
        { "ArgumentOutOfRangeException", () => PercentChange.Between(1, 2).ToPercent(0, Undefined), "rule" },
        { "ArgumentOutOfRangeException", () => PercentChange.Between(0, 2).ToPercent(11, RoundingRule.TowardZero), "decimals" },
        { "ArgumentOutOfRangeException", () => PercentChange.Between(0, 2).ToPercent(0, Undefined), "rule" },
        { "ArgumentOutOfRangeException", () => new Share(-1, 5), "part" },
        { "ArgumentOutOfRangeException", () => new Share(6, 5), "part" },
        { "ArgumentOutOfRangeException", () => new Share(0, -1), "total" },
        { "ArgumentOutOfRangeException", () => Share.Of(1, 2).ToPercent(-1, RoundingRule.TowardZero), "decimals" },
        { "ArgumentOutOfRangeException", () => Share.Of(1, 2).ToPercent(11, RoundingRule.TowardZero), "decimals" },
        { "ArgumentOutOfRangeException", () => Share.Of(1, 2).ToPercent(0, Undefined), "rule" },
        { "ArgumentOutOfRangeException", () => Share.Of(0, 0).ToPercent(11, RoundingRule.TowardZero), "decimals" },
        { "ArgumentOutOfRangeException", () => Share.Of(0, 0).ToPercent(0, Undefined), "rule" },
        { "ArgumentOutOfRangeException", () => PercentagePointChange.Between(Share.Of(1, 2), Share.Of(1, 3)).ToPoints(-1, RoundingRule.TowardZero), "decimals" },
        { "ArgumentOutOfRangeException", () => PercentagePointChange.Between(Share.Of(1, 2), Share.Of(1, 3)).ToPoints(11, RoundingRule.TowardZero), "decimals" },
        { "ArgumentOutOfRangeException", () => PercentagePointChange.Between(Share.Of(1, 2), Share.Of(1, 3)).ToPoints(0, Undefined), "rule" },
        { "ArgumentOutOfRangeException", () => PercentagePointChange.Between(Share.Of(0, 0), Share.Of(1, 3)).ToPoints(11, RoundingRule.TowardZero), "decimals" },
        { "ArgumentOutOfRangeException", () => PercentagePointChange.Between(Share.Of(0, 0), Share.Of(1, 3)).ToPoints(0, Undefined), "rule" },
        { "ArgumentOutOfRangeException", () => Rounding.Round(1.5m, -1, RoundingRule.TowardZero), "decimals" },
        { "ArgumentOutOfRangeException", () => Rounding.Round(1.5m, 11, RoundingRule.TowardZero), "decimals" },
        { "ArgumentOutOfRangeException", () => Rounding.Round(1.5m, 0, Undefined), "rule" },
        { "ArgumentOutOfRangeException", () => Rounding.ToMidpointRounding(Undefined), "rule" },
        { "ArgumentException", () => ShareAllocation.LargestRemainder(ReadOnlySpan<long>.Empty, 0), "counts" },
        { "ArgumentOutOfRangeException", () => ShareAllocation.LargestRemainder([1, -1], 0), "counts" },
        { "ArgumentOutOfRangeException", () => ShareAllocation.LargestRemainder([1], -1), "decimals" },
        { "ArgumentOutOfRangeException", () => ShareAllocation.LargestRemainder([1], 11), "decimals" },
        { "ArgumentOutOfRangeException", () => ShareAllocation.LargestRemainder([0], 11), "decimals" },
        { "ArgumentNullException", () => ShareAllocation.LargestRemainder((IEnumerable<long>)null!, 0), "counts" },
        { "ArgumentException", () => ShareAllocation.LargestRemainder(Enumerable.Empty<long>(), 0), "counts" },
        { "ArgumentException", () => ShareAllocation.RoundEach(ReadOnlySpan<long>.Empty, 0, RoundingRule.TowardZero), "counts" },
        { "ArgumentOutOfRangeException", () => ShareAllocation.RoundEach([1, -1], 0, RoundingRule.TowardZero), "counts" },
        { "ArgumentOutOfRangeException", () => ShareAllocation.RoundEach([1], 11, RoundingRule.TowardZero), "decimals" },
        { "ArgumentOutOfRangeException", () => ShareAllocation.RoundEach([1], 0, Undefined), "rule" },
        { "ArgumentOutOfRangeException", () => ShareAllocation.RoundEach([0], 0, Undefined), "rule" },
        { "ArgumentNullException", () => ShareAllocation.RoundEach((IEnumerable<long>)null!, 0, RoundingRule.TowardZero), "counts" },
        { "ArgumentOutOfRangeException", () => ShareAllocation.Allocate([1], 0, (ShareAllocationMethod)99, RoundingRule.TowardZero), "method" },
        { "ArgumentOutOfRangeException", () => ShareAllocation.Allocate([1], 0, ShareAllocationMethod.RoundEach, Undefined), "rule" },
        { "OverflowException", () => ShareAllocation.LargestRemainder([long.MaxValue, 1], 0), "" },
        { "OverflowException", () => ShareAllocation.LargestRemainder([long.MaxValue, long.MaxValue, 2], 0), "" },
        { "OverflowException", () => ShareAllocation.RoundEach([long.MaxValue, 1], 0, RoundingRule.TowardZero), "" },
    };

    [Theory]
    [MemberData(nameof(InvalidArguments))]
    public void PublicEntryPoints_InvalidArguments_ThrowTheDocumentedException(string type, Func<object?> call, string parameter)
    {
        Exception e = Assert.ThrowsAny<Exception>(() => call());
        Assert.Equal(type, e.GetType().Name);
        Assert.Equal(parameter, (e as ArgumentException)?.ParamName ?? string.Empty);
        Assert.Matches("^\\S[^\\n]{12,}", e.Message); // a sentence that states the rule, not an empty message
    }

    [Fact]
    public void Allocate_CountsSummingPastLongMaxValue_SaySo()
    {
        const string Message = "The counts must sum to at most Int64.MaxValue.";
        Assert.Equal(Message, Assert.Throws<OverflowException>(() => ShareAllocation.LargestRemainder([long.MaxValue, 1], 0)).Message);
        Assert.Equal(Message, Assert.Throws<OverflowException>(() => ShareAllocation.RoundEach([1, long.MaxValue], 2, RoundingRule.HalfToEven)).Message);
    }

    [Theory]
    [InlineData(new long[] { long.MaxValue, 0 }, 0)]
    [InlineData(new long[] { long.MaxValue - 1, 1 }, 2)]
    [InlineData(new long[] { 3, 0, 0 }, 10)]
    public void Allocate_LargeAndZeroCounts_SumToHundred(long[] counts, int decimals)
    {
        foreach (ShareAllocationMethod method in Enum.GetValues<ShareAllocationMethod>())
        {
            ShareDistribution d = ShareAllocation.Allocate(counts, decimals, method, RoundingRule.HalfAwayFromZero);
            Assert.Equal(method, d.Method);
            Assert.Equal(decimals, d.Decimals);
            Assert.True(d.SumsToHundred);
        }
    }
}
