namespace Djpk.Metrics.Verification;

/// <summary>Says whether a claim agrees with the data.</summary>
/// <remarks>The default value is <see cref="Holds"/>.</remarks>
public enum Verdict
{
    /// <summary>The data reproduces the claim under its group's rounding convention.</summary>
    Holds = 0,

    /// <summary>The data does not reproduce the claim under its group's rounding convention.</summary>
    Fails = 1,

    /// <summary>The data lacks a figure the claim needs; this is never a failure.</summary>
    Unverifiable = 2,
}
