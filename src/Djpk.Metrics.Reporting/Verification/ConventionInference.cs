using System.Collections.Immutable;
using System.Globalization;

using Djpk.Metrics.Comparison;
namespace Djpk.Metrics.Verification;

/// <summary>The rounding convention inferred for one group of a report's claims, with how many claims each candidate explains.</summary>
/// <remarks>
/// Immutable. Only verifiable, exactly stated claims count (an approximate claim does not tell rules apart). The chosen
/// convention explains the most claims; a tie goes to <see cref="RoundingConvention.LargestRemainder"/> for shares (it
/// alone guarantees a sum of 100), then to <see cref="RoundingConvention.HalfAwayFromZero"/>, <see cref="RoundingConvention.HalfToEven"/>
/// and <see cref="RoundingConvention.TowardZero"/>.
/// </remarks>
public sealed class ConventionInference
{
    internal ConventionInference(ClaimGroup group, RoundingConvention? chosen, ImmutableArray<ConventionScore> scores, int claimCount)
    {
        Group = group;
        Chosen = chosen;
        Scores = scores;
        ClaimCount = claimCount;
    }

    /// <summary>Gets the group.</summary>
    public ClaimGroup Group { get; }

    /// <summary>Gets the inferred convention; <see langword="null"/> when no claim of the group could be scored.</summary>
    public RoundingConvention? Chosen { get; }

    /// <summary>Gets, for every candidate convention, the number of claims it explains, best first.</summary>
    public ImmutableArray<ConventionScore> Scores { get; }

    /// <summary>Gets the number of claims that were scored.</summary>
    public int ClaimCount { get; }

    /// <summary>Returns the invariant form, such as <c>Changes: TowardZero (9 of 10)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        int explained = Scores.IsEmpty ? 0 : Scores[0].Explained;
        return Chosen is RoundingConvention c
            ? string.Create(CultureInfo.InvariantCulture, $"{Group}: {c} ({explained} of {ClaimCount})")
            : string.Create(CultureInfo.InvariantCulture, $"{Group}: none inferred");
    }
}
