using System.Collections.Immutable;
using Djpk.Metrics.Periods;
using NodaTime;

namespace Djpk.Metrics.Aggregation;

/// <summary>Exact distinct users per period, optionally broken down by channel, segment or topic.</summary>
/// <remarks>
/// <para>Immutable. Distinct users are a unique count: they never add up. A subtotal over a dimension or over several
/// periods is the size of the union of the users, which this type computes; a user who asked by WhatsApp and by phone
/// counts once for "all channels".</para>
/// <para>Periods the data does not reach have <see langword="null"/> counts. Aggregates of parts of a log merge
/// exactly into the aggregate of the whole (<see cref="Merge(DistinctUserCube)"/>), because they keep the user keys.</para>
/// </remarks>
public sealed class DistinctUserCube : IAggregateCube
{
    private readonly CubeShape _shape;
    private readonly UserSet?[] _sets; // [period · cells + cell]; null for a cell with no user

    internal DistinctUserCube(CubeShape shape, UserSet?[] sets)
    {
        _shape = shape;
        _sets = sets;
    }

    /// <summary>Gets <see cref="MetricKind.Unique"/>: distinct users never add up.</summary>
    public MetricKind Kind => MetricKind.Unique;

    /// <summary>Gets the calendar (zone) the periods were counted in.</summary>
    public ReportingCalendar Calendar => _shape.Calendar;

    /// <summary>Gets the period axis: every period, in order.</summary>
    public PeriodRange Periods => _shape.Periods;

    /// <summary>Gets the breakdown besides the period.</summary>
    public AggregationDimensions Dimensions => _shape.Dimensions;

    /// <summary>Gets the channels of the breakdown; empty when not broken down by channel.</summary>
    public ImmutableArray<Channel> Channels => _shape.Channels;

    /// <summary>Gets the segments of the breakdown; empty when not broken down by segment.</summary>
    public ImmutableArray<UserSegment> Segments => _shape.Segments;

    /// <summary>Gets the topics of the breakdown; empty when not broken down by topic.</summary>
    public ImmutableArray<Topic> Topics => _shape.Topics;

    /// <summary>Gets the channels the records were filtered to; empty for no filter.</summary>
    public ImmutableArray<Channel> ChannelFilter => _shape.ChannelFilter;

    /// <summary>Gets the segments the records were filtered to; empty for no filter.</summary>
    public ImmutableArray<UserSegment> SegmentFilter => _shape.SegmentFilter;

    /// <summary>Gets the time of the earliest record counted from; <see langword="null"/> when the data was empty.</summary>
    public Instant? Earliest => _shape.DataSpan?.Start;

    /// <summary>Gets the time of the latest record counted from; <see langword="null"/> when the data was empty.</summary>
    public Instant? Latest => _shape.DataSpan?.End;

    /// <summary>Merges aggregates of parts of a log into the aggregate of the whole.</summary>
    /// <param name="parts">The aggregates, all of the same zone, grain, dimensions and filters; at least one.</param>
    /// <returns>The merged aggregate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="parts"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="parts"/> is empty, or the parts do not match.</exception>
    public static DistinctUserCube Merge(IEnumerable<DistinctUserCube> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        DistinctUserCube? merged = null;
        foreach (DistinctUserCube part in parts)
        {
            merged = merged is null ? part : merged.Merge(part);
        }

        return merged ?? throw new ArgumentException("At least one aggregate is needed to merge.", nameof(parts));
    }

    /// <summary>Returns whether the data reaches <paramref name="period"/>.</summary>
    /// <param name="period">A period of the axis.</param>
    /// <returns><see langword="true"/> when the period lies between the earliest and latest record.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not on the axis.</exception>
    public bool HasData(ReportingPeriod period) => _shape.HasData(_shape.PeriodIndex(period));

    /// <summary>Returns the number of distinct users of a period for the given members; a member left <see langword="null"/> is united over.</summary>
    /// <param name="period">A period of the axis.</param>
    /// <param name="channel">A channel, or <see langword="null"/> for all channels.</param>
    /// <param name="segment">A segment, or <see langword="null"/> for all segments.</param>
    /// <param name="topic">A topic, or <see langword="null"/> for all topics.</param>
    /// <returns>The number of distinct users; <see langword="null"/> when the data does not reach the period.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not on the axis.</exception>
    /// <exception cref="ArgumentException">A member is given for a dimension the cube is not broken down by.</exception>
    public long? Count(ReportingPeriod period, Channel? channel = null, UserSegment? segment = null, Topic? topic = null) =>
        CountBetween(period, period, channel, segment, topic);

    /// <summary>Returns the number of distinct users over the periods <paramref name="first"/> to <paramref name="last"/>, such as a year of months.</summary>
    /// <param name="first">The first period, on the axis.</param>
    /// <param name="last">The last period, on the axis, not before <paramref name="first"/>.</param>
    /// <param name="channel">A channel, or <see langword="null"/> for all channels.</param>
    /// <param name="segment">A segment, or <see langword="null"/> for all segments.</param>
    /// <param name="topic">A topic, or <see langword="null"/> for all topics.</param>
    /// <returns>The size of the union of the users; <see langword="null"/> when the data does not reach one of the periods.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A period is not on the axis.</exception>
    /// <exception cref="ArgumentException"><paramref name="last"/> is before <paramref name="first"/>, or a member is given for a dimension the cube is not broken down by.</exception>
    public long? CountBetween(ReportingPeriod first, ReportingPeriod last, Channel? channel = null, UserSegment? segment = null, Topic? topic = null) =>
        UsersBetween(first, last, channel, segment, topic)?.Count;

    /// <summary>Returns the keys of the distinct users of a period, in ascending order.</summary>
    /// <param name="period">A period of the axis.</param>
    /// <param name="channel">A channel, or <see langword="null"/> for all channels.</param>
    /// <param name="segment">A segment, or <see langword="null"/> for all segments.</param>
    /// <param name="topic">A topic, or <see langword="null"/> for all topics.</param>
    /// <returns>The users; <see langword="null"/> when the data does not reach the period.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not on the axis.</exception>
    /// <exception cref="ArgumentException">A member is given for a dimension the cube is not broken down by.</exception>
    public IReadOnlyList<UserKey>? Users(ReportingPeriod period, Channel? channel = null, UserSegment? segment = null, Topic? topic = null) =>
        UsersBetween(period, period, channel, segment, topic)?.Keys().Select(k => new UserKey(k)).ToArray();

    /// <summary>Returns the distinct users of every period of the axis, in order.</summary>
    /// <param name="channel">A channel, or <see langword="null"/> for all channels.</param>
    /// <param name="segment">A segment, or <see langword="null"/> for all segments.</param>
    /// <param name="topic">A topic, or <see langword="null"/> for all topics.</param>
    /// <returns>One count per period; <see langword="null"/> where the data does not reach.</returns>
    /// <exception cref="ArgumentException">A member is given for a dimension the cube is not broken down by.</exception>
    public IReadOnlyList<long?> Series(Channel? channel = null, UserSegment? segment = null, Topic? topic = null) =>
        [.. Periods.Select(p => Count(p, channel, segment, topic))];

    /// <summary>Merges this aggregate with one of another part of the data.</summary>
    /// <param name="other">An aggregate of the same zone, grain, dimensions and filters.</param>
    /// <returns>The aggregate of both parts; a user in both counts once.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The aggregates differ in zone, grain, dimensions or filters.</exception>
    public DistinctUserCube Merge(DistinctUserCube other)
    {
        ArgumentNullException.ThrowIfNull(other);
        (CubeShape merged, int[] leftCells, int[] rightCells, int leftOffset, int rightOffset) = _shape.Merge(other._shape);
        var parts = new List<UserSet>?[merged.Periods.Count * merged.Cells];
        Collect(parts, merged, this, leftCells, leftOffset);
        Collect(parts, merged, other, rightCells, rightOffset);
        var sets = new UserSet?[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            sets[i] = parts[i] is { } list ? UserSet.Union(list) : null;
        }

        return new DistinctUserCube(merged, sets);
    }

    private static void Collect(List<UserSet>?[] parts, CubeShape merged, DistinctUserCube part, int[] cellMap, int offset)
    {
        for (int i = 0; i < part.Periods.Count; i++)
        {
            for (int cell = 0; cell < cellMap.Length; cell++)
            {
                if (part._sets[(i * part._shape.Cells) + cell] is { } set)
                {
                    (parts[((i + offset) * merged.Cells) + cellMap[cell]] ??= []).Add(set);
                }
            }
        }
    }

    private UserSet? UsersBetween(ReportingPeriod first, ReportingPeriod last, Channel? channel, UserSegment? segment, Topic? topic)
    {
        int from = _shape.PeriodIndex(first);
        int to = _shape.PeriodIndex(last);
        if (to < from)
        {
            throw new ArgumentException("The last period must not be before the first.", nameof(last));
        }

        int[] cells = _shape.SelectCells(channel, segment, topic);
        var selected = new List<UserSet>();
        for (int i = from; i <= to; i++)
        {
            if (!_shape.HasData(i))
            {
                return null;
            }

            foreach (int cell in cells)
            {
                if (_sets[(i * _shape.Cells) + cell] is { } set)
                {
                    selected.Add(set);
                }
            }
        }

        return UserSet.Union(selected);
    }
}
