using System.Globalization;
using System.Text;
using System.Text.Json;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Reporting;
using Djpk.Metrics.Samples.ReportSample;
using Djpk.Metrics.Tests.Excel;
using Djpk.Metrics.Tests.Reporting;
using Djpk.Metrics.Tool;
using NodaTime;

namespace Djpk.Metrics.Tests.Tool;

/// <summary>Runs the djpk-metrics commands in-process on logs the tests write, and checks outputs and exit codes.</summary>
public sealed class CliTests : IDisposable
{
    private const int Seed = 1212;
    private static readonly string[] ChannelOrder = ["whatsapp", "phone", "email", "hai-kemenkeu", "live-chat"];
    private static readonly string[] SegmentOrder = ["akademisi", "pemda", "kementerian-lembaga", "lainnya"];
    private readonly string _directory = Directory.CreateTempSubdirectory("djpk-tool-").FullName;
    private readonly ToolLog _log = ToolLog.Generate(Seed, 600);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Aggregate_ByChannelCsv_EqualsIndependentCountPerRecord()
    {
        string path = WriteLog("log.csv", _log.ToCsv());

        (int code, string output, string error) = Run("aggregate", "--log", path, "--by", "channel");

        var expected = new StringBuilder("period,channel,count\n");
        foreach (var cell in _log.Rows
            .GroupBy(r => (Month: ToolLog.MonthOf(r.Timestamp), r.Channel))
            .OrderBy(g => g.Key.Month, StringComparer.Ordinal).ThenBy(g => Array.IndexOf(ChannelOrder, g.Key.Channel)))
        {
            expected.Append(CultureInfo.InvariantCulture, $"{cell.Key.Month},{cell.Key.Channel},{cell.Count()}\n");
        }

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, code);
        Assert.Equal(expected.ToString(), output);
    }

    [Fact]
    public void Aggregate_ServiceOnLogWithoutServiceColumns_PrintsContactsAndLeavesTheRestEmpty()
    {
        string path = WriteLog("log.csv", _log.ToCsv());

        (int code, string output, string error) = Run("aggregate", "--log", path, "--by", "channel", "--service");

        var expected = new StringBuilder("period,channel,contacts,answered,abandoned,service_level,median_response_s,p90_response_s,csat\n");
        foreach (var cell in _log.Rows
            .GroupBy(r => (Month: ToolLog.MonthOf(r.Timestamp), r.Channel))
            .OrderBy(g => g.Key.Month, StringComparer.Ordinal).ThenBy(g => g.Key.Channel, StringComparer.Ordinal))
        {
            expected.Append(CultureInfo.InvariantCulture, $"{cell.Key.Month},{cell.Key.Channel},{cell.Count()},0,,,,,\n");
        }

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, code);
        Assert.Equal(expected.ToString(), output);
    }

    [Fact]
    public void AggregateAndReport_JsonLinesWithServiceColumns_PrintTheCubesFiguresAndTheSection()
    {
        var log = Djpk.Metrics.Testing.SyntheticLog.Generate(
            3_000, 800, 20, NodaTime.Instant.FromUtc(2023, 10, 31, 17, 0), NodaTime.Instant.FromUtc(2023, 12, 31, 17, 0), 21, service: true).Log;
        string path = Path.Combine(_directory, "service.jsonl");
        using (FileStream file = File.Create(path))
        {
            Djpk.Metrics.Ingest.JsonLinesLogWriter.Write(log, file);
        }

        var cube = Djpk.Metrics.Service.ServiceMetrics.Measure(
            log, Djpk.Metrics.Periods.ReportingCalendar.Jakarta, Djpk.Metrics.Periods.PeriodGrain.Month, Djpk.Metrics.Service.ServiceBreakdown.Channel, Djpk.Metrics.Profiles.DjpkProfile.ServiceSettings);

        (int code, string output, string error) = Run("aggregate", "--log", path, "--by", "channel", "--service");
        (int reportCode, string report, _) = Run("report", "--log", path, "--month", "2023-12");

        Assert.Equal((0, string.Empty), (code, error));
        Assert.Equal(AggregateCommand.ServiceCsv(cube, Djpk.Metrics.Service.ServiceLevelDefinition.AbandonedIncluded), output); // read back from the file, the same figures
        Assert.Equal(0, reportCode);
        Assert.Contains("Kualitas Layanan", report, StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceCsv_SyntheticServiceLog_RowsAreTheCubesFigures()
    {
        // The CSV writer on a generated log directly, over two months with every channel.
        var log = Djpk.Metrics.Testing.SyntheticLog.Generate(
            4_000, 1_000, 20, NodaTime.Instant.FromUtc(2024, 10, 31, 17, 0), NodaTime.Instant.FromUtc(2024, 12, 31, 17, 0), 15, service: true).Log;
        var cube = Djpk.Metrics.Service.ServiceMetrics.Measure(
            log, Djpk.Metrics.Periods.ReportingCalendar.Jakarta, Djpk.Metrics.Periods.PeriodGrain.Month, Djpk.Metrics.Service.ServiceBreakdown.Channel, Djpk.Metrics.Profiles.DjpkProfile.ServiceSettings);

        string[] lines = AggregateCommand.ServiceCsv(cube, Djpk.Metrics.Service.ServiceLevelDefinition.AbandonedIncluded).TrimEnd('\n').Split('\n');

        Assert.Equal("period,channel,contacts,answered,abandoned,service_level,median_response_s,p90_response_s,csat", lines[0]);
        Assert.Equal(cube.Cells.Count(c => c.Figures.Contacts > 0), lines.Length - 1);
        var phone = cube.Of(Djpk.Metrics.Periods.ReportingPeriod.Month(2024, 12), Djpk.Metrics.Profiles.DjpkChannels.Phone);
        string[] row = Assert.Single(lines, l => l.StartsWith("2024-12,phone,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(phone.Contacts.ToString(CultureInfo.InvariantCulture), row[2]);
        Assert.Equal(phone.Answered.ToString(CultureInfo.InvariantCulture), row[3]);
        Assert.Equal(phone.Abandoned.ToString(CultureInfo.InvariantCulture), row[4]);
        Assert.Equal(phone.ServiceLevel(Djpk.Metrics.Service.ServiceLevelDefinition.AbandonedIncluded).ToPercent(2, Djpk.Metrics.Comparison.RoundingRule.HalfAwayFromZero)!.Value.ToString("0.00", CultureInfo.InvariantCulture), row[5]);
        Assert.Equal((decimal)phone.ResponseTime.Median!.Value.TotalMilliseconds / 1000m, decimal.Parse(row[6], CultureInfo.InvariantCulture));
        Assert.NotEqual(string.Empty, row[8]);
        Assert.Equal(string.Empty, Assert.Single(lines, l => l.StartsWith("2024-12,whatsapp,", StringComparison.Ordinal)).Split(',')[5]);
    }

    [Fact]
    public void Aggregate_DistinctUsersBySegmentInRange_EqualsIndependentCount()
    {
        string path = WriteLog("log.csv", _log.ToCsv());

        (int code, string output, _) = Run("aggregate", "--log", path, "--by", "segment", "--distinct-users", "--from", "2023-11", "--to", "2023-12");

        var expected = new StringBuilder("period,segment,users\n");
        foreach (var cell in _log.Rows
            .Where(r => ToolLog.MonthOf(r.Timestamp) is "2023-11" or "2023-12")
            .GroupBy(r => (Month: ToolLog.MonthOf(r.Timestamp), r.Segment))
            .OrderBy(g => g.Key.Month, StringComparer.Ordinal).ThenBy(g => Array.IndexOf(SegmentOrder, g.Key.Segment)))
        {
            expected.Append(CultureInfo.InvariantCulture, $"{cell.Key.Month},{cell.Key.Segment},{cell.Select(r => r.User).Distinct().Count()}\n");
        }

        Assert.Equal(0, code);
        Assert.Equal(expected.ToString(), output);
    }

    [Fact]
    public void Aggregate_QuarterByTopic_QuotesTopicsWithCommas()
    {
        string path = WriteLog("log.csv", _log.ToCsv());

        (int code, string output, _) = Run("aggregate", "--log", path, "--by", "topic", "--grain", "quarter", "--from", "2023-Q4", "--to", "2023-Q4");

        long expected = _log.Rows.Count(r => r.Topic == "DAK Fisik, Non Fisik" && ToolLog.MonthOf(r.Timestamp) is "2023-10" or "2023-11" or "2023-12");
        Assert.Equal(0, code);
        Assert.StartsWith("period,topic,count\n", output, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"2023-Q4,\"DAK Fisik, Non Fisik\",{expected}\n"), output, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_Text_StatesTheMonthsCountOfTheLog()
    {
        string path = WriteLog("log.csv", _log.ToCsv());
        long december = _log.Rows.Count(r => ToolLog.MonthOf(r.Timestamp) == "2023-12");

        (int code, string output, string error) = Run("report", "--log", path, "--month", "2023-12");

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, code);
        Assert.StartsWith("Laporan Layanan Informasi DJPK — Desember 2023", output, StringComparison.Ordinal);
        Assert.Contains($"Jumlah konsultasi di bulan Desember 2023 sebanyak {ReportFormatter.Indonesian.FormatCount(december)} konsultasi", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_JsonToFile_HoldsTheCountsOfTheLog()
    {
        string path = WriteLog("log.jsonl", ToJsonLines(_log));
        string outPath = Path.Combine(_directory, "report.json");
        long december = _log.Rows.Count(r => ToolLog.MonthOf(r.Timestamp) == "2023-12");
        long year = _log.Rows.Count(r => ToolLog.MonthOf(r.Timestamp).StartsWith("2023-", StringComparison.Ordinal));

        (int code, string output, _) = Run("report", "--log", path, "--month", "2023-12", "--format", "json", "--lang", "en", "--out", outPath);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, output);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(outPath));
        JsonElement consultations = json.RootElement.GetProperty("consultations");
        Assert.Equal(december, consultations.GetProperty("total").GetInt64());
        Assert.Equal(year, consultations.GetProperty("yearToDate").GetInt64());
    }

    [Fact]
    public void Report_Html_IsOneFileWithTheLogsCount()
    {
        string path = WriteLog("log.csv", _log.ToCsv());
        string outPath = Path.Combine(_directory, "report.html");
        long december = _log.Rows.Count(r => ToolLog.MonthOf(r.Timestamp) == "2023-12");

        (int code, _, string error) = Run("report", "--log", path, "--month", "2023-12", "--format", "html", "--lang", "en", "--out", outPath);

        string html = File.ReadAllText(outPath);
        Assert.Equal(0, code);
        Assert.Equal($"wrote {outPath}\n", error);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains($"data-figure=\"consultations.total\">{ReportFormatter.English.FormatCount(december)}<", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_SideInputs_AppearInTheReport()
    {
        string path = WriteLog("log.csv", _log.ToCsv());
        string website = WriteLog("website.json", """{"visits":[{"period":"2022-12","count":93598},{"period":"2023-12","count":73942}],"topPages":[{"period":"2023-12","pages":[{"page":"Dana Desa"},{"page":"DAU"}]}]}""");
        string social = WriteLog("social.json", """[{"platform":"instagram","account":"@djpk","date":"2023-12-31","followers":116894,"posts":30,"reach":{"total":90000,"posts":30}}]""");
        string requests = WriteLog("requests.json", """[{"id":"PPID-1","received":"2023-12-04","purpose":"penelitian","dataRequested":["DAU 2023"],"outcome":"grantedInFull","decided":"2023-12-08"}]""");
        string complaints = WriteLog("complaints.json", """[{"id":"ADU-1","category":"keluhan-layanan","received":"2023-12-05","resolved":"2023-12-07"}]""");

        (int code, string output, string error) = Run("report", "--log", path, "--month", "2023-12", "--website", website, "--social", social, "--requests", requests, "--complaints", complaints);

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, code);
        Assert.Contains("73.942", output, StringComparison.Ordinal);
        Assert.Contains("116.894", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_BadRow_PrintsSummaryLineAndRejection_ExitCodeOneOnlyUnderStrict()
    {
        int badLine = _log.Rows.Count + 2;
        string path = WriteLog("log.csv", _log.ToCsv("2023-12-31T10:00:00+07:00,telegram,pemda,DBH,7,bad"));
        int n = _log.Rows.Count + 1;

        (int collectCode, string collected, _) = Run("ingest", path);
        (int strictCode, string strict, _) = Run("ingest", path, "--policy", "strict");

        string[] lines = collected.Split('\n');
        Assert.Equal($"{n} rows read: {n - 1} accepted, 1 rejected (UnknownChannel 1)", lines[0]);
        Assert.StartsWith($"  line {badLine}, channel: UnknownChannel: ", lines[1], StringComparison.Ordinal);
        Assert.Equal(0, collectCode);
        Assert.Equal(collected, strict);
        Assert.Equal(1, strictCode);
    }

    [Fact]
    public void Report_StrictByDefault_BadRowIsOneLineOnStderrAndExitCodeOne()
    {
        string path = WriteLog("log.csv", _log.ToCsv("not a timestamp,whatsapp,pemda,DBH,7,bad"));

        (int code, string output, string error) = Run("report", "--log", path, "--month", "2023-12");
        (int collectCode, string collected, _) = Run("report", "--log", path, "--month", "2023-12", "--policy", "collect");

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Contains("1 rejected (InvalidTimestamp 1)", error, StringComparison.Ordinal);
        Assert.Equal(0, collectCode);
        Assert.Contains("1 baris ditolak saat memuat data", collected, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_Out_WritesTheAcceptedRowsThatReadBackTheSame()
    {
        string path = WriteLog("log.csv", _log.ToCsv("2023-12-31T10:00:00+07:00,telegram,pemda,DBH,7,bad"));
        string clean = Path.Combine(_directory, "clean.jsonl");
        int n = _log.Rows.Count;

        (int code, _, _) = Run("ingest", path, "--out", clean);
        (int again, string output, _) = Run("ingest", clean, "--policy", "strict");
        (_, string before, _) = Run("aggregate", "--log", path, "--by", "channel,segment", "--policy", "collect");
        (_, string after, _) = Run("aggregate", "--log", clean, "--by", "channel,segment");

        Assert.Equal(0, code);
        Assert.Equal(0, again);
        Assert.Equal($"{n} rows read: {n} accepted, 0 rejected\n", output);
        Assert.Equal(before, after);
    }

    [Fact]
    public void Ingest_ServiceColumnsUnderTheExportsHeaders_AreReadAndWritten()
    {
        string path = WriteLog("service.csv", string.Join('\n',
            "Waktu,Kanal,Instansi,Email,Dijawab,Selesai,Status,Nilai",
            "2023-12-04T09:00:00+07:00,phone,pemda,a@example.org,2023-12-04T09:00:12+07:00,2023-12-04T09:04:00+07:00,resolved,5",
            "2023-12-04T09:10:00+07:00,phone,pemda,b@example.org,,2023-12-04T09:10:03+07:00,abandoned,",
            "2023-12-04T09:20:00+07:00,phone,pemda,c@example.org,2023-12-04T09:19:00+07:00,,answered,4") + "\n");
        string clean = Path.Combine(_directory, "service.jsonl");

        (int code, string output, _) = Run(
            "ingest", path, "--out", clean, "--policy", "collect", "--column", "timestamp=Waktu", "--column", "channel=Kanal", "--column", "segment=Instansi",
            "--column", "user=Email", "--user-identity", "email", "--column", "first_response=Dijawab", "--column", "end=Selesai", "--column", "outcome=Status", "--column", "satisfaction=Nilai");

        Assert.Equal(0, code);
        Assert.StartsWith("3 rows read: 2 accepted, 1 rejected (TimesOutOfOrder 1)", output, StringComparison.Ordinal); // the third reply precedes its message
        string[] lines = File.ReadAllLines(clean);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"first_response\":\"2023-12-04T09:00:12+07:00\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"abandoned\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("satisfaction", Run("ingest", path, "--column", "satisfaction").Error, StringComparison.Ordinal); // not FIELD=HEADER: the usage names the fields
    }

    [Fact]
    public void Verify_PublishedReport_FailOnClaimsGivesExitCodeOne()
    {
        string text = Path.Combine(AppContext.BaseDirectory, "Fixtures", "000_44c26567354df530.txt");
        string figures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "djpk-report-2023-12.json");

        (int lenient, string output, _) = Run("verify", "--text", text, "--figures", figures);
        (int failing, _, _) = Run("verify", "--text", text, "--figures", figures, "--fail-on-claims");

        Assert.Equal(0, lenient);
        Assert.Equal(1, failing);
        Assert.Contains("Klaim: 25; 23 benar, 1 salah, 1 tidak dapat diperiksa", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_OwnReportAgainstItsLog_EveryClaimHolds_AndATamperedCountFails()
    {
        string path = WriteLog("log.csv", _log.ToCsv());
        (_, string report, _) = Run("report", "--log", path, "--month", "2023-12");
        string december = ReportFormatter.Indonesian.FormatCount(_log.Rows.Count(r => ToolLog.MonthOf(r.Timestamp) == "2023-12"));
        string sentence = $"Jumlah konsultasi di bulan Desember 2023 sebanyak {december} konsultasi";
        string text = WriteLog("report.txt", report);
        string tampered = WriteLog("tampered.txt", report.Replace(sentence, "Jumlah konsultasi di bulan Desember 2023 sebanyak 9.999 konsultasi", StringComparison.Ordinal));

        (int holds, string output, string error) = Run("verify", "--text", text, "--log", path, "--month", "2023-12", "--fail-on-claims");
        (int fails, _, _) = Run("verify", "--text", tampered, "--log", path, "--month", "2023-12", "--fail-on-claims");

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, holds);
        Assert.Contains(" 0 salah", output, StringComparison.Ordinal);
        Assert.Equal(1, fails);
    }

    [Fact]
    public void ReadingFlags_AnExportInItsOwnShape_ReadsWithoutAConverter()
    {
        string path = WriteLog("export.csv", string.Join('\n',
            "Waktu;Kanal;Instansi;Perihal;Email",
            "31/12/2023 14:05;WhatsApp;Pemda;DBH;Operator@Pemda.go.id",
            "30/12/2023 09:00;Telepon;Kementerian/Lembaga;DAU;operator@pemda.go.id ",
            "29/12/2023 23:30;Surat;Pemda;DAU;other@example.org",
            "29/11/2023 08:00;whatsapp;DPRD;DAU;third@example.org") + "\n");
        string[] flags =
        [
            "--delimiter", ";", "--timestamp-format", "dd/MM/yyyy HH:mm",
            "--column", "timestamp=Waktu", "--column", "channel=Kanal", "--column", "segment=Instansi", "--column", "topic=Perihal", "--column", "user=Email",
            "--alias", "channel:Surat=email", "--fallback-segment", "lainnya", "--user-identity", "email",
        ];

        (int code, string output, string error) = Run(["aggregate", "--log", path, "--by", "channel", "--distinct-users", .. flags]);
        (int total, string users, _) = Run(["aggregate", "--log", path, "--by", "segment", "--grain", "year", "--distinct-users", .. flags]);

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, code);
        Assert.Equal("period,channel,users\n2023-11,whatsapp,1\n2023-12,whatsapp,1\n2023-12,phone,1\n2023-12,email,1\n", output);
        Assert.Equal(0, total);
        Assert.Equal("period,segment,users\n2023,pemda,2\n2023,kementerian-lembaga,1\n2023,lainnya,1\n", users);   // one operator in two spellings
    }

    [Fact]
    public void ReadingFlags_ConstantChannel_AppliesToEveryRow()
    {
        string path = WriteLog("phone.csv", "timestamp,segment,user\n2023-12-01T09:00:00+07:00,pemda,1\n2023-12-02T09:00:00+07:00,akademisi,2\n");

        (int code, string output, _) = Run("aggregate", "--log", path, "--by", "channel", "--channel", "phone");

        Assert.Equal(0, code);
        Assert.Equal("period,channel,count\n2023-12,phone,2\n", output);
    }

    [Fact]
    public void IngestAndAggregate_Workbook_GiveTheSummaryLineAndTheIndependentCounts()
    {
        // The log as a workbook: the data on a second sheet "Log" (the first is a cover sheet), timestamps as date cells
        // (Jakarta's local time), ISO text or Excel serial numbers, users as numbers; one row with a channel not in the catalog.
        ToolLog.Row[] rows = [.. _log.Rows.Take(240)];
        var cells = new List<object?[]> { new object?[] { "timestamp", "channel", "segment", "topic", "user" } };
        foreach (ToolLog.Row row in rows)
        {
            DateTime local = row.Timestamp.InZone(ToolLog.Jakarta).LocalDateTime.ToDateTimeUnspecified();
            object timestamp = row.Style switch
            {
                0 => local,
                1 => NodaTime.Text.InstantPattern.ExtendedIso.Format(row.Timestamp),
                _ => local.ToOADate(),
            };
            cells.Add([timestamp, row.Channel, row.Segment, row.Topic, (double)row.User]);
        }

        cells.Add(["2023-12-31T10:00:00+07:00", "telegram", "pemda", "DBH", 7d]);
        string path = Path.Combine(_directory, "konsultasi.xlsx");
        File.WriteAllBytes(path, Xlsx.Write(("Sampul", [["Laporan konsultasi"]]), ("Log", cells)));
        int n = rows.Length + 1;

        (int ingestCode, string ingested, string ingestError) = Run("ingest", path, "--sheet", "Log");
        (int code, string output, string error) = Run("aggregate", "--log", path, "--sheet", "1", "--by", "channel", "--policy", "collect");
        (int strict, _, string strictError) = Run("aggregate", "--log", path, "--sheet", "Log", "--by", "channel");
        (int cover, _, string coverError) = Run("ingest", path);   // the first sheet by default: the cover, which has no header

        Assert.Equal(string.Empty, ingestError);
        Assert.Equal(0, ingestCode);
        string[] lines = ingested.Split('\n');
        Assert.Equal($"{n} rows read: {n - 1} accepted, 1 rejected (UnknownChannel 1)", lines[0]);
        Assert.StartsWith($"  line {n + 1}, Log!B{n + 1}: UnknownChannel: ", lines[1], StringComparison.Ordinal);
        var expected = new StringBuilder("period,channel,count\n");
        foreach (var cell in rows
            .GroupBy(r => (Month: ToolLog.MonthOf(r.Timestamp), r.Channel))
            .OrderBy(g => g.Key.Month, StringComparer.Ordinal).ThenBy(g => Array.IndexOf(ChannelOrder, g.Key.Channel)))
        {
            expected.Append(CultureInfo.InvariantCulture, $"{cell.Key.Month},{cell.Key.Channel},{cell.Count()}\n");
        }

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, code);
        Assert.Equal(expected.ToString(), output);
        Assert.Equal(1, strict);
        Assert.Contains("1 rejected (UnknownChannel 1); first: line " + (n + 1).ToString(CultureInfo.InvariantCulture) + ", Log!B", strictError, StringComparison.Ordinal);
        Assert.Equal(1, cover);
        Assert.Contains("The header (row 1) has no column 'timestamp'", coverError, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_WorkbookWithoutSuchSheet_IsOneLineWithExitCodeOne_AndSheetOnCsvIsAUsageError()
    {
        string book = Path.Combine(_directory, "book.xlsx");
        File.WriteAllBytes(book, Xlsx.Write(("Log", [["timestamp", "channel", "segment", "user"]])));
        string csv = WriteLog("log.csv", _log.ToCsv());

        (int code, string output, string error) = Run("ingest", book, "--sheet", "Desember");
        (int usage, _, string usageError) = Run("aggregate", "--log", csv, "--by", "channel", "--sheet", "Log");
        (int format, string formatted, _) = Run("ingest", WriteLog("book.bin", string.Empty), "--format", "xlsx");

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"djpk-metrics: {book}: The workbook has no sheet 'Desember'; it has 1 sheet. Name the sheet with ExcelSheet.Named or ExcelSheet.At (0 is the first).\n", error);
        Assert.Equal(2, usage);
        Assert.Equal("djpk-metrics: --sheet chooses the worksheet of .xlsx files, and no file is one.\n", usageError);
        Assert.Equal(1, format);   // read as a workbook, and it is not one
        Assert.Equal(string.Empty, formatted);
    }

    [Fact]
    public void Report_ProfileFile_IsTheProvincesReportWithNoneOfDjpksWords()
    {
        string profile = WriteProvince();
        string log = WriteLog("provinsi.csv", string.Join('\n',
            "waktu,kanal,segmen,topik,pengguna",
            "2026-09-01 09:30,sms,warga,Bantuan sosial,1",
            "2026-09-02 09:30,Pesan Singkat,Masyarakat,Bantuan sosial,2",
            "2026-10-01 09:30,sms,warga,Perizinan,100",
            "2026-10-02 09:30,Loket,OPD,Perizinan,101",
            "2026-10-31 23:30,walk-in,warga,Perizinan,102") + "\n");
        string[] flags = ["--log", log, "--month", "2026-10", "--profile", profile,
            "--column", "timestamp=waktu", "--column", "channel=kanal", "--column", "segment=segmen", "--column", "topic=topik", "--column", "user=pengguna"];

        (int code, string text, string error) = Run(["report", .. flags]);
        (_, string english, _) = Run(["report", .. flags, "--lang", "en"]);
        (_, string markdown, _) = Run(["report", .. flags, "--format", "md"]);
        (_, string json, _) = Run(["report", .. flags, "--format", "json"]);
        (_, string html, _) = Run(["report", .. flags, "--format", "html"]);

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, code);
        Assert.StartsWith("Laporan Bulanan Pusat Kontak Layanan Publik Provinsi Nusa Sejahtera — Oktober 2026", text, StringComparison.Ordinal);
        Assert.Contains("Jumlah konsultasi di bulan Oktober 2026 sebanyak 3 konsultasi", text, StringComparison.Ordinal);   // 23:30 in Makassar is still October
        Assert.Contains("Konsultasi SMS Center Provinsi", text, StringComparison.Ordinal);
        Assert.StartsWith("Nusa Sejahtera Province Public Contact Center — October 2026", english, StringComparison.Ordinal);
        Assert.Contains("\"profile\": \"nusa-sejahtera\"", json, StringComparison.Ordinal);
        Assert.Contains("\"zone\": \"Asia/Makassar\"", json, StringComparison.Ordinal);
        string page = html[..html.IndexOf("<footer>", StringComparison.Ordinal)];   // the footer names the tool, djpk-metrics
        foreach (string output in new[] { text, english, markdown, json, page })
        {
            foreach (string word in ReportProfileTests.DjpkWords)
            {
                Assert.DoesNotContain(word, output, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Theory]
    [InlineData("\"schema\": 1,", "\"schema\": 2,", "--profile: {0}: Profile file: schema is required and must be 1; add \"schema\": 1.")]
    [InlineData("\"kind\": \"social\"", "\"kind\": \"photos\"", "--profile: {0}: Profile file: channels[2].kind must be one of ")]
    [InlineData("\"change.increase\"", "\"change.naik\"", "--profile: {0}: Profile file: wording breaks a rule of the wording format: ")]
    [InlineData("\"name\": \"nusa-sejahtera\",", "\"name\": \"nusa-sejahtera\",,", "--profile: {0}: Profile file: not valid JSON at line 3")]
    public void Report_BadProfileFile_IsOneLineOnStderrWithExitCodeTwo(string replace, string with, string expected)
    {
        string profile = WriteProvince(ProvincialContactCenter.ProfileFile.Replace(replace, with, StringComparison.Ordinal));
        string log = WriteLog("log.csv", _log.ToCsv());

        (int code, string output, string error) = Run("report", "--log", log, "--month", "2023-12", "--profile", profile);
        (int missing, _, string missingError) = Run("report", "--log", log, "--month", "2023-12", "--profile", Path.Combine(_directory, "none.json"));

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("djpk-metrics: " + string.Format(CultureInfo.InvariantCulture, expected, profile), error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Equal(2, missing);
        Assert.Contains("is neither djpk nor an existing profile file", missingError, StringComparison.Ordinal);
    }

    // The MonthlyReport sample end to end: its generator's log, written as a file, gives the tool the sample's own figures.
    [Fact]
    public void Report_MonthlyReportSamplesLog_GivesTheSamplesReport()
    {
        ReportInputs sample = December2023.Inputs(Path.Combine(AppContext.BaseDirectory, "Fixtures", "djpk-report-2023-12.json"));
        string path = Path.Combine(_directory, "december-2023.jsonl");
        using (FileStream file = File.Create(path))
        {
            JsonLinesLogWriter.Write(sample.Consultations!, file, ToolLog.Jakarta);
        }

        (int code, string output, string error) = Run("report", "--log", path, "--month", "2023-12");

        string samples = MonthlyReport.Build(December2023.Month, sample, DjpkProfile.Profile).RenderText();
        string consultationsOnly = MonthlyReport.Build(December2023.Month, ReportInputs.Empty.WithConsultations(sample.Consultations!), DjpkProfile.Profile).RenderText();
        Assert.Equal(string.Empty, error);
        Assert.Equal(0, code);
        Assert.Equal(consultationsOnly, output);
        foreach (string figure in (string[])["Jumlah konsultasi di bulan Desember 2023 sebanyak 1.469 konsultasi", "sebanyak 18.008 konsultasi",
            "meningkat 12% dibandingkan bulan Desember 2022 (1.305 konsultasi)"])
        {
            Assert.Contains(figure, samples, StringComparison.Ordinal);
            Assert.Contains(figure, output, StringComparison.Ordinal);
        }

        // The sample's consultation and user sections, word for word: the tool's differs only where the sample has side inputs.
        foreach (string heading in (string[])["Perkembangan Jumlah Konsultasi", "Konsultasi WhatsApp DJPK", "Konsultasi Telepon Dering DJPK", "Konsultasi E-mail Call Center DJPK", "Pengguna Layanan selama Tahun 2023"])
        {
            Assert.Equal(Section(samples, heading), Section(output, heading));
        }
    }

    private static string Section(string text, string heading)
    {
        int start = text.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section '{heading}'");
        int end = text.IndexOf("\n\n", start + heading.Length + 2, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    private string WriteProvince(string? profile = null)
    {
        WriteLog("nusa-sejahtera-2026.json", ProvincialContactCenter.HolidayFile);
        return WriteLog("nusa-sejahtera.json", profile ?? ProvincialContactCenter.ProfileFile);
    }

    [Theory]
    [InlineData("report", "--log", "x.csv")]                                  // --month missing
    [InlineData("report", "--log", "x.csv", "--month", "2023-13")]
    [InlineData("aggregate", "--log", "x.csv", "--by", "channel", "--grain", "fortnight")]
    [InlineData("aggregate", "--log", "x.csv", "--by", "region")]
    [InlineData("aggregate", "--log", "x.csv", "--by", "channel,segment", "--service")]
    [InlineData("aggregate", "--log", "x.csv", "--by", "channel", "--service", "--format", "json")]
    [InlineData("ingest", "x.csv", "--no-such-flag")]
    [InlineData("ingest", "x.csv", "--zone", "Asia/Atlantis")]
    [InlineData("ingest", "x.csv", "--column", "when=waktu")]
    [InlineData("ingest", "x.csv", "--fallback-segment", "alien")]
    [InlineData("ingest", "x.csv", "--alias", "channel:WA")]
    [InlineData("ingest", "x.csv", "--alias", "region:Jawa=pemda")]
    [InlineData("ingest", "x.csv", "--channel", "telegram")]
    [InlineData("ingest", "x.csv", "--user-identity", "fingerprint")]
    [InlineData("verify", "--text", "x.txt")]                                 // neither --figures nor --log
    [InlineData("frobnicate")]
    public void Usage_Errors_AreOneLineOnStderrWithExitCodeTwo(params string[] args)
    {
        WriteLog("x.csv", "timestamp,channel,segment,topic,user\n");
        WriteLog("x.txt", "Laporan.");
        string[] inDirectory = [.. args.Select(a => a is "x.csv" or "x.txt" ? Path.Combine(_directory, a) : a)];

        (int code, string output, string error) = Run(inDirectory);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("djpk-metrics: ", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("report")]
    [InlineData("aggregate")]
    [InlineData("verify")]
    public void Help_EveryCommand_HasExamples(string command)
    {
        (int code, string output, _) = Run(command, "--help");

        Assert.Equal(0, code);
        Assert.Contains("Examples:", output, StringComparison.Ordinal);
        Assert.Contains($"djpk-metrics {command} ", output, StringComparison.Ordinal);
    }

    // The reading flags are a contract scripts rely on: their names are exactly those of the tool issue, on every command that reads logs.
    [Theory]
    [InlineData("ingest")]
    [InlineData("report")]
    [InlineData("aggregate")]
    [InlineData("verify")]
    public void Help_EveryReadingCommand_NamesTheContractFlags(string command)
    {
        (int code, string output, _) = Run(command, "--help");

        Assert.Equal(0, code);
        foreach (string flag in (string[])["--delimiter", "--timestamp-format", "--zone", "--column", "--channel", "--segment", "--alias",
            "--fallback-channel", "--fallback-segment", "--policy", "--user-identity"])
        {
            Assert.Matches(@"(^|[\s,])" + System.Text.RegularExpressions.Regex.Escape(flag) + @"([\s<,]|$)", output);
        }
    }

    // Workbooks: every reading command takes --sheet and names its input format (--format in ingest, whose only format it is).
    [Theory]
    [InlineData("ingest", "--format")]
    [InlineData("report", "--input-format")]
    [InlineData("aggregate", "--input-format")]
    [InlineData("verify", "--input-format")]
    public void Help_EveryReadingCommand_NamesTheSheetAndInputFormatFlags(string command, string formatFlag)
    {
        (int code, string output, _) = Run(command, "--help");

        Assert.Equal(0, code);
        Assert.Contains("--sheet <NAME|INDEX>", output, StringComparison.Ordinal);
        Assert.Contains(formatFlag + " <csv|jsonl|xlsx>", output, StringComparison.Ordinal);
        Assert.Equal(command != "verify", output.Contains("--profile <djpk|FILE>", StringComparison.Ordinal));
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        int code = Cli.Run(args, output, error);
        return (code, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    private static string ToJsonLines(ToolLog log)
    {
        var jsonl = new StringBuilder();
        for (int i = 0; i < log.Rows.Count; i++)
        {
            ToolLog.Row row = log.Rows[i];
            jsonl.Append(CultureInfo.InvariantCulture, $$"""{"timestamp":"{{NodaTime.Text.InstantPattern.ExtendedIso.Format(row.Timestamp)}}","channel":"{{row.Channel}}","segment":"{{row.Segment}}","topic":"{{row.Topic}}","user":{{row.User}},"id":"r{{i}}"}""").Append('\n');
        }

        return jsonl.ToString();
    }

    private string WriteLog(string name, string content)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
