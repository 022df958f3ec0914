using System.Diagnostics;
using System.Runtime.CompilerServices;
using NodaTime;
using NodaTime.TimeZones;

namespace Djpk.Metrics.Periods;

/// <summary>A precomputed map from an instant (Unix ticks) to its position in a period range, in one zone.</summary>
/// <remarks>
/// <para>The map is a sorted list of pieces: spans of instants in which the period does not change, each starting at a
/// transition. It is built by walking the zone's intervals over the range: within one interval the offset is fixed, so the
/// local date only moves forward and its period boundaries are local midnights; where an interval starts, the local date
/// may jump forward (a skipped date is a period with no piece) or back (a fall-back across midnight gives the periods
/// d, d+1, d, d+1). A piece outside the range has the position −1. The answer is therefore exactly the period of the
/// instant's local date, <see cref="ReportingCalendar.PeriodOf"/>, in every zone.</para>
/// <para>A table indexed by the instant's bucket (2³⁶ ticks, about 1,9 hours, for days; longer for longer grains) gives the
/// piece that contains the bucket's start; a short forward scan (usually no step) finishes the lookup. The cost is the
/// same in every zone.</para>
/// </remarks>
internal sealed class PeriodMap
{
    private const long MaxTableLength = 1 << 22; // beyond that many buckets (about 900 years of days), binary search instead

    private readonly long[] _pieceStarts; // the first tick of each piece, then long.MaxValue
    private readonly int[] _piecePeriods; // each piece's position in the range, or −1 outside it
    private readonly long[] _periodStarts;  // the first tick whose local date is in each period or later, then after the range
    private readonly int[]? _bucketToPiece;
    private readonly int _bucketShift;

    public PeriodMap(ReportingCalendar calendar, PeriodRange range)
    {
        Range = range;
        _bucketShift = BucketShiftOf(range.Grain);
        var pieces = new PieceList(range);
        Walk(calendar.Zone, range, pieces);
        (_pieceStarts, _piecePeriods, _periodStarts) = pieces.ToArrays();

        (int first, int last) = (pieces.FirstInRange, pieces.LastInRange);
        if (first < 0)
        {
            return; // every period of the range was skipped: Start == End, nothing maps
        }

        Start = _pieceStarts[first];
        End = _pieceStarts[last + 1];
        long lastTick = End == long.MaxValue ? ZoneDays.MaxTicks : End - 1;
        long buckets = ((lastTick - Start) >> _bucketShift) + 1;
        if (buckets <= MaxTableLength)
        {
            // Each bucket gets the last piece that starts at or before the bucket's start: piece j fills the buckets
            // from the first that starts at or after it to the last that starts before the next piece.
            _bucketToPiece = GC.AllocateUninitializedArray<int>((int)buckets); // every bucket is filled below
            int from = 0;
            for (int piece = first; from < buckets; piece++)
            {
                long to = piece + 1 > last ? buckets : Math.Min(buckets, BucketsBefore(_pieceStarts[piece + 1]));
                if (to > from)
                {
                    _bucketToPiece.AsSpan(from, (int)to - from).Fill(piece);
                    from = (int)to;
                }
            }
        }
    }

    public PeriodRange Range { get; }

    /// <summary>Gets the first tick of the first piece in the range.</summary>
    public long Start { get; }

    /// <summary>Gets the first tick after the last piece in the range (<see cref="long.MaxValue"/> when it never ends).</summary>
    public long End { get; }

    /// <summary>Returns the first tick whose local date is in the period at <paramref name="index"/> or later; <see cref="ReportingCalendar.StartOf"/> in ticks.</summary>
    /// <remarks><paramref name="index"/> may be the range's count: the start of the period after the range.</remarks>
    public long StartOf(int index) => _periodStarts[index];

    /// <summary>Returns the first tick of piece <paramref name="piece"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long PieceStart(int piece) => _pieceStarts[piece];

    /// <summary>Returns the first tick after piece <paramref name="piece"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long PieceEnd(int piece) => _pieceStarts[piece + 1];

    /// <summary>Gets the number of pieces (the last one ends at <see cref="long.MaxValue"/>).</summary>
    public int PieceCount => _piecePeriods.Length;

    /// <summary>Gets the first tick of each piece, then <see cref="long.MaxValue"/>: one more element than <see cref="PieceCount"/>.</summary>
    public ReadOnlySpan<long> PieceStarts => _pieceStarts;

    /// <summary>Gets the bucket table: element <c>b</c> is the piece that contains tick <see cref="Start"/> + <c>b</c> · 2^<see cref="BucketShift"/>; <see langword="null"/> when the range is too long for a table.</summary>
    /// <remarks>The piece of a tick in [<see cref="Start"/>, <see cref="End"/>) is the bucket's piece or a later one: step forward while the tick is at or after the next piece's start.</remarks>
    public int[]? BucketTable => _bucketToPiece;

    /// <summary>Gets the base-2 logarithm of a bucket's length in ticks.</summary>
    public int BucketShift => _bucketShift;

    /// <summary>Returns the position of the period of piece <paramref name="piece"/>, or −1 when it is outside the range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int PeriodOfPiece(int piece) => _piecePeriods[piece];

    /// <summary>Returns the position of the period containing <paramref name="ticks"/>, or −1 outside the range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOf(long ticks)
    {
        int piece = PieceOf(ticks);
        return piece < 0 ? -1 : _piecePeriods[piece];
    }

    /// <summary>Returns the piece containing <paramref name="ticks"/>, or −1 before <see cref="Start"/> or from <see cref="End"/> on.</summary>
    /// <remarks>A piece between <see cref="Start"/> and <see cref="End"/> may still be outside the range (<see cref="PeriodOfPiece"/> is −1).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int PieceOf(long ticks)
    {
        if (ticks < Start || ticks >= End)
        {
            return -1;
        }

        if (_bucketToPiece is int[] table)
        {
            int piece = table[(ticks - Start) >> _bucketShift];
            while (ticks >= _pieceStarts[piece + 1])
            {
                piece++;
            }

            Debug.Assert(ticks >= _pieceStarts[piece], "The bucket's piece starts at or before the instant.");
            return piece;
        }

        int found = Array.BinarySearch(_pieceStarts, ticks);
        return found >= 0 ? found : ~found - 1;
    }

    /// <summary>Returns, for each period of the range, whether data from <paramref name="earliest"/> to <paramref name="latest"/> (inclusive) spans it.</summary>
    /// <remarks>
    /// A period with instants is spanned when one of its pieces meets the data's span; a period without instants (a
    /// skipped date) when the data has instants on both sides of where it would be, so its count is a known zero.
    /// </remarks>
    public bool[] PeriodsSpanned(long earliest, long latest)
    {
        int count = Range.Count;
        var spanned = new bool[count];
        var occupied = new bool[count];
        for (int piece = 0; piece < _piecePeriods.Length; piece++)
        {
            int period = _piecePeriods[piece];
            if (period >= 0)
            {
                occupied[period] = true;
                spanned[period] |= _pieceStarts[piece] <= latest && earliest < _pieceStarts[piece + 1];
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

    // A bucket spans 2^shift ticks, a small part of the grain's shortest period, so the bucket's piece is almost always
    // the instant's (a forward step is needed in at most 8 % of lookups), and the table stays small: 1 700 entries (7 KB) for
    // six years of months, where 2^36 ticks for every grain took 27 000 (110 KB, beyond the first-level cache).
    private static int BucketShiftOf(PeriodGrain grain) => grain switch
    {
        PeriodGrain.Day => 36,     // 1,9 hours
        PeriodGrain.Week => 38,    // 7,6 hours
        PeriodGrain.Month => 40,   // 30,5 hours
        PeriodGrain.Quarter => 42, // 5,1 days
        _ => 43,                   // 10,2 days
    };

    // The number of buckets that start before the tick: ⌈(ticks − Start) / 2^shift⌉.
    private long BucketsBefore(long ticks) => ((ticks - Start - 1) >> _bucketShift) + 1;

    // Walks the zone's intervals from a day before the range to a day after it (offsets are within ±18 hours), adding
    // each instant where the period of the local date changes, with that period's position (outside the range too).
    private static void Walk(DateTimeZone zone, PeriodRange range, PieceList pieces)
    {
        PeriodGrain grain = range.Grain;
        int first = range.First.Index;
        long low = ZoneDays.LocalTicksOfDay(PeriodDays.FirstDayOf(grain, first) - 1);
        long high = Math.Min(ZoneDays.LocalTicksOfDay(PeriodDays.FirstDayOf(grain, range.Last.Index + 1) + 1), ZoneDays.MaxTicks);
        long t = low;
        while (t < high)
        {
            ZoneInterval interval = zone.GetZoneInterval(Instant.FromUnixTimeTicks(t));
            long offset = interval.WallOffset.Ticks;
            long end = interval.HasEnd ? Math.Min(interval.End.ToUnixTimeTicks(), high) : high;
            int period = PeriodDays.IndexOfDay(grain, ZoneDays.DayOfLocalTicks(t + offset));
            pieces.Add(t, period - first);
            if (grain == PeriodGrain.Day)
            {
                // Within the interval the offset is fixed: local midnights are a day apart.
                for (long boundary = ZoneDays.LocalTicksOfDay(period + 1) - offset; boundary < end; boundary += NodaConstants.TicksPerDay)
                {
                    period++;
                    pieces.Add(boundary, period - first);
                }
            }
            else
            {
                for (long boundary = ZoneDays.LocalTicksOfDay(PeriodDays.FirstDayOf(grain, period + 1)) - offset; boundary < end;
                     boundary = ZoneDays.LocalTicksOfDay(PeriodDays.FirstDayOf(grain, period + 1)) - offset)
                {
                    period++;
                    pieces.Add(boundary, period - first);
                }
            }

            t = end;
        }
    }

    // The pieces as the walk finds them: positions outside the range become −1, equal neighbours merge, and each
    // period's start is the first instant in it or in a later period (so an empty period starts where the next one does).
    private sealed class PieceList(PeriodRange range)
    {
        private readonly int _count = range.Count;
        private readonly long[] _periodStarts = new long[range.Count + 1];
        private long[] _starts = new long[range.Count + 16];
        private int[] _periods = new int[range.Count + 16];
        private int _length;
        private int _nextStart; // the first period whose start is not yet known

        public int FirstInRange { get; private set; } = -1;

        public int LastInRange { get; private set; } = -1;

        public void Add(long tick, int position)
        {
            while (_nextStart <= position && _nextStart <= _count)
            {
                _periodStarts[_nextStart++] = tick;
            }

            if (position < 0 || position >= _count)
            {
                position = -1;
            }

            if (_length > 0 && _periods[_length - 1] == position)
            {
                return;
            }

            if (_length == _periods.Length)
            {
                Array.Resize(ref _starts, _length * 2);
                Array.Resize(ref _periods, _length * 2);
            }

            if (position >= 0)
            {
                FirstInRange = FirstInRange < 0 ? _length : FirstInRange;
                LastInRange = _length;
            }

            _starts[_length] = tick;
            _periods[_length++] = position;
        }

        public (long[] Starts, int[] Periods, long[] PeriodStarts) ToArrays()
        {
            Array.Fill(_periodStarts, long.MaxValue, _nextStart, _count + 1 - _nextStart); // never reached: the end of time
            long[] starts = new long[_length + 1];
            Array.Copy(_starts, starts, _length);
            starts[_length] = long.MaxValue;
            return (starts, _periods[.._length], _periodStarts);
        }
    }
}
