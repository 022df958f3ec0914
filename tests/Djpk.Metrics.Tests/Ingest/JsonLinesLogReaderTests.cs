using System.Text;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Ingest;
using NodaTime;
using NodaTime.Text;

namespace Djpk.Metrics.Tests.Serialization;

public class JsonLinesLogReaderTests
{
    private const string Good = """{"timestamp":"2023-12-04T09:15:00+07:00","channel":"whatsapp","segment":"pemda","topic":"DBH","user":42}""";

    [Fact]
    public void Read_ValidLines_BuildsTheLogAndReportsEveryRow()
    {
        string text = Good + "\n"
            + """{"timestamp":"2023-12-04T02:16:00.1234567Z","channel":"phone","segment":"akademisi","user":"+62 812 0000 0001","id":"a-2"}""" + "\r\n"
            + "\n   \n"
            + """{"user":7,"segment":"lainnya","channel":"email","timestamp":"2023-12-31T23:59:59-05:00","topic":null}""";
        IngestResult result = LogText.ReadJson(text);

        Assert.Equal(3, result.Report.RowsRead);
        Assert.Equal(3, result.Report.Accepted);
        Assert.Equal(2, result.Report.BlankLines);
        Assert.Equal(Encoding.UTF8.GetByteCount(text), result.Report.BytesRead);
        Assert.True(result.Report.IsComplete);
        Consultation[] log = [.. result.Log];
        Assert.Equal(new Consultation(Instant.FromUtc(2023, 12, 4, 2, 15), DjpkChannels.WhatsApp, DjpkSegments.Pemda, new Topic("DBH"), new UserKey(42)), log[0]);
        Assert.Equal(Instant.FromUtc(2023, 12, 4, 2, 16) + Duration.FromTicks(1_234_567), log[1].Timestamp);
        Assert.Equal(UserKey.FromText("+62 812 0000 0001"), log[1].User);
        Assert.Equal(Topic.Unspecified, log[1].Topic);
        Assert.Equal(Instant.FromUtc(2024, 1, 1, 4, 59, 59), log[2].Timestamp);
    }

    [Theory]
    [InlineData("""{"timestamp":"2023-12-04T09:15:00","channel":"whatsapp","segment":"pemda","user":1}""", RejectionReason.MissingOffset, "timestamp")]
    [InlineData("""{"timestamp":"2023-02-30T09:15:00Z","channel":"whatsapp","segment":"pemda","user":1}""", RejectionReason.InvalidTimestamp, "timestamp")]
    [InlineData("""{"timestamp":"4 Desember 2023","channel":"whatsapp","segment":"pemda","user":1}""", RejectionReason.InvalidTimestamp, "timestamp")]
    [InlineData("""{"timestamp":"2023-12-04T09:15:00Z","channel":"tiktok","segment":"pemda","user":1}""", RejectionReason.UnknownChannel, "channel")]
    [InlineData("""{"timestamp":"2023-12-04T09:15:00Z","channel":"phone","segment":"media","user":1}""", RejectionReason.UnknownSegment, "segment")]
    [InlineData("""{"timestamp":"2023-12-04T09:15:00Z","channel":"phone","user":1}""", RejectionReason.MissingField, "segment")]
    [InlineData("""{"timestamp":"2023-12-04T09:15:00Z","channel":"phone","segment":"pemda","user":null}""", RejectionReason.MissingField, "user")]
    [InlineData("""{"timestamp":"2023-12-04T09:15:00Z","channel":"phone","segment":"pemda","user":1,"extra":true}""", RejectionReason.ExtraField, "extra")]
    [InlineData("""{"timestamp":"2023-12-04T09:15:00Z","channel":"phone","channel":"phone","segment":"pemda","user":1}""", RejectionReason.ExtraField, "channel")]
    [InlineData("""{"timestamp":"2023-12-04T09:15:00Z","channel":"phone","segment":"pemda","user":1.5}""", RejectionReason.WrongType, "user")]
    [InlineData("""{"timestamp":"2023-12-04T09:15:00Z","channel":"phone","segment":"pemda","user":99999999999999999999}""", RejectionReason.WrongType, "user")]
    [InlineData("""{"timestamp":20231204,"channel":"phone","segment":"pemda","user":1}""", RejectionReason.WrongType, "timestamp")]
    [InlineData("""{"timestamp":"2023-12-04T09:15:00Z","channel":{"$type":"phone"},"segment":"pemda","user":1}""", RejectionReason.WrongType, "channel")]
    [InlineData("""{"timestamp":"2023-12-04T09:15:00Z","channel":"phone","segment":"pemda","user":1,"topic":"a\u0007b"}""", RejectionReason.InvalidValue, "topic")]
    [InlineData("""{"timestamp":"2023-12-04T09:15:00Z","channel":"phone","segment":"pemda","user":1""", RejectionReason.Malformed, "")]
    [InlineData("""{"timestamp":"2023-12-04T09:15:00Z","channel":"phone","segment":"pemda","user":1} {}""", RejectionReason.Malformed, "")]
    [InlineData("""[{"timestamp":"2023-12-04T09:15:00Z"}]""", RejectionReason.Malformed, "")]
    public void Read_BadLine_IsRejectedWithReasonAndColumn(string line, RejectionReason reason, string column)
    {
        IngestResult result = LogText.ReadJson(Good + "\n" + line + "\n" + Good, LogText.Collect, LogText.Strict);

        Assert.Equal(2, result.Log.Count);
        Assert.Equal(1, result.Report.Rejected);
        IngestRejection rejection = Assert.Single(result.Report.Rejections);
        Assert.Equal(2, rejection.Line);
        Assert.Equal(reason, rejection.Reason);
        Assert.Equal(column, rejection.Column);
        Assert.Equal(1, result.Report.RejectedFor(reason));
        Assert.EndsWith(".", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Strict_ThrowsAtTheFirstBadLineAndNamesIt()
    {
        string text = Good + "\n" + Good + "\n" + Good.Replace("+07:00", string.Empty, StringComparison.Ordinal) + "\n" + Good;
        var error = Assert.Throws<InvalidDataException>(() => LogText.ReadJson(text));
        Assert.StartsWith("Line 3, column 'timestamp'", error.Message, StringComparison.Ordinal);
        Assert.Contains("MissingOffset", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OffsetLessTimestampWithZone_IsReadInThatZone()
    {
        string line = Good.Replace("+07:00", string.Empty, StringComparison.Ordinal);
        IngestResult result = LogText.ReadJson(line, DjpkProfile.IngestOptions.WithLocalZone(DateTimeZoneProviders.Tzdb["Asia/Jakarta"]));
        Assert.Equal(Instant.FromUtc(2023, 12, 4, 2, 15), result.Log[0].Timestamp);
    }

    [Fact]
    public void Read_SkippedLocalTime_IsRejectedNotGuessed()
    {
        string line = Good.Replace("2023-12-04T09:15:00+07:00", "2024-03-31T01:30:00", StringComparison.Ordinal);
        IngestResult result = LogText.ReadJson(line, LogText.Collect.WithLocalZone(DateTimeZoneProviders.Tzdb["Europe/London"]));
        Assert.Equal(RejectionReason.InvalidTimestamp, Assert.Single(result.Report.Rejections).Reason);
        Assert.Contains("skipped", result.Report.Rejections[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownValuesWithFallbacks_AreMappedAndCounted()
    {
        string text = Good.Replace("whatsapp", "tiktok", StringComparison.Ordinal) + "\n" + Good.Replace("pemda", "media", StringComparison.Ordinal) + "\n" + Good;
        IngestOptions options = DjpkProfile.IngestOptions.WithChannelFallback(DjpkChannels.Website).WithSegmentFallback(DjpkSegments.Lainnya);
        IngestResult result = LogText.ReadJson(text, options);

        Assert.Equal(3, result.Report.Accepted);
        Assert.Equal(1, result.Report.MappedChannels);
        Assert.Equal(1, result.Report.MappedSegments);
        Assert.Equal(DjpkChannels.Website, result.Log[0].Channel);
        Assert.Equal(DjpkSegments.Lainnya, result.Log[1].Segment);
        Assert.Throws<ArgumentException>(() => DjpkProfile.IngestOptions.WithChannelFallback(new Channel("tiktok")));
    }

    [Fact]
    public void Read_DuplicateIds_RejectsTheLaterRows()
    {
        string withId(string id) => Good.Replace("}", $",\"id\":{id}}}", StringComparison.Ordinal);
        IngestResult result = LogText.ReadJson(string.Join('\n', withId("\"a\""), withId("\"b\""), withId("\"a\""), withId("17"), withId("17"), Good, Good), LogText.Collect);

        Assert.Equal(5, result.Report.Accepted);
        Assert.Equal(2, result.Report.RejectedFor(RejectionReason.DuplicateId));
        Assert.Equal([3L, 5L], result.Report.Rejections.Select(r => r.Line));
        Assert.All(result.Report.Rejections, r => Assert.Equal("id", r.Column));
    }

    [Fact]
    public void Read_LongLineAndInvalidUtf8_AreRejectedAndTheRestKept()
    {
        IngestOptions options = LogText.Collect.WithMaxLineLength(256);
        byte[] good = Encoding.UTF8.GetBytes(Good + "\n");
        byte[] longLine = Encoding.UTF8.GetBytes("{\"topic\":\"" + new string('x', 300_000) + "\"}\n");
        byte[] badUtf8 = Encoding.UTF8.GetBytes(Good.Replace("DBH", "D?H", StringComparison.Ordinal) + "\n");
        badUtf8[Array.IndexOf(badUtf8, (byte)'?')] = 0xC3; // a lead byte with no continuation
        byte[] bom = [0xEF, 0xBB, 0xBF];
        IngestResult result = LogText.ReadJson([.. bom, .. good, .. longLine, .. badUtf8, .. good, .. longLine[..1000]], options);

        Assert.Equal(2, result.Report.Accepted);
        Assert.Equal(3, result.Report.Rejected);
        Assert.Equal([(2L, RejectionReason.LineTooLong), (3L, RejectionReason.InvalidUtf8), (5L, RejectionReason.LineTooLong)], result.Report.Rejections.Select(r => (r.Line, r.Reason)));
    }

    [Fact]
    public void Read_CollectKeepsFirstDetailsButCountsAll()
    {
        string bad = Good.Replace("pemda", "x", StringComparison.Ordinal);
        IngestResult result = LogText.ReadJson(string.Join('\n', Enumerable.Repeat(bad, 50)), DjpkProfile.IngestOptions.Collecting(maxRejectionDetails: 3));
        Assert.Equal(50, result.Report.Rejected);
        Assert.Equal(3, result.Report.Rejections.Length);
        Assert.Equal("50 rows read: 0 accepted, 50 rejected (UnknownSegment 50)", result.Report.ToString());
    }

    [Fact]
    public void Read_ReportsProgressAndHonoursCancellation()
    {
        byte[] data = LogText.WriteJson(Support.SyntheticLogCase.Small.Log);
        var reports = new List<IngestProgress>();
        var progress = new SynchronousProgress(reports.Add);
        IngestResult result = JsonLinesLogReader.Read(new MemoryStream(data), DjpkProfile.IngestOptions, progress: progress);
        Assert.Equal(20_000, result.Log.Count);
        Assert.Equal(new IngestProgress(20_000, data.Length, reports[^1].Elapsed), reports[^1]);

        using var canceled = new CancellationTokenSource();
        canceled.Cancel();
        Assert.Throws<OperationCanceledException>(() => JsonLinesLogReader.Read(new MemoryStream(data), DjpkProfile.IngestOptions, cancellationToken: canceled.Token));
    }

    [Fact]
    public void Read_ElapsedComesFromTheTimeProvider()
    {
        var time = new SteppingTimeProvider(TimeSpan.FromSeconds(3));
        IngestResult result = LogText.ReadJson(Good, DjpkProfile.IngestOptions.WithTimeProvider(time));
        Assert.Equal(TimeSpan.FromSeconds(3) * (time.Reads - 1), result.Report.Elapsed);
        Assert.True(result.Report.Elapsed > TimeSpan.Zero);
    }

    [Fact]
    public void ReadFile_ReadsFromDisk()
    {
        string path = Path.Combine(Path.GetTempPath(), $"djpk-{Guid.NewGuid():N}.jsonl");
        try
        {
            File.WriteAllText(path, Good + "\n");
            Assert.Equal(42, Assert.Single(JsonLinesLogReader.ReadFile(path, DjpkProfile.IngestOptions).Log).User.Value);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TimestampForms_AreAcceptedExactly()
    {
        InstantPattern pattern = InstantPattern.ExtendedIso;
        (string Text, string Expected)[] cases =
        [
            ("2023-12-04 09:15+07", "2023-12-04T02:15:00Z"),
            ("2023-12-04T09:15:00.5+0700", "2023-12-04T02:15:00.5Z"),
            ("2023-12-04T09:15:00,123456789z", "2023-12-04T09:15:00.1234567Z"),
            ("0001-01-01T18:00:00Z", "0001-01-01T18:00:00Z"),
            ("1920-01-01T00:00:00+07:07:12", "1919-12-31T16:52:48Z"),
        ];
        foreach ((string text, string expected) in cases)
        {
            string line = Good.Replace("2023-12-04T09:15:00+07:00", text, StringComparison.Ordinal);
            Assert.Equal(pattern.Parse(expected).Value, LogText.ReadJson(line).Log[0].Timestamp);
        }

        foreach (string bad in new[] { "2023-12-04T24:00:00Z", "2023-12-04T09:15:00+19:00", "2023-12-04T09:15:00.Z", "0000-12-04T09:15:00Z", "2023-12-04T09:15:00+07:0", "2023-12-04T09:15:60Z" })
        {
            string line = Good.Replace("2023-12-04T09:15:00+07:00", bad, StringComparison.Ordinal);
            Assert.Equal(RejectionReason.InvalidTimestamp, LogText.ReadJson(line, LogText.Collect).Report.Rejections.Single().Reason);
        }
    }

    private sealed class SynchronousProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }

    private sealed class SteppingTimeProvider(TimeSpan step) : TimeProvider
    {
        public int Reads { get; private set; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => step.Ticks * Reads++;
    }
}
