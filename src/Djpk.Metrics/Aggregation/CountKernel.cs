using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Aggregation;

/// <summary>The tight loops that count records into dense period × cell arrays, one specialised loop per breakdown.</summary>
internal static class CountKernel
{
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
    public static int CellOf(InteractionLog log, int i, CubeShape shape, RecordFilter filter)
    {
        if (filter.IsActive && !filter.Keeps(log.ChannelCodes[i], log.SegmentCodes[i]))
        {
            return -1;
        }

        return shape.CellOf(
            shape.Channels.IsEmpty ? 0 : log.ChannelCodes[i],
            shape.Segments.IsEmpty ? 0 : log.SegmentCodes[i],
            shape.Topics.IsEmpty ? 0 : log.TopicCodes[i]);
    }

    private static void Run<TChannel, TSegment, TTopic, TFilter>(
        InteractionLog log, int from, int to, PeriodMap map, CubeShape shape, RecordFilter filter, long[] counts)
        where TChannel : struct, IFlag
        where TSegment : struct, IFlag
        where TTopic : struct, IFlag
        where TFilter : struct, IFlag
    {
        long[] ticks = log.Ticks;
        byte[] channels = log.ChannelCodes;
        byte[] segments = log.SegmentCodes;
        ushort[] topics = log.TopicCodes;
        bool[] keepChannel = filter.Channels;
        bool[] keepSegment = filter.Segments;
        int segmentCount = shape.SegmentCount;
        int topicCount = shape.TopicCount;
        int cells = shape.Cells;
        for (int i = from; i < to; i++)
        {
            int period = map.IndexOf(ticks[i]);
            if (period < 0)
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

            unchecked
            {
                counts[(period * cells) + cell]++; // at most the number of records: cannot overflow
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
