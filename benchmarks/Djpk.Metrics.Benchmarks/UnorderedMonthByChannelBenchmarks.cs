using BenchmarkDotNet.Attributes;
using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Testing;

namespace Djpk.Metrics.Benchmarks;

/// <summary>
/// Consultations per month × channel over the synthetic log of 2019–2024 in random record order (a log merged from
/// several exports): the library against hand-written loops over the same shuffled arrays, in Asia/Jakarta and in a
/// daylight-saving zone (Europe/London).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class UnorderedMonthByChannelBenchmarks
{
    private const int Channels = 5;
    private const int Months = 6 * 12;
    private static readonly long JakartaOffsetTicks = TimeSpan.FromHours(7).Ticks;
    private static readonly long FirstLocalDay = new DateTime(2019, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks / TimeSpan.TicksPerDay;
    private static readonly AggregationRequest MonthByChannel = AggregationRequest.PerPeriod(PeriodGrain.Month).By(AggregationDimensions.Channel);

    private long[] _ticks = [];
    private byte[] _channels = [];
    private int[] _dayRows = [];
    private InteractionLog _log = null!;
    private Aggregator _jakarta = null!;
    private Aggregator _jakartaOneThread = null!;
    private Aggregator _london = null!;
    private Aggregator _londonOneThread = null!;

    // The first instant of each month of 2019-2024 (and of January 2025) in UTC+7, in Unix ticks.
    private static long[] JakartaMonthStarts { get; } = Enumerable.Range(0, Months + 1)
        .Select(m => new DateTime(2019 + (m / 12), (m % 12) + 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks - DateTime.UnixEpoch.Ticks - JakartaOffsetTicks)
        .ToArray();

    /// <summary>Gets or sets the number of records.</summary>
    [ParamsSource(typeof(BenchmarkSizes), nameof(BenchmarkSizes.LogRecords))]
    public int Records { get; set; }

    /// <summary>Shuffles the synthetic log with its fixed seed, keeping the shuffled raw arrays for the hand-written loops.</summary>
    [GlobalSetup]
    public void Setup()
    {
        SyntheticLog data = LogData.Get(Records);
        _log = LogData.Unsorted(Records);
        int[] order = Enumerable.Range(0, Records).ToArray();
        new Random(SyntheticLog.DefaultSeed).Shuffle(order); // the order SyntheticLog.Shuffled uses
        _ticks = new long[Records];
        _channels = new byte[Records];
        for (int i = 0; i < order.Length; i++)
        {
            (_ticks[i], _channels[i]) = (data.Ticks[order[i]], data.Channels[order[i]]);
        }

        // The month row of each local day of 2019-2024 in UTC+7.
        var rows = new List<int>();
        for (var day = new DateTime(2019, 1, 1, 0, 0, 0, DateTimeKind.Utc); day.Year < 2025; day = day.AddDays(1))
        {
            rows.Add((((day.Year - 2019) * 12) + day.Month - 1) * Channels);
        }

        _dayRows = [.. rows];
        _jakarta = new Aggregator(ReportingCalendar.Jakarta);
        _jakartaOneThread = new Aggregator(ReportingCalendar.Jakarta, 1);
        _london = new Aggregator(ReportingCalendar.ForZone("Europe/London"));
        _londonOneThread = new Aggregator(ReportingCalendar.ForZone("Europe/London"), 1);
        if (_jakarta.Count(_log, MonthByChannel).Total() != HandWrittenDayTable().Sum())
        {
            throw new InvalidOperationException("The library and the hand-written loop disagree.");
        }
    }

    /// <summary>A hand-written loop over the shuffled arrays, one thread: the local day (fixed UTC+7) indexes a table of month rows.</summary>
    [Benchmark(Baseline = true)]
    public long[] HandWrittenDayTable()
    {
        long[] ticks = _ticks;
        byte[] channels = _channels;
        int[] dayRows = _dayRows;
        long shift = (DateTime.UnixEpoch.Ticks / TimeSpan.TicksPerDay) - FirstLocalDay;
        var counts = new long[Months * Channels];
        for (int i = 0; i < ticks.Length; i++)
        {
            long day = ((ticks[i] + JakartaOffsetTicks) / TimeSpan.TicksPerDay) + shift;
            if ((ulong)day < (ulong)dayRows.Length)
            {
                counts[dayRows[day] + channels[i]]++;
            }
        }

        return counts;
    }

    /// <summary>The sorted-log benchmark's hand-written loop over the shuffled arrays: month bounds cached between records, a binary search when they change.</summary>
    [Benchmark]
    public long[] HandWrittenCachedBounds()
    {
        long[] ticks = _ticks;
        byte[] channels = _channels;
        long[] starts = JakartaMonthStarts;
        var counts = new long[Months * Channels];
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

    /// <summary>The library in Asia/Jakarta on one thread.</summary>
    [Benchmark]
    public CountCube LibraryOneThread() => _jakartaOneThread.Count(_log, MonthByChannel);

    /// <summary>The library in Asia/Jakarta on all cores.</summary>
    [Benchmark]
    public CountCube Library() => _jakarta.Count(_log, MonthByChannel);

    /// <summary>The library in Europe/London (daylight saving) on one thread.</summary>
    [Benchmark]
    public CountCube LibraryDaylightSavingOneThread() => _londonOneThread.Count(_log, MonthByChannel);

    /// <summary>The library in Europe/London (daylight saving) on all cores.</summary>
    [Benchmark]
    public CountCube LibraryDaylightSaving() => _london.Count(_log, MonthByChannel);
}
