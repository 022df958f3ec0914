using System.Text;
using Agency.Ingestion;
using Djpk.Metrics.Ingest;
using NodaTime;

namespace Djpk.Metrics.Tests.Serialization;

/// <summary>The examples of docs/formats.md, kept in DocExamples/ as the same text, compile and do what the document says.</summary>
public class FormatsDocExampleTests
{
    [Theory]
    [InlineData("ContactCenterExport.cs")]
    [InlineData("PhoneExport.cs")]
    public void FormatsMd_Example_IsTheCompiledFile(string file)
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Djpk.Metrics.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("The repository root was not found.");
        }

        string example = File.ReadAllText(Path.Combine(root, "tests", "Djpk.Metrics.Tests", "Ingest", "DocExamples", file)).ReplaceLineEndings("\n");
        string document = File.ReadAllText(Path.Combine(root, "docs", "formats.md")).ReplaceLineEndings("\n");
        Assert.Contains("```csharp\n" + example + "```", document, StringComparison.Ordinal);
    }

    [Fact]
    public void ContactCenterExportRead_DocumentedExport_ReadsDisplayNamesAndLocalTimes()
    {
        const string Csv = "\uFEFFNo;Tanggal;Kanal;Petugas;Kategori Pengguna;Topik;Kontak;Durasi\r\n"
            + "1;31/12/2023 14:05;WhatsApp;Ani;Kementerian/Lembaga;DBH; Operator@Pemda.go.id;5\r\n"
            + "2;2023-12-31T15:00:00+07:00;Kontak 1500;Budi;Desa;;operator@pemda.go.id;3\r\n"
            + "3;31/12/2023 25:00;Faks;Ani;Pemda;DBH;x@y.id;1\r\n";

        IngestResult result = ContactCenterExport.Read(new MemoryStream(Encoding.UTF8.GetBytes(Csv)));

        Assert.Equal("3 rows read: 2 accepted, 1 rejected (InvalidTimestamp 1)", result.Report.ToString());
        Assert.Equal([RejectionReason.InvalidTimestamp, RejectionReason.UnknownChannel], result.Report.Rejections[0].Problems.Select(p => p.Reason));
        Assert.Equal((Instant.FromUtc(2023, 12, 31, 7, 5), DjpkChannels.WhatsApp, DjpkSegments.KementerianLembaga), (result.Log[0].Timestamp, result.Log[0].Channel, result.Log[0].Segment));
        Assert.Equal((DjpkChannels.Phone, DjpkSegments.Pemda), (result.Log[1].Channel, result.Log[1].Segment));
        Assert.Equal(result.Log[0].User, result.Log[1].User);
    }

    [Fact]
    public async Task PhoneExportReadAsync_DocumentedExport_ReadsConstantsAndUnixSeconds()
    {
        const string Json = """
            {"waktu":1701656100,"penelepon":"0812-1111-2222","idPanggilan":"a1","durasi":30}
            {"waktu":"2023-12-04T09:16:00+07:00","penelepon":"+62 812 1111 2222","idPanggilan":"a2"}
            """;

        IngestResult result = await PhoneExport.ReadAsync(new AsyncOnlyStream(new MemoryStream(Encoding.UTF8.GetBytes(Json))), null, CancellationToken.None);

        Assert.Equal(2, result.Report.Accepted);
        Assert.All(result.Log, c => Assert.Equal((DjpkChannels.Phone, DjpkSegments.Lainnya), (c.Channel, c.Segment)));
        Assert.Equal(new UserKey(6281211112222), result.Log[0].User);
        Assert.Equal(result.Log[0].User, result.Log[1].User);
    }
}
