using System.Collections.Immutable;

namespace Djpk.Metrics.Comparison;

/// <summary>A whole distribution of counts turned into percentages, such as users per segment over a year.</summary>
/// <remarks>
/// Immutable. Created by <see cref="ShareAllocation"/>. When <see cref="Total"/> is zero the distribution is undefined:
/// every cell's percentages and <see cref="Sum"/> are <see langword="null"/>.
/// </remarks>
public sealed class ShareDistribution
{
    internal ShareDistribution(ImmutableArray<AllocatedShare> shares, long total, int decimals, ShareAllocationMethod method, RoundingRule rule)
    {
        Shares = shares;
        Total = total;
        Decimals = decimals;
        Method = method;
        Rule = rule;
        if (total != 0)
        {
            decimal sum = 0m;
            foreach (AllocatedShare share in shares)
            {
                sum += share.Allocated!.Value;
            }

            Sum = sum;
        }
    }

    /// <summary>Gets the cells, in the order of the counts given.</summary>
    public ImmutableArray<AllocatedShare> Shares { get; }

    /// <summary>Gets the sum of the counts.</summary>
    public long Total { get; }

    /// <summary>Gets the number of decimals of every published percentage.</summary>
    public int Decimals { get; }

    /// <summary>Gets how the percentages were allocated.</summary>
    public ShareAllocationMethod Method { get; }

    /// <summary>Gets the rule of plain per-cell rounding: the published one for <see cref="ShareAllocationMethod.RoundEach"/>, the comparison for largest remainder.</summary>
    public RoundingRule Rule { get; }

    /// <summary>Gets a value indicating whether the shares are defined, that is, <see cref="Total"/> is positive.</summary>
    public bool IsDefined => Total != 0;

    /// <summary>Gets the sum of the published percentages; <see langword="null"/> when undefined.</summary>
    public decimal? Sum { get; }

    /// <summary>Gets a value indicating whether the published percentages sum to exactly 100.</summary>
    public bool SumsToHundred => Sum == 100m;

    /// <summary>Gets by how much the published percentages miss 100 (<see cref="Sum"/> − 100); <see langword="null"/> when undefined.</summary>
    public decimal? Deviation => Sum - 100m;
}
