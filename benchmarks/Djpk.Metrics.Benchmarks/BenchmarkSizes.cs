using System.Globalization;

namespace Djpk.Metrics.Benchmarks;

/// <summary>The log sizes the benchmarks run at: 1M and 10M records, or the sizes in DJPK_BENCH_RECORDS (a CI smoke run uses a small one).</summary>
public static class BenchmarkSizes
{
    /// <summary>Gets the record counts to benchmark.</summary>
    public static IEnumerable<int> LogRecords =>
        Environment.GetEnvironmentVariable("DJPK_BENCH_RECORDS") is { Length: > 0 } sizes
            ? sizes.Split(',').Select(s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture))
            : [1_000_000, 10_000_000];

    /// <summary>Gets the record counts of the files the reader benchmarks write and read: 1M, or the sizes in DJPK_BENCH_RECORDS.</summary>
    public static IEnumerable<int> FileRecords =>
        Environment.GetEnvironmentVariable("DJPK_BENCH_RECORDS") is { Length: > 0 } ? LogRecords : [1_000_000];
}
