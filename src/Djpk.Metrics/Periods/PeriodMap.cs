using System.Diagnostics;
using System.Runtime.CompilerServices;
using NodaTime;

namespace Djpk.Metrics.Periods;

/// <summary>A precomputed map from an instant (Unix ticks) to its position in a period range, in one zone.</summary>
/// <remarks>
/// The boundaries of the range's periods are computed once with NodaTime. A table indexed by the instant's
/// 2³⁶-tick bucket (about 1,9 hours, shorter than any period) gives the period that contains the bucket's start;
/// one comparison with the next boundary finishes the lookup. The cost is the same in every zone.
/// </remarks>
internal sealed class PeriodMap
{
    private const int BucketShift = 36;
    private const long MaxTableLength = 1 << 22; // beyond about 900 years of buckets, binary search instead

    private readonly long[] _boundaries; // start of each period, in Unix ticks, then the end of the last
    private readonly int[]? _bucketToPeriod;

    public PeriodMap(ReportingCalendar calendar, PeriodRange range)
    {
        Range = range;
        _boundaries = new long[range.Count + 1];
        for (int i = 0; i < range.Count; i++)
        {
            _boundaries[i] = calendar.StartOf(range[i]).ToUnixTimeTicks();
        }

        Interval last = calendar.IntervalOf(range.Last);
        _boundaries[range.Count] = last.HasEnd ? last.End.ToUnixTimeTicks() : long.MaxValue;
        Start = _boundaries[0];
        End = _boundaries[range.Count];

        long lastTick = End == long.MaxValue ? _boundaries[range.Count - 1] : End - 1;
        long buckets = ((lastTick - Start) >> BucketShift) + 1;
        if (buckets <= MaxTableLength)
        {
            _bucketToPeriod = new int[buckets];
            int period = 0;
            for (long bucket = 0; bucket < buckets; bucket++)
            {
                long bucketStart = Start + (bucket << BucketShift);
                while (period + 1 < range.Count && _boundaries[period + 1] <= bucketStart)
                {
                    period++;
                }

                _bucketToPeriod[bucket] = period;
            }
        }
    }

    public PeriodRange Range { get; }

    /// <summary>Gets the first tick of the range.</summary>
    public long Start { get; }

    /// <summary>Gets the first tick after the range.</summary>
    public long End { get; }

    /// <summary>Returns the first tick of the period at <paramref name="index"/>.</summary>
    public long StartOf(int index) => _boundaries[index];

    /// <summary>Returns the first tick after the period at <paramref name="index"/>.</summary>
    public long EndOf(int index) => _boundaries[index + 1];

    /// <summary>Returns the position of the period containing <paramref name="ticks"/>, or −1 outside the range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOf(long ticks)
    {
        if (ticks < Start || ticks >= End)
        {
            return -1;
        }

        if (_bucketToPeriod is int[] table)
        {
            int period = table[(ticks - Start) >> BucketShift];
            while (ticks >= _boundaries[period + 1])
            {
                period++;
            }

            Debug.Assert(ticks >= _boundaries[period], "The bucket's period starts at or before the instant.");
            return period;
        }

        int found = Array.BinarySearch(_boundaries, ticks);
        return found >= 0 ? found : ~found - 1;
    }
}
