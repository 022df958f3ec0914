using System.Collections.Immutable;
using Djpk.Metrics.Periods;
using NodaTime;

namespace Djpk.Metrics.Aggregation;

/// <summary>The read shape both cubes share: a gap-free period axis, the members of each dimension, whether a period has data, and the value of any cell or span.</summary>
/// <remarks>
/// <para>A consumer written against this interface — a report, a figure table, a JSON writer — reads counts
/// (<see cref="CountCube"/>, a flow) and distinct users (<see cref="DistinctUserCube"/>, a unique count) alike.
/// <see cref="Kind"/> says which, and <see cref="CountBetween"/> aggregates a span the right way for it: a sum of
/// consultations, the size of the union of users.</para>
/// <para>Values are <see langword="null"/> for a period the data does not reach, never 0. A member given as
/// <see langword="null"/> means all members.</para>
/// </remarks>
public interface IAggregateCube
{
    /// <summary>Gets how the cube's values combine: <see cref="MetricKind.Flow"/> for counts, <see cref="MetricKind.Unique"/> for distinct users.</summary>
    MetricKind Kind { get; }

    /// <summary>Gets the calendar (zone) the periods were counted in.</summary>
    ReportingCalendar Calendar { get; }

    /// <summary>Gets the period axis: every period, in order.</summary>
    PeriodRange Periods { get; }

    /// <summary>Gets the dimensions the cube is broken down by.</summary>
    AggregationDimensions Dimensions { get; }

    /// <summary>Gets the channels of the breakdown, in catalog order; empty when not broken down by channel.</summary>
    ImmutableArray<Channel> Channels { get; }

    /// <summary>Gets the segments of the breakdown, in catalog order; empty when not broken down by segment.</summary>
    ImmutableArray<UserSegment> Segments { get; }

    /// <summary>Gets the topics of the breakdown, in order; empty when not broken down by topic.</summary>
    ImmutableArray<Topic> Topics { get; }

    /// <summary>Gets the channels the records were filtered to; empty for no filter.</summary>
    ImmutableArray<Channel> ChannelFilter { get; }

    /// <summary>Gets the segments the records were filtered to; empty for no filter.</summary>
    ImmutableArray<UserSegment> SegmentFilter { get; }

    /// <summary>Gets the earliest record's instant; <see langword="null"/> for an empty log.</summary>
    Instant? Earliest { get; }

    /// <summary>Gets the latest record's instant; <see langword="null"/> for an empty log.</summary>
    Instant? Latest { get; }

    /// <summary>Returns whether the data reaches <paramref name="period"/>.</summary>
    /// <param name="period">A period of the axis.</param>
    /// <returns><see langword="true"/> when the period lies within the span of the data.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not on the axis.</exception>
    bool HasData(ReportingPeriod period);

    /// <summary>Returns the value of one period and member combination.</summary>
    /// <param name="period">A period of the axis.</param>
    /// <param name="channel">A channel, or <see langword="null"/> for all channels.</param>
    /// <param name="segment">A segment, or <see langword="null"/> for all segments.</param>
    /// <param name="topic">A topic, or <see langword="null"/> for all topics.</param>
    /// <returns>The value; <see langword="null"/> when the data does not reach the period.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not on the axis.</exception>
    /// <exception cref="ArgumentException">A member is given for a dimension the cube is not broken down by.</exception>
    long? Count(ReportingPeriod period, Channel? channel = null, UserSegment? segment = null, Topic? topic = null);

    /// <summary>Returns the value over the periods from <paramref name="first"/> to <paramref name="last"/>: their sum for a flow, the size of the union for distinct users.</summary>
    /// <param name="first">The first period, on the axis.</param>
    /// <param name="last">The last period, on the axis, not before <paramref name="first"/>.</param>
    /// <param name="channel">A channel, or <see langword="null"/> for all channels.</param>
    /// <param name="segment">A segment, or <see langword="null"/> for all segments.</param>
    /// <param name="topic">A topic, or <see langword="null"/> for all topics.</param>
    /// <returns>The value; <see langword="null"/> when the data does not reach one of the periods.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A period is not on the axis.</exception>
    /// <exception cref="ArgumentException"><paramref name="last"/> is before <paramref name="first"/>, or a member is given for a dimension the cube is not broken down by.</exception>
    long? CountBetween(ReportingPeriod first, ReportingPeriod last, Channel? channel = null, UserSegment? segment = null, Topic? topic = null);

    /// <summary>Returns the value of every period of the axis for one member combination.</summary>
    /// <param name="channel">A channel, or <see langword="null"/> for all channels.</param>
    /// <param name="segment">A segment, or <see langword="null"/> for all segments.</param>
    /// <param name="topic">A topic, or <see langword="null"/> for all topics.</param>
    /// <returns>One value per period, <see langword="null"/> where the data does not reach.</returns>
    /// <exception cref="ArgumentException">A member is given for a dimension the cube is not broken down by.</exception>
    IReadOnlyList<long?> Series(Channel? channel = null, UserSegment? segment = null, Topic? topic = null);
}
