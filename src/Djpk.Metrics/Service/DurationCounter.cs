using System.Collections.Immutable;
using NodaTime;

namespace Djpk.Metrics.Service;

/// <summary>Collects durations (in ticks) into the counts a <see cref="DurationDistribution"/> keeps; not thread-safe, one per cell and thread.</summary>
internal sealed class DurationCounter
{
    private readonly long _resolution;
    private readonly Dictionary<long, long> _counts = [];
    private long _count;
    private Int128 _total;
    private long _min = long.MaxValue;
    private long _max = long.MinValue;

    public DurationCounter(Duration resolution)
    {
        Resolution = resolution;
        _resolution = resolution.BclCompatibleTicks;
    }

    public Duration Resolution { get; }

    public long Count => _count;

    /// <summary>Adds one duration of <paramref name="ticks"/> (not negative).</summary>
    public void Add(long ticks)
    {
        long unit = ticks / _resolution;
        ref long slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_counts, unit, out _);
        slot++;
        _count = checked(_count + 1);
        _total += ticks;
        _min = Math.Min(_min, ticks);
        _max = Math.Max(_max, ticks);
    }

    /// <summary>Adds every duration of <paramref name="distribution"/> (at the same resolution).</summary>
    public void Add(DurationDistribution distribution)
    {
        if (distribution.Count == 0)
        {
            return;
        }

        for (int i = 0; i < distribution.RawValues.Length; i++)
        {
            ref long slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_counts, distribution.RawValues[i], out _);
            slot = checked(slot + distribution.RawCounts[i]);
        }

        _count = checked(_count + distribution.Count);
        _total += distribution.TotalTicks;
        _min = Math.Min(_min, distribution.MinTicks);
        _max = Math.Max(_max, distribution.MaxTicks);
    }

    /// <summary>Adds everything <paramref name="other"/> collected (at the same resolution).</summary>
    public void Add(DurationCounter other)
    {
        foreach ((long unit, long count) in other._counts)
        {
            ref long slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_counts, unit, out _);
            slot = checked(slot + count);
        }

        _count = checked(_count + other._count);
        _total += other._total;
        _min = Math.Min(_min, other._min);
        _max = Math.Max(_max, other._max);
    }

    public DurationDistribution ToDistribution()
    {
        long[] values = [.. _counts.Keys];
        Array.Sort(values);
        long[] counts = [.. values.Select(v => _counts[v])];
        return new DurationDistribution(
            Resolution, ImmutableArray.Create(values), ImmutableArray.Create(counts), _count, _total, _count == 0 ? 0 : _min, _count == 0 ? 0 : _max);
    }
}
