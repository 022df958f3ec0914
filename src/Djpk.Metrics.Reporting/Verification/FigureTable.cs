using System.Collections.Frozen;
using System.Collections.Immutable;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Verification;

/// <summary>The figures a report's claims are checked against: counts keyed by metric, period and optional channel or segment.</summary>
/// <remarks>
/// <para>Immutable. Build one with <see cref="FigureTableBuilder"/>, from aggregates (<see cref="FigureTableBuilder.AddConsultations"/>,
/// <see cref="FigureTableBuilder.AddUsers"/>) or by hand (website visits, followers, reach).</para>
/// <para>A figure that is absent is unknown, never zero: a claim that needs it is unverifiable.</para>
/// </remarks>
public sealed class FigureTable
{
    private readonly FrozenDictionary<FigureKey, long> _figures;

    internal FigureTable(Dictionary<FigureKey, long> figures)
    {
        _figures = figures.ToFrozenDictionary();
        Keys = [.. figures.Keys.Order(KeyOrder.Instance)];
    }

    /// <summary>Gets an empty table.</summary>
    public static FigureTable Empty { get; } = new([]);

    /// <summary>Gets the number of figures.</summary>
    public int Count => _figures.Count;

    /// <summary>Gets every key, ordered by metric, member and period.</summary>
    public ImmutableArray<FigureKey> Keys { get; }

    /// <summary>Returns the figure for a key, or <see langword="null"/> when the table does not have it.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The figure; <see langword="null"/> when absent.</returns>
    public long? Find(FigureKey key) => _figures.TryGetValue(key, out long value) ? value : null;

    /// <summary>Returns the figure of a metric in a period, for all members or for one channel or segment; <see langword="null"/> when absent.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="period">The period.</param>
    /// <param name="channel">A channel, or <see langword="null"/> for all channels.</param>
    /// <param name="segment">A segment, or <see langword="null"/> for all segments.</param>
    /// <returns>The figure; <see langword="null"/> when absent.</returns>
    /// <exception cref="ArgumentException">Both a channel and a segment are given.</exception>
    public long? Find(Metric metric, ReportingPeriod period, Channel? channel = null, UserSegment? segment = null) =>
        Find(new FigureKey(metric, period, channel, segment));

    internal IEnumerable<KeyValuePair<FigureKey, long>> Figures => _figures;

    /// <summary>Returns the figures of every channel (or every segment) of a metric in a period.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="period">The period.</param>
    /// <param name="bySegment"><see langword="true"/> for the segments, <see langword="false"/> for the channels.</param>
    /// <returns>The keys and figures, in key order; empty when there are none.</returns>
    public IReadOnlyList<KeyValuePair<FigureKey, long>> Parts(Metric metric, ReportingPeriod period, bool bySegment) =>
        [.. Keys.Where(k => k.Metric == metric && k.Period == period && (bySegment ? k.Segment is not null : k.Channel is not null))
            .Select(k => new KeyValuePair<FigureKey, long>(k, _figures[k]))];

    /// <summary>Returns a short invariant description, such as <c>42 figures</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Count} figures");

    internal sealed class KeyOrder : IComparer<FigureKey>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(FigureKey x, FigureKey y)
        {
            int c = x.Metric.CompareTo(y.Metric);
            c = c != 0 ? c : Rank(x).CompareTo(Rank(y));
            c = c != 0 ? c : string.CompareOrdinal(x.Channel?.Id ?? x.Segment?.Id, y.Channel?.Id ?? y.Segment?.Id);
            return c != 0 ? c : x.Period.CompareTo(y.Period);
        }

        private static int Rank(FigureKey key) => key.Channel is not null ? 1 : key.Segment is not null ? 2 : 0;
    }
}
