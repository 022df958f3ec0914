using System.Collections.Immutable;
using System.Numerics;
using NodaTime;

namespace Djpk.Metrics.Service;

/// <summary>Collects durations (in ticks) into the bucket counts a <see cref="DurationDistribution"/> keeps; not thread-safe, one per cell and thread.</summary>
/// <remarks>
/// A duration of v resolution units falls in bucket v itself when v &lt; 2^b (b significant bits), and above that in the
/// bucket of v truncated to its b leading bits: bucket keys grow with the logarithm of the value, so the counts are a
/// dense array of at most 2^b + 62 · 2^(b−1) entries, grown as larger values arrive.
/// </remarks>
internal sealed class DurationCounter
{
    private readonly long _resolution;
    private readonly int _bits;
    private long[] _counts = [];
    private long _count;
    private Int128 _total;
    private long _min = long.MaxValue;
    private long _max = long.MinValue;

    public DurationCounter(Duration resolution, int significantBits)
    {
        Resolution = resolution;
        _resolution = resolution.BclCompatibleTicks;
        _bits = significantBits;
    }

    public Duration Resolution { get; }

    public int SignificantBits => _bits;

    /// <summary>Returns the bucket key of <paramref name="units"/> (not negative) under <paramref name="bits"/> significant bits.</summary>
    public static int KeyOf(long units, int bits)
    {
        if (units < (1L << bits))
        {
            return (int)units;
        }

        int shift = BitOperations.Log2((ulong)units) - bits + 1; // at least 1
        long mantissa = units >> shift; // in [2^(bits-1), 2^bits)
        return (1 << bits) + ((shift - 1) << (bits - 1)) + (int)(mantissa - (1L << (bits - 1)));
    }

    /// <summary>Returns the smallest number of units in bucket <paramref name="key"/>.</summary>
    public static long LowerBoundOf(int key, int bits)
    {
        if (key < (1 << bits))
        {
            return key;
        }

        int above = key - (1 << bits);
        int shift = (above >> (bits - 1)) + 1;
        long mantissa = (above & ((1 << (bits - 1)) - 1)) + (1L << (bits - 1));
        return mantissa << shift;
    }

    /// <summary>Adds one duration of <paramref name="ticks"/> (not negative).</summary>
    public void Add(long ticks)
    {
        // The default unit is a second: a constant divisor, which the JIT turns into a multiplication.
        int key = KeyOf(_resolution == NodaConstants.TicksPerSecond ? ticks / NodaConstants.TicksPerSecond : ticks / _resolution, _bits);
        if (key >= _counts.Length)
        {
            Grow(key);
        }

        _counts[key]++;
        _count++;
        _total += ticks;
        _min = Math.Min(_min, ticks);
        _max = Math.Max(_max, ticks);
    }

    /// <summary>Adds every duration of <paramref name="distribution"/> (at the same resolution and bits).</summary>
    public void Add(DurationDistribution distribution)
    {
        if (distribution.Count == 0)
        {
            return;
        }

        ImmutableArray<int> keys = distribution.RawKeys;
        Grow(keys[^1]);
        for (int i = 0; i < keys.Length; i++)
        {
            _counts[keys[i]] = checked(_counts[keys[i]] + distribution.RawCounts[i]);
        }

        _count = checked(_count + distribution.Count);
        _total += distribution.TotalTicks;
        _min = Math.Min(_min, distribution.MinTicks);
        _max = Math.Max(_max, distribution.MaxTicks);
    }

    /// <summary>Adds everything <paramref name="other"/> collected (at the same resolution and bits).</summary>
    public void Add(DurationCounter other)
    {
        if (other._count == 0)
        {
            return;
        }

        Grow(other._counts.Length - 1);
        for (int key = 0; key < other._counts.Length; key++)
        {
            _counts[key] = checked(_counts[key] + other._counts[key]);
        }

        _count = checked(_count + other._count);
        _total += other._total;
        _min = Math.Min(_min, other._min);
        _max = Math.Max(_max, other._max);
    }

    public DurationDistribution ToDistribution()
    {
        var keys = ImmutableArray.CreateBuilder<int>();
        var counts = ImmutableArray.CreateBuilder<long>();
        for (int key = 0; key < _counts.Length; key++)
        {
            if (_counts[key] != 0)
            {
                keys.Add(key);
                counts.Add(_counts[key]);
            }
        }

        return new DurationDistribution(Resolution, _bits, keys.ToImmutable(), counts.ToImmutable(), _count, _total, _count == 0 ? 0 : _min, _count == 0 ? 0 : _max);
    }

    private void Grow(int key)
    {
        if (key >= _counts.Length)
        {
            Array.Resize(ref _counts, Math.Max(key + 1, Math.Min(_counts.Length * 2, KeyOf(long.MaxValue, _bits) + 1)));
        }
    }
}
