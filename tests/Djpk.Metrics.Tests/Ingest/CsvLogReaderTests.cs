using System.Text;
using Djpk.Metrics.Ingest;
using NodaTime;

namespace Djpk.Metrics.Tests.Serialization;

public class CsvLogReaderTests
{
    [Fact]
    public void Read_SemicolonExportWithQuotesAndExtraColumns_MapsByHeader()
    {
        string text = "\uFEFFNo;Waktu;Kanal;Segmen;Topik;Pengguna\r\n"
            + "1;2023-12-04 09:15:00;whatsapp;pemda;\"DAK; Non \"\"Fisik\"\"\";+62 812 1\r\n"
            + "2;2023-12-04 10:00:00;phone;akademisi;\"Surat\nMasuk\";+62 812 2\r\n"
            + "\r\n"
            + "3;2023-12-05 08:00:00;email;lainnya;;+62 812 1\r\n";
        LogColumns columns = LogColumns.Default.WithNames(timestamp: "waktu", channel: "Kanal", segment: "Segmen", topic: "Topik", user: "Pengguna", id: "No").WithUserIdentity();
        IngestResult result = LogText.ReadCsv(text, ';', DjpkProfile.IngestOptions.WithLocalZone(DateTimeZoneProviders.Tzdb["Asia/Jakarta"]).Collecting(), columns);

        Assert.Equal("3 rows read: 2 accepted, 1 rejected (InvalidValue 1)", result.Report.ToString());
        Assert.Equal((3L, "Topik"), (result.Report.Rejections[0].Line, result.Report.Rejections[0].Column)); // a line break is a control character
        Assert.Equal(1, result.Report.BlankLines);
        Assert.Equal("DAK; Non \"Fisik\"", result.Log[0].Topic.Name);
        Assert.Equal(Instant.FromUtc(2023, 12, 4, 2, 15), result.Log[0].Timestamp);
        Assert.Equal(UserKey.FromText("+62 812 1"), result.Log[1].User);
        Assert.Equal(result.Log[0].User, result.Log[1].User);
        Assert.True(result.Log[1].Topic.IsUnspecified);
        Assert.Equal(Encoding.UTF8.GetByteCount(text), result.Report.BytesRead);
    }

    [Fact]
    public void Read_BadRows_AreRejectedWithRowAndColumn()
    {
        string text = "timestamp,channel,segment,topic,user,id\n"
            + "2023-12-04T09:15:00Z,whatsapp,pemda,DBH,1,a\n"
            + "2023-12-04T09:15:00,whatsapp,pemda,DBH,1,b\n"
            + "2023-12-04T09:15:00Z,tiktok,pemda,DBH,1,c\n"
            + "2023-12-04T09:15:00Z,phone,pemda,DBH,x,d\n"
            + "2023-12-04T09:15:00Z,phone,pemda,DBH,1,a\n"
            + "2023-12-04T09:15:00Z,phone,pemda\n"
            + "2023-12-04T09:15:00Z,phone,pemda,DBH,1,e,extra\n"
            + "#2023-12-04T09:15:00Z,phone,pemda,DBH,1,f\n"
            + "2023-12-04T09:15:00Z,phone,pemda,,1,g\n";
        IngestResult result = LogText.ReadCsv(text, options: LogText.Collect);

        Assert.Equal(9, result.Report.RowsRead);
        Assert.Equal(2, result.Report.Accepted);
        Assert.Equal(
            [(3L, "timestamp", RejectionReason.MissingOffset), (4, "channel", RejectionReason.UnknownChannel), (5, "user", RejectionReason.WrongType),
             (6, "id", RejectionReason.DuplicateId), (7, "user", RejectionReason.MissingField), (8, "", RejectionReason.ExtraField), (9, "timestamp", RejectionReason.InvalidTimestamp)],
            result.Report.Rejections.Select(r => (r.Line, r.Column, r.Reason)));
        LogText.AssertAccounting(result.Report);
    }

    [Fact]
    public void Read_InvalidUtf8Field_IsRejected()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("timestamp,channel,segment,topic,user\n2023-12-04T09:15:00Z,phone,pemda,D?H,1\n2023-12-04T09:15:00Z,phone,pemda,DBH,1\n");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xFF;
        IngestResult result = LogText.ReadCsv(bytes, options: LogText.Collect);
        Assert.Equal((2L, "topic", RejectionReason.InvalidUtf8), (result.Report.Rejections[0].Line, result.Report.Rejections[0].Column, result.Report.Rejections[0].Reason));
        Assert.Equal("DBH", Assert.Single(result.Log).Topic.Name);
    }

    [Fact]
    public void Read_MalformedQuote_EndsTheReadAndSaysSo()
    {
        string text = "timestamp,channel,segment,topic,user\n2023-12-04T09:15:00Z,phone,pemda,DBH,1\n2023-12-04T09:15:00Z,phone,pemda,\"DBH\"x,1\n2023-12-04T09:15:00Z,phone,pemda,DBH,1\n";
        IngestResult result = LogText.ReadCsv(text, options: LogText.Collect);
        Assert.False(result.Report.IsComplete);
        Assert.Equal((3L, RejectionReason.Malformed), (result.Report.Rejections[0].Line, result.Report.Rejections[0].Reason));
        Assert.EndsWith("input not read to the end", result.Report.ToString(), StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => LogText.ReadCsv(text));
    }

    [Fact]
    public void Read_HeaderWithoutRequiredColumn_Throws()
    {
        var error = Assert.Throws<InvalidDataException>(() => LogText.ReadCsv("time,channel,segment,user\n", options: LogText.Collect));
        Assert.Contains("'timestamp'", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => LogText.ReadCsv("timestamp,channel,segment,user,USER\n"));
        Assert.Equal(0, LogText.ReadCsv(string.Empty).Report.RowsRead);
        Assert.Throws<ArgumentException>(() => LogText.ReadCsv("timestamp\n", '"'));
    }
}
