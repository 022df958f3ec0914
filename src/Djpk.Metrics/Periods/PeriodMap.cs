using System.Diagnostics;
using System.Runtime.CompilerServices;
using NodaTime;
using NodaTime.TimeZones;

namespace Djpk.Metrics.Periods;

/// <summary>A precomputed map from an instant (Unix ticks) to its position in a period range, in one zone.</summary>
/// <remarks>
/// <para>The map is a sorted list of segments: spans of instants in which the period does not change, each starting at a
/// transition. It is built by walking the zone's intervals over the range: within one interval the offset is fixed, so the
/// local date only moves forward and its period boundaries are local midnights; where an interval starts, the local date
/// may jump forward (a skipped date is a period with no segment) or back (a fall-back across midnight gives the periods
/// d, d+1, d, d+1). A segment outside the range has the position −1. The answer is therefore exactly the period of the
/// instant's local date, <see cref="ReportingCalendar.PeriodOf"/>, in every zone.</para>
/// <para>A table indexed by the instant's 2³⁶-tick bucket (about 1,9 hours) gives the segment that contains the bucket's
/// start; a short forward scan (usually no step) finishes the lookup. The cost is the same in every zone.</para>
/// </remarks>
internal sealed class PeriodMap
{
    private const int BucketShift = 36;
    private const long MaxTableLength = 1 << 22; // beyond about 900 years of buckets, binary search instead

    private readonly long[] _segmentStarts; // the first tick of each segment, then long.MaxValue
    private readonly int[] _segmentPeriods; // each segment's position in the range, or −1 outside it
    private readonly long[] _periodStarts;  // the first tick whose local date is in each period or later, then after the range
    private readonly int[]? _bucketToSegment;

    public PeriodMap(ReportingCalendar calendar, PeriodRange range)
    {
        Range = range;
        (List<long> ticks, List<int> positions) = Walk(calendar.Zone, range);

        // A period starts at the first transition into it or into a later period (so an empty period starts where the next one does).
        int count = range.Count;
        _periodStarts = new long[count + 1];
        int next = 0;
        for (int k = 0; k < ticks.Count && next <= count; k++)
        {
            for (int upTo = Math.Min(positions[k], count); next <= upTo; next++)
            {
                _periodStarts[next] = ticks[k];
            }
        }

        Array.Fill(_periodStarts, long.MaxValue, next, count + 1 - next);

        // Positions outside the range become −1, and equal neighbours merge.
        var starts = new List<long>(ticks.Count + 1);
        var periods = new List<int>(ticks.Count);
        for (int k = 0; k < ticks.Count; k++)
        {
            int position = positions[k] >= 0 && positions[k] < count ? positions[k] : -1;
            if (periods.Count == 0 || periods[^1] != position)
            {
                starts.Add(ticks[k]);
                periods.Add(position);
            }
        }

        starts.Add(long.MaxValue);
        _segmentStarts = [.. starts];
        _segmentPeriods = [.. periods];

        int first = Array.FindIndex(_segmentPeriods, p => p >= 0);
        int last = Array.FindLastIndex(_segmentPeriods, p => p >= 0);
        if (first < 0)
        {
            return; // every period of the range was skipped: Start == End, nothing maps
        }

        Start = _segmentStarts[first];
        End = _segmentStarts[last + 1];
        long lastTick = End == long.MaxValue ? ZoneDays.MaxTicks : End - 1;
        long buckets = ((lastTick - Start) >> BucketShift) + 1;
        if (buckets <= MaxTableLength)
        {
            _bucketToSegment = new int[buckets];
            int segment = first;
            for (long bucket = 0; bucket < buckets; bucket++)
            {
                long bucketStart = Start + (bucket << BucketShift);
                while (_segmentStarts[segment + 1] <= bucketStart)
                {
                    segment++;
                }

                _bucketToSegment[bucket] = segment;
            }
        }
    }

    public PeriodRange Range { get; }

    /// <summary>Gets the first tick of the first segment in the range.</summary>
    public long Start { get; }

    /// <summary>Gets the first tick after the last segment in the range (<see cref="long.MaxValue"/> when it never ends).</summary>
    public long End { get; }

    /// <summary>Gets the number of segments, in the range or not.</summary>
    public int SegmentCount => _segmentPeriods.Length;

    /// <summary>Returns the first tick whose local date is in the period at <paramref name="index"/> or later; <see cref="ReportingCalendar.StartOf"/> in ticks.</summary>
    /// <remarks><paramref name="index"/> may be the range's count: the start of the period after the range.</remarks>
    public long StartOf(int index) => _periodStarts[index];

    /// <summary>Returns the first tick of segment <paramref name="segment"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long SegmentStart(int segment) => _segmentStarts[segment];

    /// <summary>Returns the first tick after segment <paramref name="segment"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long SegmentEnd(int segment) => _segmentStarts[segment + 1];

    /// <summary>Returns the position of the period of segment <paramref name="segment"/>, or −1 when it is outside the range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int PeriodOfSegment(int segment) => _segmentPeriods[segment];

    /// <summary>Returns the position of the period containing <paramref name="ticks"/>, or −1 outside the range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOf(long ticks)
    {
        int segment = SegmentOf(ticks);
        return segment < 0 ? -1 : _segmentPeriods[segment];
    }

    /// <summary>Returns the segment containing <paramref name="ticks"/>, or −1 before <see cref="Start"/> or from <see cref="End"/> on.</summary>
    /// <remarks>A segment between <see cref="Start"/> and <see cref="End"/> may still be outside the range (<see cref="PeriodOfSegment"/> is −1).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int SegmentOf(long ticks)
    {
        if (ticks < Start || ticks >= End)
        {
            return -1;
        }

        if (_bucketToSegment is int[] table)
        {
            int segment = table[(ticks - Start) >> BucketShift];
            while (ticks >= _segmentStarts[segment + 1])
            {
                segment++;
            }

            Debug.Assert(ticks >= _segmentStarts[segment], "The bucket's segment starts at or before the instant.");
            return segment;
        }

        int found = Array.BinarySearch(_segmentStarts, ticks);
        return found >= 0 ? found : ~found - 1;
    }

    /// <summary>Returns, for each period of the range, whether data from <paramref name="earliest"/> to <paramref name="latest"/> (inclusive) spans it.</summary>
    /// <remarks>
    /// A period with instants is spanned when one of its segments meets the data's span; a period without instants (a
    /// skipped date) when the data has instants on both sides of where it would be, so its count is a known zero.
    /// </remarks>
    public bool[] PeriodsSpanned(long earliest, long latest)
    {
        int count = Range.Count;
        var spanned = new bool[count];
        var occupied = new bool[count];
        for (int segment = 0; segment < _segmentPeriods.Length; segment++)
        {
            int period = _segmentPeriods[segment];
            if (period >= 0)
            {
                occupied[period] = true;
                spanned[period] |= _segmentStarts[segment] <= latest && earliest < _segmentStarts[segment + 1];
            }
        }

        for (int period = 0; period < count; period++)
        {
            if (!occupied[period])
            {
                spanned[period] = earliest < _periodStarts[period] && _periodStarts[period] <= latest;
            }
        }

        return spanned;
    }

    // Walks the zone's intervals from a day before the range to a day after it (offsets are within ±18 hours), listing
    // each instant where the period of the local date changes, with that period's position (outside the range too).
    private static (List<long> Ticks, List<int> Positions) Walk(DateTimeZone zone, PeriodRange range)
    {
        PeriodGrain grain = range.Grain;
        int first = range.First.Index;
        long low = ZoneDays.LocalTicksOfDay(PeriodDays.FirstDayOf(grain, first) - 1);
        long high = Math.Min(ZoneDays.LocalTicksOfDay(PeriodDays.FirstDayOf(grain, range.Last.Index + 1) + 1), ZoneDays.MaxTicks);
        var ticks = new List<long>(range.Count + 4);
        var positions = new List<int>(range.Count + 4);
        void Add(long tick, int period)
        {
            if (positions.Count == 0 || positions[^1] != period - first)
            {
                ticks.Add(tick);
                positions.Add(period - first);
            }
        }

        long t = low;
        while (t < high)
        {
            ZoneInterval interval = zone.GetZoneInterval(Instant.FromUnixTimeTicks(t));
            long offset = interval.WallOffset.Ticks;
            long end = interval.HasEnd ? Math.Min(interval.End.ToUnixTimeTicks(), high) : high;
            int period = PeriodDays.IndexOfDay(grain, ZoneDays.DayOfLocalTicks(t + offset));
            Add(t, period);
            while (true)
            {
                long boundary = ZoneDays.LocalTicksOfDay(PeriodDays.FirstDayOf(grain, period + 1)) - offset;
                if (boundary >= end)
                {
                    break;
                }

                period++;
                Add(boundary, period);
            }

            t = end;
        }

        return (ticks, positions);
    }
}
