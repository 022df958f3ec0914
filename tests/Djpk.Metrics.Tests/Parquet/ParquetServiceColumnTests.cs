using Djpk.Metrics.Ingest;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Parquet;
using Djpk.Metrics.Tests.Serialization;
using DuckDB.NET.Data;
using NodaTime;

namespace Djpk.Metrics.Tests.Parquet;

/// <summary>The optional service columns in Parquet: the writer's schema as DuckDB sees it, DuckDB's own files read back, the rejections.</summary>
public sealed class ParquetServiceColumnTests : IDisposable
{
    private static readonly Instant Start = Instant.FromUtc(2023, 12, 4, 2, 15);

    private readonly string _folder = Directory.CreateTempSubdirectory("djpk-parquet-").FullName;
    private readonly DuckDBConnection _duck = new("DataSource=:memory:");

    public ParquetServiceColumnTests() => _duck.Open();

    public void Dispose()
    {
        _duck.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A log of <paramref name="count"/> records at microsecond precision whose service fields come and go with the record's number.</summary>
    internal static InteractionLog ServiceLog(int count)
    {
        var builder = new InteractionLogBuilder(DjpkProfile.Catalog);
        for (int i = 0; i < count; i++)
        {
            Instant at = Start + Duration.FromMilliseconds(i * 61_001L) + Duration.FromTicks(10 * (i % 7));
            builder.Add(new Consultation(at, i % 2 == 0 ? DjpkChannels.WhatsApp : DjpkChannels.Phone, DjpkSegments.Pemda, Topic.Unspecified, new UserKey(i % 13)) with
            {
                FirstResponse = i % 3 == 0 ? null : at + Duration.FromSeconds(i % 90),
                End = i % 4 == 0 ? null : at + Duration.FromMinutes(i % 50) + Duration.FromSeconds(90),
                Outcome = (i % 5) switch { 0 => null, 1 => Outcome.Answered, 2 => Outcome.Abandoned, 3 => Outcome.Resolved, _ => new Outcome("call-back") },
                Agent = i % 6 == 0 ? null : new AgentKey(i % 11),
                Case = i % 7 == 0 ? null : new CaseKey(i / 3),
                Satisfaction = i % 8 == 0 ? null : (i % 5) + 1,
            });
        }

        return builder.Build();
    }

    [Fact]
    public void Write_ThenDuckDbAndTheReader_SeeTheServiceColumns()
    {
        InteractionLog log = ServiceLog(2_000);
        string path = Path.Combine(_folder, "service.parquet");
        ParquetLogWriter.WriteFile(log, path);

        Assert.Equal(log, ParquetLogReader.ReadFile(path, DjpkProfile.IngestOptions).Log);
        using DuckDBCommand types = _duck.CreateCommand();
        types.CommandText = $"SELECT string_agg(column_name || ' ' || column_type, ', ') FROM (DESCRIBE SELECT * FROM read_parquet('{path}'))";
        Assert.Equal(
            "timestamp TIMESTAMP WITH TIME ZONE, channel VARCHAR, segment VARCHAR, topic VARCHAR, user BIGINT, first_response TIMESTAMP WITH TIME ZONE, end TIMESTAMP WITH TIME ZONE, outcome VARCHAR, agent BIGINT, case BIGINT, satisfaction INTEGER",
            types.ExecuteScalar());
        using DuckDBCommand counts = _duck.CreateCommand();
        counts.CommandText = $"""
            SELECT count(first_response), count("end"), count(outcome), count(DISTINCT agent), count(DISTINCT "case"), sum(satisfaction)::BIGINT,
                   count(*) FILTER (WHERE first_response < "timestamp" OR "end" < first_response), sum(epoch_us("end") - epoch_us("timestamp"))::BIGINT
            FROM read_parquet('{path}')
            """;
        using var reader = counts.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(log.Count(c => c.FirstResponse is not null), reader.GetInt64(0));
        Assert.Equal(log.Count(c => c.End is not null), reader.GetInt64(1));
        Assert.Equal(log.Count(c => c.Outcome is not null), reader.GetInt64(2));
        Assert.Equal(log.DistinctAgents, reader.GetInt64(3));
        Assert.Equal(log.DistinctCases, reader.GetInt64(4));
        Assert.Equal(log.Sum(c => c.Satisfaction ?? 0), Convert.ToInt64(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, reader.GetInt64(6));
        Assert.Equal(log.Where(c => c.End is not null).Sum(c => (c.End!.Value - c.Timestamp).BclCompatibleTicks / 10), Convert.ToInt64(reader.GetValue(7), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Read_DuckDbCopyWithServiceColumns_ReadsIntoTheConsultationsAndRejectsTheBadRows()
    {
        string path = Path.Combine(_folder, "duck.parquet");
        ParquetOracle.Execute(_duck, $"""
            COPY (SELECT * FROM (VALUES
              (1, TIMESTAMPTZ '2023-12-04 09:15:00+07', 'whatsapp', 'pemda', 42, TIMESTAMPTZ '2023-12-04 09:20:00+07', TIMESTAMPTZ '2023-12-04 09:45:00+07', 'Resolved', 'petugas-07', 1001::BIGINT, 5::TINYINT),
              (2, TIMESTAMPTZ '2023-12-04 10:15:00+07', 'phone', 'pemda', 43, NULL, NULL, 'no answer', '17', NULL, 4::TINYINT),
              (3, TIMESTAMPTZ '2023-12-04 11:15:00+07', 'phone', 'pemda', 44, NULL, NULL, NULL, NULL, NULL, NULL),
              (4, TIMESTAMPTZ '2023-12-04 11:15:00+07', 'phone', 'pemda', 45, TIMESTAMPTZ '2023-12-04 11:14:00+07', NULL, NULL, NULL, NULL, NULL),
              (5, TIMESTAMPTZ '2023-12-04 11:15:00+07', 'phone', 'pemda', 46, TIMESTAMPTZ '2023-12-04 11:20:00+07', TIMESTAMPTZ '2023-12-04 11:19:00+07', NULL, NULL, NULL, NULL),
              (6, TIMESTAMPTZ '2023-12-04 11:15:00+07', 'phone', 'pemda', 47, NULL, NULL, NULL, NULL, NULL, 0::TINYINT),
              (7, TIMESTAMPTZ '2023-12-04 11:15:00+07', 'phone', 'pemda', 48, NULL, NULL, NULL, NULL, NULL, 6::TINYINT),
              (8, TIMESTAMPTZ '2023-12-04 11:15:00+07', 'phone', 'pemda', 49, NULL, NULL, 'a/b', NULL, NULL, NULL)
            ) t(n, "timestamp", channel, segment, "user", first_response, "end", outcome, agent, "case", satisfaction) ORDER BY n) TO '{path}' (FORMAT PARQUET)
            """);

        IngestResult read = ParquetLogReader.ReadFile(path, DjpkProfile.IngestOptions.Collecting(), LogColumns.Default.WithNames(id: "n"));

        Assert.Equal(
            Djpk.Metrics.Tests.Serialization.ServiceColumnReaderTests.Expected,
            read.Log);
        Assert.Equal(
            [
                (4L, "first_response", RejectionReason.TimesOutOfOrder),
                (5L, "end", RejectionReason.TimesOutOfOrder),
                (6L, "satisfaction", RejectionReason.InvalidValue),
                (7L, "satisfaction", RejectionReason.InvalidValue),
                (8L, "outcome", RejectionReason.InvalidValue),
            ],
            read.Report.Rejections.Select(r => (r.Line, r.Column, r.Reason)));
        Assert.Equal(8, read.Report.RowsRead);
        LogText.AssertAccounting(read.Report);
    }

    [Fact]
    public void Read_ServiceColumnOfAnUnsupportedType_IsAWrongTypeRejection()
    {
        string path = Path.Combine(_folder, "bool.parquet");
        ParquetOracle.Execute(_duck, $"""
            COPY (SELECT TIMESTAMPTZ '2023-12-04 09:15:00+07' AS "timestamp", 'phone' AS channel, 'pemda' AS segment, 1 AS "user", true AS satisfaction) TO '{path}' (FORMAT PARQUET)
            """);
        IngestResult read = ParquetLogReader.ReadFile(path, DjpkProfile.IngestOptions.Collecting());
        IngestRejection rejection = Assert.Single(read.Report.Rejections);
        Assert.Equal(RejectionReason.WrongType, rejection.Reason);
        Assert.Equal("satisfaction", rejection.Column);
    }

    [Fact]
    public void Write_LogWithoutServiceColumns_HasOnlyTheFiveColumns()
    {
        InteractionLog log = new InteractionLogBuilder(DjpkProfile.Catalog)
            .Add(new Consultation(Start, DjpkChannels.Phone, DjpkSegments.Pemda, Topic.Unspecified, new UserKey(1)))
            .Build();
        string path = Path.Combine(_folder, "plain.parquet");
        ParquetLogWriter.WriteFile(log, path);
        using DuckDBCommand types = _duck.CreateCommand();
        types.CommandText = $"SELECT string_agg(column_name, ',') FROM (DESCRIBE SELECT * FROM read_parquet('{path}'))";
        Assert.Equal("timestamp,channel,segment,topic,user", types.ExecuteScalar());
        Assert.Equal(ServiceColumns.None, ParquetLogReader.ReadFile(path, DjpkProfile.IngestOptions).Log.ServiceColumns);
    }
}
