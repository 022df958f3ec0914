using System.Collections.Immutable;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Aggregation;

/// <summary>What to aggregate: the period grain, the breakdown, the period range and the channels and segments to keep.</summary>
/// <remarks>
/// Immutable: each <c>By</c>/<c>Within</c>/<c>For</c> method returns a new request. Without <see cref="Within"/> the range
/// runs from the period of the log's earliest record to that of its latest. Empty filters keep everything.
/// </remarks>
public sealed class AggregationRequest
{
    /// <summary>Creates a request for totals per period of <paramref name="grain"/>, over the whole log.</summary>
    /// <param name="grain">The length of the periods.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="grain"/> is not defined.</exception>
    public AggregationRequest(PeriodGrain grain)
        : this(grain, AggregationDimensions.None, null, [], [])
    {
        if (!Enum.IsDefined(grain))
        {
            throw new ArgumentOutOfRangeException(nameof(grain), grain, "The grain must be one of the defined PeriodGrain values.");
        }
    }

    private AggregationRequest(
        PeriodGrain grain, AggregationDimensions dimensions, PeriodRange? range, ImmutableArray<Channel> channels, ImmutableArray<UserSegment> segments)
    {
        Grain = grain;
        Dimensions = dimensions;
        Range = range;
        Channels = channels;
        Segments = segments;
    }

    /// <summary>Gets the length of the periods.</summary>
    public PeriodGrain Grain { get; }

    /// <summary>Gets the breakdown besides the period.</summary>
    public AggregationDimensions Dimensions { get; }

    /// <summary>Gets the period axis, or <see langword="null"/> to span the log's data.</summary>
    public PeriodRange? Range { get; }

    /// <summary>Gets the channels to keep, sorted; empty keeps every channel.</summary>
    public ImmutableArray<Channel> Channels { get; }

    /// <summary>Gets the segments to keep, sorted; empty keeps every segment.</summary>
    public ImmutableArray<UserSegment> Segments { get; }

    /// <summary>Returns a request for periods of <paramref name="grain"/>.</summary>
    /// <param name="grain">The length of the periods.</param>
    /// <returns>The request, for further refinement.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="grain"/> is not defined.</exception>
    public static AggregationRequest PerPeriod(PeriodGrain grain) => new(grain);

    /// <summary>Returns a copy broken down by <paramref name="dimensions"/>.</summary>
    /// <param name="dimensions">Any combination of channel, segment and topic.</param>
    /// <returns>The new request.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensions"/> has undefined flags.</exception>
    public AggregationRequest By(AggregationDimensions dimensions)
    {
        const AggregationDimensions all = AggregationDimensions.Channel | AggregationDimensions.Segment | AggregationDimensions.Topic;
        if ((dimensions & ~all) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, "The dimensions must combine Channel, Segment and Topic only.");
        }

        return new AggregationRequest(Grain, dimensions, Range, Channels, Segments);
    }

    /// <summary>Returns a copy whose period axis is <paramref name="range"/>: every period of it is present in the result.</summary>
    /// <param name="range">The periods, of the request's grain.</param>
    /// <returns>The new request.</returns>
    /// <exception cref="ArgumentException"><paramref name="range"/> has another grain.</exception>
    public AggregationRequest Within(PeriodRange range)
    {
        if (range.Grain != Grain)
        {
            throw new ArgumentException($"The range must have the request's grain, {Grain}.", nameof(range));
        }

        return new AggregationRequest(Grain, Dimensions, range, Channels, Segments);
    }

    /// <summary>Returns a copy that keeps only consultations through <paramref name="channels"/>.</summary>
    /// <param name="channels">The channels to keep; none keeps all.</param>
    /// <returns>The new request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channels"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A channel is the default value.</exception>
    public AggregationRequest ForChannels(params IEnumerable<Channel> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ImmutableArray<Channel> sorted = [.. channels.Distinct().Order()];
        if (sorted.Any(c => c.IsDefault))
        {
            throw new ArgumentException("A channel filter cannot hold the default channel.", nameof(channels));
        }

        return new AggregationRequest(Grain, Dimensions, Range, sorted, Segments);
    }

    /// <summary>Returns a copy that keeps only consultations by users of <paramref name="segments"/>.</summary>
    /// <param name="segments">The segments to keep; none keeps all.</param>
    /// <returns>The new request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="segments"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A segment is the default value.</exception>
    public AggregationRequest ForSegments(params IEnumerable<UserSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ImmutableArray<UserSegment> sorted = [.. segments.Distinct().Order()];
        if (sorted.Any(s => s.IsDefault))
        {
            throw new ArgumentException("A segment filter cannot hold the default segment.", nameof(segments));
        }

        return new AggregationRequest(Grain, Dimensions, Range, Channels, sorted);
    }
}
