using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Aggregation;

/// <summary>Aggregates interaction logs by reporting period in one zone: consultation counts and exact distinct users.</summary>
/// <remarks>
/// Immutable; safe to use from many threads. A large log is split into parts that are counted in parallel and merged;
/// the result equals the sequential one exactly. Allocations are proportional to the result, not to the records.
/// </remarks>
public sealed class Aggregator
{
    /// <summary>The fewest records a parallel part gets; smaller logs are counted on one thread.</summary>
    public const int MinRecordsPerPart = 1 << 18;

    private const long DefaultMaxBitSetBytes = 1L << 30;

    private readonly int _minRecordsPerPart;
    private readonly long _maxBitSetBytes;

    /// <summary>Creates an aggregator for <paramref name="calendar"/> that uses every core.</summary>
    /// <param name="calendar">The zone whose local midnights bound the periods.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    public Aggregator(ReportingCalendar calendar)
        : this(calendar, Environment.ProcessorCount)
    {
    }

    /// <summary>Creates an aggregator for <paramref name="calendar"/> that uses at most <paramref name="maxDegreeOfParallelism"/> threads.</summary>
    /// <param name="calendar">The zone whose local midnights bound the periods.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use; 1 counts sequentially.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is not positive.</exception>
    public Aggregator(ReportingCalendar calendar, int maxDegreeOfParallelism)
        : this(calendar, maxDegreeOfParallelism, MinRecordsPerPart, DefaultMaxBitSetBytes)
    {
    }

    // Tests lower the part size and the bit-set budget to run the parallel and the sorting paths on small logs.
    internal Aggregator(ReportingCalendar calendar, int maxDegreeOfParallelism, int minRecordsPerPart, long maxBitSetBytes)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDegreeOfParallelism);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minRecordsPerPart);
        Calendar = calendar;
        MaxDegreeOfParallelism = maxDegreeOfParallelism;
        _minRecordsPerPart = minRecordsPerPart;
        _maxBitSetBytes = maxBitSetBytes;
    }

    /// <summary>Gets the calendar (zone) of the periods.</summary>
    public ReportingCalendar Calendar { get; }

    /// <summary>Gets the most threads an aggregation uses.</summary>
    public int MaxDegreeOfParallelism { get; }

    /// <summary>Counts the consultations of <paramref name="log"/> per period and breakdown.</summary>
    /// <param name="log">The log.</param>
    /// <param name="request">The grain, breakdown, range and filters.</param>
    /// <returns>The counts, on a gap-free axis; records outside the range are not counted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> or <paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The log is empty and the request has no range.</exception>
    public CountCube Count(InteractionLog log, AggregationRequest request)
    {
        (CubeShape shape, PeriodMap map, RecordFilter filter, int length) = Prepare(log, request);
        using LogMapping.Lease lease = log.Lease();
        int laned = length * CountKernel.Lanes(length);
        (int From, int To)[] parts = Partition(log.Count);
        var partial = new long[parts.Length][];
        if (parts.Length == 1)
        {
            partial[0] = new long[laned];
            CountKernel.Count(log, 0, log.Count, map, shape, filter, partial[0]);
        }
        else
        {
            Parallel.For(0, parts.Length, new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism }, p =>
            {
                partial[p] = new long[laned];
                CountKernel.Count(log, parts[p].From, parts[p].To, map, shape, filter, partial[p]);
            });
        }

        var total = new long[length];
        foreach (long[] counts in partial)
        {
            for (int i = 0; i < counts.Length; i++)
            {
                total[i % length] = checked(total[i % length] + counts[i]);
            }
        }

        return new CountCube(shape, total);
    }

    /// <summary>Counts the distinct users of <paramref name="log"/> per period and breakdown, exactly.</summary>
    /// <param name="log">The log.</param>
    /// <param name="request">The grain, breakdown, range and filters.</param>
    /// <returns>The distinct users, on a gap-free axis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> or <paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The log is empty and the request has no range.</exception>
    public DistinctUserCube CountDistinctUsers(InteractionLog log, AggregationRequest request)
    {
        (CubeShape shape, PeriodMap map, RecordFilter filter, int length) = Prepare(log, request);
        using LogMapping.Lease lease = log.Lease();
        int words = (log.DistinctUsers + 63) / 64;
        (int From, int To)[] parts = Partition(log.Count);
        if ((long)length * words * sizeof(ulong) * parts.Length > _maxBitSetBytes)
        {
            return new DistinctUserCube(shape, CountBySorting(log, map, shape, filter, length));
        }

        ulong[]?[][] partial = new ulong[]?[parts.Length][];
        Parallel.For(0, parts.Length, new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism }, p =>
        {
            var sets = new ulong[]?[length];
            if (log.IsChronological)
            {
                foreach ((int start, int end, int period) in PeriodRuns.Of(log.TicksMemory, parts[p].From, parts[p].To, map))
                {
                    MarkUsers(log, start, end, period, shape, filter, sets, words);
                }
            }
            else
            {
                ReadOnlySpan<long> ticks = log.Ticks;
                for (int i = parts[p].From; i < parts[p].To; i++)
                {
                    int period = map.IndexOf(ticks[i]);
                    if (period >= 0)
                    {
                        MarkUsers(log, i, i + 1, period, shape, filter, sets, words);
                    }
                }
            }

            partial[p] = sets;
        });

        var result = new UserSet?[length];
        for (int cell = 0; cell < length; cell++)
        {
            ulong[]? union = null;
            foreach (ulong[]?[] sets in partial)
            {
                if (sets[cell] is not { } set)
                {
                    continue;
                }

                if (union is null)
                {
                    union = set;
                }
                else
                {
                    for (int w = 0; w < words; w++)
                    {
                        union[w] |= set[w];
                    }
                }
            }

            result[cell] = union is null ? null : new UserSet(union, log.UserKeyTable);
        }

        return new DistinctUserCube(shape, result);
    }

    private (CubeShape Shape, PeriodMap Map, RecordFilter Filter, int Length) Prepare(InteractionLog log, AggregationRequest request)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(request);
        (CubeShape shape, PeriodMap map) = CubeShape.For(log, request, Calendar);
        return (shape, map, RecordFilter.For(log, request), checked(shape.Periods.Count * shape.Cells));
    }

    // Sets the bit of each user of the records [start, end), all in one period, in the set of the record's cell.
    private static void MarkUsers(InteractionLog log, int start, int end, int period, CubeShape shape, RecordFilter filter, ulong[]?[] sets, int words)
    {
        ReadOnlySpan<int> users = log.UserCodes;
        ReadOnlySpan<byte> channels = log.ChannelCodes;
        ReadOnlySpan<byte> segments = log.SegmentCodes;
        ReadOnlySpan<ushort> topics = log.TopicCodes;
        int row = period * shape.Cells;
        for (int i = start; i < end; i++)
        {
            int cell = CountKernel.CellOf(channels, segments, topics, i, shape, filter);
            if (cell >= 0)
            {
                ulong[] set = sets[row + cell] ??= new ulong[words];
                set[users[i] >> 6] |= 1UL << users[i];
            }
        }
    }

    // For breakdowns too wide for bit sets: sort (cell, user) pairs and keep each once.
    private static UserSet?[] CountBySorting(InteractionLog log, PeriodMap map, CubeShape shape, RecordFilter filter, int length)
    {
        var pairs = new List<long>();
        ReadOnlySpan<long> ticks = log.Ticks;
        ReadOnlySpan<byte> channels = log.ChannelCodes;
        ReadOnlySpan<byte> segments = log.SegmentCodes;
        ReadOnlySpan<ushort> topics = log.TopicCodes;
        ReadOnlySpan<int> users = log.UserCodes;
        for (int i = 0; i < log.Count; i++)
        {
            int period = map.IndexOf(ticks[i]);
            int cell = period < 0 ? -1 : CountKernel.CellOf(channels, segments, topics, i, shape, filter);
            if (cell >= 0)
            {
                pairs.Add((((long)period * shape.Cells) + cell) * log.DistinctUsers + users[i]);
            }
        }

        long[] sorted = UserSet.SortedDistinct(pairs);
        ReadOnlySpan<long> userKeys = log.UserKeys;
        var result = new UserSet?[length];
        int start = 0;
        while (start < sorted.Length)
        {
            long cell = sorted[start] / log.DistinctUsers;
            int end = start;
            while (end < sorted.Length && sorted[end] / log.DistinctUsers == cell)
            {
                end++;
            }

            var keys = new long[end - start];
            for (int k = start; k < end; k++)
            {
                keys[k - start] = userKeys[(int)(sorted[k] % log.DistinctUsers)];
            }

            result[cell] = new UserSet(keys);
            start = end;
        }

        return result;
    }

    private (int From, int To)[] Partition(int count)
    {
        int parts = Math.Max(1, Math.Min(MaxDegreeOfParallelism, count / _minRecordsPerPart));
        var ranges = new (int From, int To)[parts];
        for (int p = 0; p < parts; p++)
        {
            ranges[p] = ((int)((long)count * p / parts), (int)((long)count * (p + 1) / parts));
        }

        return ranges;
    }
}
