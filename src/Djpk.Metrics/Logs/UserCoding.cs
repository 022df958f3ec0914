using System.Numerics;
using System.Runtime.InteropServices;

namespace Djpk.Metrics.Logs;

/// <summary>Turns the records' raw user keys into dense codes in key order, with the sorted distinct keys.</summary>
/// <remarks>
/// <para>Code c is the c-th smallest distinct key, so distinct users come out of a bit set already sorted and no
/// dictionary is needed anywhere. Three ways, chosen by the keys' spread (max − min):</para>
/// <list type="bullet">
/// <item>a spread within 4 × the record count (ids numbered by a CRM): a rank table over the spread, two passes;</item>
/// <item>otherwise one most-significant-digit pass on the top bits that differ between keys, into buckets small enough
/// for the cache, then each bucket sorted by a least-significant-digit radix sort on both cores;</item>
/// <item>fewer than <see cref="SmallCount"/> records: a comparison sort.</item>
/// </list>
/// <para>The temporaries are 12 bytes per record (keys and positions in bucket order) for the sparse way and 4 bytes per
/// key of spread for the dense way, on top of the 4-byte codes returned.</para>
/// </remarks>
internal static class UserCoding
{
    /// <summary>Below this many records a comparison sort is as fast as any.</summary>
    internal const int SmallCount = 4096;

    private const ulong SignBit = 1UL << 63;
    private const int DenseSpreadFactor = 4;
    private const int MaxBucketBits = 12;
    private const int TargetBucketSize = 4096;
    private const int InsertionSortBelow = 48;

    /// <summary>Codes <paramref name="keys"/>: returns each record's code and the sorted distinct keys.</summary>
    /// <param name="keys">One key per record in its first <paramref name="count"/> items; read only.</param>
    /// <param name="count">The number of records.</param>
    /// <param name="parallelism">How many threads may work at once (1 = the calling thread only).</param>
    public static (int[] Codes, long[] DistinctKeys) Code(long[] keys, int count, int parallelism)
    {
        int n = count;
        if (n == 0)
        {
            return ([], []);
        }

        if (n < SmallCount)
        {
            return ByComparison(keys.AsSpan(0, n));
        }

        (long min, long max) = MinMax(keys.AsSpan(0, n));
        ulong spread = unchecked((ulong)max - (ulong)min);
        return spread < (ulong)n * DenseSpreadFactor
            ? ByRankTable(keys, n, min, (int)spread + 1, parallelism)
            : ByRadix(keys, n, min, max, parallelism);
    }

    private static (int[] Codes, long[] DistinctKeys) ByComparison(ReadOnlySpan<long> keys)
    {
        long[] sorted = keys.ToArray();
        int[] position = new int[sorted.Length];
        for (int i = 0; i < position.Length; i++)
        {
            position[i] = i;
        }

        Array.Sort(sorted, position);
        int[] codes = new int[sorted.Length];
        int distinct = 0;
        for (int rank = 0; rank < sorted.Length; rank++)
        {
            if (rank == 0 || sorted[rank] != sorted[rank - 1])
            {
                sorted[distinct++] = sorted[rank];
            }

            codes[position[rank]] = distinct - 1;
        }

        return (codes, sorted[..distinct]);
    }

    private static (long Min, long Max) MinMax(ReadOnlySpan<long> keys)
    {
        long min = long.MaxValue, max = long.MinValue;
        int i = 0;
        if (Vector.IsHardwareAccelerated && keys.Length >= Vector<long>.Count * 2)
        {
            ReadOnlySpan<Vector<long>> vectors = MemoryMarshal.Cast<long, Vector<long>>(keys);
            Vector<long> low = vectors[0], high = vectors[0];
            foreach (Vector<long> v in vectors[1..])
            {
                low = Vector.Min(low, v);
                high = Vector.Max(high, v);
            }

            for (int lane = 0; lane < Vector<long>.Count; lane++)
            {
                min = Math.Min(min, low[lane]);
                max = Math.Max(max, high[lane]);
            }

            i = vectors.Length * Vector<long>.Count;
        }

        for (; i < keys.Length; i++)
        {
            min = Math.Min(min, keys[i]);
            max = Math.Max(max, keys[i]);
        }

        return (min, max);
    }

    // Dense keys: mark each key's slot, number the marked slots in order, then read each record's code.
    private static (int[] Codes, long[] DistinctKeys) ByRankTable(long[] keys, int n, long min, int slots, int parallelism)
    {
        int[] rank = new int[slots];
        unchecked
        {
            foreach (long key in keys.AsSpan(0, n))
            {
                rank[(int)(key - min)] = 1;
            }
        }

        int distinct = 0;
        foreach (int marked in rank)
        {
            distinct += marked;
        }

        long[] distinctKeys = GC.AllocateUninitializedArray<long>(distinct);
        int next = 0;
        for (int slot = 0; slot < rank.Length; slot++)
        {
            if (rank[slot] != 0)
            {
                distinctKeys[next] = unchecked(min + slot);
                rank[slot] = next++; // an unmarked slot keeps 0: no record reads it
            }
        }

        int[] codes = GC.AllocateUninitializedArray<int>(n);
        ForParts(n, Parts(n, parallelism), (from, to) =>
        {
            unchecked
            {
                for (int i = from; i < to; i++)
                {
                    codes[i] = rank[(int)(keys[i] - min)];
                }
            }
        });

        return (codes, distinctKeys);
    }

    // Sparse keys: one pass into buckets on the highest bits that differ between keys (so bucket order is key order
    // whatever the keys' range), then each bucket sorted in the cache by its remaining low bytes.
    private static (int[] Codes, long[] DistinctKeys) ByRadix(long[] keys, int n, long min, long max, int parallelism)
    {
        ulong differing = unchecked(((ulong)min ^ SignBit) ^ ((ulong)max ^ SignBit));
        int topBit = 63 - BitOperations.LeadingZeroCount(differing);
        int bucketBits = Math.Clamp(BitOperations.Log2((uint)(n / TargetBucketSize)) + 1, 1, MaxBucketBits);
        bucketBits = Math.Min(bucketBits, topBit + 1);
        int shift = topBit + 1 - bucketBits;
        int buckets = 1 << bucketBits;
        int mask = buckets - 1;

        // A parallel counting sort: each thread counts its share of the records per bucket, then scatters them to its
        // own slots of each bucket (threads in order, so every bucket is filled exactly).
        int threads = Parts(n, parallelism);
        int[][] counts = new int[threads][];
        ForParts(threads, threads, (first, end) =>
        {
            for (int t = first; t < end; t++)
            {
                int[] own = counts[t] = new int[buckets];
                unchecked
                {
                    foreach (long key in keys.AsSpan(Share(n, threads, t), Share(n, threads, t + 1) - Share(n, threads, t)))
                    {
                        own[(int)((((ulong)key ^ SignBit) >> shift) & (uint)mask)]++;
                    }
                }
            }
        });

        int[] start = new int[buckets + 1];
        int sum = 0;
        for (int b = 0; b < buckets; b++)
        {
            start[b] = sum;
            for (int t = 0; t < threads; t++)
            {
                int c = counts[t][b];
                counts[t][b] = sum; // from here on: where thread t writes its next record of bucket b
                sum += c;
            }
        }

        start[buckets] = sum;
        ulong[] sorted = GC.AllocateUninitializedArray<ulong>(n);
        int[] position = GC.AllocateUninitializedArray<int>(n);
        ForParts(threads, threads, (first, end) =>
        {
            for (int t = first; t < end; t++)
            {
                int[] fill = counts[t];
                unchecked
                {
                    for (int i = Share(n, threads, t); i < Share(n, threads, t + 1); i++)
                    {
                        ulong key = (ulong)keys[i] ^ SignBit;
                        int target = fill[(int)((key >> shift) & (uint)mask)]++;
                        sorted[target] = key;
                        position[target] = i;
                    }
                }
            }
        });

        int largest = 0;
        for (int b = 0; b < buckets; b++)
        {
            largest = Math.Max(largest, start[b + 1] - start[b]);
        }

        // Sort each bucket and count its distinct keys; parts cover whole buckets of about equal record counts.
        int[] bucketDistinct = new int[buckets];
        int[] partBuckets = PartBuckets(start, parallelism);
        ForParts(partBuckets.Length - 1, partBuckets.Length - 1, (firstPart, endPart) =>
        {
            var scratchKeys = new ulong[largest];
            var scratchPositions = new int[largest];
            for (int part = firstPart; part < endPart; part++)
            {
                for (int b = partBuckets[part]; b < partBuckets[part + 1]; b++)
                {
                    Span<ulong> bucketKeys = sorted.AsSpan(start[b], start[b + 1] - start[b]);
                    Span<int> bucketPositions = position.AsSpan(start[b], bucketKeys.Length);
                    SortBucket(bucketKeys, bucketPositions, shift, scratchKeys, scratchPositions);
                    bucketDistinct[b] = CountDistinct(bucketKeys);
                }
            }
        });

        int[] firstCode = new int[buckets];
        int distinct = 0;
        for (int b = 0; b < buckets; b++)
        {
            firstCode[b] = distinct;
            distinct += bucketDistinct[b];
        }

        long[] distinctKeys = GC.AllocateUninitializedArray<long>(distinct);
        int[] codes = GC.AllocateUninitializedArray<int>(n);
        ForParts(partBuckets.Length - 1, partBuckets.Length - 1, (firstPart, endPart) =>
        {
            for (int part = firstPart; part < endPart; part++)
            {
                for (int b = partBuckets[part]; b < partBuckets[part + 1]; b++)
                {
                    int code = firstCode[b] - 1;
                    ulong previous = 0;
                    for (int r = start[b]; r < start[b + 1]; r++)
                    {
                        ulong key = sorted[r];
                        if (r == start[b] || key != previous)
                        {
                            distinctKeys[++code] = unchecked((long)(key ^ SignBit));
                            previous = key;
                        }

                        codes[position[r]] = code;
                    }
                }
            }
        });

        return (codes, distinctKeys);
    }

    // Splits the buckets into up to `parts` runs of about equal record counts: returns the first bucket of each run
    // and the bucket count at the end.
    private static int[] PartBuckets(int[] start, int parts)
    {
        int buckets = start.Length - 1;
        int n = start[buckets];
        parts = Math.Max(1, Math.Min(parts, buckets));
        var bounds = new List<int>(parts + 1) { 0 };
        int b = 0;
        for (int part = 1; part < parts; part++)
        {
            long goal = (long)n * part / parts;
            while (b < buckets && start[b] < goal)
            {
                b++;
            }

            if (b > bounds[^1])
            {
                bounds.Add(b);
            }
        }

        bounds.Add(buckets);
        return [.. bounds];
    }

    // Sorts keys that agree above bit `bits`, with their positions: a most-significant-digit pass on the next byte down
    // into the scratch and back, then each part the same way, down to parts small enough for an insertion sort.
    private static void SortBucket(Span<ulong> keys, Span<int> positions, int bits, ulong[] scratchKeys, int[] scratchPositions)
    {
        Span<int> counts = stackalloc int[257];
        Span<int> fill = stackalloc int[256];
        while (true)
        {
            if (keys.Length < InsertionSortBelow)
            {
                InsertionSort(keys, positions);
                return;
            }

            if (bits <= 0)
            {
                return; // every key is the same
            }

            int shift = Math.Max(0, bits - 8);
            uint digitMask = (1u << (bits - shift)) - 1;
            counts.Clear();
            unchecked
            {
                foreach (ulong key in keys)
                {
                    counts[(int)((uint)(key >> shift) & digitMask) + 1]++;
                }
            }

            if (counts.Contains(keys.Length))
            {
                bits = shift; // one digit for all: go down a byte without moving anything
                continue;
            }

            for (int v = 0; v < 256; v++)
            {
                counts[v + 1] += counts[v];
            }

            counts[..256].CopyTo(fill);
            Span<ulong> toKeys = scratchKeys.AsSpan(0, keys.Length);
            Span<int> toPositions = scratchPositions.AsSpan(0, keys.Length);
            unchecked
            {
                for (int i = 0; i < keys.Length; i++)
                {
                    ulong key = keys[i];
                    int target = fill[(int)((uint)(key >> shift) & digitMask)]++;
                    toKeys[target] = key;
                    toPositions[target] = positions[i];
                }
            }

            toKeys.CopyTo(keys);
            toPositions.CopyTo(positions);
            for (int v = 0; v < 256; v++)
            {
                int from = counts[v], length = counts[v + 1] - from;
                if (length > 1)
                {
                    SortBucket(keys.Slice(from, length), positions.Slice(from, length), shift, scratchKeys, scratchPositions);
                }
            }

            return;
        }
    }

    private static void InsertionSort(Span<ulong> keys, Span<int> positions)
    {
        for (int i = 1; i < keys.Length; i++)
        {
            ulong key = keys[i];
            int at = positions[i];
            int j = i - 1;
            while (j >= 0 && keys[j] > key)
            {
                keys[j + 1] = keys[j];
                positions[j + 1] = positions[j];
                j--;
            }

            keys[j + 1] = key;
            positions[j + 1] = at;
        }
    }

    private static int CountDistinct(ReadOnlySpan<ulong> sortedKeys)
    {
        int distinct = sortedKeys.IsEmpty ? 0 : 1;
        for (int i = 1; i < sortedKeys.Length; i++)
        {
            distinct += sortedKeys[i] != sortedKeys[i - 1] ? 1 : 0;
        }

        return distinct;
    }

    // The first record of thread t's share when n records are split into `threads` shares.
    private static int Share(int n, int threads, int t) => (int)((long)n * t / threads);

    // How many parts a pass over n records is worth: one per thread, at least 64 Ki records each.
    private static int Parts(int n, int parallelism) => Math.Clamp(n / (1 << 16), 1, Math.Max(1, parallelism));

    // Runs body over [0, count) split into `parts` contiguous ranges, on the thread pool when more than one.
    private static void ForParts(int count, int parts, Action<int, int> body)
    {
        if (parts <= 1)
        {
            body(0, count);
            return;
        }

        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, p =>
            body((int)((long)count * p / parts), (int)((long)count * (p + 1) / parts)));
    }
}
