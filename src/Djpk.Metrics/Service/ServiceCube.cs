using System.Collections.Immutable;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Service;

/// <summary>Service metrics per period and breakdown key, as <see cref="ServiceMetrics.Measure"/> computes them.</summary>
/// <remarks>
/// <para>Immutable. <see cref="Cells"/> holds one cell per period of <see cref="Range"/> and key seen (in period order,
/// then key order); a period without contacts has no cell unless it has a backlog. <see cref="Merge"/> of the cubes of
/// parts of a log, measured over the same range under the same settings, is the cube of the whole log (for
/// first-contact resolution, when no case is split between the parts).</para>
/// </remarks>
public sealed class ServiceCube
{
    internal ServiceCube(PeriodRange range, ServiceBreakdown breakdown, ImmutableArray<ServiceCell> cells, ServiceFigures empty)
    {
        Range = range;
        Breakdown = breakdown;
        Cells = cells;
        Empty = empty;
    }

    /// <summary>Gets the periods measured.</summary>
    public PeriodRange Range { get; }

    /// <summary>Gets the breakdown.</summary>
    public ServiceBreakdown Breakdown { get; }

    /// <summary>Gets the cells, in period order and then key order.</summary>
    public ImmutableArray<ServiceCell> Cells { get; }

    /// <summary>Gets the figures of a cell without contacts, under the cube's settings.</summary>
    public ServiceFigures Empty { get; }

    /// <summary>Returns the figures of <paramref name="period"/> over every key: the period's total.</summary>
    /// <param name="period">The period.</param>
    /// <returns>The figures; <see cref="Empty"/> when the period has no cell.</returns>
    public ServiceFigures Total(ReportingPeriod period)
    {
        ServiceFigures total = Empty;
        foreach (ServiceCell cell in Cells)
        {
            if (cell.Period == period)
            {
                total = total.Merge(cell.Figures);
            }
        }

        return total;
    }

    /// <summary>Returns the figures of <paramref name="channel"/> in <paramref name="period"/>.</summary>
    /// <param name="period">The period.</param>
    /// <param name="channel">The channel.</param>
    /// <returns>The figures; <see cref="Empty"/> when there is no such cell.</returns>
    /// <exception cref="InvalidOperationException">The cube is not broken down by channel.</exception>
    public ServiceFigures Of(ReportingPeriod period, Channel channel) => Find(period, ServiceBreakdown.Channel, c => c.Channel == channel);

    /// <summary>Returns the figures of <paramref name="segment"/> in <paramref name="period"/>.</summary>
    /// <param name="period">The period.</param>
    /// <param name="segment">The segment.</param>
    /// <returns>The figures; <see cref="Empty"/> when there is no such cell.</returns>
    /// <exception cref="InvalidOperationException">The cube is not broken down by segment.</exception>
    public ServiceFigures Of(ReportingPeriod period, UserSegment segment) => Find(period, ServiceBreakdown.Segment, c => c.Segment == segment);

    /// <summary>Returns the figures of <paramref name="topic"/> in <paramref name="period"/>.</summary>
    /// <param name="period">The period.</param>
    /// <param name="topic">The topic.</param>
    /// <returns>The figures; <see cref="Empty"/> when there is no such cell.</returns>
    /// <exception cref="InvalidOperationException">The cube is not broken down by topic.</exception>
    public ServiceFigures Of(ReportingPeriod period, Topic topic) => Find(period, ServiceBreakdown.Topic, c => c.Topic == topic);

    /// <summary>Returns the figures of <paramref name="agent"/> in <paramref name="period"/>.</summary>
    /// <param name="period">The period.</param>
    /// <param name="agent">The agent; <see langword="null"/> for the contacts without one.</param>
    /// <returns>The figures; <see cref="Empty"/> when there is no such cell.</returns>
    /// <exception cref="InvalidOperationException">The cube is not broken down by agent.</exception>
    public ServiceFigures Of(ReportingPeriod period, AgentKey? agent) => Find(period, ServiceBreakdown.Agent, c => c.Agent == agent);

    /// <summary>Returns the cube of both parts' contacts.</summary>
    /// <param name="other">The other cube, over the same range and breakdown, under the same settings.</param>
    /// <returns>The merged cube.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The ranges, breakdowns or settings differ.</exception>
    /// <exception cref="OverflowException">A merged count exceeds <see cref="long.MaxValue"/>.</exception>
    public ServiceCube Merge(ServiceCube other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Range != Range || other.Breakdown != Breakdown)
        {
            throw new ArgumentException($"Cubes over {Range} by {Breakdown} and {other.Range} by {other.Breakdown} cannot be merged; measure every part over one range and breakdown (the backlog of a period counts contacts of earlier ones).", nameof(other));
        }

        var merged = new SortedDictionary<(int Period, string Key), ServiceCell>();
        foreach (ServiceCell cell in Cells.Concat(other.Cells))
        {
            var key = (Range.IndexOf(cell.Period), KeyOf(cell));
            merged[key] = merged.TryGetValue(key, out ServiceCell? seen) ? seen with { Figures = seen.Figures.Merge(cell.Figures) } : cell;
        }

        return new ServiceCube(Range, Breakdown, [.. merged.Values], Empty.Merge(other.Empty));
    }

    // An ordinal sort key of a cell's breakdown key that keeps the cube's key order (agents by value, the no-agent cell first).
    internal static string KeyOf(ServiceCell cell) =>
        cell.Channel?.Id ?? cell.Segment?.Id ?? cell.Topic?.Name
        ?? (cell.Agent is { } agent ? unchecked((ulong)agent.Value ^ (1UL << 63)).ToString("x16", System.Globalization.CultureInfo.InvariantCulture) : string.Empty);

    private ServiceFigures Find(ReportingPeriod period, ServiceBreakdown breakdown, Func<ServiceCell, bool> match)
    {
        if (Breakdown != breakdown)
        {
            throw new InvalidOperationException($"The cube is broken down by {Breakdown}, not {breakdown}; measure it with ServiceBreakdown.{breakdown}.");
        }

        foreach (ServiceCell cell in Cells)
        {
            if (cell.Period == period && match(cell))
            {
                return cell.Figures;
            }
        }

        return Empty;
    }
}
