using System.Globalization;

namespace Djpk.Metrics.Statistics;

/// <summary>An interval that holds an unknown quantity (a slope, a future value) with a stated probability.</summary>
/// <remarks>
/// <para>Immutable. <see cref="Level"/> is the probability as a fraction, such as 0,95 for a 95% interval.</para>
/// <para>The default value is the interval [0, 0] at level 0.</para>
/// </remarks>
public readonly record struct ConfidenceInterval
{
    /// <summary>Creates the interval from <paramref name="lower"/> to <paramref name="upper"/> at <paramref name="level"/>.</summary>
    /// <param name="lower">The lower bound.</param>
    /// <param name="upper">The upper bound, not below <paramref name="lower"/>.</param>
    /// <param name="level">The probability, between 0 and 1 exclusive, such as 0,95.</param>
    /// <exception cref="ArgumentException"><paramref name="upper"/> is below <paramref name="lower"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not strictly between 0 and 1.</exception>
    public ConfidenceInterval(decimal lower, decimal upper, decimal level)
    {
        if (upper < lower)
        {
            throw new ArgumentException("The upper bound of an interval must not be below its lower bound.", nameof(upper));
        }

        StatisticsMath.ValidateLevel(level);
        Lower = lower;
        Upper = upper;
        Level = level;
    }

    /// <summary>Gets the lower bound.</summary>
    public decimal Lower { get; }

    /// <summary>Gets the upper bound.</summary>
    public decimal Upper { get; }

    /// <summary>Gets the probability that the interval holds the quantity, as a fraction (0,95 for 95%).</summary>
    public decimal Level { get; }

    /// <summary>Gets the width, <see cref="Upper"/> − <see cref="Lower"/>.</summary>
    public decimal Width => Upper - Lower;

    /// <summary>Returns whether <paramref name="value"/> lies in the interval, bounds included.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when <see cref="Lower"/> ≤ <paramref name="value"/> ≤ <see cref="Upper"/>.</returns>
    public bool Contains(decimal value) => value >= Lower && value <= Upper;

    /// <summary>Returns the invariant text form, such as <c>[-2.1, 7.3] (95%)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"[{Lower}, {Upper}] ({Level * 100m:0.##}%)");
}
