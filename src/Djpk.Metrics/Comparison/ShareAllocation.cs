using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Djpk.Metrics.Comparison;

/// <summary>Turns a whole distribution of counts into percentages, exactly, by largest remainder or by rounding each cell.</summary>
public static class ShareAllocation
{
    /// <summary>Allocates percentages at <paramref name="decimals"/> places that sum to exactly 100, by largest remainder.</summary>
    /// <remarks>
    /// Every cell gets its exact share truncated; the units still missing to reach 100 go one each to the cells with the
    /// largest remainders. Ties go to the larger count, then to the earlier cell. Arithmetic is exact (128-bit integers),
    /// so a larger count never gets a smaller share and each cell is within one unit of its exact share.
    /// </remarks>
    /// <param name="counts">The counts, non-negative; at least one.</param>
    /// <param name="decimals">The number of decimals, 0 to <see cref="Rounding.MaxDecimals"/>.</param>
    /// <returns>The distribution; undefined when every count is zero.</returns>
    /// <exception cref="ArgumentException"><paramref name="counts"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or <paramref name="decimals"/> is out of range.</exception>
    /// <exception cref="OverflowException">The counts sum to more than <see cref="long.MaxValue"/>.</exception>
    public static ShareDistribution LargestRemainder(ReadOnlySpan<long> counts, int decimals)
    {
        long total = ValidateAndSum(counts, decimals);
        if (total == 0)
        {
            return Undefined(counts, decimals, ShareAllocationMethod.LargestRemainder, RoundingRule.HalfAwayFromZero);
        }

        Int128 units = 100 * ExactQuotient.PowerOfTen(decimals);
        long smallUnits = (long)units;           // at most 10^12
        long smallLimit = long.MaxValue / smallUnits;
        var floors = new long[counts.Length];
        var remainders = new long[counts.Length];
        var order = new int[counts.Length];
        Int128 allocated = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            long floor, remainder;
            if (counts[i] <= smallLimit)
            {
                (floor, remainder) = Math.DivRem(counts[i] * smallUnits, total); // fits in 64 bits: the fast path
            }
            else
            {
                (Int128 wideFloor, Int128 wideRemainder) = Int128.DivRem(counts[i] * units, total);
                (floor, remainder) = ((long)wideFloor, (long)wideRemainder);
            }

            floors[i] = floor;         // at most units: a share never exceeds 100%
            remainders[i] = remainder; // less than total
            order[i] = i;
            allocated += floor;
        }

        int missing = (int)(units - allocated); // fewer than the number of cells: each floor lost less than one unit
        if (missing > 0)
        {
            order.AsSpan().Sort(new RemainderOrder(remainders, counts.ToArray()));
        }

        var shares = new AllocatedShare[counts.Length];
        for (int rank = 0; rank < order.Length; rank++)
        {
            int i = order[rank];
            long rounded = 2 * (Int128)remainders[i] >= total ? floors[i] + 1 : floors[i];
            long published = rank < missing ? floors[i] + 1 : floors[i];
            shares[i] = new AllocatedShare(
                new Share(counts[i], total),
                ExactQuotient.ToDecimal(rounded, decimals),
                ExactQuotient.ToDecimal(published, decimals));
        }

        return new ShareDistribution(
            ImmutableCollectionsMarshal.AsImmutableArray(shares), total, decimals, ShareAllocationMethod.LargestRemainder, RoundingRule.HalfAwayFromZero);
    }

    /// <summary>Allocates percentages that sum to exactly 100, by largest remainder.</summary>
    /// <param name="counts">The counts, non-negative; at least one.</param>
    /// <param name="decimals">The number of decimals, 0 to <see cref="Rounding.MaxDecimals"/>.</param>
    /// <returns>The distribution; undefined when every count is zero.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="counts"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="counts"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or <paramref name="decimals"/> is out of range.</exception>
    /// <exception cref="OverflowException">The counts sum to more than <see cref="long.MaxValue"/>.</exception>
    public static ShareDistribution LargestRemainder(IEnumerable<long> counts, int decimals)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return LargestRemainder(counts.ToArray(), decimals);
    }

    /// <summary>Rounds every share on its own at <paramref name="decimals"/> places under <paramref name="rule"/>.</summary>
    /// <remarks>The result says whether the shares sum to 100 (<see cref="ShareDistribution.SumsToHundred"/>) and by how much they miss.</remarks>
    /// <param name="counts">The counts, non-negative; at least one.</param>
    /// <param name="decimals">The number of decimals, 0 to <see cref="Rounding.MaxDecimals"/>.</param>
    /// <param name="rule">The rounding rule for every cell.</param>
    /// <returns>The distribution; undefined when every count is zero.</returns>
    /// <exception cref="ArgumentException"><paramref name="counts"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, <paramref name="decimals"/> is out of range, or <paramref name="rule"/> is not defined.</exception>
    /// <exception cref="OverflowException">The counts sum to more than <see cref="long.MaxValue"/>.</exception>
    public static ShareDistribution RoundEach(ReadOnlySpan<long> counts, int decimals, RoundingRule rule)
    {
        Rounding.ValidateRule(rule);
        long total = ValidateAndSum(counts, decimals);
        if (total == 0)
        {
            return Undefined(counts, decimals, ShareAllocationMethod.RoundEach, rule);
        }

        Int128 units = 100 * ExactQuotient.PowerOfTen(decimals);
        var shares = new AllocatedShare[counts.Length];
        for (int i = 0; i < counts.Length; i++)
        {
            decimal rounded = ExactQuotient.ToDecimal(ExactQuotient.Round(counts[i] * units, total, rule), decimals);
            shares[i] = new AllocatedShare(new Share(counts[i], total), rounded, rounded);
        }

        return new ShareDistribution(ImmutableCollectionsMarshal.AsImmutableArray(shares), total, decimals, ShareAllocationMethod.RoundEach, rule);
    }

    /// <summary>Rounds every share on its own under <paramref name="rule"/>.</summary>
    /// <param name="counts">The counts, non-negative; at least one.</param>
    /// <param name="decimals">The number of decimals, 0 to <see cref="Rounding.MaxDecimals"/>.</param>
    /// <param name="rule">The rounding rule for every cell.</param>
    /// <returns>The distribution; undefined when every count is zero.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="counts"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="counts"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, <paramref name="decimals"/> is out of range, or <paramref name="rule"/> is not defined.</exception>
    /// <exception cref="OverflowException">The counts sum to more than <see cref="long.MaxValue"/>.</exception>
    public static ShareDistribution RoundEach(IEnumerable<long> counts, int decimals, RoundingRule rule)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return RoundEach(counts.ToArray(), decimals, rule);
    }

    /// <summary>Allocates percentages by <paramref name="method"/>: largest remainder, or each cell rounded under <paramref name="rule"/>.</summary>
    /// <param name="counts">The counts, non-negative; at least one.</param>
    /// <param name="decimals">The number of decimals, 0 to <see cref="Rounding.MaxDecimals"/>.</param>
    /// <param name="method">How to allocate.</param>
    /// <param name="rule">The rounding rule for <see cref="ShareAllocationMethod.RoundEach"/>; not used by largest remainder.</param>
    /// <returns>The distribution; undefined when every count is zero.</returns>
    /// <exception cref="ArgumentException"><paramref name="counts"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or <paramref name="decimals"/>, <paramref name="method"/> or <paramref name="rule"/> is out of range.</exception>
    /// <exception cref="OverflowException">The counts sum to more than <see cref="long.MaxValue"/>.</exception>
    public static ShareDistribution Allocate(ReadOnlySpan<long> counts, int decimals, ShareAllocationMethod method, RoundingRule rule) => method switch
    {
        ShareAllocationMethod.LargestRemainder => LargestRemainder(counts, decimals),
        ShareAllocationMethod.RoundEach => RoundEach(counts, decimals, rule),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "The method must be one of the defined ShareAllocationMethod values."),
    };

    private static long ValidateAndSum(ReadOnlySpan<long> counts, int decimals)
    {
        Rounding.ValidateDecimals(decimals);
        if (counts.IsEmpty)
        {
            throw new ArgumentException("At least one count is required to allocate shares.", nameof(counts));
        }

        Int128 total = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(counts), counts[i], $"Every count must be non-negative; the count at index {i} is negative.");
            }

            total += counts[i];
        }

        if (total > long.MaxValue)
        {
            throw new OverflowException("The counts must sum to at most Int64.MaxValue.");
        }

        return (long)total;
    }

    private static ShareDistribution Undefined(ReadOnlySpan<long> counts, int decimals, ShareAllocationMethod method, RoundingRule rule)
    {
        var shares = new AllocatedShare[counts.Length];
        for (int i = 0; i < counts.Length; i++)
        {
            shares[i] = new AllocatedShare(new Share(0, 0), null, null);
        }

        return new ShareDistribution(ImmutableCollectionsMarshal.AsImmutableArray(shares), 0, decimals, method, rule);
    }

    // Largest remainder first, then the larger count, then the earlier cell: a total order, so the result is deterministic.
    private readonly struct RemainderOrder(long[] remainders, long[] counts) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            int byRemainder = remainders[y].CompareTo(remainders[x]);
            if (byRemainder != 0)
            {
                return byRemainder;
            }

            int byCount = counts[y].CompareTo(counts[x]);
            return byCount != 0 ? byCount : x.CompareTo(y);
        }
    }
}
