using System.Globalization;
using Djpk.Metrics.Excel;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Tests.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Djpk.Metrics.Tests.Excel;

public class ExcelLogReaderTests
{
    private static readonly DateTimeZone Jakarta = DateTimeZoneProviders.Tzdb["Asia/Jakarta"];
    private static readonly LocalDateTimePattern Local = LocalDateTimePattern.Create("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
    private static readonly object?[] Header = ["timestamp", "channel", "segment", "topic", "user"];

    private static IngestOptions Options { get; } = DjpkProfile.IngestOptions.Collecting().WithLocalZone(Jakarta);

    [Fact]
    public void Read_RealExportAsWorkbook_GivesTheCsvLogAndCounts()
    {
        (RealExportTests.Row[] rows, Consultation[] expected) = RealExportTests.Export();
        IngestResult csv = CsvLogReader.Read(new MemoryStream(RealExportTests.Csv(rows)), RealExportTests.Options, ';', RealExportTests.Columns);

        IngestResult excel = ExcelLogReader.Read(new MemoryStream(Workbook(rows)), RealExportTests.Options, default, RealExportTests.Columns);

        Assert.Equal(csv.Report.ToString(), excel.Report.ToString());
        Assert.Equal("5008 rows read: 5002 accepted, 6 rejected (InvalidTimestamp 2, UnknownChannel 1, UnknownSegment 1, MissingField 1, DuplicateId 1)", excel.Report.ToString());
        Assert.Equal(rows.Length, excel.Report.Accepted + excel.Report.Rejected); // every data row of the sheet counted once
        Assert.Equal(expected, excel.Log);
        Assert.Equal(csv.Log, excel.Log);
        Assert.Equal(csv.Report.Rejections.Select(r => r.Line), excel.Report.Rejections.Select(r => r.Line)); // the sheet row is the CSV row: header = 1
        Assert.Equal(
            csv.Report.Rejections.Select(r => string.Join(",", r.Problems.Select(p => p.Reason))),
            excel.Report.Rejections.Select(r => string.Join(",", r.Problems.Select(p => p.Reason))));
        Assert.Equal("Sheet1!B102", excel.Report.Rejections[0].Column);  // 31/11/2023: data index 100, sheet row 102, column B (Tanggal)
        Assert.Equal("Sheet1!C779", excel.Report.Rejections[1].Column);  // "Faks"
        Assert.Equal(["Sheet1!B3335", "Sheet1!C3335"], excel.Report.Rejections[4].Problems.Select(p => p.Column));
        Assert.Contains("'K-11' was already used by row 12", excel.Report.Rejections[5].Message, StringComparison.Ordinal);
        Assert.Equal("Sheet1!A5001", excel.Report.Rejections[5].Column);
    }

    [Fact]
    public void Read_DateCellSerialAndText_AreTheSameLocalTime()
    {
        var local = new DateTime(2023, 12, 4, 9, 15, 0, DateTimeKind.Unspecified);
        byte[] workbook = Xlsx.Write(("Log", [
            Header,
            [local, "whatsapp", "pemda", "DBH", 42d],
            [local.ToOADate(), "whatsapp", "pemda", "DBH", 42d],
            ["2023-12-04T09:15:00+07:00", "whatsapp", "pemda", "DBH", "42"],
        ]));

        IngestResult result = ExcelLogReader.Read(new MemoryStream(workbook), Options);

        Instant expected = Instant.FromUtc(2023, 12, 4, 2, 15);
        Assert.Equal(3, result.Report.Accepted);
        Assert.All(result.Log, c => Assert.Equal(expected, c.Timestamp));
        Assert.All(result.Log, c => Assert.Equal(new UserKey(42), c.User));
    }

    [Fact]
    public void Read_NumericUser_IsTheIntegerKeyWithOrWithoutUserIdentity()
    {
        byte[] workbook = Xlsx.Write(("Sheet1", [Header, ["2023-12-04T09:15:00Z", "whatsapp", "pemda", null, 42d], ["2023-12-04T09:15:00Z", "whatsapp", "pemda", null, "operator@pemda.go.id"]]));

        IngestResult plain = ExcelLogReader.Read(new MemoryStream(workbook), Options);
        IngestResult text = ExcelLogReader.Read(new MemoryStream(workbook), Options, default, LogColumns.Default.WithUserIdentity());

        Assert.Equal(new UserKey(42), plain.Log[0].User);
        Assert.Equal(RejectionReason.WrongType, Assert.Single(plain.Report.Rejections).Reason);
        Assert.Equal("Sheet1!E3", plain.Report.Rejections[0].Column);
        Assert.Equal([new UserKey(42), UserKey.FromText("operator@pemda.go.id")], text.Log.Select(c => c.User));
    }

    [Fact]
    public void Read_FractionalUser_IsRejectedAsWrongType()
    {
        byte[] workbook = Xlsx.Write(("Sheet1", [Header, ["2023-12-04T09:15:00Z", "whatsapp", "pemda", null, 4.5d]]));

        IngestResult result = ExcelLogReader.Read(new MemoryStream(workbook), Options);

        Assert.Equal(RejectionReason.WrongType, Assert.Single(result.Report.Rejections).Reason);
    }

    [Fact]
    public void Read_SheetByNameOrIndex_ReadsThatSheet()
    {
        byte[] workbook = Xlsx.Write(
            ("Ringkasan", [["note"], ["not a log"]]),
            ("Log Desember", [Header, ["2023-12-04T09:15:00Z", "whatsapp", "pemda", null, 1d], ["2023-12-04T09:15:00Z", "Faks", "pemda", null, 2d]]));

        IngestResult byName = ExcelLogReader.Read(new MemoryStream(workbook), Options, ExcelSheet.Named("log desember"));
        IngestResult byIndex = ExcelLogReader.Read(new MemoryStream(workbook), Options, ExcelSheet.At(1));

        Assert.Equal(1, byName.Report.Accepted);
        Assert.Equal(byName.Report.ToString(), byIndex.Report.ToString());
        Assert.Equal("'Log Desember'!B3", byName.Report.Rejections[0].Column);
        Assert.Throws<InvalidDataException>(() => ExcelLogReader.Read(new MemoryStream(workbook), Options)); // the first sheet has no log header
        InvalidDataException missing = Assert.Throws<InvalidDataException>(() => ExcelLogReader.Read(new MemoryStream(workbook), Options, ExcelSheet.At(2)));
        Assert.Contains("no sheet #2; it has 2 sheets", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GapAndBlankRows_KeepTheSheetRowNumbers()
    {
        byte[] workbook = Xlsx.Write(("Sheet1", [Header, ["2023-12-04T09:15:00Z", "whatsapp", "pemda", null, 1d], [], ["  ", null, null, null, null], ["2023-12-04T09:15:00Z", "whatsapp", "Wartawan", null, 1d]]));

        IngestResult result = ExcelLogReader.Read(new MemoryStream(workbook), Options);

        Assert.Equal(1, result.Report.Accepted);
        Assert.Equal(2, result.Report.BlankLines);
        Assert.Equal(5, Assert.Single(result.Report.Rejections).Line);
        Assert.Equal("Sheet1!C5", result.Report.Rejections[0].Column);
        Assert.Equal(2, result.Report.RowsRead);
    }

    [Fact]
    public void Read_NotAWorkbook_ThrowsInvalidData()
    {
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => ExcelLogReader.Read(new MemoryStream("timestamp,channel\n"u8.ToArray()), Options));

        Assert.Contains(".xlsx", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NonSeekableStream_GivesTheSameReport()
    {
        byte[] workbook = Xlsx.Write(("Sheet1", [Header, ["2023-12-04T09:15:00Z", "whatsapp", "pemda", "DBH", 7d]]));

        IngestResult result = await ExcelLogReader.ReadAsync(new ForwardOnlyStream(workbook), Options);

        Assert.Equal(1, result.Report.Accepted);
        Assert.Equal(workbook.Length, result.Report.BytesRead);
    }

    /// <summary>The export as a workbook: dates alternate between date cells and serial numbers; text that is no date stays text.</summary>
    private static byte[] Workbook(RealExportTests.Row[] rows)
    {
        var sheet = new List<object?[]> { new object?[] { "No", "Tanggal", "Kanal", "Petugas", "Kategori Pengguna", "Topik", "Kontak", "Durasi (menit)" } };
        for (int i = 0; i < rows.Length; i++)
        {
            RealExportTests.Row r = rows[i];
            ParseResult<LocalDateTime> parsed = Local.Parse(r.Timestamp);
            object timestamp = !parsed.Success ? r.Timestamp
                : i % 2 == 0 ? parsed.Value.ToDateTimeUnspecified()
                : parsed.Value.ToDateTimeUnspecified().ToOADate();
            sheet.Add([r.Id, timestamp, r.Channel, r.Operator, r.Segment, r.Topic, r.Contact.Length == 0 ? null : r.Contact, (double)r.Minutes]);
        }

        return Xlsx.Write(("Sheet1", sheet));
    }

    /// <summary>A stream that can neither seek nor read synchronously, as a request body.</summary>
    private sealed class ForwardOnlyStream(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = new(data);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous reads are disallowed.");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
