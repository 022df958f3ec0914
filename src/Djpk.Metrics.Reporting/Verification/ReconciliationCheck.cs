using System.Collections.Immutable;
using System.Globalization;

using Djpk.Metrics.Comparison;
namespace Djpk.Metrics.Verification;

/// <summary>One additive check of the figures: parts against their whole, such as channels against the month's total.</summary>
/// <remarks>Immutable. A check whose parts or whole are not all known is incomplete: it neither holds nor fails (<see cref="Holds"/> is <see langword="null"/>).</remarks>
public sealed class ReconciliationCheck
{
    internal ReconciliationCheck(
        ReconciliationKind kind,
        FigureKey whole,
        ImmutableArray<decimal> parts,
        decimal? expected,
        ImmutableArray<string> missing,
        RoundingConvention? convention = null,
        int decimals = 0)
    {
        Kind = kind;
        Whole = whole;
        Parts = parts;
        Expected = expected;
        Missing = missing;
        Convention = convention;
        Decimals = decimals;
        decimal sum = 0m;
        foreach (decimal part in parts)
        {
            sum += part;
        }

        Sum = sum;
    }

    /// <summary>Gets what is checked.</summary>
    public ReconciliationKind Kind { get; }

    /// <summary>Gets the key of the whole: the total, the year, or (for shares) the whole the shares are of.</summary>
    public FigureKey Whole { get; }

    /// <summary>Gets the known parts, in key order (for shares, the published shares under <see cref="Convention"/>).</summary>
    public ImmutableArray<decimal> Parts { get; }

    /// <summary>Gets the sum of the known parts.</summary>
    public decimal Sum { get; }

    /// <summary>Gets what the parts should sum to: the whole's figure, or 100 for shares; <see langword="null"/> when the whole is not known.</summary>
    public decimal? Expected { get; }

    /// <summary>Gets the parts (or the whole) that are not known, such as <c>2023-01</c> or <c>phone</c>; empty when complete.</summary>
    public ImmutableArray<string> Missing { get; }

    /// <summary>Gets, for shares, the convention they were published under.</summary>
    public RoundingConvention? Convention { get; }

    /// <summary>Gets, for shares, the number of decimals they were published with.</summary>
    public int Decimals { get; }

    /// <summary>Gets a value indicating whether every part and the whole are known.</summary>
    public bool IsComplete => Missing.IsEmpty && Expected is not null;

    /// <summary>Gets <see cref="Sum"/> − <see cref="Expected"/> (−2 for truncated shares summing to 98); <see langword="null"/> when incomplete.</summary>
    public decimal? Difference => IsComplete ? Sum - Expected : null;

    /// <summary>Gets whether the parts sum to the whole; <see langword="null"/> when incomplete.</summary>
    public bool? Holds => IsComplete ? Sum == Expected : null;

    /// <summary>Returns the invariant form, such as <c>ChannelsSumToTotal consultations 2023-12: 1469 = 1469</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => IsComplete
        ? string.Create(CultureInfo.InvariantCulture, $"{Kind} {Whole}: {Sum} {(Holds == true ? "=" : "!=")} {Expected}")
        : string.Create(CultureInfo.InvariantCulture, $"{Kind} {Whole}: incomplete ({Missing.Length} missing)");
}
