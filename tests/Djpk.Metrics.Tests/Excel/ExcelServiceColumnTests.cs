using Djpk.Metrics.Excel;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Tests.Serialization;
using NodaTime;

namespace Djpk.Metrics.Tests.Excel;

/// <summary>The optional service columns in the workbook reader: date cells, serials, numbers and text, and the rejections naming their cells.</summary>
public class ExcelServiceColumnTests
{
    private static readonly DateTimeZone Jakarta = DateTimeZoneProviders.Tzdb["Asia/Jakarta"];
    private static readonly object?[] Header = ["timestamp", "channel", "segment", "user", "first_response", "end", "outcome", "agent", "case", "satisfaction"];
    private static readonly Instant Start = Instant.FromUtc(2023, 12, 4, 2, 15);

    private static IngestOptions Options { get; } = DjpkProfile.IngestOptions.Collecting().WithLocalZone(Jakarta);

    [Fact]
    public void Read_SheetWithServiceColumns_ReadsIntoTheConsultations()
    {
        var local = new DateTime(2023, 12, 4, 9, 15, 0, DateTimeKind.Unspecified);
        byte[] workbook = Xlsx.Write(("Log", [
            Header,
            [local, "whatsapp", "pemda", 42d, local.AddMinutes(5), local.AddMinutes(30).ToOADate(), "Resolved", "petugas-07", 1001d, 5d],
            [local, "phone", "pemda", 43d, "2023-12-04T09:16:00", null, "no answer", 17d, "T-9", "4"],
            [local, "phone", "pemda", 44d, null, "", " ", null, "", null],
        ]));

        IngestResult result = ExcelLogReader.Read(new MemoryStream(workbook), Options);

        Assert.Equal(0, result.Report.Rejected);
        Assert.Equal(
            [
                new Consultation(Start, DjpkChannels.WhatsApp, DjpkSegments.Pemda, Topic.Unspecified, new UserKey(42)) with
                {
                    FirstResponse = Start + Duration.FromMinutes(5),
                    End = Start + Duration.FromMinutes(30),
                    Outcome = Outcome.Resolved,
                    Agent = AgentKey.FromText("petugas-07"),
                    Case = new CaseKey(1001),
                    Satisfaction = 5,
                },
                new Consultation(Start, DjpkChannels.Phone, DjpkSegments.Pemda, Topic.Unspecified, new UserKey(43)) with
                {
                    FirstResponse = Start + Duration.FromMinutes(1),
                    Outcome = new Outcome("no-answer"),
                    Agent = new AgentKey(17),
                    Case = CaseKey.FromText("T-9"),
                    Satisfaction = 4,
                },
                new Consultation(Start, DjpkChannels.Phone, DjpkSegments.Pemda, Topic.Unspecified, new UserKey(44)),
            ],
            result.Log);
    }

    [Fact]
    public void Read_BadServiceCells_AreRejectedWithTheirCells()
    {
        var local = new DateTime(2023, 12, 4, 9, 15, 0, DateTimeKind.Unspecified);
        byte[] workbook = Xlsx.Write(("Sheet1", [
            Header,
            [local, "phone", "pemda", 1d, local.AddMinutes(-1), null, null, null, null, null],
            [local, "phone", "pemda", 2d, local.AddMinutes(10), local.AddMinutes(5), null, null, null, null],
            [local, "phone", "pemda", 3d, null, null, null, null, null, 0d],
            [local, "phone", "pemda", 4d, null, null, null, null, null, 6d],
            [local, "phone", "pemda", 5d, null, null, null, null, null, "abc"],
            [local, "phone", "pemda", 6d, null, null, "tidak/jelas", null, null, null],
            [local, "phone", "pemda", 7d, null, null, null, 1.5d, null, null],
        ]));

        IngestResult result = ExcelLogReader.Read(new MemoryStream(workbook), Options);

        Assert.Equal(0, result.Report.Accepted);
        Assert.Equal(
            [
                (2L, "Sheet1!E2", RejectionReason.TimesOutOfOrder),
                (3L, "Sheet1!F3", RejectionReason.TimesOutOfOrder),
                (4L, "Sheet1!J4", RejectionReason.InvalidValue),
                (5L, "Sheet1!J5", RejectionReason.InvalidValue),
                (6L, "Sheet1!J6", RejectionReason.InvalidValue),
                (7L, "Sheet1!G7", RejectionReason.InvalidValue),
                (8L, "Sheet1!H8", RejectionReason.WrongType),
            ],
            result.Report.Rejections.Select(r => (r.Line, r.Column, r.Reason)));
        LogText.AssertAccounting(result.Report);
    }

    [Fact]
    public void Read_SheetWithoutServiceColumns_GivesALogWithNone()
    {
        byte[] workbook = Xlsx.Write(("Sheet1", [["timestamp", "channel", "segment", "user"], ["2023-12-04T09:15:00Z", "whatsapp", "pemda", 42d]]));
        Assert.Equal(ServiceColumns.None, ExcelLogReader.Read(new MemoryStream(workbook), Options).Log.ServiceColumns);
    }
}
