using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Ingest;
using DuckDB.NET.Data;
using NodaTime;

namespace Djpk.Metrics.Benchmarks;

/// <summary>
/// Loading a synthetic log (fixed seed) from a JSON Lines file and a CSV file on disk: the library's readers against
/// JsonSerializer.Deserialize line by line into the builder (baseline), and against DuckDB's read_json / read_csv into a table.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class LogReaderBenchmarks
{
    private string _folder = string.Empty;
    private string _jsonl = string.Empty;
    private string _csv = string.Empty;

    /// <summary>Gets or sets the number of records in the files.</summary>
    [ParamsSource(typeof(BenchmarkSizes), nameof(BenchmarkSizes.FileRecords))]
    public int Records { get; set; }

    /// <summary>Writes the files, with Jakarta offsets, to a temporary folder.</summary>
    [GlobalSetup]
    public void Setup()
    {
        InteractionLog log = LogData.Get(Records).Log;
        _folder = Directory.CreateTempSubdirectory("djpk-bench-").FullName;
        _jsonl = Path.Combine(_folder, "log.jsonl");
        _csv = Path.Combine(_folder, "log.csv");
        DateTimeZone jakarta = DateTimeZoneProviders.Tzdb["Asia/Jakarta"];
        using (FileStream json = File.Create(_jsonl))
        {
            JsonLinesLogWriter.Write(log, json, jakarta);
        }

        using var csv = new StreamWriter(_csv);
        CsvLogWriter.Write(log, csv, ',', jakarta);
    }

    /// <summary>Deletes the files.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    /// <summary>The naive way: deserialize each line (source-generated), parse the timestamp, add to the builder.</summary>
    [Benchmark(Baseline = true)]
    public int JsonSerializerPerLine()
    {
        var builder = new InteractionLogBuilder(DjpkProfile.Catalog);
        foreach (string line in File.ReadLines(_jsonl))
        {
            JsonRecord record = JsonSerializer.Deserialize(line, BenchmarkJsonContext.Default.JsonRecord)!;
            builder.Add(new Consultation(
                Instant.FromDateTimeOffset(DateTimeOffset.Parse(record.Timestamp, CultureInfo.InvariantCulture)),
                new Channel(record.Channel),
                new UserSegment(record.Segment),
                record.Topic is null ? Topic.Unspecified : new Topic(record.Topic),
                new UserKey(record.User)));
        }

        return builder.Build().Count;
    }

    /// <summary>The library's JSON Lines reader.</summary>
    [Benchmark]
    public int JsonLinesReader() => JsonLinesLogReader.ReadFile(_jsonl, DjpkProfile.IngestOptions).Log.Count;

    /// <summary>DuckDB's read_json into a table of an in-memory database.</summary>
    [Benchmark]
    public long DuckDbReadJson() => DuckDbLoad(
        $"read_json('{_jsonl}', format = 'newline_delimited', columns = {{\"timestamp\": 'TIMESTAMPTZ', channel: 'VARCHAR', segment: 'VARCHAR', topic: 'VARCHAR', \"user\": 'BIGINT'}})");

    /// <summary>The library's CSV reader.</summary>
    [Benchmark]
    public int CsvReader() => CsvLogReader.ReadFile(_csv, DjpkProfile.IngestOptions).Log.Count;

    /// <summary>DuckDB's read_csv into a table of an in-memory database.</summary>
    [Benchmark]
    public long DuckDbReadCsv() => DuckDbLoad(
        $"read_csv('{_csv}', header = true, delim = ',', columns = {{\"timestamp\": 'TIMESTAMPTZ', channel: 'VARCHAR', segment: 'VARCHAR', topic: 'VARCHAR', \"user\": 'BIGINT'}})");

    private static long DuckDbLoad(string source)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = $"CREATE TABLE log AS SELECT * FROM {source}; SELECT count(*) FROM log";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}

/// <summary>One line of the JSON Lines file, as the baseline deserializes it.</summary>
internal sealed record JsonRecord(string Timestamp, string Channel, string Segment, string? Topic, long User);

/// <summary>The baseline's source-generated serializer.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(JsonRecord))]
internal sealed partial class BenchmarkJsonContext : JsonSerializerContext;
