using Djpk.Metrics.Comparison;

namespace Djpk.Metrics.Comparison;

/// <summary>Names a way a report turns exact values into printed ones: one of the <see cref="RoundingRule"/>s, or largest-remainder allocation of shares.</summary>
/// <remarks>Convert with <see cref="Rounding.ToRoundingConvention"/> and <see cref="Rounding.TryGetRule"/>, never by a cast. The default value is <see cref="HalfAwayFromZero"/>.</remarks>
public enum RoundingConvention
{
    /// <summary>Each value rounded to the nearest, a midpoint away from zero (<see cref="RoundingRule.HalfAwayFromZero"/>).</summary>
    HalfAwayFromZero = 0,

    /// <summary>Each value rounded to the nearest, a midpoint to the even neighbour (<see cref="RoundingRule.HalfToEven"/>).</summary>
    HalfToEven = 1,

    /// <summary>Each value truncated (<see cref="RoundingRule.TowardZero"/>).</summary>
    TowardZero = 2,

    /// <summary>Shares of one whole allocated by largest remainder so that they sum to exactly 100 (<see cref="ShareAllocation.LargestRemainder(ReadOnlySpan{long}, int)"/>).</summary>
    LargestRemainder = 3,
}
