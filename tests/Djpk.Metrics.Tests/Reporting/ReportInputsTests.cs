using System.Text;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Reporting;

namespace Djpk.Metrics.Tests.Reporting;

public class ReportInputsTests
{
    /// <summary>Six rejected rows: three bad timestamps, two unknown channels, one repeated id; and two good ones.</summary>
    private static IngestResult Ingest()
    {
        string[] lines =
        [
            """{"id":"a","timestamp":"2023-12-04T09:15:00+07:00","channel":"phone","segment":"pemda","user":1}""",
            """{"id":"b","timestamp":"2023-12-32T09:15:00+07:00","channel":"phone","segment":"pemda","user":2}""",
            """{"id":"c","timestamp":"kemarin","channel":"phone","segment":"pemda","user":3}""",
            """{"id":"d","timestamp":"2023-13-01T09:15:00+07:00","channel":"phone","segment":"pemda","user":4}""",
            """{"id":"e","timestamp":"2023-12-04T09:15:00+07:00","channel":"fax","segment":"pemda","user":5}""",
            """{"id":"f","timestamp":"2023-12-04T09:15:00+07:00","channel":"sms","segment":"pemda","user":6}""",
            """{"id":"a","timestamp":"2023-12-05T09:15:00+07:00","channel":"phone","segment":"pemda","user":7}""",
            """{"id":"g","timestamp":"2023-12-05T09:15:00+07:00","channel":"email","segment":"pemda","user":8}""",
        ];
        return JsonLinesLogReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))), DjpkProfile.IngestOptions.Collecting());
    }

    [Fact]
    public void WithIngestReport_RejectedRows_AddsANoteInBothLanguages()
    {
        IngestResult ingest = Ingest();

        ReportNote note = Assert.Single(ReportInputs.Empty.WithConsultations(ingest.Log).WithIngestReport(ingest.Report).Notes);

        Assert.Equal("6 baris ditolak saat memuat data (InvalidTimestamp 3, UnknownChannel 2, DuplicateId 1).", note.Indonesian);
        Assert.Equal("6 rows were rejected while loading the data (InvalidTimestamp 3, UnknownChannel 2, DuplicateId 1).", note.English);
    }

    [Fact]
    public void WithIngestReport_RejectedRows_IsRenderedInTextMarkdownAndJson()
    {
        IngestResult ingest = Ingest();
        ReportInputs inputs = ReportInputs.Empty.WithConsultations(ingest.Log).WithIngestReport(ingest.Report);

        MonthlyReport report = MonthlyReport.Build(ReportingPeriod.Month(2023, 12), inputs, DjpkProfile.Profile);

        Assert.Contains("- 6 baris ditolak saat memuat data (InvalidTimestamp 3, UnknownChannel 2, DuplicateId 1).", report.RenderText(ReportLanguage.Indonesian), StringComparison.Ordinal);
        Assert.Contains("- 6 rows were rejected while loading the data (InvalidTimestamp 3, UnknownChannel 2, DuplicateId 1).", report.RenderText(ReportLanguage.English), StringComparison.Ordinal);
        Assert.Contains("6 baris ditolak saat memuat data", report.RenderMarkdown(ReportLanguage.Indonesian), StringComparison.Ordinal);
        Assert.Contains("6 rows were rejected while loading the data", report.RenderMarkdown(ReportLanguage.English), StringComparison.Ordinal);
        string json = report.RenderJson();
        Assert.Contains("6 baris ditolak saat memuat data", json, StringComparison.Ordinal);
        Assert.Contains("6 rows were rejected while loading the data", json, StringComparison.Ordinal);
    }

    [Fact]
    public void WithIngestReport_NothingRejected_AddsNoNote()
    {
        IngestResult clean = JsonLinesLogReader.Read(new MemoryStream("""{"timestamp":"2023-12-04T09:15:00+07:00","channel":"phone","segment":"pemda","user":1}"""u8.ToArray()), DjpkProfile.IngestOptions);

        Assert.Empty(ReportInputs.Empty.WithIngestReport(clean.Report).Notes);
    }

    [Fact]
    public void WithIngestReport_Null_ThrowsArgumentNull() =>
        Assert.Throws<ArgumentNullException>(() => ReportInputs.Empty.WithIngestReport(null!));
}
