using Djpk.Metrics.Ingest;
using Djpk.Metrics.Logs;
using DuckDB.NET.Data;
using NodaTime;

namespace Djpk.Metrics.Tests.Serialization;

/// <summary>The optional service columns (first response, end, outcome, agent, case, satisfaction) in the JSON Lines, CSV and database readers.</summary>
public class ServiceColumnReaderTests
{
    private const string Good = """{"timestamp":"2023-12-04T09:15:00+07:00","channel":"whatsapp","segment":"pemda","user":42}""";

    private const string CsvHeader = "timestamp,channel,segment,user,first_response,end,outcome,agent,case,satisfaction";

    private static readonly Instant Start = Instant.FromUtc(2023, 12, 4, 2, 15);

    /// <summary>The three records both text files below (and the Parquet file of ParquetServiceColumnTests) hold: every field, some fields, and every field present but empty.</summary>
    internal static readonly Consultation[] Expected =
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
        new Consultation(Start + Duration.FromHours(1), DjpkChannels.Phone, DjpkSegments.Pemda, Topic.Unspecified, new UserKey(43)) with
        {
            Outcome = new Outcome("no-answer"),
            Agent = new AgentKey(17),
            Satisfaction = 4,
        },
        new Consultation(Start + Duration.FromHours(2), DjpkChannels.Phone, DjpkSegments.Pemda, Topic.Unspecified, new UserKey(44)),
    ];

    [Fact]
    public void ReadJson_LinesWithServiceFields_ReadIntoTheConsultations()
    {
        string text = """
            {"timestamp":"2023-12-04T09:15:00+07:00","channel":"whatsapp","segment":"pemda","user":42,"first_response":"2023-12-04T09:20:00+07:00","end":"2023-12-04T02:45:00Z","outcome":"Resolved","agent":"petugas-07","case":1001,"satisfaction":5}
            {"timestamp":"2023-12-04T10:15:00+07:00","channel":"phone","segment":"pemda","user":43,"outcome":" No Answer ","agent":17,"satisfaction":"4"}
            {"timestamp":"2023-12-04T11:15:00+07:00","channel":"phone","segment":"pemda","user":44,"first_response":"","end":null,"outcome":"","agent":"","case":null,"satisfaction":""}
            """;
        IngestResult result = LogText.ReadJson(text, LogText.Collect, LogText.Strict);

        Assert.Equal(0, result.Report.Rejected);
        Assert.Equal(Expected, result.Log);
        Assert.Equal(ServiceColumns.FirstResponse | ServiceColumns.End | ServiceColumns.Outcome | ServiceColumns.Agent | ServiceColumns.Case | ServiceColumns.Satisfaction, result.Log.ServiceColumns);
    }

    [Fact]
    public void ReadCsv_RecordsWithServiceFields_ReadIntoTheConsultations()
    {
        string text = CsvHeader + "\r\n"
            + "2023-12-04T09:15:00+07:00,whatsapp,pemda,42,2023-12-04T09:20:00+07:00,2023-12-04T02:45:00Z,Resolved,petugas-07,1001,5\r\n"
            + "2023-12-04T10:15:00+07:00,phone,pemda,43,,,no_answer,17,,4\r\n"
            + "2023-12-04T11:15:00+07:00,phone,pemda,44,,, ,,,\r\n";
        IngestResult result = LogText.ReadCsv(text, ',', LogText.Collect, LogText.Strict);

        Assert.Equal(0, result.Report.Rejected);
        Assert.Equal(Expected, result.Log);
        Assert.Equal(6, System.Numerics.BitOperations.PopCount((uint)result.Log.ServiceColumns));
    }

    [Fact]
    public void Read_ServiceInstantsWithoutOffset_AreReadInTheLocalZoneAsTheTimestampIs()
    {
        IngestOptions jakarta = LogText.Collect.WithLocalZone(DateTimeZoneProviders.Tzdb["Asia/Jakarta"]);
        IngestResult json = LogText.ReadJson("""{"timestamp":"2023-12-04T09:15:00","channel":"phone","segment":"pemda","user":1,"first_response":"2023-12-04T09:16:00","end":"2023-12-04T09:20:00"}""", jakarta);
        IngestResult csv = LogText.ReadCsv("timestamp,channel,segment,user,first_response,end\n2023-12-04T09:15:00,phone,pemda,1,2023-12-04T09:16:00,2023-12-04T09:20:00\n", ',', jakarta);

        foreach (IngestResult result in new[] { json, csv })
        {
            Consultation read = Assert.Single(result.Log);
            Assert.Equal(Start + Duration.FromMinutes(1), read.FirstResponse);
            Assert.Equal(Start + Duration.FromMinutes(5), read.End);
        }
    }

    [Theory]
    [InlineData("\"first_response\":\"2023-12-04T09:14:59+07:00\"", RejectionReason.TimesOutOfOrder, "first_response")]
    [InlineData("\"first_response\":\"2023-12-04T09:20:00+07:00\",\"end\":\"2023-12-04T09:19:00+07:00\"", RejectionReason.TimesOutOfOrder, "end")]
    [InlineData("\"end\":\"2023-12-04T09:00:00+07:00\"", RejectionReason.TimesOutOfOrder, "end")]
    [InlineData("\"first_response\":\"kemarin\"", RejectionReason.InvalidTimestamp, "first_response")]
    [InlineData("\"end\":\"2023-12-04T09:20:00\"", RejectionReason.MissingOffset, "end")]
    [InlineData("\"first_response\":20231204", RejectionReason.WrongType, "first_response")]
    [InlineData("\"satisfaction\":0", RejectionReason.InvalidValue, "satisfaction")]
    [InlineData("\"satisfaction\":6", RejectionReason.InvalidValue, "satisfaction")]
    [InlineData("\"satisfaction\":4.5", RejectionReason.InvalidValue, "satisfaction")]
    [InlineData("\"satisfaction\":\"abc\"", RejectionReason.InvalidValue, "satisfaction")]
    [InlineData("\"satisfaction\":\"0\"", RejectionReason.InvalidValue, "satisfaction")]
    [InlineData("\"satisfaction\":true", RejectionReason.WrongType, "satisfaction")]
    [InlineData("\"outcome\":\"selesai!\"", RejectionReason.InvalidValue, "outcome")]
    [InlineData("\"outcome\":\"--\"", RejectionReason.InvalidValue, "outcome")]
    [InlineData("\"outcome\":3", RejectionReason.WrongType, "outcome")]
    [InlineData("\"agent\":1.5", RejectionReason.WrongType, "agent")]
    [InlineData("\"case\":99999999999999999999", RejectionReason.WrongType, "case")]
    [InlineData("\"agent\":false", RejectionReason.WrongType, "agent")]
    [InlineData("\"case\":{\"id\":1}", RejectionReason.WrongType, "case")]
    public void ReadJson_BadServiceField_IsRejectedWithReasonLineAndColumn(string fields, RejectionReason reason, string column)
    {
        string line = Good[..^1] + "," + fields + "}";
        IngestResult result = LogText.ReadJson(Good + "\n" + line + "\n" + Good, LogText.Collect, LogText.Strict);

        Assert.Equal(2, result.Log.Count);
        IngestRejection rejection = Assert.Single(result.Report.Rejections);
        Assert.Equal(2, rejection.Line);
        Assert.Equal(reason, rejection.Reason);
        Assert.Equal(column, rejection.Column);
        Assert.Equal(1, result.Report.RejectedFor(reason));
        Assert.EndsWith(".", rejection.Message, StringComparison.Ordinal);
        LogText.AssertAccounting(result.Report);
    }

    [Theory]
    [InlineData("2023-12-04T09:14:59+07:00,,,,,", RejectionReason.TimesOutOfOrder, "first_response")]
    [InlineData("2023-12-04T09:20:00+07:00,2023-12-04T09:19:00+07:00,,,,", RejectionReason.TimesOutOfOrder, "end")]
    [InlineData(",2023-12-04T02:00:00Z,,,,", RejectionReason.TimesOutOfOrder, "end")]
    [InlineData("soon,,,,,", RejectionReason.InvalidTimestamp, "first_response")]
    [InlineData(",,,,,0", RejectionReason.InvalidValue, "satisfaction")]
    [InlineData(",,,,,6", RejectionReason.InvalidValue, "satisfaction")]
    [InlineData(",,,,,abc", RejectionReason.InvalidValue, "satisfaction")]
    [InlineData(",,,,,4.0", RejectionReason.InvalidValue, "satisfaction")]
    [InlineData(",,tidak/terjawab,,,", RejectionReason.InvalidValue, "outcome")]
    public void ReadCsv_BadServiceField_IsRejectedWithReasonLineAndColumn(string fields, RejectionReason reason, string column)
    {
        string good = "2023-12-04T09:15:00+07:00,phone,pemda,1,,,,,,";
        string text = CsvHeader + "\r\n" + good + "\r\n" + "2023-12-04T09:15:00+07:00,phone,pemda,2," + fields + "\r\n" + good + "\r\n";
        IngestResult result = LogText.ReadCsv(text, ',', LogText.Collect);

        Assert.Equal(2, result.Log.Count);
        IngestRejection rejection = Assert.Single(result.Report.Rejections);
        Assert.Equal(3, rejection.Line);
        Assert.Equal(reason, rejection.Reason);
        Assert.Equal(column, rejection.Column);
        Assert.EndsWith(".", rejection.Message, StringComparison.Ordinal);
        LogText.AssertAccounting(result.Report);
    }

    [Fact]
    public void Read_TimesOutOfOrder_MessageStatesTheRuleAndTheValues()
    {
        IngestResult result = LogText.ReadJson(Good[..^1] + ",\"first_response\":\"2023-12-04T09:10:00+07:00\",\"end\":\"2023-12-04T09:05:00+07:00\"}", LogText.Collect);

        IngestRejection rejection = Assert.Single(result.Report.Rejections);
        Assert.Equal(
            "The first response 2023-12-04T02:10:00Z is before the contact's timestamp 2023-12-04T02:15:00Z; a reply cannot come before its message: fix the times (or their zone), or leave the first response empty.",
            rejection.Message);
        Assert.Equal(2, rejection.Problems.Length); // and the end is before the first response
        Assert.Equal("end", rejection.Problems[1].Column);
        Assert.Contains("2023-12-04T02:05:00Z is before the first response 2023-12-04T02:10:00Z", rejection.Problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_WithTimesOutOfOrder_SerializesTheReasonAndReadsBack()
    {
        IngestReport report = LogText.ReadJson(Good[..^1] + ",\"end\":\"2023-12-04T09:00:00+07:00\"}\n" + Good, LogText.Collect).Report;
        string json = System.Text.Json.JsonSerializer.Serialize(report, Djpk.Metrics.Serialization.DjpkJson.Options);

        Assert.Contains("\"rejectedByReason\":{\"timesOutOfOrder\":1}", json, StringComparison.Ordinal);
        IngestReport back = System.Text.Json.JsonSerializer.Deserialize<IngestReport>(json, Djpk.Metrics.Serialization.DjpkJson.Options)!;
        Assert.Equal(1, back.RejectedFor(RejectionReason.TimesOutOfOrder));
        Assert.Equal(report.Rejections.ToArray(), back.Rejections.ToArray());
        Assert.Contains("TimesOutOfOrder 1", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MoreThanTheMaximumOfDistinctOutcomes_RejectsTheRowsBeyondIt()
    {
        var lines = new System.Text.StringBuilder();
        for (int i = 0; i <= InteractionLogBuilder.MaxOutcomes + 1; i++)
        {
            lines.Append(Good[..^1]).Append(System.Globalization.CultureInfo.InvariantCulture, $",\"outcome\":\"kode-{i}\"}}\n");
        }

        lines.Append(Good[..^1]).Append(",\"outcome\":\"kode-0\"}\n"); // a known outcome still fits
        IngestResult result = LogText.ReadJson(lines.ToString(), LogText.Collect);

        Assert.Equal(InteractionLogBuilder.MaxOutcomes + 1, result.Report.Accepted);
        Assert.Equal([InteractionLogBuilder.MaxOutcomes + 1L, InteractionLogBuilder.MaxOutcomes + 2L], result.Report.Rejections.Select(r => r.Line));
        Assert.All(result.Report.Rejections, r => Assert.Equal(RejectionReason.InvalidValue, r.Reason));
        Assert.Contains("at most 255 distinct outcomes", result.Report.Rejections[0].Message, StringComparison.Ordinal);
        LogText.AssertAccounting(result.Report);
    }

    [Fact]
    public void Read_SourcesWithoutServiceColumns_GiveALogWithNone()
    {
        Assert.Equal(ServiceColumns.None, LogText.ReadJson(Good + "\n" + Good).Log.ServiceColumns);
        Assert.Equal(ServiceColumns.None, LogText.ReadCsv("timestamp,channel,segment,user\n2023-12-04T09:15:00Z,phone,pemda,1\n").Log.ServiceColumns);
        Assert.Equal(ServiceColumns.None, LogText.ReadCsv(CsvHeader + "\n2023-12-04T09:15:00Z,phone,pemda,1,,,,,,\n").Log.ServiceColumns); // present but empty
    }

    [Fact]
    public void Read_RenamedServiceColumns_AreFoundByTheirNames()
    {
        LogColumns columns = LogColumns.Default.WithNames(firstResponse: "dijawab", end: "selesai", outcome: "status", agent: "petugas", @case: "tiket", satisfaction: "nilai");
        IngestResult result = LogText.ReadCsv(
            "timestamp,channel,segment,user,dijawab,selesai,status,petugas,tiket,nilai\n2023-12-04T09:15:00+07:00,whatsapp,pemda,42,2023-12-04T09:20:00+07:00,2023-12-04T09:45:00+07:00,resolved,petugas-07,1001,5\n",
            ',',
            LogText.Collect,
            columns.WithUnknownFields(UnknownFieldPolicy.Reject));

        Assert.Equal(Expected[0], Assert.Single(result.Log));
    }

    [Fact]
    public void WithNames_ServiceNameSharedWithAnotherColumn_Throws()
    {
        Assert.Throws<ArgumentException>(() => LogColumns.Default.WithNames(agent: "user"));
        Assert.Throws<ArgumentException>(() => LogColumns.Default.WithNames(end: "Outcome"));
        Assert.Throws<ArgumentException>(() => LogColumns.Default.WithNames(satisfaction: " "));
        Assert.Equal(["first_response", "end", "outcome", "agent", "case", "satisfaction"], new[] { LogColumns.Default.FirstResponse, LogColumns.Default.End, LogColumns.Default.Outcome, LogColumns.Default.Agent, LogColumns.Default.Case, LogColumns.Default.Satisfaction });
    }

    [Fact]
    public void ReadJson_ManyBlocksInParallel_KeepServiceFieldsWithTheirRows()
    {
        var lines = new System.Text.StringBuilder();
        for (int i = 0; i < 5_000; i++)
        {
            lines.Append(Good[..^1]);
            if (i % 3 == 0)
            {
                lines.Append(System.Globalization.CultureInfo.InvariantCulture, $",\"agent\":{i},\"satisfaction\":{(i % 5) + 1}");
            }

            lines.Append("}\n");
        }

        IngestResult result = JsonLinesLogReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(lines.ToString())), DjpkProfile.IngestOptions, null, null, 4096, default);

        Assert.Equal(5_000, result.Log.Count);
        for (int i = 0; i < 5_000; i++)
        {
            Assert.Equal(i % 3 == 0 ? new AgentKey(i) : null, result.Log[i].Agent);
            Assert.Equal(i % 3 == 0 ? (i % 5) + 1 : null, result.Log[i].Satisfaction);
        }
    }

    [Fact]
    public void ReadDataReader_DuckDbTableWithServiceColumns_ReadsIntoTheConsultations()
    {
        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        using DuckDBCommand query = duck.CreateCommand();
        query.CommandText = """
            SELECT * FROM (VALUES
              (1, TIMESTAMPTZ '2023-12-04 02:15:00+00', 'whatsapp', 'pemda', 42, TIMESTAMPTZ '2023-12-04 02:20:00+00', '2023-12-04T09:45:00+07:00', 'Resolved', 'petugas-07', 1001, 5::TINYINT),
              (2, TIMESTAMPTZ '2023-12-04 03:15:00+00', 'phone', 'pemda', 43, NULL, NULL, 'no answer', '17', NULL, 4::TINYINT),
              (3, TIMESTAMPTZ '2023-12-04 04:15:00+00', 'phone', 'pemda', 44, NULL, NULL, NULL, NULL, NULL, NULL),
              (4, TIMESTAMPTZ '2023-12-04 04:15:00+00', 'phone', 'pemda', 45, TIMESTAMPTZ '2023-12-04 04:14:00+00', NULL, NULL, NULL, NULL, NULL),
              (5, TIMESTAMPTZ '2023-12-04 04:15:00+00', 'phone', 'pemda', 46, NULL, NULL, NULL, NULL, NULL, 9::TINYINT),
              (6, TIMESTAMPTZ '2023-12-04 04:15:00+00', 'phone', 'pemda', 47, NULL, NULL, 'a b c !', NULL, NULL, NULL))
            AS t(n, "timestamp", channel, segment, "user", first_response, "end", outcome, agent, "case", satisfaction)
            ORDER BY n
            """;
        using var reader = query.ExecuteReader();
        IngestResult result = DataReaderLogReader.Read(reader, LogText.Collect.WithLocalZone(DateTimeZone.Utc), LogColumns.Default.WithNames(id: "n"));

        Assert.Equal(Expected, result.Log);
        Assert.Equal(
            [(4L, "first_response", RejectionReason.TimesOutOfOrder), (5L, "satisfaction", RejectionReason.InvalidValue), (6L, "outcome", RejectionReason.InvalidValue)],
            result.Report.Rejections.Select(r => (r.Line, r.Column, r.Reason)));
        LogText.AssertAccounting(result.Report);
    }

    [Fact]
    public void ReadDataReader_TableWithoutServiceColumns_GivesALogWithNone()
    {
        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        using DuckDBCommand query = duck.CreateCommand();
        query.CommandText = "SELECT '2023-12-04T02:15:00Z' AS \"timestamp\", 'phone' AS channel, 'pemda' AS segment, 1 AS \"user\"";
        using var reader = query.ExecuteReader();
        Assert.Equal(ServiceColumns.None, DataReaderLogReader.Read(reader, DjpkProfile.IngestOptions).Log.ServiceColumns);
    }
}
