using System.Numerics;

namespace Djpk.Metrics.Aggregation;

/// <summary>An exact set of user keys: a bit set over one log's sorted key table, or a sorted key array.</summary>
internal sealed class UserSet
{
    public static readonly UserSet Empty = new([]);

    private readonly ulong[]? _bits;
    private readonly long[]? _keyTable;
    private long[]? _keys;

    public UserSet(ulong[] bits, long[] keyTable)
    {
        _bits = bits;
        _keyTable = keyTable;
        long count = 0;
        foreach (ulong word in bits)
        {
            count += BitOperations.PopCount(word);
        }

        Count = count;
    }

    public UserSet(long[] sortedKeys)
    {
        _keys = sortedKeys;
        Count = sortedKeys.Length;
    }

    public long Count { get; }

    /// <summary>Returns the keys in ascending order (the key table is sorted, so set bits come out in order).</summary>
    public long[] Keys()
    {
        if (_keys is not null)
        {
            return _keys;
        }

        var keys = new long[Count];
        int next = 0;
        for (int word = 0; word < _bits!.Length; word++)
        {
            ulong bits = _bits[word];
            while (bits != 0)
            {
                keys[next++] = _keyTable![(word << 6) + BitOperations.TrailingZeroCount(bits)];
                bits &= bits - 1;
            }
        }

        return _keys = keys;
    }

    public static UserSet Union(IReadOnlyList<UserSet> sets)
    {
        if (sets.Count == 0)
        {
            return Empty;
        }

        if (sets.Count == 1)
        {
            return sets[0];
        }

        long[]? table = sets[0]._keyTable;
        if (table is not null && sets.All(s => s._bits is not null && ReferenceEquals(s._keyTable, table)))
        {
            var bits = new ulong[sets[0]._bits!.Length];
            foreach (UserSet set in sets)
            {
                for (int i = 0; i < bits.Length; i++)
                {
                    bits[i] |= set._bits![i];
                }
            }

            return new UserSet(bits, table);
        }

        var all = new List<long>();
        foreach (UserSet set in sets)
        {
            all.AddRange(set.Keys());
        }

        return new UserSet(SortedDistinct(all));
    }

    public static long[] SortedDistinct(List<long> keys)
    {
        keys.Sort();
        int unique = 0;
        for (int i = 0; i < keys.Count; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1])
            {
                keys[unique++] = keys[i];
            }
        }

        return [.. keys.GetRange(0, unique)];
    }
}
