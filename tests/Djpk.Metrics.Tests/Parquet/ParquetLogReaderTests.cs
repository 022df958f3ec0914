using Djpk.Metrics.Ingest;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Parquet;
using Djpk.Metrics.Profiles;
using Djpk.Metrics.Tests.Support;
using DuckDB.NET.Data;
using NodaTime;

namespace Djpk.Metrics.Tests.Parquet;

public sealed class ParquetLogReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("djpk-parquet-").FullName;
    private readonly DuckDBConnection _duck = new("DataSource=:memory:");

    public ParquetLogReaderTests() => _duck.Open();

    public void Dispose()
    {
        _duck.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void ReadFile_DuckDbCopy_MonthByChannelCountsEqualDuckDbGroupBy()
    {
        string path = Path.Combine(_folder, "duck.parquet");
        ParquetOracle.Generate(_duck, path, 30_000);
        IngestResult read = ParquetLogReader.ReadFile(path, DjpkProfile.IngestOptions);
        Assert.Equal(30_000, read.Report.Accepted);
        Assert.Equal(0, read.Report.Rejected);
        Assert.Equal(ParquetOracle.DuckDbCounts(_duck, path), ParquetOracle.LibraryCounts(read.Log));
        Assert.Contains(Topic.Unspecified, read.Log.Topics);
    }

    /// <summary>Row groups read by a reader per thread (a file) or parsed beside the decoding (a stream) give what one thread gives: the same log, rejections (by row) and strict exception.</summary>
    [Fact]
    public void Read_ManyRowGroupsWithRejections_OneThreadEqualsTwo()
    {
        string path = Path.Combine(_folder, "groups.parquet");
        ParquetOracle.Execute(_duck, $"""
            COPY (SELECT TIMESTAMPTZ '2023-12-01 00:00:00+07' + INTERVAL (n) MINUTE AS "timestamp",
                         CASE WHEN n % 97 = 0 THEN 'merpati-pos' ELSE 'whatsapp' END AS channel, 'pemda' AS segment,
                         'Topik ' || (n % 13) AS topic, n % 500 AS "user"
                  FROM range(1, 10001) t(n) ORDER BY n) TO '{path}' (FORMAT PARQUET, ROW_GROUP_SIZE 2048)
            """);
        IngestResult one = ParquetLogReader.ReadFile(path, DjpkProfile.IngestOptions.Collecting().WithMaxDegreeOfParallelism(1));
        IngestResult two = ParquetLogReader.ReadFile(path, DjpkProfile.IngestOptions.Collecting().WithMaxDegreeOfParallelism(2));
        long[] expectedRejected = [.. Enumerable.Range(1, 10_000).Where(n => n % 97 == 0).Select(n => (long)n)];
        Assert.Equal(expectedRejected, two.Report.Rejections.Select(r => r.Line));
        Assert.Equal(10_000 - expectedRejected.Length, two.Report.Accepted);
        Assert.Equal(one.Log, two.Log);
        Assert.Equal(one.Log.Topics.ToArray(), two.Log.Topics.ToArray());
        Assert.Equal(one.Report.ToString(), two.Report.ToString());
        using (FileStream stream = File.OpenRead(path))
        {
            IngestResult fromStream = ParquetLogReader.Read(stream, DjpkProfile.IngestOptions.Collecting().WithMaxDegreeOfParallelism(2)); // one reader, parsing beside decoding
            Assert.Equal(two.Log, fromStream.Log);
            Assert.Equal(two.Report.Rejections.Select(r => r.ToString()), fromStream.Report.Rejections.Select(r => r.ToString()));
        }

        InvalidDataException strictOne = Assert.Throws<InvalidDataException>(() => ParquetLogReader.ReadFile(path, DjpkProfile.IngestOptions.WithMaxDegreeOfParallelism(1)));
        InvalidDataException strictTwo = Assert.Throws<InvalidDataException>(() => ParquetLogReader.ReadFile(path, DjpkProfile.IngestOptions.WithMaxDegreeOfParallelism(2)));
        Assert.Equal(strictOne.Message, strictTwo.Message);
        Assert.StartsWith("Line 97, column 'channel'", strictTwo.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuckDbTimestampWithoutZone_IsALocalTimeInTheOptionsZone()
    {
        string path = Path.Combine(_folder, "local.parquet");
        ParquetOracle.Execute(_duck, $"""
            COPY (SELECT TIMESTAMP '2023-12-01 00:30:00' AS "timestamp", 'WA' AS channel, 'Pemda' AS segment, 42 AS "user")
            TO '{path}' (FORMAT PARQUET)
            """);
        DateTimeZone jakarta = DateTimeZoneProviders.Tzdb["Asia/Jakarta"];
        IngestResult read = ParquetLogReader.ReadFile(path, DjpkProfile.IngestOptions.WithLocalZone(jakarta));
        Assert.Equal(Instant.FromUtc(2023, 11, 30, 17, 30), Assert.Single(read.Log).Timestamp);
        Assert.Equal(DjpkChannels.WhatsApp, read.Log[0].Channel);

        IngestResult withoutZone = ParquetLogReader.ReadFile(path, DjpkProfile.IngestOptions.Collecting());
        Assert.Equal(1, withoutZone.Report.Rejected);
        Assert.Equal("timestamp", Assert.Single(withoutZone.Report.Rejections).Column);
    }

    [Fact]
    public void Read_NullAndInvalidCells_AreRejectionsWithTheirRowAndColumn()
    {
        string path = Path.Combine(_folder, "bad.parquet");
        ParquetOracle.Execute(_duck, $"""
            COPY (SELECT * FROM (VALUES
              (1, TIMESTAMPTZ '2023-12-01 00:00:00+07', 'whatsapp', 'pemda', 'DBH', '7'),
              (2, NULL, 'whatsapp', 'pemda', 'DBH', '7'),
              (3, TIMESTAMPTZ '2023-12-01 00:00:00+07', 'merpati-pos', 'pemda', NULL, '7'),
              (4, TIMESTAMPTZ '2023-12-01 00:00:00+07', 'email', NULL, 'DBH', NULL),
              (5, TIMESTAMPTZ '2023-12-02 00:00:00+07', 'email', 'lainnya', NULL, 'tujuh'),
              (6, TIMESTAMPTZ '2023-12-03 00:00:00+07', 'phone', 'akademisi', 'DAU', '-12')
            ) t(n, "timestamp", channel, segment, topic, "user") ORDER BY n) TO '{path}' (FORMAT PARQUET)
            """);
        IngestResult read = ParquetLogReader.ReadFile(path, DjpkProfile.IngestOptions.Collecting(), LogColumns.Default.WithUnknownFields(UnknownFieldPolicy.Ignore));
        Assert.Equal(2, read.Report.Accepted);
        Assert.Equal(4, read.Report.Rejected);
        Assert.Equal(6, read.Report.RowsRead);
        Assert.Equal([2L, 3L, 4L, 5L], read.Report.Rejections.Select(r => r.Line));
        Assert.Equal(RejectionReason.MissingField, read.Report.Rejections[0].Reason);
        Assert.Equal("timestamp", read.Report.Rejections[0].Column);
        Assert.Equal("channel", read.Report.Rejections[1].Column);
        Assert.Equal(RejectionReason.UnknownChannel, read.Report.Rejections[1].Reason);
        Assert.Equal(["segment", "user"], read.Report.Rejections[2].Problems.Select(p => p.Column));
        Assert.Equal("user", read.Report.Rejections[3].Column);
        Assert.Equal(-12, read.Log[1].User.Value);

        var strict = Assert.Throws<InvalidDataException>(() => ParquetLogReader.ReadFile(path, DjpkProfile.IngestOptions, LogColumns.Default.WithUnknownFields(UnknownFieldPolicy.Ignore)));
        Assert.Contains("Line 2, column 'timestamp'", strict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RenamedColumnsConstantChannelAndTextUsers_AreMapped()
    {
        string path = Path.Combine(_folder, "mapped.parquet");
        ParquetOracle.Execute(_duck, $"""
            COPY (SELECT '2023-12-04T10:15:00+07:00' AS waktu, 'K/L' AS kategori, 'Operator@Pemda.go.id' AS kontak, 'x' AS ekstra)
            TO '{path}' (FORMAT PARQUET)
            """);
        LogColumns columns = LogColumns.Default.WithNames(timestamp: "waktu", segment: "kategori", user: "kontak")
            .WithConstantChannel(DjpkChannels.Email).WithUserIdentity().WithUnknownFields(UnknownFieldPolicy.Ignore);
        Consultation c = Assert.Single(ParquetLogReader.ReadFile(path, DjpkProfile.IngestOptions, columns).Log);
        Assert.Equal(Instant.FromUtc(2023, 12, 4, 3, 15), c.Timestamp);
        Assert.Equal(DjpkChannels.Email, c.Channel);
        Assert.Equal(DjpkSegments.KementerianLembaga, c.Segment);

        var unknown = Assert.Throws<InvalidDataException>(() => ParquetLogReader.ReadFile(path, DjpkProfile.IngestOptions, columns.WithUnknownFields(UnknownFieldPolicy.Reject)));
        Assert.Contains("'ekstra'", unknown.Message, StringComparison.Ordinal);
    }

    /// <summary>Channel and segment texts in any order (ids, an alias, and more unknown texts than the reader remembers) get the code each row's own text names, and every fallback is counted.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Read_ManyDistinctChannelTextsInAnyOrder_EachRowGetsItsTextsCode(int threads)
    {
        const int Rows = 6000;
        string path = Path.Combine(_folder, "texts.parquet");
        ParquetOracle.Execute(_duck, $"""
            COPY (SELECT TIMESTAMPTZ '2023-12-01 00:00:00+07' + INTERVAL (i) MINUTE AS "timestamp",
                         CASE (i * 7) % 5 WHEN 0 THEN 'whatsapp' WHEN 1 THEN 'phone' WHEN 2 THEN 'Kontak 1500' ELSE 'saluran-' || (i % 53) END AS channel,
                         CASE (i * 3) % 4 WHEN 0 THEN 'pemda' WHEN 1 THEN 'akademisi' ELSE 'kelompok-' || (i % 41) END AS segment,
                         'Topik' AS topic, i AS "user"
                  FROM range({Rows}) t(i)) TO '{path}' (FORMAT PARQUET, ROW_GROUP_SIZE 1000)
            """);
        UserSegment fallbackSegment = DjpkSegments.KementerianLembaga;
        IngestOptions options = DjpkProfile.IngestOptions.WithChannelAlias("Kontak 1500", DjpkChannels.Phone)
            .WithChannelFallback(DjpkChannels.Email).WithSegmentFallback(fallbackSegment).WithMaxDegreeOfParallelism(threads);
        IngestResult read = ParquetLogReader.ReadFile(path, options);

        Assert.Equal(Rows, read.Report.Accepted);
        long unknownChannels = 0, unknownSegments = 0;
        foreach (Consultation c in read.Log)
        {
            long i = c.User.Value;
            Channel expectedChannel = ((i * 7) % 5) switch { 0 => DjpkChannels.WhatsApp, 1 or 2 => DjpkChannels.Phone, _ => DjpkChannels.Email };
            UserSegment expectedSegment = ((i * 3) % 4) switch { 0 => DjpkSegments.Pemda, 1 => DjpkSegments.Akademisi, _ => fallbackSegment };
            Assert.Equal(expectedChannel, c.Channel);
            Assert.Equal(expectedSegment, c.Segment);
            unknownChannels += (i * 7) % 5 >= 3 ? 1 : 0;
            unknownSegments += (i * 3) % 4 >= 2 ? 1 : 0;
        }

        Assert.Equal(Rows, read.Log.Select(c => c.User.Value).Distinct().Count());
        Assert.Equal(unknownChannels, read.Report.MappedChannels);
        Assert.Equal(unknownSegments, read.Report.MappedSegments);
    }

    [Fact]
    public void Read_ForwardOnlyStream_IsCopiedAndRead()
    {
        InteractionLog log = ParquetLogWriterTests.Sample(500, seed: 3);
        using var buffer = new MemoryStream();
        ParquetLogWriter.Write(log, buffer);
        Assert.Equal(log, ParquetLogReader.Read(new ForwardOnlyStream(buffer.ToArray()), DjpkProfile.IngestOptions).Log);
    }

    [Fact]
    public void Read_NotParquet_ThrowsInvalidDataException()
    {
        var e = Assert.Throws<InvalidDataException>(() => ParquetLogReader.Read(new MemoryStream("timestamp,channel\n"u8.ToArray()), DjpkProfile.IngestOptions));
        Assert.Contains("not a valid Parquet file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedFile_ThrowsInvalidDataException()
    {
        using var buffer = new MemoryStream();
        ParquetLogWriter.Write(ParquetLogWriterTests.Sample(500, seed: 3), buffer);
        byte[] bytes = buffer.ToArray();
        Assert.Throws<InvalidDataException>(() => ParquetLogReader.Read(new MemoryStream(bytes[..(bytes.Length / 2)]), DjpkProfile.IngestOptions));
    }

    [Fact]
    public void Read_MissingColumn_ThrowsInvalidDataExceptionNamingIt()
    {
        string path = Path.Combine(_folder, "nouser.parquet");
        ParquetOracle.Execute(_duck, $"COPY (SELECT TIMESTAMPTZ '2023-12-01 00:00:00+07' AS \"timestamp\", 'whatsapp' AS channel, 'pemda' AS segment) TO '{path}' (FORMAT PARQUET)");
        var e = Assert.Throws<InvalidDataException>(() => ParquetLogReader.ReadFile(path, DjpkProfile.IngestOptions));
        Assert.Contains("no column 'user'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ParquetLogReader.Read(null!, DjpkProfile.IngestOptions));
        Assert.Throws<ArgumentNullException>(() => ParquetLogReader.Read(new MemoryStream(), null!));
    }
}
