using System.Globalization;
using BenchmarkDotNet.Attributes;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Service;
using Djpk.Metrics.Testing;
using DuckDB.NET.Data;

namespace Djpk.Metrics.Benchmarks;

/// <summary>
/// Median response time per month (Asia/Jakarta) × channel over a synthetic log with service fields (2019–2024, whole
/// seconds, about 97% answered): the library's ServiceMetrics (every service figure, the median among them) against a
/// LINQ group-and-sort baseline and DuckDB's quantile_cont over the same answered records, in the same run.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ResponseTimeBenchmarks : IDisposable
{
    private static readonly long JakartaOffsetTicks = TimeSpan.FromHours(7).Ticks;
    private SyntheticLog _data = null!;
    private InteractionLog _log = null!;
    private DuckDBConnection _duck = null!;

    /// <summary>Gets or sets the number of records.</summary>
    [ParamsSource(typeof(BenchmarkSizes), nameof(BenchmarkSizes.LogRecords))]
    public int Records { get; set; }

    /// <summary>Generates the log from the fixed seed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = SyntheticLog.GenerateWithService(Records);
        _log = _data.Log;
    }

    /// <summary>Generates the log and loads its answered records (time, channel, response in seconds) into DuckDB, for the DuckDB benchmark only.</summary>
    [GlobalSetup(Target = nameof(DuckDbQuantileCont))]
    public void SetupDuckDb()
    {
        Setup();
        _duck = new DuckDBConnection("DataSource=:memory:");
        _duck.Open();
        using (DuckDBCommand create = _duck.CreateCommand())
        {
            create.CommandText = "CREATE TABLE log (ts TIMESTAMP, channel UTINYINT, response_s DOUBLE)";
            create.ExecuteNonQuery();
        }

        using DuckDBAppender appender = _duck.CreateAppender("log");
        long[] responses = _data.Responses!;
        for (int i = 0; i < _data.Ticks.Length; i++)
        {
            if (responses[i] != long.MinValue)
            {
                appender.CreateRow()
                    .AppendValue(DateTime.UnixEpoch.AddTicks(_data.Ticks[i]))
                    .AppendValue(_data.Channels[i])
                    .AppendValue((responses[i] - _data.Ticks[i]) / (double)TimeSpan.TicksPerSecond)
                    .EndRow();
            }
        }
    }

    /// <summary>Closes DuckDB.</summary>
    [GlobalCleanup(Target = nameof(DuckDbQuantileCont))]
    public void Cleanup() => _duck.Dispose();

    /// <summary>Closes DuckDB if it is open.</summary>
    public void Dispose()
    {
        _duck?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>(a) LINQ: group the answered records by a cheap month key (+7 h) and channel, sort each group and interpolate the median.</summary>
    [Benchmark(Baseline = true)]
    public int LinqGroupAndSort()
    {
        long[] ticks = _data.Ticks, responses = _data.Responses!;
        byte[] channels = _data.Channels;
        return Enumerable.Range(0, ticks.Length)
            .Where(i => responses[i] != long.MinValue)
            .GroupBy(i =>
            {
                DateTime local = DateTime.UnixEpoch.AddTicks(ticks[i] + JakartaOffsetTicks);
                return (local.Year * 12) + local.Month + (channels[i] << 20);
            })
            .Select(g =>
            {
                long[] waits = [.. g.Select(i => responses[i] - ticks[i]).Order()];
                double h = (waits.Length - 1) * 0.5;
                int low = (int)h;
                return waits[low] + ((waits[Math.Min(low + 1, waits.Length - 1)] - waits[low]) * (h - low));
            })
            .Count();
    }

    /// <summary>(b) DuckDB: quantile_cont(response, 0.5) grouped by month and channel on the loaded table.</summary>
    [Benchmark]
    public int DuckDbQuantileCont()
    {
        using DuckDBCommand command = _duck.CreateCommand();
        command.CommandText = "SELECT date_trunc('month', ts + INTERVAL 7 HOUR) AS month, channel, quantile_cont(response_s, 0.5) FROM log GROUP BY ALL";
        using var reader = command.ExecuteReader();
        int rows = 0;
        double sum = 0;
        while (reader.Read())
        {
            rows++;
            sum += Convert.ToDouble(reader.GetValue(2), CultureInfo.InvariantCulture);
        }

        return rows + (sum > 0 ? 0 : 1);
    }

    /// <summary>(c) The library: every service figure per month and channel in Asia/Jakarta, the medians read from the cube.</summary>
    [Benchmark]
    public int Library()
    {
        ServiceCube cube = ServiceMetrics.Measure(_log, ReportingCalendar.Jakarta, PeriodGrain.Month, ServiceBreakdown.Channel);
        int medians = 0;
        foreach (ServiceCell cell in cube.Cells)
        {
            medians += cell.Figures.ResponseTime.Median is null ? 0 : 1;
        }

        return medians;
    }
}
