using System.Globalization;
using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using DuckDB.NET.Data;
using NodaTime;

namespace Djpk.Metrics.Tests.Parquet;

/// <summary>DuckDB as the oracle for Parquet files: its month × channel counts in Asia/Jakarta, and the library's, as "yyyy-MM channel" → count.</summary>
internal static class ParquetOracle
{
    /// <summary>Generates <paramref name="rows"/> rows in DuckDB itself from a fixed formula of the row number (no randomness), and copies them to a Parquet file.</summary>
    /// <remarks>Timestamps are TIMESTAMPTZ spread over 2023 and early 2024 at whole seconds, channels and segments DJPK ids, one topic in seven NULL.</remarks>
    public static void Generate(DuckDBConnection duck, string path, int rows) => Execute(duck, $"""
        COPY (
          SELECT TIMESTAMPTZ '2022-12-31 16:00:00+00' + to_seconds((i * 7919) % 36000000) AS "timestamp",
                 ['whatsapp', 'whatsapp', 'whatsapp', 'phone', 'email', 'hai-kemenkeu', 'live-chat'][1 + (i * 31 + i // 5) % 7] AS channel,
                 ['pemda', 'pemda', 'lainnya', 'kementerian-lembaga', 'akademisi'][1 + (i * 17) % 5] AS segment,
                 CASE WHEN i % 7 = 3 THEN NULL ELSE 'Topik ' || (i % 23) END AS topic,
                 CAST(1000 + (i * 104729) % 9973 AS BIGINT) AS "user"
          FROM range({rows.ToString(CultureInfo.InvariantCulture)}) t(i)
        ) TO '{path}' (FORMAT PARQUET)
        """);

    /// <summary>Returns DuckDB's month × channel counts of a Parquet file, the month taken in Asia/Jakarta.</summary>
    public static SortedDictionary<string, long> DuckDbCounts(DuckDBConnection duck, string path)
    {
        using DuckDBCommand command = duck.CreateCommand();
        command.CommandText = $"""
            SELECT strftime(timezone('Asia/Jakarta', "timestamp"), '%Y-%m') AS month, channel, count(*) AS n
            FROM read_parquet('{path}') GROUP BY ALL
            """;
        using var reader = command.ExecuteReader();
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            counts.Add($"{reader.GetString(0)} {reader.GetString(1)}", reader.GetInt64(2));
        }

        return counts;
    }

    /// <summary>Returns the library's month × channel counts of a log, in Asia/Jakarta, leaving out empty cells.</summary>
    public static SortedDictionary<string, long> LibraryCounts(InteractionLog log)
    {
        CountCube cube = new Aggregator(ReportingCalendar.Jakarta).Count(log, AggregationRequest.PerPeriod(PeriodGrain.Month).By(AggregationDimensions.Channel));
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (CountCell cell in cube.Cells())
        {
            if (cell.Count > 0)
            {
                counts.Add($"{cell.Period} {cell.Channel}", cell.Count);
            }
        }

        return counts;
    }

    public static void Execute(DuckDBConnection duck, string sql)
    {
        using DuckDBCommand command = duck.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Returns the log with every time truncated to its microsecond (toward the past), as Parquet keeps it.</summary>
    public static InteractionLog Microseconds(InteractionLog log) =>
        new InteractionLogBuilder(log.Catalog).AddRange(log.Select(c => new Consultation(
            Instant.FromUnixTimeTicks(c.Timestamp.ToUnixTimeTicks() - (((c.Timestamp.ToUnixTimeTicks() % 10) + 10) % 10)),
            c.Channel, c.Segment, c.Topic, c.User))).Build();
}
