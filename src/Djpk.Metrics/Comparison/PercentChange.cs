using System.Globalization;

namespace Djpk.Metrics.Comparison;

/// <summary>The change from a previous value to a current one: difference, direction and relative change.</summary>
/// <remarks>
/// <para>Immutable. The relative change is undefined when <see cref="Previous"/> is zero: from zero to something the
/// change is <see cref="IsNew">new</see>, from zero to zero it is unchanged. <see cref="Direction"/> is always defined.</para>
/// <para>Counts are non-negative (<see cref="Between"/>). Signed quantities such as a net follower change come through
/// <see cref="BetweenSigned"/>; their relative change divides by |previous|, so −10 → −5 is +50%.</para>
/// <para>Equality compares the two values and <see cref="IsSigned"/>, not the ratio: 1 → 2 and 2 → 4 are different changes.</para>
/// <para>The default value is the count change 0 → 0: unchanged, ratio undefined.</para>
/// </remarks>
public readonly record struct PercentChange : IFormattable
{
    /// <summary>Creates the change between two counts.</summary>
    /// <param name="previous">The value of the earlier period (the base).</param>
    /// <param name="current">The value of the later period.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="previous"/> or <paramref name="current"/> is negative.</exception>
    public PercentChange(long previous, long current)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(previous);
        ArgumentOutOfRangeException.ThrowIfNegative(current);
        Previous = previous;
        Current = current;
        IsSigned = false;
    }

    private PercentChange(long previous, long current, bool isSigned)
    {
        Previous = previous;
        Current = current;
        IsSigned = isSigned;
    }

    /// <summary>Gets the value of the earlier period, the base of the relative change.</summary>
    public long Previous { get; }

    /// <summary>Gets the value of the later period.</summary>
    public long Current { get; }

    /// <summary>Gets a value indicating whether the values are signed quantities, whose ratio divides by |<see cref="Previous"/>|.</summary>
    public bool IsSigned { get; }

    /// <summary>Gets the absolute difference, <see cref="Current"/> − <see cref="Previous"/>.</summary>
    public long Difference => Current - Previous;

    /// <summary>Gets whether the value went up, down or stayed the same.</summary>
    public ChangeDirection Direction => Current.CompareTo(Previous) switch
    {
        > 0 => ChangeDirection.Increase,
        < 0 => ChangeDirection.Decrease,
        _ => ChangeDirection.Unchanged,
    };

    /// <summary>Gets a value indicating whether the relative change is defined, that is, <see cref="Previous"/> is not zero.</summary>
    public bool IsDefined => Previous != 0;

    /// <summary>Gets a value indicating whether the value appeared from zero: <see cref="Previous"/> is zero and <see cref="Current"/> is not.</summary>
    public bool IsNew => Previous == 0 && Current != 0;

    /// <summary>Gets (current − previous) / |previous| as an unrounded decimal, e.g. 0,12 for +12%; <see langword="null"/> when undefined.</summary>
    public decimal? Ratio => IsDefined ? (decimal)Difference / Math.Abs(Previous) : null;

    /// <summary>Gets the relative change in percent, unrounded (44,66… for 103 → 149); <see langword="null"/> when undefined.</summary>
    public decimal? Percent => IsDefined ? (decimal)Difference * 100m / Math.Abs(Previous) : null;

    /// <summary>Creates the change between two counts.</summary>
    /// <param name="previous">The value of the earlier period (the base).</param>
    /// <param name="current">The value of the later period.</param>
    /// <returns>The change from <paramref name="previous"/> to <paramref name="current"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="previous"/> or <paramref name="current"/> is negative.</exception>
    public static PercentChange Between(long previous, long current) => new(previous, current);

    /// <summary>Creates the change between two signed quantities, such as net follower changes; the ratio divides by |previous|.</summary>
    /// <param name="previous">The value of the earlier period (the base).</param>
    /// <param name="current">The value of the later period.</param>
    /// <returns>The change from <paramref name="previous"/> to <paramref name="current"/>, with <see cref="IsSigned"/> set.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Either value is <see cref="long.MinValue"/>, or the difference does not fit in a <see cref="long"/>.</exception>
    public static PercentChange BetweenSigned(long previous, long current)
    {
        if (previous == long.MinValue)
        {
            throw new ArgumentOutOfRangeException(nameof(previous), previous, "A signed value must be greater than Int64.MinValue so that its magnitude is a 64-bit integer.");
        }

        if (current == long.MinValue)
        {
            throw new ArgumentOutOfRangeException(nameof(current), current, "A signed value must be greater than Int64.MinValue so that its magnitude is a 64-bit integer.");
        }

        Int128 difference = (Int128)current - previous;
        if (difference > long.MaxValue || difference < -long.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(current), current, "The difference between the two values must fit in a 64-bit integer.");
        }

        return new PercentChange(previous, current, isSigned: true);
    }

    /// <summary>Returns the relative change in percent at <paramref name="decimals"/> places, rounded once and exactly under <paramref name="rule"/>.</summary>
    /// <param name="decimals">The number of decimals, 0 to <see cref="Rounding.MaxDecimals"/>.</param>
    /// <param name="rule">The rounding rule; the seed report uses <see cref="RoundingRule.TowardZero"/> for changes.</param>
    /// <returns>For example 44 for 103 → 149 at 0 decimals toward zero; <see langword="null"/> when the change is undefined.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is out of range or <paramref name="rule"/> is not defined.</exception>
    /// <exception cref="OverflowException">The rounded percent does not fit in a <see cref="decimal"/>.</exception>
    public decimal? ToPercent(int decimals, RoundingRule rule)
    {
        Rounding.ValidateDecimals(decimals);
        Rounding.ValidateRule(rule);
        if (!IsDefined)
        {
            return null;
        }

        Int128 numerator = (Int128)Difference * 100 * ExactQuotient.PowerOfTen(decimals);
        Int128 scaled = ExactQuotient.Round(numerator, Int128.Abs(Previous), rule);
        return ExactQuotient.ToDecimal(scaled, decimals);
    }

    /// <summary>Returns the invariant text form, such as <c>103 -> 149 (+44.66%)</c>, <c>0 -> 5 (new)</c> or <c>0 -> 0 (unchanged)</c>.</summary>
    /// <returns>The invariant text, with the percent rounded half to even at two decimals.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Returns the text form with numbers formatted by <paramref name="formatProvider"/>.</summary>
    /// <param name="format">Not used; the form is fixed.</param>
    /// <param name="formatProvider">The number format, or <see langword="null"/> for the invariant culture (never the host's).</param>
    /// <returns>The text, such as <c>103 -> 149 (+44.66%)</c>.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        formatProvider ??= CultureInfo.InvariantCulture;
        string values = string.Format(formatProvider, "{0} -> {1}", Previous, Current);
        if (!IsDefined)
        {
            return values + (IsNew ? " (new)" : " (unchanged)");
        }

        decimal percent = ToPercent(2, RoundingRule.HalfToEven)!.Value;
        string sign = percent > 0 ? "+" : string.Empty;
        return string.Format(formatProvider, "{0} ({1}{2}%)", values, sign, percent);
    }
}
