using System.Globalization;
using BenchmarkDotNet.Attributes;
using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Parquet;
using Djpk.Metrics.Periods;
using DuckDB.NET.Data;
using NodaTime;

namespace Djpk.Metrics.Benchmarks;

/// <summary>
/// From a file on disk to the month × channel counts in Asia/Jakarta: the library (read the file into a log, then
/// aggregate) against DuckDB (read_parquet / read_csv / read_json with GROUP BY on timezone('Asia/Jakarta', ts)), on
/// the same Parquet, CSV and JSON Lines files of the synthetic log (fixed seed), written once in GlobalSetup; and the
/// library's own columnar file of the same records, mapped (Open) and copied (Load), against the same read_parquet baseline.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class FileMonthByChannelBenchmarks
{
    private const string Columns = "{\"timestamp\": 'TIMESTAMPTZ', channel: 'VARCHAR', segment: 'VARCHAR', topic: 'VARCHAR', \"user\": 'BIGINT'}";
    private static readonly AggregationRequest MonthByChannel = AggregationRequest.PerPeriod(PeriodGrain.Month).By(AggregationDimensions.Channel);
    private readonly Aggregator _jakarta = new(ReportingCalendar.Jakarta);
    private string _parquet = string.Empty;
    private string _csv = string.Empty;
    private string _jsonl = string.Empty;
    private string _logFile = string.Empty;

    private static Dictionary<int, string> Folders { get; } = [];

    /// <summary>Gets or sets the number of records in the files: 1M, or DJPK_BENCH_RECORDS.</summary>
    [ParamsSource(typeof(BenchmarkSizes), nameof(BenchmarkSizes.FileRecords))]
    public int Records { get; set; }

    /// <summary>Writes the four files to a temporary folder once per size and process (each benchmark's setup reuses them; they are deleted when the process exits), and checks once that the library and DuckDB agree on each.</summary>
    [GlobalSetup]
    public void Setup()
    {
        lock (Folders)
        {
            if (Folders.TryGetValue(Records, out string? folder))
            {
                SetPaths(folder);
                return;
            }

            InteractionLog log = LogData.Get(Records).Log;
            folder = Directory.CreateTempSubdirectory("djpk-bench-").FullName;
            if (Folders.Count == 0)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                {
                    foreach (string written in Folders.Values)
                    {
                        Directory.Delete(written, recursive: true);
                    }
                };
            }

            Folders.Add(Records, folder);
            SetPaths(folder);
            DateTimeZone jakarta = DateTimeZoneProviders.Tzdb["Asia/Jakarta"];
            log.Save(_logFile);
            ParquetLogWriter.WriteFile(log, _parquet);
            using (FileStream json = File.Create(_jsonl))
            {
                JsonLinesLogWriter.Write(log, json, jakarta);
            }

            using (var csv = new StreamWriter(_csv))
            {
                CsvLogWriter.Write(log, csv, ',', jakarta);
            }

            // The Parquet reader is checked only at small sizes: at 10M it takes longer than the whole check of the rest.
            long total = LibraryLogFileLoad().Total();
            if (LibraryLogFileOpen().Total() != total || (Records <= 2_000_000 && LibraryParquet().Total() != total))
            {
                throw new InvalidOperationException("The library's readers disagree on the counts of the same records.");
            }

            foreach ((long Cells, long Sum) duck in new[] { DuckDbParquet(), DuckDbCsv(), DuckDbJsonLines() })
            {
                if (duck.Sum != total || total != Records)
                {
                    throw new InvalidOperationException($"DuckDB counted {duck.Sum} records, the library {total}, of {Records}.");
                }
            }
        }
    }

    /// <summary>DuckDB: read_parquet, GROUP BY month in Jakarta and channel.</summary>
    [Benchmark(Baseline = true)]
    public (long Cells, long Sum) DuckDbParquet() => DuckDbGroupBy($"read_parquet('{_parquet}')");

    /// <summary>The library: ParquetLogReader.ReadFile, then Aggregator.Count.</summary>
    [Benchmark]
    public CountCube LibraryParquet() => _jakarta.Count(ParquetLogReader.ReadFile(_parquet, DjpkProfile.IngestOptions).Log, MonthByChannel);

    /// <summary>The library's own columnar file of the same records: InteractionLog.Open (mapped, checked in full), then Aggregator.Count.</summary>
    [Benchmark]
    public CountCube LibraryLogFileOpen()
    {
        using InteractionLog log = InteractionLog.Open(_logFile);
        return _jakarta.Count(log, MonthByChannel);
    }

    /// <summary>The library's own columnar file: InteractionLog.Load (copied into arrays, checked in full), then Aggregator.Count.</summary>
    [Benchmark]
    public CountCube LibraryLogFileLoad() => _jakarta.Count(InteractionLog.Load(_logFile), MonthByChannel);

    /// <summary>DuckDB: read_csv with typed columns, GROUP BY month in Jakarta and channel.</summary>
    [Benchmark]
    public (long Cells, long Sum) DuckDbCsv() => DuckDbGroupBy($"read_csv('{_csv}', header = true, delim = ',', columns = {Columns})");

    /// <summary>The library: CsvLogReader.ReadFile, then Aggregator.Count.</summary>
    [Benchmark]
    public CountCube LibraryCsv() => _jakarta.Count(CsvLogReader.ReadFile(_csv, DjpkProfile.IngestOptions).Log, MonthByChannel);

    /// <summary>DuckDB: read_json (newline-delimited) with typed columns, GROUP BY month in Jakarta and channel.</summary>
    [Benchmark]
    public (long Cells, long Sum) DuckDbJsonLines() => DuckDbGroupBy($"read_json('{_jsonl}', format = 'newline_delimited', columns = {Columns})");

    /// <summary>The library: JsonLinesLogReader.ReadFile, then Aggregator.Count.</summary>
    [Benchmark]
    public CountCube LibraryJsonLines() => _jakarta.Count(JsonLinesLogReader.ReadFile(_jsonl, DjpkProfile.IngestOptions).Log, MonthByChannel);

    private void SetPaths(string folder)
    {
        _parquet = Path.Combine(folder, "log.parquet");
        _csv = Path.Combine(folder, "log.csv");
        _jsonl = Path.Combine(folder, "log.jsonl");
        _logFile = Path.Combine(folder, "log.djpklog");
    }

    private static (long Cells, long Sum) DuckDbGroupBy(string source)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = $"""
            SET TimeZone = 'UTC';
            SELECT strftime(timezone('Asia/Jakarta', "timestamp"), '%Y-%m') AS month, channel, count(*) AS n FROM {source} GROUP BY ALL
            """;
        using var reader = command.ExecuteReader();
        long cells = 0, sum = 0;
        while (reader.Read())
        {
            cells++;
            sum += Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture);
        }

        return (cells, sum);
    }
}
