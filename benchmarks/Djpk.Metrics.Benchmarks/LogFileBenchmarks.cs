using BenchmarkDotNet.Attributes;
using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Benchmarks;

/// <summary>The library's columnar log file: saving the synthetic log, and opening it and answering month × channel (Asia/Jakarta).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class LogFileBenchmarks
{
    private static readonly AggregationRequest MonthByChannel = AggregationRequest.PerPeriod(PeriodGrain.Month).By(AggregationDimensions.Channel);

    private InteractionLog _log = null!;
    private Aggregator _jakarta = null!;
    private string _saved = string.Empty;
    private string _scratch = string.Empty;

    /// <summary>Gets or sets the number of records.</summary>
    [ParamsSource(typeof(BenchmarkSizes), nameof(BenchmarkSizes.LogRecords))]
    public int Records { get; set; }

    /// <summary>Builds the log and saves it once for the open benchmark.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _log = LogData.Get(Records).Log;
        _jakarta = new Aggregator(ReportingCalendar.Jakarta);
        string folder = Path.Combine(Path.GetTempPath(), "djpk-bench");
        Directory.CreateDirectory(folder);
        _saved = Path.Combine(folder, $"log-{Records}.djpklog");
        _scratch = Path.Combine(folder, $"scratch-{Records}.djpklog");
        _log.Save(_saved);
    }

    /// <summary>Deletes the files.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        File.Delete(_saved);
        File.Delete(_scratch);
    }

    /// <summary>Saves the log to a file (the operating system's cache; no flush to the disk).</summary>
    [Benchmark]
    public void Save() => _log.Save(_scratch);

    /// <summary>Opens the saved file mapped (checksums and range checks included), counts month × channel, and disposes the log.</summary>
    [Benchmark]
    public long OpenAndAnswer()
    {
        using InteractionLog log = InteractionLog.Open(_saved);
        return _jakarta.Count(log, MonthByChannel).Total();
    }

    /// <summary>Loads the saved file into arrays (checksums and range checks included) and counts month × channel.</summary>
    [Benchmark]
    public long LoadAndAnswer() => _jakarta.Count(InteractionLog.Load(_saved), MonthByChannel).Total();

    /// <summary>Counts month × channel on the log in memory, for comparison.</summary>
    [Benchmark(Baseline = true)]
    public long AnswerInMemory() => _jakarta.Count(_log, MonthByChannel).Total();
}
