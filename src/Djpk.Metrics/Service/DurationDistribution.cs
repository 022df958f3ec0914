using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace Djpk.Metrics.Service;

/// <summary>The distribution of a set of durations, such as response times: their count, exact mean, minimum and maximum, and percentiles exact to a stated resolution.</summary>
/// <remarks>
/// <para>Immutable and mergeable: <see cref="Merge"/> of the distributions of parts is the distribution of the whole,
/// exactly. It keeps one count per distinct duration after truncating each toward zero to a multiple of
/// <see cref="Resolution"/> (one second by default), so its size grows with the number of distinct values, not of
/// durations: a month of response times in whole seconds up to a day needs at most 86 400 counts, whatever the volume.</para>
/// <para>The count, sum and <see cref="Mean"/> use the durations as given, to the tick. <see cref="Percentile"/> and
/// <see cref="Median"/> use the truncated values with linear interpolation between the closest ranks (the rule of
/// DuckDB's <c>quantile_cont</c>, R's type 7 and Excel's <c>PERCENTILE.INC</c>), so they are within one
/// <see cref="Resolution"/> below the percentile of the exact values; a resolution of one tick makes them exact.</para>
/// <para>An empty distribution has a count of 0 and undefined (<see langword="null"/>) statistics, never NaN.</para>
/// </remarks>
public sealed class DurationDistribution
{
    private readonly ImmutableArray<long> _values; // distinct truncated values in resolution units, ascending
    private readonly ImmutableArray<long> _counts; // how many durations have each value
    private readonly Int128 _totalTicks;

    internal DurationDistribution(Duration resolution, ImmutableArray<long> values, ImmutableArray<long> counts, long count, Int128 totalTicks, long minTicks, long maxTicks)
    {
        Resolution = resolution;
        _values = values;
        _counts = counts;
        Count = count;
        _totalTicks = totalTicks;
        MinTicks = minTicks;
        MaxTicks = maxTicks;
    }

    /// <summary>The default resolution of percentiles: one second.</summary>
    public static Duration DefaultResolution { get; } = Duration.FromSeconds(1);

    /// <summary>Gets the resolution the percentiles are exact to.</summary>
    public Duration Resolution { get; }

    /// <summary>Gets the number of durations.</summary>
    public long Count { get; }

    /// <summary>Gets the number of distinct truncated values the distribution keeps, a measure of its size.</summary>
    public int DistinctValues => _values.Length;

    /// <summary>Gets the exact sum of the durations; <see langword="null"/> when it is beyond the range of <see cref="Duration"/> (over 16 million days).</summary>
    public Duration? Total => _totalTicks <= long.MaxValue ? Duration.FromTicks((long)_totalTicks) : null;

    /// <summary>Gets the shortest duration, to the tick; <see langword="null"/> when empty.</summary>
    public Duration? Min => Count == 0 ? null : Duration.FromTicks(MinTicks);

    /// <summary>Gets the longest duration, to the tick; <see langword="null"/> when empty.</summary>
    public Duration? Max => Count == 0 ? null : Duration.FromTicks(MaxTicks);

    /// <summary>Gets the mean of the durations as given, rounded once to the nearest nanosecond (halves to even); <see langword="null"/> when empty.</summary>
    public Duration? Mean
    {
        get
        {
            if (Count == 0)
            {
                return null;
            }

            // The sum in nanoseconds over the count, rounded half to even: exact in 128-bit integers.
            Int128 nanos = _totalTicks * NodaConstants.NanosecondsPerTick;
            Int128 quotient = Int128.DivRem(nanos, Count).Quotient, remainder = nanos - (quotient * Count);
            Int128 twice = Int128.Abs(remainder) * 2;
            if (twice > Count || (twice == Count && Int128.IsOddInteger(quotient)))
            {
                quotient += Int128.Sign(remainder);
            }

            return Duration.FromNanoseconds((long)quotient);
        }
    }

    /// <summary>Gets the median: <see cref="Percentile"/> at one half.</summary>
    public Duration? Median => Percentile(0.5m);

    internal long MinTicks { get; }

    internal long MaxTicks { get; }

    internal Int128 TotalTicks => _totalTicks;

    /// <summary>Returns the distribution of <paramref name="durations"/>.</summary>
    /// <param name="durations">The durations, none negative.</param>
    /// <param name="resolution">The resolution of percentiles, positive and a whole number of ticks; <see langword="null"/> for <see cref="DefaultResolution"/>.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="durations"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A duration is negative, or <paramref name="resolution"/> is not a positive whole number of ticks.</exception>
    public static DurationDistribution Of(IEnumerable<Duration> durations, Duration? resolution = null)
    {
        ArgumentNullException.ThrowIfNull(durations);
        var counter = new DurationCounter(CheckResolution(resolution ?? DefaultResolution));
        foreach (Duration duration in durations)
        {
            if (duration < Duration.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(durations), duration, "A duration in a distribution must not be negative: a reply cannot come before its message.");
            }

            counter.Add(duration.BclCompatibleTicks);
        }

        return counter.ToDistribution();
    }

    /// <summary>Returns an empty distribution at <paramref name="resolution"/>.</summary>
    /// <param name="resolution">The resolution; <see langword="null"/> for <see cref="DefaultResolution"/>.</param>
    /// <returns>The empty distribution.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resolution"/> is not a positive whole number of ticks.</exception>
    public static DurationDistribution Empty(Duration? resolution = null) => new DurationCounter(CheckResolution(resolution ?? DefaultResolution)).ToDistribution();

    /// <summary>Returns the percentile at <paramref name="fraction"/> of the truncated durations, by linear interpolation between the closest ranks.</summary>
    /// <param name="fraction">The fraction, 0 to 1: 0,5 for the median, 0,9 for p90.</param>
    /// <returns>The percentile, rounded once to the nearest nanosecond (halves to even); <see langword="null"/> when the distribution is empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fraction"/> is outside 0 to 1.</exception>
    public Duration? Percentile(decimal fraction)
    {
        if (fraction is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "A percentile's fraction is 0 to 1, such as 0.9 for p90.");
        }

        if (Count == 0)
        {
            return null;
        }

        // The position h = (n − 1) × p between ranks ⌊h⌋ and ⌊h⌋ + 1 (0-based), as quantile_cont.
        decimal position = (Count - 1) * fraction;
        long lower = (long)decimal.Floor(position);
        decimal weight = position - lower;
        long low = ValueAtRank(lower), high = weight == 0m ? low : ValueAtRank(lower + 1);
        decimal units = low + ((high - low) * weight);
        decimal nanoseconds = units * Resolution.BclCompatibleTicks * NodaConstants.NanosecondsPerTick;
        return Duration.FromNanoseconds((long)decimal.Round(nanoseconds, MidpointRounding.ToEven));
    }

    /// <summary>Returns the number of durations at most <paramref name="limit"/>, by their truncated values (exact when <paramref name="limit"/> is a multiple of <see cref="Resolution"/>).</summary>
    /// <param name="limit">The limit.</param>
    /// <returns>The count.</returns>
    public long CountAtMost(Duration limit)
    {
        long units = limit < Duration.Zero ? -1 : limit.BclCompatibleTicks / Resolution.BclCompatibleTicks;
        long count = 0;
        for (int i = 0; i < _values.Length && _values[i] <= units; i++)
        {
            count += _counts[i];
        }

        return count;
    }

    /// <summary>Returns the distribution of the durations of both.</summary>
    /// <param name="other">The other distribution, at the same resolution.</param>
    /// <returns>The merged distribution; the same as the distribution of all the durations at once.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The resolutions differ.</exception>
    /// <exception cref="OverflowException">The merged count exceeds <see cref="long.MaxValue"/>.</exception>
    public DurationDistribution Merge(DurationDistribution other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Resolution != Resolution)
        {
            throw new ArgumentException($"Distributions at resolutions {Resolution} and {other.Resolution} cannot be merged; compute both at one resolution.", nameof(other));
        }

        var counter = new DurationCounter(Resolution);
        counter.Add(this);
        counter.Add(other);
        return counter.ToDistribution();
    }

    /// <summary>Returns the distinct truncated values and their counts, ascending.</summary>
    /// <returns>Pairs of a value (a multiple of <see cref="Resolution"/>) and how many durations have it.</returns>
    public IEnumerable<(Duration Value, long Count)> Values()
    {
        for (int i = 0; i < _values.Length; i++)
        {
            yield return (Duration.FromTicks(_values[i] * Resolution.BclCompatibleTicks), _counts[i]);
        }
    }

    /// <summary>Returns the distribution as invariant text, such as <c>n=120 mean=00:04:10 median=00:03:00</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Count == 0
        ? "n=0"
        : string.Create(CultureInfo.InvariantCulture, $"n={Count} mean={Mean!.Value:-H:mm:ss.FFFFFFFFF} median={Median!.Value:-H:mm:ss.FFFFFFFFF}");

    internal ImmutableArray<long> RawValues => _values;

    internal ImmutableArray<long> RawCounts => _counts;

    private long ValueAtRank(long rank)
    {
        long seen = 0;
        for (int i = 0; i < _values.Length; i++)
        {
            seen += _counts[i];
            if (rank < seen)
            {
                return _values[i];
            }
        }

        return _values[^1];
    }

    private static Duration CheckResolution(Duration resolution) =>
        resolution <= Duration.Zero || resolution.SubsecondNanoseconds % NodaConstants.NanosecondsPerTick != 0
            ? throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "A resolution is a positive whole number of ticks (100 ns), such as one second.")
            : resolution;
}
