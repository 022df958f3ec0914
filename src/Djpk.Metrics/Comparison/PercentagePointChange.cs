using System.Globalization;
using System.Numerics;

namespace Djpk.Metrics.Comparison;

/// <summary>The difference between two shares in percentage points, kept apart from a percent change.</summary>
/// <remarks>
/// <para>Immutable. A share going from 10% to 12% is +2 percentage points, but a +20% relative change; this type is the first.</para>
/// <para>Undefined when either share is undefined. Equality compares the two shares.</para>
/// <para>The default value is between two undefined shares.</para>
/// </remarks>
public readonly record struct PercentagePointChange : IFormattable
{
    /// <summary>Creates the change from <paramref name="previous"/> to <paramref name="current"/>.</summary>
    /// <param name="previous">The share of the earlier period.</param>
    /// <param name="current">The share of the later period.</param>
    public PercentagePointChange(Share previous, Share current)
    {
        Previous = previous;
        Current = current;
    }

    /// <summary>Gets the share of the earlier period.</summary>
    public Share Previous { get; }

    /// <summary>Gets the share of the later period.</summary>
    public Share Current { get; }

    /// <summary>Gets a value indicating whether both shares, and so the difference, are defined.</summary>
    public bool IsDefined => Previous.IsDefined && Current.IsDefined;

    /// <summary>Gets whether the share went up, down or stayed the same; <see langword="null"/> when undefined.</summary>
    public ChangeDirection? Direction => IsDefined
        ? ExactNumerator().Sign switch { > 0 => ChangeDirection.Increase, < 0 => ChangeDirection.Decrease, _ => ChangeDirection.Unchanged }
        : null;

    /// <summary>Gets the difference in percentage points, unrounded; <see langword="null"/> when undefined.</summary>
    public decimal? Points => IsDefined ? Current.Percent!.Value - Previous.Percent!.Value : null;

    /// <summary>Creates the change from <paramref name="previous"/> to <paramref name="current"/>.</summary>
    /// <param name="previous">The share of the earlier period.</param>
    /// <param name="current">The share of the later period.</param>
    /// <returns>The change in percentage points.</returns>
    public static PercentagePointChange Between(Share previous, Share current) => new(previous, current);

    /// <summary>Returns the difference in percentage points at <paramref name="decimals"/> places, rounded once and exactly.</summary>
    /// <param name="decimals">The number of decimals, 0 to <see cref="Rounding.MaxDecimals"/>.</param>
    /// <param name="rule">The rounding rule.</param>
    /// <returns>The rounded difference; <see langword="null"/> when undefined.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is out of range or <paramref name="rule"/> is not defined.</exception>
    public decimal? ToPoints(int decimals, RoundingRule rule)
    {
        Rounding.ValidateDecimals(decimals);
        Rounding.ValidateRule(rule);
        if (!IsDefined)
        {
            return null;
        }

        BigInteger numerator = ExactNumerator() * 100 * (BigInteger)ExactQuotient.PowerOfTen(decimals);
        BigInteger denominator = (BigInteger)Previous.Total * Current.Total;
        return ExactQuotient.ToDecimal(ExactQuotient.Round(numerator, denominator, rule), decimals);
    }

    /// <summary>Returns the invariant text form, such as <c>+2.50 pp</c> or <c>undefined</c>.</summary>
    /// <returns>The invariant text, rounded half to even at two decimals.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Returns the text form with numbers formatted by <paramref name="formatProvider"/>.</summary>
    /// <param name="format">Not used; the form is fixed.</param>
    /// <param name="formatProvider">The number format, or <see langword="null"/> for the invariant culture (never the host's).</param>
    /// <returns>The text, such as <c>+2.50 pp</c>.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        if (ToPoints(2, RoundingRule.HalfToEven) is not decimal points)
        {
            return "undefined";
        }

        return string.Format(formatProvider ?? CultureInfo.InvariantCulture, "{0}{1} pp", points > 0 ? "+" : string.Empty, points);
    }

    // current.Part / current.Total − previous.Part / previous.Total, over the common denominator.
    private BigInteger ExactNumerator() =>
        ((BigInteger)Current.Part * Previous.Total) - ((BigInteger)Previous.Part * Current.Total);
}
