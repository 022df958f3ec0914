using System.Collections.Immutable;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using NodaTime;

namespace Djpk.Metrics.Aggregation;

/// <summary>The axes of an aggregate: periods, dimension members, filters, zone and the span of the data it saw.</summary>
/// <remarks>A cell's index is <c>(channel · segments + segment) · topics + topic</c>, with 1 member for a dimension that is off.</remarks>
internal sealed class CubeShape
{
    private readonly Dictionary<Channel, int> _channelPositions;
    private readonly Dictionary<UserSegment, int> _segmentPositions;
    private readonly Dictionary<Topic, int> _topicPositions;
    private readonly bool[] _hasData;

    public CubeShape(
        ReportingCalendar calendar,
        PeriodRange periods,
        AggregationDimensions dimensions,
        ImmutableArray<Channel> channels,
        ImmutableArray<UserSegment> segments,
        ImmutableArray<Topic> topics,
        ImmutableArray<Channel> channelFilter,
        ImmutableArray<UserSegment> segmentFilter,
        Interval? dataSpan,
        PeriodMap map)
    {
        Calendar = calendar;
        Periods = periods;
        Dimensions = dimensions;
        Channels = dimensions.HasFlag(AggregationDimensions.Channel) ? channels : [];
        Segments = dimensions.HasFlag(AggregationDimensions.Segment) ? segments : [];
        Topics = dimensions.HasFlag(AggregationDimensions.Topic) ? topics : [];
        ChannelFilter = channelFilter;
        SegmentFilter = segmentFilter;
        DataSpan = dataSpan;
        _channelPositions = Channels.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        _segmentPositions = Segments.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        _topicPositions = Topics.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i);
        ChannelCount = Math.Max(1, Channels.Length);
        SegmentCount = Math.Max(1, Segments.Length);
        TopicCount = Math.Max(1, Topics.Length);
        Cells = checked(ChannelCount * SegmentCount * TopicCount);
        _hasData = dataSpan is Interval span
            ? map.PeriodsSpanned(span.Start.ToUnixTimeTicks(), span.End.ToUnixTimeTicks())
            : new bool[periods.Count];
    }

    public ReportingCalendar Calendar { get; }

    public PeriodRange Periods { get; }

    public AggregationDimensions Dimensions { get; }

    public ImmutableArray<Channel> Channels { get; }

    public ImmutableArray<UserSegment> Segments { get; }

    public ImmutableArray<Topic> Topics { get; }

    public ImmutableArray<Channel> ChannelFilter { get; }

    public ImmutableArray<UserSegment> SegmentFilter { get; }

    /// <summary>Gets the instants from the earliest to the latest record of the data, end inclusive; null when it had none.</summary>
    public Interval? DataSpan { get; }

    public int ChannelCount { get; }

    public int SegmentCount { get; }

    public int TopicCount { get; }

    public int Cells { get; }

    /// <summary>Creates the shape of an aggregate of <paramref name="log"/> under <paramref name="request"/>, and the map of its periods.</summary>
    public static (CubeShape Shape, PeriodMap Map) For(InteractionLog log, AggregationRequest request, ReportingCalendar calendar)
    {
        PeriodRange range = request.Range
            ?? (log.Count == 0
                ? throw new ArgumentException("The log is empty: give the request a period range with Within.", nameof(log))
                : calendar.RangeOf(log.Earliest!.Value, log.Latest!.Value, request.Grain));
        Interval? span = log.Count == 0 ? null : new Interval(log.Earliest!.Value, log.Latest!.Value);
        var map = new PeriodMap(calendar, range);
        var shape = new CubeShape(
            calendar,
            range,
            request.Dimensions,
            [.. log.Catalog.Channels.Select(c => c.Channel)],
            [.. log.Catalog.Segments.Select(s => s.Segment)],
            log.Topics,
            request.Channels,
            request.Segments,
            span,
            map);
        return (shape, map);
    }

    public bool HasData(int periodIndex) => _hasData[periodIndex];

    public int PeriodIndex(ReportingPeriod period)
    {
        int index = Periods.IndexOf(period);
        return index >= 0
            ? index
            : throw new ArgumentOutOfRangeException(nameof(period), period, $"The period must be in the aggregate's range {Periods}.");
    }

    /// <summary>Returns the cells that a query selects: every member of a dimension given as null, the one member given otherwise.</summary>
    /// <returns>The cell indexes; empty when a given member never occurred (its count is zero).</returns>
    public int[] SelectCells(Channel? channel, UserSegment? segment, Topic? topic)
    {
        int[]? channels = Positions(channel, _channelPositions, AggregationDimensions.Channel, ChannelCount, nameof(channel));
        int[]? segments = Positions(segment, _segmentPositions, AggregationDimensions.Segment, SegmentCount, nameof(segment));
        int[]? topics = Positions(topic, _topicPositions, AggregationDimensions.Topic, TopicCount, nameof(topic));
        if (channels is null || segments is null || topics is null)
        {
            return [];
        }

        var cells = new int[channels.Length * segments.Length * topics.Length];
        int next = 0;
        foreach (int c in channels)
        {
            foreach (int s in segments)
            {
                foreach (int t in topics)
                {
                    cells[next++] = CellOf(c, s, t);
                }
            }
        }

        return cells;
    }

    public int CellOf(int channel, int segment, int topic) => (((channel * SegmentCount) + segment) * TopicCount) + topic;

    public (Channel? Channel, UserSegment? Segment, Topic? Topic) MembersOf(int cell)
    {
        int topic = cell % TopicCount;
        int rest = cell / TopicCount;
        int segment = rest % SegmentCount;
        int channel = rest / SegmentCount;
        return (
            Channels.IsEmpty ? null : Channels[channel],
            Segments.IsEmpty ? null : Segments[segment],
            Topics.IsEmpty ? null : Topics[topic]);
    }

    public int TopicPosition(Topic topic) => _topicPositions.TryGetValue(topic, out int position) ? position : -1;

    /// <summary>Returns the shape that holds both shapes, and where each one's cells and periods land in it.</summary>
    /// <exception cref="ArgumentException">The shapes differ in zone, grain, dimensions or filters.</exception>
    public (CubeShape Merged, int[] LeftCells, int[] RightCells, int LeftOffset, int RightOffset) Merge(CubeShape other)
    {
        if (Calendar.Zone.Id != other.Calendar.Zone.Id)
        {
            throw new ArgumentException($"Only aggregates in the same zone can be merged; {Calendar.Zone.Id} is not {other.Calendar.Zone.Id}.", nameof(other));
        }

        if (Periods.Grain != other.Periods.Grain || Dimensions != other.Dimensions)
        {
            throw new ArgumentException("Only aggregates of the same grain and dimensions can be merged.", nameof(other));
        }

        if (!ChannelFilter.SequenceEqual(other.ChannelFilter) || !SegmentFilter.SequenceEqual(other.SegmentFilter))
        {
            throw new ArgumentException("Only aggregates with the same channel and segment filters can be merged.", nameof(other));
        }

        Interval? span = (DataSpan, other.DataSpan) switch
        {
            (null, var right) => right,
            (var left, null) => left,
            ({ } left, { } right) => new Interval(Min(left.Start, right.Start), Max(left.End, right.End)),
        };
        PeriodRange periods = Periods.Union(other.Periods);
        var merged = new CubeShape(
            Calendar,
            periods,
            Dimensions,
            [.. Channels.Union(other.Channels)],
            [.. Segments.Union(other.Segments)],
            [.. Topics.Union(other.Topics)],
            ChannelFilter,
            SegmentFilter,
            span,
            new PeriodMap(Calendar, periods));
        return (merged, merged.CellMap(this), merged.CellMap(other), merged.Periods.IndexOf(Periods.First), merged.Periods.IndexOf(other.Periods.First));
    }

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private int[]? Positions<T>(T? member, Dictionary<T, int> positions, AggregationDimensions dimension, int count, string name)
        where T : struct
    {
        if (member is not T value)
        {
            return [.. Enumerable.Range(0, count)];
        }

        if (!Dimensions.HasFlag(dimension))
        {
            throw new ArgumentException($"The aggregate is not broken down by {dimension}; pass null for it.", name);
        }

        return positions.TryGetValue(value, out int position) ? [position] : null;
    }

    // Where each cell of the part lands in this (merged) shape.
    private int[] CellMap(CubeShape part)
    {
        var map = new int[part.Cells];
        for (int cell = 0; cell < part.Cells; cell++)
        {
            (Channel? channel, UserSegment? segment, Topic? topic) = part.MembersOf(cell);
            map[cell] = CellOf(
                channel is { } c ? _channelPositions[c] : 0,
                segment is { } s ? _segmentPositions[s] : 0,
                topic is { } t ? _topicPositions[t] : 0);
        }

        return map;
    }
}
