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

    internal CubeShape Shape => _shape;

    internal UserSet? SetAt(int index) => _sets[index];

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

    /// <summary>Reads a cube that <see cref="WriteTo"/> wrote from the current position of <paramref name="stream"/>; the stream stays open, positioned after the cube.</summary>
    /// <param name="stream">The input, such as a file or a network stream.</param>
    /// <returns>The cube, equal to the one written: same zone, axis, members, filters, data span and user keys in every cell.</returns>
    /// <remarks>The zone is looked up by its id in NodaTime's TZDB; which periods have data is recomputed from the data span.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidDataException">The stream does not hold a distinct-user cube (it has no cube header, another version or the count kind), or it is truncated or corrupted (the checksum or the content does not hold).</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static DistinctUserCube ReadFrom(Stream stream)
    {
        byte[] payload = CubeFormat.ReadPayload(stream, CubeFormat.UsersKind);
        return CubeFormat.Parse(payload, static (reader, shape) =>
        {
            var sets = new UserSet?[checked(shape.Periods.Count * shape.Cells)];
            for (int i = 0; i < sets.Length; i++)
            {
                int size = CubeFormat.ReadLength(reader, bias: 1);
                if (size == 0)
                {
                    continue;
                }

                var keys = new long[size - 1];
                unchecked
                {
                    long previous = 0;
                    for (int k = 0; k < keys.Length; k++)
                    {
                        ulong coded = (ulong)reader.Read7BitEncodedInt64();
                        long key = k == 0 ? (long)(coded >> 1) ^ -(long)(coded & 1) : previous + (long)coded;
                        if (k > 0 && (coded == 0 || key <= previous))
                        {
                            throw new InvalidDataException("The cube file's user keys are not strictly ascending: it is corrupted.");
                        }

                        keys[k] = previous = key;
                    }
                }

                sets[i] = new UserSet(keys);
            }

            return new DistinctUserCube(shape, sets);
        });
    }

    /// <summary>Writes the cube to <paramref name="stream"/> in the library's compact, versioned binary form with a checksum; the stream stays open.</summary>
    /// <param name="stream">The output.</param>
    /// <remarks>The form is version 1: a header (magic <c>DJPKCUBE</c>, version, kind, length), the axes and members, each cell's ascending user keys as gaps in variable-length integers, and an XxHash64 checksum. <see cref="ReadFrom"/> reads it back in another process; the cubes read merge exactly.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    public void WriteTo(Stream stream) => CubeFormat.Write(stream, CubeFormat.UsersKind, _shape, writer =>
    {
        foreach (UserSet? set in _sets)
        {
            if (set is null)
            {
                writer.Write7BitEncodedInt64(0);
                continue;
            }

            long[] keys = set.Keys();
            writer.Write7BitEncodedInt64(checked(keys.LongLength + 1));
            unchecked
            {
                for (int k = 0; k < keys.Length; k++)
                {
                    writer.Write7BitEncodedInt64(k == 0 ? (keys[0] << 1) ^ (keys[0] >> 63) : keys[k] - keys[k - 1]);
                }
            }
        }
    });

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
