using System.Collections.Immutable;
using Djpk.Metrics.Periods;
using NodaTime;

namespace Djpk.Metrics.Aggregation;

/// <summary>Consultation counts per period, broken down by any of channel, segment and topic, on a gap-free period axis.</summary>
/// <remarks>
/// <para>Immutable. Every period of <see cref="Periods"/> is present. A period the data does not reach (before the
/// earliest record or after the latest) has no data: its counts are <see langword="null"/>, never 0. A period the data
/// reaches but with no matching record counts 0.</para>
/// <para>Counts are a flow: they add up over periods and across members. A member given as <see langword="null"/> in a
/// query means "all members" (a subtotal); a member the data never had counts 0.</para>
/// <para>Aggregates of parts of a log merge into the aggregate of the whole (<see cref="Merge(CountCube)"/>).</para>
/// </remarks>
public sealed class CountCube : IAggregateCube
{
    private readonly CubeShape _shape;
    private readonly long[] _counts; // [period · cells + cell]

    internal CountCube(CubeShape shape, long[] counts)
    {
        _shape = shape;
        _counts = counts;
    }

    internal CubeShape Shape => _shape;

    internal long CountAt(int index) => _counts[index];

    /// <summary>Gets <see cref="MetricKind.Flow"/>: counts add up over periods and members.</summary>
    public MetricKind Kind => MetricKind.Flow;

    /// <summary>Gets the calendar (zone) the periods were counted in.</summary>
    public ReportingCalendar Calendar => _shape.Calendar;

    /// <summary>Gets the period axis: every period, in order.</summary>
    public PeriodRange Periods => _shape.Periods;

    /// <summary>Gets the breakdown besides the period.</summary>
    public AggregationDimensions Dimensions => _shape.Dimensions;

    /// <summary>Gets the channels of the breakdown (every channel of the log's catalog); empty when not broken down by channel.</summary>
    public ImmutableArray<Channel> Channels => _shape.Channels;

    /// <summary>Gets the segments of the breakdown; empty when not broken down by segment.</summary>
    public ImmutableArray<UserSegment> Segments => _shape.Segments;

    /// <summary>Gets the topics of the breakdown; empty when not broken down by topic.</summary>
    public ImmutableArray<Topic> Topics => _shape.Topics;

    /// <summary>Gets the channels the counts were restricted to; empty when all were kept.</summary>
    public ImmutableArray<Channel> ChannelFilter => _shape.ChannelFilter;

    /// <summary>Gets the segments the counts were restricted to; empty when all were kept.</summary>
    public ImmutableArray<UserSegment> SegmentFilter => _shape.SegmentFilter;

    /// <summary>Gets the time of the earliest record counted from; <see langword="null"/> when the data was empty.</summary>
    public Instant? Earliest => _shape.DataSpan?.Start;

    /// <summary>Gets the time of the latest record counted from; <see langword="null"/> when the data was empty.</summary>
    public Instant? Latest => _shape.DataSpan?.End;

    /// <summary>Merges aggregates of parts of a log (shards by time, by source, by process) into the aggregate of the whole.</summary>
    /// <param name="parts">The aggregates, all of the same zone, grain, dimensions and filters; at least one.</param>
    /// <returns>The merged aggregate, over the union of the parts' period axes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="parts"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="parts"/> is empty, or the parts do not match.</exception>
    public static CountCube Merge(IEnumerable<CountCube> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        CountCube? merged = null;
        foreach (CountCube part in parts)
        {
            merged = merged is null ? part : merged.Merge(part);
        }

        return merged ?? throw new ArgumentException("At least one aggregate is needed to merge.", nameof(parts));
    }

    /// <summary>Reads a cube that <see cref="WriteTo"/> wrote from the current position of <paramref name="stream"/>; the stream stays open, positioned after the cube.</summary>
    /// <param name="stream">The input, such as a file or a network stream.</param>
    /// <returns>The cube, equal to the one written: same zone, axis, members, filters, data span and counts.</returns>
    /// <remarks>The zone is looked up by its id in NodaTime's TZDB; which periods have data is recomputed from the data span.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidDataException">The stream does not hold a count cube (it has no cube header, another version or the distinct-user kind), or it is truncated or corrupted (the checksum or the content does not hold).</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static CountCube ReadFrom(Stream stream)
    {
        byte[] payload = CubeFormat.ReadPayload(stream, CubeFormat.CountsKind);
        return CubeFormat.Parse(payload, static (reader, shape) =>
        {
            var counts = new long[checked(shape.Periods.Count * shape.Cells)];
            for (int i = 0; i < counts.Length; i++)
            {
                counts[i] = reader.Read7BitEncodedInt64();
                if (counts[i] < 0)
                {
                    throw new InvalidDataException("The cube file holds a negative count: it is corrupted.");
                }
            }

            return new CountCube(shape, counts);
        });
    }

    /// <summary>Writes the cube to <paramref name="stream"/> in the library's compact, versioned binary form with a checksum; the stream stays open.</summary>
    /// <param name="stream">The output.</param>
    /// <remarks>The form is version 1: a header (magic <c>DJPKCUBE</c>, version, kind, length), the axes and members, the counts as variable-length integers, and an XxHash64 checksum. <see cref="ReadFrom"/> reads it back in another process.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    public void WriteTo(Stream stream) => CubeFormat.Write(stream, CubeFormat.CountsKind, _shape, writer =>
    {
        foreach (long count in _counts)
        {
            writer.Write7BitEncodedInt64(count);
        }
    });

    /// <summary>Returns whether the data reaches <paramref name="period"/>.</summary>
    /// <param name="period">A period of the axis.</param>
    /// <returns><see langword="true"/> when the period lies between the earliest and latest record, so its counts are known.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not on the axis.</exception>
    public bool HasData(ReportingPeriod period) => _shape.HasData(_shape.PeriodIndex(period));

    /// <summary>Returns the count of a period for the given members; a member left <see langword="null"/> is summed over.</summary>
    /// <param name="period">A period of the axis.</param>
    /// <param name="channel">A channel, or <see langword="null"/> for all channels.</param>
    /// <param name="segment">A segment, or <see langword="null"/> for all segments.</param>
    /// <param name="topic">A topic, or <see langword="null"/> for all topics.</param>
    /// <returns>The count; <see langword="null"/> when the data does not reach the period.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not on the axis.</exception>
    /// <exception cref="ArgumentException">A member is given for a dimension the cube is not broken down by.</exception>
    public long? Count(ReportingPeriod period, Channel? channel = null, UserSegment? segment = null, Topic? topic = null)
    {
        int index = _shape.PeriodIndex(period);
        return _shape.HasData(index) ? Sum(index, _shape.SelectCells(channel, segment, topic)) : null;
    }

    /// <summary>Returns the counts of every period of the axis, in order.</summary>
    /// <param name="channel">A channel, or <see langword="null"/> for all channels.</param>
    /// <param name="segment">A segment, or <see langword="null"/> for all segments.</param>
    /// <param name="topic">A topic, or <see langword="null"/> for all topics.</param>
    /// <returns>One count per period; <see langword="null"/> where the data does not reach.</returns>
    /// <exception cref="ArgumentException">A member is given for a dimension the cube is not broken down by.</exception>
    public IReadOnlyList<long?> Series(Channel? channel = null, UserSegment? segment = null, Topic? topic = null)
    {
        int[] cells = _shape.SelectCells(channel, segment, topic);
        var series = new long?[Periods.Count];
        for (int i = 0; i < series.Length; i++)
        {
            series[i] = _shape.HasData(i) ? Sum(i, cells) : null;
        }

        return series;
    }

    /// <summary>Returns the running totals along the axis.</summary>
    /// <param name="channel">A channel, or <see langword="null"/> for all channels.</param>
    /// <param name="segment">A segment, or <see langword="null"/> for all segments.</param>
    /// <param name="topic">A topic, or <see langword="null"/> for all topics.</param>
    /// <returns>For each period, the sum of it and every earlier period; <see langword="null"/> where the data does not reach.</returns>
    /// <exception cref="ArgumentException">A member is given for a dimension the cube is not broken down by.</exception>
    public IReadOnlyList<long?> Cumulative(Channel? channel = null, UserSegment? segment = null, Topic? topic = null)
    {
        int[] cells = _shape.SelectCells(channel, segment, topic);
        var running = new long?[Periods.Count];
        long total = 0;
        for (int i = 0; i < running.Length; i++)
        {
            if (_shape.HasData(i))
            {
                total = checked(total + Sum(i, cells));
                running[i] = total;
            }
        }

        return running;
    }

    /// <summary>Returns the total over every period the data reaches.</summary>
    /// <param name="channel">A channel, or <see langword="null"/> for all channels.</param>
    /// <param name="segment">A segment, or <see langword="null"/> for all segments.</param>
    /// <param name="topic">A topic, or <see langword="null"/> for all topics.</param>
    /// <returns>The total count.</returns>
    /// <exception cref="ArgumentException">A member is given for a dimension the cube is not broken down by.</exception>
    public long Total(Channel? channel = null, UserSegment? segment = null, Topic? topic = null)
    {
        int[] cells = _shape.SelectCells(channel, segment, topic);
        long total = 0;
        for (int i = 0; i < Periods.Count; i++)
        {
            total = checked(total + Sum(i, cells));
        }

        return total;
    }

    /// <summary>Returns the sum of the counts from <paramref name="first"/> to <paramref name="last"/>.</summary>
    /// <param name="first">The first period, on the axis.</param>
    /// <param name="last">The last period, on the axis, not before <paramref name="first"/>.</param>
    /// <param name="channel">A channel, or <see langword="null"/> for all channels.</param>
    /// <param name="segment">A segment, or <see langword="null"/> for all segments.</param>
    /// <param name="topic">A topic, or <see langword="null"/> for all topics.</param>
    /// <returns>The sum; <see langword="null"/> when the data does not reach one of the periods.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A period is not on the axis.</exception>
    /// <exception cref="ArgumentException"><paramref name="last"/> is before <paramref name="first"/>, or a member is given for a dimension the cube is not broken down by.</exception>
    public long? CountBetween(ReportingPeriod first, ReportingPeriod last, Channel? channel = null, UserSegment? segment = null, Topic? topic = null)
    {
        if (last < first)
        {
            throw new ArgumentException("The last period must not be before the first.", nameof(last));
        }

        return SumBetween(_shape.PeriodIndex(first), _shape.PeriodIndex(last), _shape.SelectCells(channel, segment, topic));
    }

    /// <summary>Returns the year-to-date total: from the first period of <paramref name="period"/>'s year to <paramref name="period"/>.</summary>
    /// <param name="period">A period of the axis.</param>
    /// <param name="channel">A channel, or <see langword="null"/> for all channels.</param>
    /// <param name="segment">A segment, or <see langword="null"/> for all segments.</param>
    /// <param name="topic">A topic, or <see langword="null"/> for all topics.</param>
    /// <returns>The total; <see langword="null"/> when the data does not reach one of those periods.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not on the axis, or the axis starts after its year's first period.</exception>
    /// <exception cref="ArgumentException">A member is given for a dimension the cube is not broken down by.</exception>
    public long? YearToDate(ReportingPeriod period, Channel? channel = null, UserSegment? segment = null, Topic? topic = null)
    {
        int last = _shape.PeriodIndex(period);
        int first = Periods.IndexOf(FirstOfYear(period));
        if (first < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "The axis must include the first period of the year for a year-to-date total.");
        }

        return SumBetween(first, last, _shape.SelectCells(channel, segment, topic));
    }

    // The sum of the cells over the periods first..last of the axis; null when the data does not reach one of them.
    private long? SumBetween(int first, int last, int[] cells)
    {
        long total = 0;
        for (int i = first; i <= last; i++)
        {
            if (!_shape.HasData(i))
            {
                return null;
            }

            total = checked(total + Sum(i, cells));
        }

        return total;
    }

    /// <summary>Returns the most frequent topics of a period, most first; ties go to the topic that sorts first.</summary>
    /// <param name="period">A period of the axis.</param>
    /// <param name="channel">A channel, or <see langword="null"/> for all channels.</param>
    /// <param name="count">How many topics at most.</param>
    /// <param name="segment">A segment, or <see langword="null"/> for all segments.</param>
    /// <returns>Up to <paramref name="count"/> topics with a positive count; <see langword="null"/> when the data does not reach the period.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative, or <paramref name="period"/> is not on the axis.</exception>
    /// <exception cref="InvalidOperationException">The cube is not broken down by topic.</exception>
    /// <exception cref="ArgumentException">A channel or segment is given for a dimension the cube is not broken down by.</exception>
    public IReadOnlyList<TopicCount>? TopTopics(ReportingPeriod period, Channel? channel, int count, UserSegment? segment = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!Dimensions.HasFlag(AggregationDimensions.Topic))
        {
            throw new InvalidOperationException("Top topics need an aggregate broken down by topic.");
        }

        int index = _shape.PeriodIndex(period);
        if (!_shape.HasData(index))
        {
            return null;
        }

        var rows = new List<TopicCount>(Topics.Length);
        foreach (Topic topic in Topics)
        {
            long topicCount = Sum(index, _shape.SelectCells(channel, segment, topic));
            if (topicCount > 0)
            {
                rows.Add(new TopicCount(topic, topicCount));
            }
        }

        rows.Sort(static (a, b) => b.Count != a.Count ? b.Count.CompareTo(a.Count) : a.Topic.CompareTo(b.Topic));
        return rows.Count > count ? rows.GetRange(0, count) : rows;
    }

    /// <summary>Returns every cell of every period the data reaches, zeros included.</summary>
    /// <returns>The cells, period by period.</returns>
    public IEnumerable<CountCell> Cells()
    {
        for (int i = 0; i < Periods.Count; i++)
        {
            if (!_shape.HasData(i))
            {
                continue;
            }

            for (int cell = 0; cell < _shape.Cells; cell++)
            {
                (Channel? channel, UserSegment? segment, Topic? topic) = _shape.MembersOf(cell);
                yield return new CountCell(Periods[i], channel, segment, topic, _counts[(i * _shape.Cells) + cell]);
            }
        }
    }

    /// <summary>Merges this aggregate with one of another part of the data.</summary>
    /// <param name="other">An aggregate of the same zone, grain, dimensions and filters.</param>
    /// <returns>The aggregate of both parts, over the union of their axes; the members are the union of both.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The aggregates differ in zone, grain, dimensions or filters.</exception>
    public CountCube Merge(CountCube other)
    {
        ArgumentNullException.ThrowIfNull(other);
        (CubeShape merged, int[] leftCells, int[] rightCells, int leftOffset, int rightOffset) = _shape.Merge(other._shape);
        var counts = new long[merged.Periods.Count * merged.Cells];
        Accumulate(counts, merged, this, leftCells, leftOffset);
        Accumulate(counts, merged, other, rightCells, rightOffset);
        return new CountCube(merged, counts);
    }

    private static void Accumulate(long[] counts, CubeShape merged, CountCube part, int[] cellMap, int offset)
    {
        for (int i = 0; i < part.Periods.Count; i++)
        {
            for (int cell = 0; cell < cellMap.Length; cell++)
            {
                ref long target = ref counts[((i + offset) * merged.Cells) + cellMap[cell]];
                target = checked(target + part._counts[(i * part._shape.Cells) + cell]);
            }
        }
    }

    private static ReportingPeriod FirstOfYear(ReportingPeriod period) => period.Grain switch
    {
        PeriodGrain.Day => ReportingPeriod.Day(new LocalDate(period.Year, 1, 1)),
        PeriodGrain.Week => ReportingPeriod.Week(period.Year, 1),
        PeriodGrain.Month => ReportingPeriod.Month(period.Year, 1),
        PeriodGrain.Quarter => ReportingPeriod.Quarter(period.Year, 1),
        _ => period,
    };

    private long Sum(int periodIndex, int[] cells)
    {
        long total = 0;
        int row = periodIndex * _shape.Cells;
        foreach (int cell in cells)
        {
            total = checked(total + _counts[row + cell]);
        }

        return total;
    }
}
