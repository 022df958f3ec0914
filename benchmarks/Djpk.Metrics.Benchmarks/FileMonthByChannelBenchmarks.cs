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
/// the same Parquet, CSV and JSON Lines files of the synthetic log (fixed seed), written once in GlobalSetup.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class FileMonthByChannelBenchmarks
{
    private const string Columns = "{\"timestamp\": 'TIMESTAMPTZ', channel: 'VARCHAR', segment: 'VARCHAR', topic: 'VARCHAR', \"user\": 'BIGINT'}";
    private static readonly AggregationRequest MonthByChannel = AggregationRequest.PerPeriod(PeriodGrain.Month).By(AggregationDimensions.Channel);
    private readonly Aggregator _jakarta = new(ReportingCalendar.Jakarta);
    private string _folder = string.Empty;
    private string _parquet = string.Empty;
    private string _csv = string.Empty;
    private string _jsonl = string.Empty;

    /// <summary>Gets or sets the number of records in the files: 1M, or DJPK_BENCH_RECORDS.</summary>
    [ParamsSource(typeof(BenchmarkSizes), nameof(BenchmarkSizes.FileRecords))]
    public int Records { get; set; }

    /// <summary>Writes the three files to a temporary folder, and checks that the library and DuckDB agree on each.</summary>
    [GlobalSetup]
    public void Setup()
    {
        InteractionLog log = LogData.Get(Records).Log;
        _folder = Directory.CreateTempSubdirectory("djpk-bench-").FullName;
        _parquet = Path.Combine(_folder, "log.parquet");
        _csv = Path.Combine(_folder, "log.csv");
        _jsonl = Path.Combine(_folder, "log.jsonl");
        DateTimeZone jakarta = DateTimeZoneProviders.Tzdb["Asia/Jakarta"];
        ParquetLogWriter.WriteFile(log, _parquet);
        using (FileStream json = File.Create(_jsonl))
        {
            JsonLinesLogWriter.Write(log, json, jakarta);
        }

        using (var csv = new StreamWriter(_csv))
        {
            CsvLogWriter.Write(log, csv, ',', jakarta);
        }

        long total = LibraryParquet().Total();
        foreach ((long Cells, long Sum) duck in new[] { DuckDbParquet(), DuckDbCsv(), DuckDbJsonLines() })
        {
            if (duck.Sum != total || total != Records)
            {
                throw new InvalidOperationException($"DuckDB counted {duck.Sum} records, the library {total}, of {Records}.");
            }
        }
    }

    /// <summary>Deletes the files.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    /// <summary>DuckDB: read_parquet, GROUP BY month in Jakarta and channel.</summary>
    [Benchmark(Baseline = true)]
    public (long Cells, long Sum) DuckDbParquet() => DuckDbGroupBy($"read_parquet('{_parquet}')");

    /// <summary>The library: ParquetLogReader.ReadFile, then Aggregator.Count.</summary>
    [Benchmark]
    public CountCube LibraryParquet() => _jakarta.Count(ParquetLogReader.ReadFile(_parquet, DjpkProfile.IngestOptions).Log, MonthByChannel);

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
