using Djpk.Metrics.Logs;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Djpk.Metrics.Tests.Logs;

public class UserCodingTests
{
    // The oracle shares nothing with the coding: a comparison sort of the distinct keys and a dictionary of ranks.
    private static (int[] Codes, long[] Distinct) Oracle(long[] keys)
    {
        long[] distinct = [.. keys.Distinct().Order()];
        var rank = new Dictionary<long, int>();
        for (int i = 0; i < distinct.Length; i++)
        {
            rank[distinct[i]] = i;
        }

        return ([.. keys.Select(k => rank[k])], distinct);
    }

    private static long[] Keys(int shape, int count, Random random)
    {
        long[] keys = new long[count];
        int users = Math.Max(1, count / (1 + random.Next(8)));
        long phoneBase = 628_000_000_000L + random.NextInt64(1_000_000_000);
        for (int i = 0; i < count; i++)
        {
            keys[i] = shape switch
            {
                0 => random.NextInt64(long.MinValue, long.MaxValue), // hashed identities
                1 => random.Next(users) - (users / 3), // CRM numbers around zero: the rank table
                2 => phoneBase + (random.Next(users) * 7919L), // phone numbers: high bits all equal
                3 => random.Next(10) < 9 ? 42 : random.NextInt64(), // one user asks nearly everything
                4 => random.Next(4) switch // the extremes of the range
                {
                    0 => long.MinValue + random.Next(3),
                    1 => long.MaxValue - random.Next(3),
                    2 => random.Next(-2, 3),
                    _ => random.NextInt64(long.MinValue, long.MaxValue),
                },
                5 => (long)random.Next(64) << random.Next(64), // few distinct bit patterns, every bucket width
                _ => (random.Next(users) * (long)count * 4) + random.Next(2), // just too spread for the rank table
            };
        }

        return keys;
    }

    [Property(MaxTest = 60)]
    public Property Code_AnyKeys_MatchesSortedDistinctKeysAndTheirRanks(int seed)
    {
        var random = new Random(seed);
        int shape = random.Next(7);
        int count = random.Next(3) switch
        {
            0 => random.Next(0, 5000), // around the comparison-sort threshold
            1 => random.Next(5000, 40_000),
            _ => random.Next(40_000, 300_000), // many buckets, several parts
        };
        long[] keys = Keys(shape, count, random);
        int parallelism = 1 + random.Next(4);

        (int[] codes, long[] distinct) = UserCoding.Code(keys, count, parallelism);
        (int[] expectedCodes, long[] expectedDistinct) = Oracle(keys);
        return (codes.SequenceEqual(expectedCodes) && distinct.SequenceEqual(expectedDistinct))
            .Label($"shape {shape}, {count} keys, {parallelism} threads");
    }

    [Fact]
    public void Code_PrefixOfALongerArray_CodesOnlyThePrefix()
    {
        long[] keys = [.. Enumerable.Range(0, 10_000).Select(i => (long)(i % 977) * 1_000_003), long.MinValue, long.MaxValue];

        (int[] codes, long[] distinct) = UserCoding.Code(keys, 10_000, 2);

        Assert.Equal(10_000, codes.Length);
        Assert.Equal(977, distinct.Length);
        Assert.Equal(0, distinct[0]);
        Assert.Equal(976L * 1_000_003, distinct[^1]);
    }

    [Theory]
    [InlineData(4096)]
    [InlineData(100_000)]
    public void Code_AllKeysEqual_OneUserWithCodeZero(int count)
    {
        long[] keys = Enumerable.Repeat(long.MinValue, count).ToArray();

        (int[] codes, long[] distinct) = UserCoding.Code(keys, count, 2);

        Assert.All(codes, code => Assert.Equal(0, code));
        Assert.Equal([long.MinValue], distinct);
    }

    [Fact]
    public void Code_DenseKeysSpanningTheWholeRankTable_EveryKeyDistinct()
    {
        // A permutation of min..min+n-1 at the bottom of the range: the rank table's slots are all marked.
        long[] keys = [.. Enumerable.Range(0, 50_000).Select(i => long.MinValue + ((i * 7919L) % 50_000))];

        (int[] codes, long[] distinct) = UserCoding.Code(keys, keys.Length, 2);

        Assert.Equal(50_000, distinct.Length);
        Assert.Equal(keys.Select(k => (int)(k - long.MinValue)), codes);
    }
}
