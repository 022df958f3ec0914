using System.Globalization;
using Djpk.Metrics.Comparison;

namespace Djpk.Metrics.Social;

/// <summary>The average reach per post of a period, which keeps the number of posts it averages over.</summary>
/// <remarks>
/// <para>Immutable. Reach counts unique accounts, so it is not additive: two months' reach cannot be summed, and two
/// averages cannot be averaged without their totals. This type has no arithmetic for that reason.</para>
/// <para>The default value is an average over no posts: undefined.</para>
/// </remarks>
public readonly record struct AverageReach
{
    private AverageReach(long? total, decimal? stated, long posts)
    {
        Total = total;
        Stated = stated;
        Posts = posts;
    }

    /// <summary>Gets the total reach behind the average, when known.</summary>
    public long? Total { get; }

    /// <summary>Gets the number of posts the average is over.</summary>
    public long Posts { get; }

    /// <summary>Gets the unrounded average: total / posts when the total is known, else the stated average; <see langword="null"/> over no posts.</summary>
    public decimal? Value => Posts == 0 ? null : Total is long total ? (decimal)total / Posts : Stated;

    private decimal? Stated { get; }

    /// <summary>Creates the average of <paramref name="total"/> reach over <paramref name="posts"/> posts.</summary>
    /// <param name="total">The total reach of the posts.</param>
    /// <param name="posts">The number of posts.</param>
    /// <returns>The average, exact.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="total"/> or <paramref name="posts"/> is negative.</exception>
    public static AverageReach FromTotal(long total, long posts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfNegative(posts);
        return new AverageReach(total, null, posts);
    }

    /// <summary>Creates an average stated by a source without its total, such as a platform's dashboard figure.</summary>
    /// <param name="average">The stated average reach per post.</param>
    /// <param name="posts">The number of posts it is over.</param>
    /// <returns>The average.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="average"/> is negative, or <paramref name="posts"/> is not positive.</exception>
    public static AverageReach FromStatedAverage(decimal average, long posts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(average);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(posts);
        return new AverageReach(null, average, posts);
    }

    /// <summary>Returns the average rounded to <paramref name="decimals"/> places under <paramref name="rule"/>.</summary>
    /// <param name="decimals">The number of decimals, 0 to <see cref="Rounding.MaxDecimals"/>.</param>
    /// <param name="rule">The rounding rule.</param>
    /// <returns>The rounded average; <see langword="null"/> over no posts.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is out of range or <paramref name="rule"/> is not defined.</exception>
    public decimal? Round(int decimals, RoundingRule rule) => Value is decimal value ? Rounding.Round(value, decimals, rule) : null;

    /// <summary>Returns the invariant text form, such as <c>2668.04 over 27 posts</c>.</summary>
    /// <returns>The average and its number of posts.</returns>
    public override string ToString() =>
        Value is decimal value
            ? string.Create(CultureInfo.InvariantCulture, $"{Rounding.Round(value, 2, RoundingRule.HalfToEven)} over {Posts} posts")
            : "no posts";
}
