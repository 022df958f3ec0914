using BenchmarkDotNet.Attributes;
using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Testing;

namespace Djpk.Metrics.Benchmarks;

/// <summary>Exact distinct users per month (Asia/Jakarta): the library against LINQ (baseline) and DuckDB's count(DISTINCT).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class DistinctUsersBenchmarks
{
    private static readonly long JakartaOffsetTicks = TimeSpan.FromHours(7).Ticks;
    private static readonly AggregationRequest PerMonth = AggregationRequest.PerPeriod(PeriodGrain.Month);

    private SyntheticLog _data = null!;
    private InteractionLog _log = null!;
    private DuckDbLog _duck = null!;
    private Aggregator _aggregator = null!;

    /// <summary>Gets or sets the number of records.</summary>
    [ParamsSource(typeof(BenchmarkSizes), nameof(BenchmarkSizes.LogRecords))]
    public int Records { get; set; }

    /// <summary>Builds the log and loads DuckDB from the fixed seed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = LogData.Get(Records);
        _log = _data.Log;
        _aggregator = new Aggregator(ReportingCalendar.Jakarta);
    }

    /// <summary>Builds the log and loads it into DuckDB, for the DuckDB benchmark only.</summary>
    [GlobalSetup(Target = nameof(DuckDbCountDistinct))]
    public void SetupDuckDb()
    {
        Setup();
        _duck = DuckDbLog.Load(_data);
    }

    /// <summary>Closes DuckDB.</summary>
    [GlobalCleanup(Target = nameof(DuckDbCountDistinct))]
    public void Cleanup() => _duck.Dispose();

    /// <summary>GroupBy month, then a HashSet of users per group.</summary>
    [Benchmark(Baseline = true)]
    public int NaiveLinq()
    {
        long[] ticks = _data.Ticks;
        long[] users = _data.Users;
        return Enumerable.Range(0, ticks.Length)
            .GroupBy(i =>
            {
                DateTime local = DateTime.UnixEpoch.AddTicks(ticks[i] + JakartaOffsetTicks);
                return (local.Year * 12) + local.Month;
            })
            .Sum(g => g.Select(i => users[i]).Distinct().Count());
    }

    /// <summary>DuckDB: count(DISTINCT user) per month on the loaded table.</summary>
    [Benchmark]
    public long DuckDbCountDistinct() =>
        _duck.Query("SELECT date_trunc('month', ts + INTERVAL 7 HOUR) AS month, count(DISTINCT user_key) FROM log GROUP BY ALL").Sum;

    /// <summary>The library: exact bit sets over the log's user codes, on all cores.</summary>
    [Benchmark]
    public long Library()
    {
        DistinctUserCube cube = _aggregator.CountDistinctUsers(_log, PerMonth);
        long total = 0;
        foreach (long? count in cube.Series())
        {
            total += count ?? 0;
        }

        return total;
    }
}
