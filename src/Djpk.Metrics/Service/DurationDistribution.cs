using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace Djpk.Metrics.Service;

/// <summary>The distribution of a set of durations, such as response times: their count, exact mean, minimum and maximum, and percentiles exact to a stated resolution.</summary>
/// <remarks>
/// <para>Immutable and mergeable: <see cref="Merge"/> of the distributions of parts is the distribution of the whole,
/// exactly. Each duration is counted in a bucket: measured in whole <see cref="Resolution"/> units (one second by
/// default, truncated), a value below 2^b units (b = <see cref="SignificantBits"/>, 11 by default: 2 048 s, about 34
/// minutes) is its own bucket, and a larger one is truncated to its b leading binary digits, so a bucket is narrower
/// than 1/2^(b−1) of its values (under 0,1 % by default). The buckets a distribution can use are bounded (about 34 000
/// by default), whatever the number of durations: memory does not grow with the volume.</para>
/// <para>The count, sum, <see cref="Min"/>, <see cref="Max"/> and <see cref="Mean"/> use the durations as given, to the
/// tick. <see cref="Percentile"/> and <see cref="Median"/> use each duration's bucket floor, with linear interpolation
/// between the closest ranks (the rule of DuckDB's <c>quantile_cont</c>, R's type 7 and Excel's
/// <c>PERCENTILE.INC</c>), so they are at most one bucket below the percentile of the exact values: exact to the second
/// below 34 minutes, within 0,1 % above; 16 significant bits (the most) keep every value below 65 536 units in its own bucket.</para>
/// <para>An empty distribution has a count of 0 and undefined (<see langword="null"/>) statistics, never NaN.</para>
/// </remarks>
public sealed class DurationDistribution
{
    private readonly ImmutableArray<int> _keys; // the buckets used, ascending
    private readonly ImmutableArray<long> _counts; // how many durations each holds
    private readonly Int128 _totalTicks;

    internal DurationDistribution(Duration resolution, int significantBits, ImmutableArray<int> keys, ImmutableArray<long> counts, long count, Int128 totalTicks, long minTicks, long maxTicks)
    {
        Resolution = resolution;
        SignificantBits = significantBits;
        _keys = keys;
        _counts = counts;
        Count = count;
        _totalTicks = totalTicks;
        MinTicks = minTicks;
        MaxTicks = maxTicks;
    }

    /// <summary>The default resolution of percentiles: one second.</summary>
    public static Duration DefaultResolution { get; } = Duration.FromSeconds(1);

    /// <summary>The default number of significant binary digits of a bucket: 11, exact below 2 048 units and within 0,1 % above.</summary>
    public const int DefaultSignificantBits = 11;

    /// <summary>The largest number of significant binary digits: 16, exact below 65 536 units and within 1/32 768 above.</summary>
    public const int MaxSignificantBits = 16;

    /// <summary>Gets the unit durations are counted in (truncated) before they are bucketed.</summary>
    public Duration Resolution { get; }

    /// <summary>Gets the number of significant binary digits a bucket keeps (see the remarks).</summary>
    public int SignificantBits { get; }

    /// <summary>Gets the number of durations.</summary>
    public long Count { get; }

    /// <summary>Gets the number of buckets the distribution uses, a measure of its size.</summary>
    public int Buckets => _keys.Length;

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
    /// <param name="resolution">The unit, positive and a whole number of ticks; <see langword="null"/> for <see cref="DefaultResolution"/>.</param>
    /// <param name="significantBits">The significant binary digits of a bucket, 1 to <see cref="MaxSignificantBits"/>.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="durations"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A duration is negative, <paramref name="resolution"/> is not a positive whole number of ticks, or <paramref name="significantBits"/> is outside 1 to 16.</exception>
    public static DurationDistribution Of(IEnumerable<Duration> durations, Duration? resolution = null, int significantBits = DefaultSignificantBits)
    {
        ArgumentNullException.ThrowIfNull(durations);
        var counter = new DurationCounter(CheckResolution(resolution ?? DefaultResolution), CheckBits(significantBits));
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

    /// <summary>Returns an empty distribution at <paramref name="resolution"/> and <paramref name="significantBits"/>.</summary>
    /// <param name="resolution">The unit; <see langword="null"/> for <see cref="DefaultResolution"/>.</param>
    /// <param name="significantBits">The significant binary digits of a bucket, 1 to <see cref="MaxSignificantBits"/>.</param>
    /// <returns>The empty distribution.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resolution"/> is not a positive whole number of ticks, or <paramref name="significantBits"/> is outside 1 to 16.</exception>
    public static DurationDistribution Empty(Duration? resolution = null, int significantBits = DefaultSignificantBits) =>
        new DurationCounter(CheckResolution(resolution ?? DefaultResolution), CheckBits(significantBits)).ToDistribution();

    /// <summary>Returns the percentile at <paramref name="fraction"/> of the durations' bucket floors, by linear interpolation between the closest ranks.</summary>
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

    /// <summary>Returns the number of durations whose bucket floor is at most <paramref name="limit"/> (exact when <paramref name="limit"/> is a whole number of units below 2^<see cref="SignificantBits"/>).</summary>
    /// <param name="limit">The limit.</param>
    /// <returns>The count.</returns>
    public long CountAtMost(Duration limit)
    {
        long units = limit < Duration.Zero ? -1 : limit.BclCompatibleTicks / Resolution.BclCompatibleTicks;
        long count = 0;
        for (int i = 0; i < _keys.Length && DurationCounter.LowerBoundOf(_keys[i], SignificantBits) <= units; i++)
        {
            count += _counts[i];
        }

        return count;
    }

    /// <summary>Returns the distribution of the durations of both.</summary>
    /// <param name="other">The other distribution, at the same resolution.</param>
    /// <returns>The merged distribution; the same as the distribution of all the durations at once.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The resolutions or significant bits differ.</exception>
    /// <exception cref="OverflowException">The merged count exceeds <see cref="long.MaxValue"/>.</exception>
    public DurationDistribution Merge(DurationDistribution other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Resolution != Resolution || other.SignificantBits != SignificantBits)
        {
            throw new ArgumentException($"Distributions at resolutions {Resolution} ({SignificantBits} bits) and {other.Resolution} ({other.SignificantBits} bits) cannot be merged; compute both at one resolution.", nameof(other));
        }

        var counter = new DurationCounter(Resolution, SignificantBits);
        counter.Add(this);
        counter.Add(other);
        return counter.ToDistribution();
    }

    /// <summary>Returns the buckets used and their counts, ascending.</summary>
    /// <returns>Pairs of a bucket's floor (a multiple of <see cref="Resolution"/>) and how many durations it holds.</returns>
    public IEnumerable<(Duration Floor, long Count)> Values()
    {
        for (int i = 0; i < _keys.Length; i++)
        {
            yield return (Duration.FromTicks(DurationCounter.LowerBoundOf(_keys[i], SignificantBits) * Resolution.BclCompatibleTicks), _counts[i]);
        }
    }

    /// <summary>Returns the distribution as invariant text, such as <c>n=120 mean=00:04:10 median=00:03:00</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Count == 0
        ? "n=0"
        : string.Create(CultureInfo.InvariantCulture, $"n={Count} mean={Mean!.Value:-H:mm:ss.FFFFFFFFF} median={Median!.Value:-H:mm:ss.FFFFFFFFF}");

    internal ImmutableArray<int> RawKeys => _keys;

    internal ImmutableArray<long> RawCounts => _counts;

    private long ValueAtRank(long rank)
    {
        long seen = 0;
        for (int i = 0; i < _keys.Length; i++)
        {
            seen += _counts[i];
            if (rank < seen)
            {
                return DurationCounter.LowerBoundOf(_keys[i], SignificantBits);
            }
        }

        return DurationCounter.LowerBoundOf(_keys[^1], SignificantBits);
    }

    internal static int CheckBits(int bits) => bits is < 1 or > MaxSignificantBits
        ? throw new ArgumentOutOfRangeException(nameof(bits), bits, "A bucket keeps 1 to 16 significant binary digits; 11 (the default) is within 0.1 %.")
        : bits;

    internal static Duration CheckResolution(Duration resolution) =>
        resolution <= Duration.Zero || resolution.SubsecondNanoseconds % NodaConstants.NanosecondsPerTick != 0
            ? throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "A resolution is a positive whole number of ticks (100 ns), such as one second.")
            : resolution;
}
