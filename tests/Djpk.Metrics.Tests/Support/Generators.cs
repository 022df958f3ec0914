using FsCheck;
using FsCheck.Fluent;

namespace Djpk.Metrics.Tests.Support;

/// <summary>Counts of a distribution: small, zero and huge cells, with a total that fits in a long.</summary>
public sealed record Counts(long[] Values)
{
    public override string ToString() => "[" + string.Join(", ", Values) + "]";
}

/// <summary>A count, from zero to near <see cref="long.MaxValue"/>, with the boundaries often.</summary>
public sealed record Count(long Value)
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>FsCheck arbitraries for the hard cases: zero, one, huge, many zero cells.</summary>
public static class Generators
{
    public const long Huge = long.MaxValue / 2;

    public static Arbitrary<Counts> Counts()
    {
        Gen<long> small = Gen.Choose(0, 1000).Select(i => (long)i);
        Gen<long> zero = Gen.Constant(0L);
        Gen<long> large = Gen.Choose(0, int.MaxValue).Select(i => (long)i * 1_000_003L);
        Gen<long> cell = Gen.Frequency((6, small), (3, zero), (1, large));
        Gen<long[]> plain = Gen.NonEmptyListOf(cell).Select(xs => xs.ToArray());
        // Up to two cells near long.MaxValue / 2 among zeros and small counts: the total still fits in a long.
        Gen<long[]> withHuge =
            from offset in Gen.Choose(0, 1000)
            from others in Gen.ListOf(Gen.Frequency((3, zero), (1, Gen.Choose(0, 50).Select(i => (long)i))))
            from two in ArbMap.Default.GeneratorFor<bool>()
            select (two ? new[] { Huge - offset, Huge - 1000 } : new[] { Huge - offset })
                .Concat(others.Take(20)).ToArray();
        Gen<Counts> gen = Gen.Frequency((4, plain), (1, withHuge)).Select(xs => new Counts(xs));
        return Arb.From(gen, Shrink);
    }

    public static Arbitrary<Count> Count()
    {
        Gen<long> gen = Gen.Frequency(
            (5, Gen.Choose(0, 2000).Select(i => (long)i)),
            (2, Gen.Choose(0, int.MaxValue).Select(i => (long)i * (long)int.MaxValue)),
            (1, Gen.Elements(0L, 1L, long.MaxValue, long.MaxValue - 1, Huge)));
        return Arb.From(gen.Select(v => new Count(v)));
    }

    private static IEnumerable<Counts> Shrink(Counts counts)
    {
        long[] values = counts.Values;
        for (int skip = 0; skip < values.Length && values.Length > 1; skip++)
        {
            yield return new Counts(values.Where((_, i) => i != skip).ToArray());
        }

        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] > 1)
            {
                long[] halved = (long[])values.Clone();
                halved[i] /= 2;
                yield return new Counts(halved);
            }
        }
    }
}
