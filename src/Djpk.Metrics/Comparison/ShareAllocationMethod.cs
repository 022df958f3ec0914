namespace Djpk.Metrics.Comparison;

/// <summary>Says how a whole distribution of counts is turned into published percentages.</summary>
/// <remarks>The default value is <see cref="LargestRemainder"/>.</remarks>
public enum ShareAllocationMethod
{
    /// <summary>Hamilton's method: floor every share, then give the missing units to the largest remainders, so the shares sum to exactly 100.</summary>
    LargestRemainder = 0,

    /// <summary>Rounds every share on its own under a <see cref="RoundingRule"/>; the shares may not sum to 100.</summary>
    RoundEach = 1,
}
