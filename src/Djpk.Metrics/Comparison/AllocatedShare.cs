namespace Djpk.Metrics.Comparison;

/// <summary>One cell of a <see cref="ShareDistribution"/>: its count, its exact share and the percentage published for it.</summary>
/// <remarks>
/// Immutable. When the distribution's total is zero, <see cref="Rounded"/>, <see cref="Allocated"/> and
/// <see cref="Adjustment"/> are <see langword="null"/>: an undefined share is never shown as 0%.
/// The default value is the undefined cell 0 of 0.
/// </remarks>
public readonly record struct AllocatedShare
{
    internal AllocatedShare(Share share, decimal? rounded, decimal? allocated)
    {
        Share = share;
        Rounded = rounded;
        Allocated = allocated;
    }

    /// <summary>Gets the cell's count and the distribution's total.</summary>
    public Share Share { get; }

    /// <summary>Gets the cell's count.</summary>
    public long Count => Share.Part;

    /// <summary>Gets the exact share in percent, unrounded; <see langword="null"/> when the total is zero.</summary>
    public decimal? Exact => Share.Percent;

    /// <summary>Gets the share rounded on its own (half away from zero for a largest-remainder distribution, else the distribution's rule).</summary>
    public decimal? Rounded { get; }

    /// <summary>Gets the percentage the distribution publishes for this cell.</summary>
    public decimal? Allocated { get; }

    /// <summary>Gets how far the allocation moved this cell from plain rounding (<see cref="Allocated"/> − <see cref="Rounded"/>).</summary>
    public decimal? Adjustment => Allocated - Rounded;
}
