using Djpk.Metrics.Ingest;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Parquet;
using Djpk.Metrics.Profiles;
using Djpk.Metrics.Testing;
using DuckDB.NET.Data;
using NodaTime;

namespace Djpk.Metrics.Tests.Parquet;

public sealed class ParquetLogWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("djpk-parquet-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    internal static InteractionLog Sample(int records, int seed)
    {
        InteractionLog generated = SyntheticLog.Generate(records, userCount: 700, topicCount: 40, seed: seed).Log;
        var builder = new InteractionLogBuilder(generated.Catalog).AddRange(generated);
        builder.Add(new Consultation(Instant.FromUtc(2024, 2, 29, 16, 59, 59), DjpkChannels.LiveChat, DjpkSegments.Lainnya, Topic.Unspecified, new UserKey(-5)));
        builder.Add(new Consultation(Instant.FromUtc(1969, 12, 31, 23, 59, 59).PlusTicks(1234567), DjpkChannels.Email, DjpkSegments.Pemda, new Topic("Topik ünïcode, \"quoted\""), new UserKey(long.MaxValue)));
        return ParquetOracle.Microseconds(builder.Build());
    }

    [Fact]
    public void Write_ThenRead_GivesTheSameLog()
    {
        InteractionLog log = Sample(5_000, seed: 16);
        using var stream = new MemoryStream();
        ParquetLogWriter.Write(log, stream);
        stream.Position = 0;
        IngestResult read = ParquetLogReader.Read(stream, DjpkProfile.IngestOptions);
        Assert.Equal(log, read.Log);
        Assert.Equal(log.Count, read.Report.Accepted);
        Assert.Equal(0, read.Report.Rejected);
        Assert.Equal(stream.Length, read.Report.BytesRead);
    }

    [Fact]
    public void Write_MoreThanOneRowGroup_ReadsBackInOrder()
    {
        InteractionLog log = ParquetOracle.Microseconds(SyntheticLog.Generate(140_000, userCount: 5_000, topicCount: 50, seed: 2).Log);
        using var stream = new MemoryStream();
        ParquetLogWriter.Write(log, stream);
        stream.Position = 0;
        IngestResult read = ParquetLogReader.Read(stream, DjpkProfile.IngestOptions);
        Assert.Equal(log, read.Log);
        Assert.True(read.Log.IsChronological);
    }

    [Fact]
    public void Write_EmptyLog_ReadsBackEmpty()
    {
        using var stream = new MemoryStream();
        ParquetLogWriter.Write(new InteractionLogBuilder(DjpkProfile.Catalog).Build(), stream);
        stream.Position = 0;
        IngestResult read = ParquetLogReader.Read(stream, DjpkProfile.IngestOptions);
        Assert.Empty(read.Log);
        Assert.Equal(0, read.Report.RowsRead);
    }

    [Fact]
    public void Write_SubMicrosecondTimes_AreTruncatedTowardThePast()
    {
        Instant before = Instant.FromUtc(1969, 12, 31, 23, 59, 59).PlusTicks(9_999_999);
        Instant after = Instant.FromUtc(2023, 12, 4, 3, 15).PlusTicks(17);
        InteractionLog log = new InteractionLogBuilder(DjpkProfile.Catalog)
            .Add(new Consultation(before, DjpkChannels.WhatsApp, DjpkSegments.Pemda, Topic.Unspecified, new UserKey(1)))
            .Add(new Consultation(after, DjpkChannels.WhatsApp, DjpkSegments.Pemda, Topic.Unspecified, new UserKey(1)))
            .Build();
        using var stream = new MemoryStream();
        ParquetLogWriter.Write(log, stream);
        stream.Position = 0;
        InteractionLog read = ParquetLogReader.Read(stream, DjpkProfile.IngestOptions).Log;
        Assert.Equal(before.PlusTicks(-9), read[0].Timestamp);
        Assert.Equal(after.PlusTicks(-7), read[1].Timestamp);
    }

    [Fact]
    public void WriteFile_ThenDuckDbReadParquet_GivesTheSameMonthByChannelCounts()
    {
        InteractionLog log = Sample(20_000, seed: 1612);
        string path = Path.Combine(_folder, "log.parquet");
        ParquetLogWriter.WriteFile(log, path);
        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        Assert.Equal(ParquetOracle.LibraryCounts(log), ParquetOracle.DuckDbCounts(duck, path));

        // DuckDB sees the documented types: a TIMESTAMPTZ, two dictionary-encoded strings, an optional topic and a BIGINT user.
        using DuckDBCommand types = duck.CreateCommand();
        types.CommandText = $"SELECT string_agg(column_name || ' ' || column_type, ', ') FROM (DESCRIBE SELECT * FROM read_parquet('{path}'))";
        Assert.Equal("timestamp TIMESTAMP WITH TIME ZONE, channel VARCHAR, segment VARCHAR, topic VARCHAR, user BIGINT", types.ExecuteScalar());
        using DuckDBCommand encodings = duck.CreateCommand();
        encodings.CommandText = $"SELECT string_agg(DISTINCT path_in_schema || ':' || encodings, ' ' ORDER BY path_in_schema || ':' || encodings) FROM parquet_metadata('{path}') WHERE path_in_schema IN ('channel', 'segment')";
        Assert.Contains("DICTIONARY", (string)encodings.ExecuteScalar()!, StringComparison.Ordinal);
        using DuckDBCommand users = duck.CreateCommand();
        users.CommandText = $"SELECT count(DISTINCT \"user\"), count(*) FILTER (WHERE topic IS NULL) FROM read_parquet('{path}')";
        using var reader = users.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(log.DistinctUsers, reader.GetInt64(0));
        Assert.Equal(log.Count(c => c.Topic == Topic.Unspecified), reader.GetInt64(1));
    }

    [Fact]
    public void Write_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ParquetLogWriter.Write(null!, new MemoryStream()));
        Assert.Throws<ArgumentNullException>(() => ParquetLogWriter.Write(InteractionLog.Empty, null!));
    }

    [Fact]
    public void Write_TimeBeforeYearOne_ThrowsArgumentException()
    {
        InteractionLog log = new InteractionLogBuilder(DjpkProfile.Catalog)
            .Add(new Consultation(Instant.FromUtc(-5, 1, 1, 0, 0), DjpkChannels.WhatsApp, DjpkSegments.Pemda, Topic.Unspecified, new UserKey(1)))
            .Build();
        var e = Assert.Throws<ArgumentException>(() => ParquetLogWriter.Write(log, new MemoryStream()));
        Assert.Contains("0001 to 9999", e.Message, StringComparison.Ordinal);
    }
}
