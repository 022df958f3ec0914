using System.Runtime.CompilerServices;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Aggregation;

/// <summary>The tight loops that count records into dense period × cell arrays, one specialised loop per breakdown.</summary>
internal static class CountKernel
{
    private const int LaneCount = 4;
    private const int MaxLanedLength = 1 << 14;

    private interface IFlag
    {
        static abstract bool On { get; }
    }

    /// <summary>Counts the records [<paramref name="from"/>, <paramref name="to"/>) of the log into <paramref name="counts"/>.</summary>
    public static void Count(InteractionLog log, int from, int to, PeriodMap map, CubeShape shape, RecordFilter filter, long[] counts)
    {
        bool byChannel = !shape.Channels.IsEmpty;
        bool bySegment = !shape.Segments.IsEmpty;
        bool byTopic = !shape.Topics.IsEmpty;
        bool filtered = filter.IsActive;
        switch ((byChannel, bySegment, byTopic, filtered))
        {
            case (false, false, false, false): Run<No, No, No, No>(log, from, to, map, shape, filter, counts); break;
            case (false, false, false, true): Run<No, No, No, Yes>(log, from, to, map, shape, filter, counts); break;
            case (true, false, false, false): Run<Yes, No, No, No>(log, from, to, map, shape, filter, counts); break;
            case (true, false, false, true): Run<Yes, No, No, Yes>(log, from, to, map, shape, filter, counts); break;
            case (false, true, false, false): Run<No, Yes, No, No>(log, from, to, map, shape, filter, counts); break;
            case (false, true, false, true): Run<No, Yes, No, Yes>(log, from, to, map, shape, filter, counts); break;
            case (true, true, false, false): Run<Yes, Yes, No, No>(log, from, to, map, shape, filter, counts); break;
            case (true, true, false, true): Run<Yes, Yes, No, Yes>(log, from, to, map, shape, filter, counts); break;
            case (false, false, true, false): Run<No, No, Yes, No>(log, from, to, map, shape, filter, counts); break;
            case (false, false, true, true): Run<No, No, Yes, Yes>(log, from, to, map, shape, filter, counts); break;
            case (true, false, true, false): Run<Yes, No, Yes, No>(log, from, to, map, shape, filter, counts); break;
            case (true, false, true, true): Run<Yes, No, Yes, Yes>(log, from, to, map, shape, filter, counts); break;
            case (false, true, true, false): Run<No, Yes, Yes, No>(log, from, to, map, shape, filter, counts); break;
            case (false, true, true, true): Run<No, Yes, Yes, Yes>(log, from, to, map, shape, filter, counts); break;
            case (true, true, true, false): Run<Yes, Yes, Yes, No>(log, from, to, map, shape, filter, counts); break;
            default: Run<Yes, Yes, Yes, Yes>(log, from, to, map, shape, filter, counts); break;
        }
    }

    /// <summary>Returns the cell of record <paramref name="i"/>, or −1 when the filter drops it.</summary>
    public static int CellOf(ReadOnlySpan<byte> channels, ReadOnlySpan<byte> segments, ReadOnlySpan<ushort> topics, int i, CubeShape shape, RecordFilter filter)
    {
        if (filter.IsActive && !filter.Keeps(channels[i], segments[i]))
        {
            return -1;
        }

        return shape.CellOf(
            shape.Channels.IsEmpty ? 0 : channels[i],
            shape.Segments.IsEmpty ? 0 : segments[i],
            shape.Topics.IsEmpty ? 0 : topics[i]);
    }

    /// <summary>Returns how many interleaved copies of the counts a part uses (see <see cref="Run"/>), and so its array length.</summary>
    public static int Lanes(int length) => length <= MaxLanedLength ? LaneCount : 1;

    // Consecutive records usually fall in the same period and channel, so one counter would be incremented over and
    // over, each increment waiting for the previous one. Four interleaved copies of the counts (for small results)
    // break that chain; they are summed at the end. Records are usually in time order, so records are counted in runs
    // that share a piece of the period map (a span of one period), and the map is consulted only when the piece changes.
    private static void Run<TChannel, TSegment, TTopic, TFilter>(
        InteractionLog log, int from, int to, PeriodMap map, CubeShape shape, RecordFilter filter, long[] counts)
        where TChannel : struct, IFlag
        where TSegment : struct, IFlag
        where TTopic : struct, IFlag
        where TFilter : struct, IFlag
    {
        int cells = shape.Cells;
        if (log.IsChronological)
        {
            // Sorted by time: find each period's run of records by binary search and never read the time column inside it.
            foreach ((int start, int end, int period) in PeriodRuns.Of(log.TicksMemory, from, to, map))
            {
                CountRun<TChannel, TSegment, TTopic, TFilter>(log, start, end, period * cells, shape, filter, counts);
            }

            return;
        }

        if (map.BucketTable is not null)
        {
            RunUnordered<TChannel, TSegment, TTopic, TFilter>(log, from, to, map, shape, filter, counts);
            return;
        }

        ReadOnlySpan<long> ticks = log.Ticks;
        long periodStart = 0;
        ulong span = 0; // the current piece's ticks are [periodStart, periodStart + span); empty until the first record
        int row = 0;
        int runStart = from;
        unchecked
        {
            for (int i = from; i < to; i++)
            {
                long tick = ticks[i];
                if ((ulong)(tick - periodStart) < span)
                {
                    continue; // same period as the run so far
                }

                CountRun<TChannel, TSegment, TTopic, TFilter>(log, runStart, i, row, shape, filter, counts);
                runStart = i;
                int piece = map.PieceOf(tick);
                int period = piece < 0 ? -1 : map.PeriodOfPiece(piece);
                if (period < 0)
                {
                    runStart = i + 1; // outside the range: not counted
                    (periodStart, span) = (0, 0);
                    continue;
                }

                // The run lasts while records stay in this piece: a span of one period, not always the whole period
                // (a date that clocks falling back across midnight split in two has two pieces).
                periodStart = map.PieceStart(piece);
                span = (ulong)(map.PieceEnd(piece) - periodStart);
                row = period * cells;
            }
        }

        CountRun<TChannel, TSegment, TTopic, TFilter>(log, runStart, to, row, shape, filter, counts);
    }

    // A log in no particular order: runs of one period are short, so each record's period is looked up on its own, in
    // the map's bucket table (a few kilobytes, in the first-level cache) with a forward step past a piece boundary inside
    // the bucket (rare, and the same in every zone). Consecutive records seldom share a counter, so one lane is enough.
    private static void RunUnordered<TChannel, TSegment, TTopic, TFilter>(
        InteractionLog log, int from, int to, PeriodMap map, CubeShape shape, RecordFilter filter, long[] counts)
        where TChannel : struct, IFlag
        where TSegment : struct, IFlag
        where TTopic : struct, IFlag
        where TFilter : struct, IFlag
    {
        int[] table = map.BucketTable!;
        int shift = map.BucketShift;
        long start = map.Start, end = map.End;
        ReadOnlySpan<long> pieceStarts = map.PieceStarts;
        int cells = shape.Cells;
        var rows = new int[map.PieceCount]; // each piece's first counter, or −1 outside the range
        for (int piece = 0; piece < rows.Length; piece++)
        {
            int period = map.PeriodOfPiece(piece);
            rows[piece] = period < 0 ? -1 : period * cells;
        }

        ReadOnlySpan<long> ticks = log.Ticks.Slice(from, to - from);
        ReadOnlySpan<byte> channels = log.ChannelCodes.Slice(from, to - from);
        ReadOnlySpan<byte> segments = log.SegmentCodes.Slice(from, to - from);
        ReadOnlySpan<ushort> topics = log.TopicCodes.Slice(from, to - from);
        bool[] keepChannel = filter.Channels;
        bool[] keepSegment = filter.Segments;
        int segmentCount = shape.SegmentCount;
        int topicCount = shape.TopicCount;
        unchecked
        {
            for (int i = 0; i < ticks.Length; i++)
            {
                long tick = ticks[i];
                if (tick < start || tick >= end)
                {
                    continue;
                }

                int piece = table[(int)((tick - start) >> shift)];
                while (tick >= pieceStarts[piece + 1])
                {
                    piece++;
                }

                int row = rows[piece];
                if (row < 0)
                {
                    continue;
                }

                if (TFilter.On && !(keepChannel[channels[i]] && keepSegment[segments[i]]))
                {
                    continue;
                }

                int cell = 0;
                if (TChannel.On)
                {
                    cell = channels[i];
                }

                if (TSegment.On)
                {
                    cell = (cell * segmentCount) + segments[i];
                }

                if (TTopic.On)
                {
                    cell = (cell * topicCount) + topics[i];
                }

                counts[row + cell]++; // at most the number of records: cannot overflow
            }
        }
    }

    // Counts the records [start, end), all in the period whose counts begin at row.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CountRun<TChannel, TSegment, TTopic, TFilter>(
        InteractionLog log, int start, int end, int row, CubeShape shape, RecordFilter filter, long[] counts)
        where TChannel : struct, IFlag
        where TSegment : struct, IFlag
        where TTopic : struct, IFlag
        where TFilter : struct, IFlag
    {
        if (start >= end)
        {
            return;
        }

        if (!TChannel.On && !TSegment.On && !TTopic.On && !TFilter.On)
        {
            counts[row] += end - start;
            return;
        }

        ReadOnlySpan<byte> channels = log.ChannelCodes;
        ReadOnlySpan<byte> segments = log.SegmentCodes;
        ReadOnlySpan<ushort> topics = log.TopicCodes;
        bool[] keepChannel = filter.Channels;
        bool[] keepSegment = filter.Segments;
        int segmentCount = shape.SegmentCount;
        int topicCount = shape.TopicCount;
        int length = shape.Periods.Count * shape.Cells;
        int laneMask = Lanes(length) - 1;
        unchecked
        {
            for (int i = start; i < end; i++)
            {
                if (TFilter.On && !(keepChannel[channels[i]] && keepSegment[segments[i]]))
                {
                    continue;
                }

                int cell = 0;
                if (TChannel.On)
                {
                    cell = channels[i];
                }

                if (TSegment.On)
                {
                    cell = (cell * segmentCount) + segments[i];
                }

                if (TTopic.On)
                {
                    cell = (cell * topicCount) + topics[i];
                }

                counts[((i & laneMask) * length) + row + cell]++; // at most the number of records: cannot overflow
            }
        }
    }

    private readonly struct Yes : IFlag
    {
        public static bool On => true;
    }

    private readonly struct No : IFlag
    {
        public static bool On => false;
    }
}
