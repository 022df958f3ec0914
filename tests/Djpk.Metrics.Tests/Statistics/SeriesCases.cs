using FsCheck;
using FsCheck.Fluent;

namespace Djpk.Metrics.Tests.Statistics;

/// <summary>An exactly linear series a + b·i for i = 0 … months − 1, all values non-negative.</summary>
public sealed record LinearCase(long Intercept, long Slope, int Months, long Shift)
{
    public long[] Values => [.. Enumerable.Range(0, Months).Select(i => Intercept + (Slope * i))];

    public override string ToString() => $"{Intercept} + {Slope}·i, {Months} months, shift {Shift}";
}

/// <summary>Any series, with the hard cases often: one point, constant, huge values, gaps.</summary>
public sealed record SeriesCase(long?[] Values)
{
    public override string ToString() => "[" + string.Join(", ", Values.Select(v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-")) + "]";
}

/// <summary>A series without gaps and a positive scale factor.</summary>
public sealed record ScaledCase(long[] Values, long Factor)
{
    public override string ToString() => $"[{string.Join(", ", Values)}] × {Factor}";
}

public static class SeriesCases
{
    public static Arbitrary<LinearCase> LinearCase()
    {
        Gen<LinearCase> gen =
            from months in Gen.Choose(3, 60)
            from slope in Gen.Frequency((4, Gen.Choose(-50, 50).Select(i => (long)i)), (1, Gen.Choose(-1_000_000, 1_000_000).Select(i => (long)i * 1000L)))
            from baseValue in Gen.Frequency((4, Gen.Choose(0, 10_000).Select(i => (long)i)), (1, Gen.Choose(0, int.MaxValue).Select(i => (long)i * 1_000_000L)))
            from shift in Gen.Choose(0, 100_000).Select(i => (long)i)
            let intercept = baseValue + (slope < 0 ? -slope * (months - 1) : 0)
            select new LinearCase(intercept, slope, months, shift);
        return Arb.From(gen);
    }

    public static Arbitrary<SeriesCase> SeriesCase()
    {
        Gen<long?> small = Gen.Choose(0, 500).Select(i => (long?)i);
        Gen<long?> huge = Gen.Elements<long?>(long.MaxValue, long.MaxValue - 1, long.MaxValue / 2, 1L << 62, (1L << 53) + 1);
        Gen<long?> gap = Gen.Constant<long?>(null);
        Gen<long?> cell = Gen.Frequency((12, small), (1, huge), (1, gap));
        Gen<long?[]> any = from n in Gen.Choose(1, 40) from xs in Gen.ArrayOf(cell, n) select xs;
        Gen<long?[]> constant = from n in Gen.Choose(1, 40) from v in Gen.Frequency((3, small), (1, huge)) select Enumerable.Repeat(v, n).ToArray();
        Gen<long?[]> hugeOnly = from n in Gen.Choose(1, 30) from xs in Gen.ArrayOf(huge, n) select xs;
        return Arb.From(Gen.Frequency((6, any), (2, constant), (1, hugeOnly)).Select(xs => new SeriesCase(xs)));
    }

    public static Arbitrary<ScaledCase> ScaledCase()
    {
        Gen<ScaledCase> gen =
            from n in Gen.Choose(5, 40)
            from values in Gen.ArrayOf(Gen.Frequency((5, Gen.Choose(0, 300)), (1, Gen.Choose(0, 100_000))).Select(i => (long)i), n)
            from factor in Gen.Frequency((3, Gen.Choose(1, 1000)), (1, Gen.Choose(1, int.MaxValue / 4))).Select(i => (long)i)
            select new ScaledCase(values, factor);
        return Arb.From(gen);
    }
}
