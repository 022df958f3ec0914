using System.Text;
using System.Text.Json;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Serialization;

namespace Djpk.Metrics.Tests.Serialization;

public class IngestReportJsonConverterTests
{
    private static readonly IngestReport Small = new(
        accepted: 2,
        rejected: 1,
        blankLines: 1,
        bytesRead: 180,
        mappedChannels: 0,
        mappedSegments: 1,
        resolvedLocalTimes: 0,
        byReason: [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        rejections: [new IngestRejection(2, "timestamp", RejectionReason.MissingOffset, "A timestamp must have an offset.")],
        isComplete: true,
        elapsed: TimeSpan.FromMilliseconds(15));

    [Fact]
    public void Serialize_SmallReport_WritesTheDocumentedSchema() =>
        Assert.Equal(
            """{"rowsRead":3,"accepted":2,"rejected":1,"blankLines":1,"bytesRead":180,"mappedChannels":0,"mappedSegments":1,"resolvedLocalTimes":0,"isComplete":true,"elapsed":"00:00:00.0150000","rejectedByReason":{"missingOffset":1},"rejections":[{"line":2,"column":"timestamp","reason":"missingOffset","message":"A timestamp must have an offset.","problems":[{"column":"timestamp","reason":"missingOffset","message":"A timestamp must have an offset."}]}]}""",
            JsonSerializer.Serialize(Small, DjpkJson.Options));

    [Fact]
    public void Deserialize_SmallReport_IsEqual() => AssertRoundTrips(Small);

    [Fact]
    public void Deserialize_ReportOfARealRead_IsEqual()
    {
        byte[] log = Encoding.UTF8.GetBytes(
            """
            {"timestamp":"2023-12-01T08:00:00+07:00","channel":"phone","segment":"pemda","user":"a@example.org"}
            {"timestamp":"2023-12-01T08:00:00","channel":"phone","segment":"pemda","user":"a@example.org"}
            {"timestamp":"2023-12-01T08:00:00+07:00","channel":"fax","segment":"pemda","user":"a@example.org"}

            """);
        IngestReport report = JsonLinesLogReader.Read(new MemoryStream(log), DjpkProfile.IngestOptions.Collecting()).Report;
        Assert.Equal(2, report.Rejected);

        AssertRoundTrips(report);
    }

    [Fact]
    public void Deserialize_RowWithTwoProblems_KeepsBoth()
    {
        byte[] log = Encoding.UTF8.GetBytes(
            """
            {"timestamp":"2023-12-01T08:00:00","channel":"fax","segment":"pemda","user":"a@example.org"}

            """);
        IngestReport report = JsonLinesLogReader.Read(new MemoryStream(log), DjpkProfile.IngestOptions.Collecting()).Report;
        Assert.Equal(2, report.Rejections.Single().Problems.Length);

        AssertRoundTrips(report);
    }

    [Theory]
    [InlineData("""{"accepted":1,"rejected":1,"rejectedByReason":{}}""", "add up to 'rejected'")]
    [InlineData("""{"rowsRead":5,"accepted":1,"rejected":0}""", "'rowsRead' must equal")]
    [InlineData("""{"accepted":-1,"rejected":0}""", "0 or more")]
    [InlineData("""{"rejected":0}""", "'accepted'")]
    [InlineData("""{"accepted":0,"rejected":1,"rejectedByReason":{"noSuchReason":1}}""", "\"missingOffset\"")]
    [InlineData("""{"accepted":0,"rejected":0,"elapsed":"soon"}""", "time span")]
    [InlineData("""{"accepted":0,"rejected":1,"rejectedByReason":{"malformed":1},"rejections":[{"line":0,"reason":"malformed"}]}""", "1 or more")]
    public void Deserialize_InvalidDocument_ThrowsJsonExceptionStatingTheRule(string json, string expected)
    {
        JsonException e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<IngestReport>(json, DjpkJson.Options));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    private static void AssertRoundTrips(IngestReport report)
    {
        string json = JsonSerializer.Serialize(report, DjpkJson.Options);

        IngestReport read = JsonSerializer.Deserialize<IngestReport>(json, DjpkJson.Options)!;

        Assert.Equal(
            (report.RowsRead, report.Accepted, report.Rejected, report.BlankLines, report.BytesRead, report.MappedChannels, report.MappedSegments, report.IsComplete, report.Elapsed),
            (read.RowsRead, read.Accepted, read.Rejected, read.BlankLines, read.BytesRead, read.MappedChannels, read.MappedSegments, read.IsComplete, read.Elapsed));
        Assert.Equal(Enum.GetValues<RejectionReason>().Select(report.RejectedFor), Enum.GetValues<RejectionReason>().Select(read.RejectedFor));
        Assert.Equal(report.Rejections.ToArray(), read.Rejections.ToArray());
        Assert.Equal(report.ToString(), read.ToString());
        Assert.Equal(json, JsonSerializer.Serialize(read, DjpkJson.Options));
    }
}
