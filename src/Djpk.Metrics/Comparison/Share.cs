using System.Globalization;

namespace Djpk.Metrics.Comparison;

/// <summary>A part of a total, such as one channel's consultations out of the month's.</summary>
/// <remarks>
/// <para>Immutable. The share is undefined when <see cref="Total"/> is zero; it is never reported as 0%.</para>
/// <para>Equality compares part and total, not the ratio: 1 of 2 and 2 of 4 are different shares.</para>
/// <para>The default value is 0 of 0: undefined.</para>
/// </remarks>
public readonly record struct Share : IFormattable
{
    /// <summary>Creates the share of <paramref name="part"/> in <paramref name="total"/>.</summary>
    /// <param name="part">The count of the part, 0 to <paramref name="total"/>.</param>
    /// <param name="total">The count of the whole.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="total"/> is negative, or <paramref name="part"/> is negative or greater than <paramref name="total"/>.</exception>
    public Share(long part, long total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfNegative(part);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(part, total);
        Part = part;
        Total = total;
    }

    /// <summary>Gets the count of the part.</summary>
    public long Part { get; }

    /// <summary>Gets the count of the whole.</summary>
    public long Total { get; }

    /// <summary>Gets a value indicating whether the share is defined, that is, <see cref="Total"/> is positive.</summary>
    public bool IsDefined => Total != 0;

    /// <summary>Gets part / total as an unrounded decimal from 0 to 1; <see langword="null"/> when undefined.</summary>
    public decimal? Ratio => IsDefined ? (decimal)Part / Total : null;

    /// <summary>Gets the share in percent, unrounded (3,81… for 56 of 1.469); <see langword="null"/> when undefined.</summary>
    public decimal? Percent => IsDefined ? (decimal)Part * 100m / Total : null;

    /// <summary>Creates the share of <paramref name="part"/> in <paramref name="total"/>.</summary>
    /// <param name="part">The count of the part, 0 to <paramref name="total"/>.</param>
    /// <param name="total">The count of the whole.</param>
    /// <returns>The share.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="total"/> is negative, or <paramref name="part"/> is negative or greater than <paramref name="total"/>.</exception>
    public static Share Of(long part, long total) => new(part, total);

    /// <summary>Returns the share in percent at <paramref name="decimals"/> places, rounded once and exactly under <paramref name="rule"/>.</summary>
    /// <param name="decimals">The number of decimals, 0 to <see cref="Rounding.MaxDecimals"/>.</param>
    /// <param name="rule">The rounding rule; the seed report truncates channel shares (<see cref="RoundingRule.TowardZero"/>).</param>
    /// <returns>For example 8 for 126 of 1.469 toward zero; <see langword="null"/> when the share is undefined.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is out of range or <paramref name="rule"/> is not defined.</exception>
    public decimal? ToPercent(int decimals, RoundingRule rule)
    {
        Rounding.ValidateDecimals(decimals);
        Rounding.ValidateRule(rule);
        if (!IsDefined)
        {
            return null;
        }

        Int128 numerator = (Int128)Part * 100 * ExactQuotient.PowerOfTen(decimals);
        return ExactQuotient.ToDecimal(ExactQuotient.Round(numerator, (Int128)Total, rule), decimals);
    }

    /// <summary>Returns the invariant text form, such as <c>56/1469 (3.81%)</c> or <c>0/0 (undefined)</c>.</summary>
    /// <returns>The invariant text, with the percent rounded half to even at two decimals.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Returns the text form with numbers formatted by <paramref name="formatProvider"/>.</summary>
    /// <param name="format">Not used; the form is fixed.</param>
    /// <param name="formatProvider">The number format, or <see langword="null"/> for the invariant culture (never the host's).</param>
    /// <returns>The text, such as <c>56/1469 (3.81%)</c>.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        formatProvider ??= CultureInfo.InvariantCulture;
        return IsDefined
            ? string.Format(formatProvider, "{0}/{1} ({2}%)", Part, Total, ToPercent(2, RoundingRule.HalfToEven))
            : string.Format(formatProvider, "{0}/{1} (undefined)", Part, Total);
    }
}
