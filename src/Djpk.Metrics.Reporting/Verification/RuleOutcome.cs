using System.Globalization;

using Djpk.Metrics.Comparison;
namespace Djpk.Metrics.Verification;

/// <summary>The value a claim's exact figure takes under one rounding convention at the claim's stated precision, and whether that reproduces the claim.</summary>
/// <remarks>Immutable. The default value is an outcome under <see cref="RoundingConvention.HalfAwayFromZero"/> with no value that does not hold.</remarks>
public readonly record struct RuleOutcome
{
    /// <summary>Creates an outcome.</summary>
    /// <param name="convention">The rounding convention.</param>
    /// <param name="value">The rounded magnitude at the stated precision; <see langword="null"/> when the convention cannot be applied.</param>
    /// <param name="holds">Whether the claim holds under the convention (value, and for a change its direction).</param>
    public RuleOutcome(RoundingConvention convention, decimal? value, bool holds)
    {
        Convention = convention;
        Value = value;
        Holds = holds;
    }

    /// <summary>Gets the rounding convention.</summary>
    public RoundingConvention Convention { get; }

    /// <summary>Gets the rounded magnitude at the stated precision; <see langword="null"/> when the convention cannot be applied (largest remainder without every part).</summary>
    public decimal? Value { get; }

    /// <summary>Gets a value indicating whether the claim holds under the convention.</summary>
    public bool Holds { get; }

    /// <summary>Returns the invariant form, such as <c>TowardZero 44 (holds)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Convention} {(Value is decimal v ? v.ToString(CultureInfo.InvariantCulture) : "n/a")} ({(Holds ? "holds" : "fails")})");
}
