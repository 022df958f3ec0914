using System.Text;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Ingest;
using NodaTime;

namespace Djpk.Metrics.Tests.Serialization;

/// <summary>Reads and writes logs through in-memory streams.</summary>
internal static class LogText
{
    public static IngestOptions Collect { get; } = DjpkProfile.IngestOptions.Collecting();

    public static LogColumns Strict { get; } = LogColumns.Default.WithUnknownFields(UnknownFieldPolicy.Reject);

    public static IngestResult ReadJson(string text, IngestOptions? options = null, LogColumns? columns = null) => ReadJson(Encoding.UTF8.GetBytes(text), options, columns);

    public static IngestResult ReadJson(byte[] bytes, IngestOptions? options = null, LogColumns? columns = null) =>
        JsonLinesLogReader.Read(new MemoryStream(bytes), options ?? DjpkProfile.IngestOptions, columns);

    public static IngestResult ReadCsv(string text, char delimiter = ',', IngestOptions? options = null, LogColumns? columns = null) =>
        ReadCsv(Encoding.UTF8.GetBytes(text), delimiter, options, columns);

    public static IngestResult ReadCsv(byte[] bytes, char delimiter = ',', IngestOptions? options = null, LogColumns? columns = null) =>
        CsvLogReader.Read(new MemoryStream(bytes), options ?? DjpkProfile.IngestOptions, delimiter, columns);

    public static byte[] WriteJson(InteractionLog log, DateTimeZone? zone = null)
    {
        var stream = new MemoryStream();
        JsonLinesLogWriter.Write(log, stream, zone);
        return stream.ToArray();
    }

    public static string WriteCsv(InteractionLog log, char delimiter = ',', DateTimeZone? zone = null)
    {
        var writer = new StringWriter();
        CsvLogWriter.Write(log, writer, delimiter, zone);
        return writer.ToString();
    }

    public static void AssertAccounting(IngestReport report)
    {
        Assert.Equal(report.RowsRead, report.Accepted + report.Rejected);
        Assert.Equal(report.Rejected, Enum.GetValues<RejectionReason>().Sum(report.RejectedFor));
        Assert.True(report.Rejections.Length <= report.Rejected);
    }
}
