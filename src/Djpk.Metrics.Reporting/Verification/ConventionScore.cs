using System.Globalization;

using Djpk.Metrics.Comparison;
namespace Djpk.Metrics.Verification;

/// <summary>How many claims of a group one rounding convention explains.</summary>
/// <remarks>Immutable. The default value is <see cref="RoundingConvention.HalfAwayFromZero"/> explaining none.</remarks>
public readonly record struct ConventionScore
{
    /// <summary>Creates a score.</summary>
    /// <param name="convention">The convention.</param>
    /// <param name="explained">The number of claims that hold under it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="explained"/> is negative.</exception>
    public ConventionScore(RoundingConvention convention, int explained)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(explained);
        Convention = convention;
        Explained = explained;
    }

    /// <summary>Gets the convention.</summary>
    public RoundingConvention Convention { get; }

    /// <summary>Gets the number of claims that hold under the convention.</summary>
    public int Explained { get; }

    /// <summary>Returns the invariant form, such as <c>TowardZero 9</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Convention} {Explained}");
}
