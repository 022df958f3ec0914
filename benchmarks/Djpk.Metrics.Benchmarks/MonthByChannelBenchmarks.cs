using BenchmarkDotNet.Attributes;
using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Testing;

namespace Djpk.Metrics.Benchmarks;

/// <summary>
/// Consultations per month (Asia/Jakarta) × channel over a synthetic log of 2019–2024: the library against naive LINQ
/// with TimeZoneInfo (baseline), CountBy with a cheap month key, DuckDB's GROUP BY, and a hand-written loop over raw arrays.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class MonthByChannelBenchmarks
{
    private const int Channels = 5;
    private static readonly TimeZoneInfo JakartaInfo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private static readonly long JakartaOffsetTicks = TimeSpan.FromHours(7).Ticks;
    private static readonly AggregationRequest MonthByChannel = AggregationRequest.PerPeriod(PeriodGrain.Month).By(AggregationDimensions.Channel);

    private SyntheticLog _data = null!;
    private InteractionLog _log = null!;
    private InteractionLog _unsorted = null!;
    private DuckDbLog _duck = null!;
    private Aggregator _jakarta = null!;
    private Aggregator _london = null!;
    private Aggregator _oneThread = null!;

    // The first instant of each month of 2019-2024 (and of January 2025) in UTC+7, in Unix ticks.
    private static long[] JakartaMonthStarts { get; } = Enumerable.Range(0, (6 * 12) + 1)
        .Select(m => new DateTime(2019 + (m / 12), (m % 12) + 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks - DateTime.UnixEpoch.Ticks - JakartaOffsetTicks)
        .ToArray();

    /// <summary>Gets or sets the number of records.</summary>
    [ParamsSource(typeof(BenchmarkSizes), nameof(BenchmarkSizes.LogRecords))]
    public int Records { get; set; }

    /// <summary>Builds the log and loads DuckDB from the fixed seed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = LogData.Get(Records);
        _log = _data.Log;
        _jakarta = new Aggregator(ReportingCalendar.Jakarta);
        _london = new Aggregator(ReportingCalendar.ForZone("Europe/London"));
        _oneThread = new Aggregator(ReportingCalendar.Jakarta, 1);
        _unsorted = LogData.Unsorted(Records);
    }

    /// <summary>Builds the log and loads it into DuckDB, for the DuckDB benchmark only.</summary>
    [GlobalSetup(Target = nameof(DuckDbGroupBy))]
    public void SetupDuckDb()
    {
        Setup();
        _duck = DuckDbLog.Load(_data);
    }

    /// <summary>Closes DuckDB.</summary>
    [GlobalCleanup(Target = nameof(DuckDbGroupBy))]
    public void Cleanup() => _duck.Dispose();

    /// <summary>(a) GroupBy over the records, converting each instant with TimeZoneInfo.</summary>
    [Benchmark(Baseline = true)]
    public int NaiveLinqTimeZoneInfo()
    {
        long[] ticks = _data.Ticks;
        byte[] channels = _data.Channels;
        return Enumerable.Range(0, ticks.Length)
            .GroupBy(i =>
            {
                DateTime local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UnixEpoch.AddTicks(ticks[i]), JakartaInfo);
                return (local.Year, local.Month, channels[i]);
            })
            .ToDictionary(g => g.Key, g => g.Count())
            .Count;
    }

    /// <summary>(b) .NET's CountBy with a cheap month key (a fixed +7 h offset).</summary>
    [Benchmark]
    public int CountByCheapMonthKey()
    {
        long[] ticks = _data.Ticks;
        byte[] channels = _data.Channels;
        return Enumerable.Range(0, ticks.Length)
            .CountBy(i =>
            {
                DateTime local = DateTime.UnixEpoch.AddTicks(ticks[i] + JakartaOffsetTicks);
                return (local.Year * 12) + local.Month + (channels[i] << 20);
            })
            .Count();
    }

    /// <summary>(c) DuckDB: GROUP BY month and channel on the loaded table.</summary>
    [Benchmark]
    public int DuckDbGroupBy() =>
        _duck.Query("SELECT date_trunc('month', ts + INTERVAL 7 HOUR) AS month, channel, count(*) FROM log GROUP BY ALL").Rows;

    /// <summary>(d) A hand-written loop over the raw arrays, single-threaded: month starts precomputed for UTC+7, the current month's bounds kept between records.</summary>
    [Benchmark]
    public long[] HandWrittenLoop()
    {
        long[] ticks = _data.Ticks;
        byte[] channels = _data.Channels;
        long[] starts = JakartaMonthStarts;
        var counts = new long[(starts.Length - 1) * Channels];
        long low = 0, high = 0;
        int row = 0;
        for (int i = 0; i < ticks.Length; i++)
        {
            long tick = ticks[i];
            if (tick < low || tick >= high)
            {
                int month = Array.BinarySearch(starts, tick);
                month = month >= 0 ? month : ~month - 1;
                (low, high, row) = (starts[month], starts[month + 1], month * Channels);
            }

            counts[row + channels[i]]++;
        }

        return counts;
    }

    /// <summary>The library on one thread: its overhead against the hand-written loop.</summary>
    [Benchmark]
    public CountCube LibraryOneThread() => _oneThread.Count(_log, MonthByChannel);

    /// <summary>The library, in Asia/Jakarta, on all cores.</summary>
    [Benchmark]
    public CountCube Library() => _jakarta.Count(_log, MonthByChannel);

    /// <summary>The library on the same records in random order: every record's period is looked up.</summary>
    [Benchmark]
    public CountCube LibraryUnsortedLog() => _jakarta.Count(_unsorted, MonthByChannel);

    /// <summary>The library in Europe/London, a zone with daylight saving.</summary>
    [Benchmark]
    public CountCube LibraryDaylightSavingZone() => _london.Count(_log, MonthByChannel);
}
