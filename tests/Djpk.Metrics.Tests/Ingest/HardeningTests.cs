using System.Data;
using System.Text;
using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using NodaTime;

namespace Djpk.Metrics.Tests.Serialization;

/// <summary>Issue 14 ("Hardening"): one test per finding about the readers, named after it.</summary>
public class HardeningTests
{
    private const string Row = """{"timestamp":"TS","channel":"whatsapp","segment":"pemda","user":42}""";

    private static readonly Instant MinSupported = Instant.FromUtc(1, 1, 1, 18, 0);
    private static readonly Instant MaxSupported = Instant.FromUtc(9999, 12, 26, 5, 59, 59) + Duration.FromTicks(9_999_999);

    public static TheoryData<string> OutOfRange => new()
    {
        "0001-01-01T00:00:00+14:00",     // finding 1: 0000-12-31T10:00Z
        "0001-01-01T00:00:00Z",          // local year 0 in every zone west of UTC
        "0001-01-01T17:59:59.9999999Z",
        "9999-12-31T23:59:59-00:01",     // finding 1, the mirror case: 10000-01-01T00:00:59Z
        "9999-12-31T06:00:00Z",          // local year 10000 at +18:00
        "9999-12-31T06:00:00.0000001Z",
        "9999-12-26T06:00:00Z",          // 9999-12-27 at +18:00: its ISO week ends in year 10000
        "9999-12-31T05:59:59.9999999Z",
    };

    public static TheoryData<string, string> InRange => new()
    {
        { "0001-01-01T18:00:00Z", "0001-01-01T18:00:00Z" },
        { "0001-01-02T08:00:00+14:00", "0001-01-01T18:00:00Z" },
        { "9998-12-31T05:59:59.9999999Z", "9998-12-31T05:59:59.9999999Z" },
        { "9998-12-31T23:59:59.9999999+18:00", "9998-12-31T05:59:59.9999999Z" },
        { "9998-12-30T11:59:59.9999999-18:00", "9998-12-31T05:59:59.9999999Z" },
        { "9998-12-31T06:00:00Z", "9998-12-31T06:00:00Z" },                         // local year 9999 at +18:00
        { "9999-12-26T05:59:59.9999999Z", "9999-12-26T05:59:59.9999999Z" },         // the last tick of 9999-12-26 at +18:00
        { "9999-12-26T23:59:59.9999999+18:00", "9999-12-26T05:59:59.9999999Z" },
        { "9999-12-25T11:59:59.9999999-18:00", "9999-12-26T05:59:59.9999999Z" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Read_Year0001WithPositiveOffset_IsRejectedOrRoundTrips(string timestamp)
    {
        string json = Row.Replace("TS", timestamp, StringComparison.Ordinal);
        string csv = $"timestamp,channel,segment,user\n{timestamp},whatsapp,pemda,42\n";
        foreach (IngestResult result in new[] { LogText.ReadJson(json, LogText.Collect), LogText.ReadCsv(csv, options: LogText.Collect) })
        {
            IngestRejection rejection = Assert.Single(result.Report.Rejections);
            Assert.Equal((RejectionReason.InvalidTimestamp, "timestamp"), (rejection.Reason, rejection.Column));
            Assert.Contains("0001-01-01T18:00:00Z to 9999-12-26T05:59:59.9999999Z", rejection.Message, StringComparison.Ordinal);
            Assert.Empty(result.Log);
        }

        var strict = Assert.Throws<InvalidDataException>(() => LogText.ReadJson(json));
        Assert.Contains("InvalidTimestamp", strict.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => LogText.ReadCsv(csv));
    }

    [Theory]
    [MemberData(nameof(InRange))]
    public void Read_SupportedRangeEdges_AreAcceptedAggregatedAndWrittenInEveryZone(string timestamp, string utc)
    {
        IngestResult result = LogText.ReadJson(Row.Replace("TS", timestamp, StringComparison.Ordinal));
        Consultation record = Assert.Single(result.Log);
        Assert.Equal(NodaTime.Text.InstantPattern.ExtendedIso.Parse(utc).Value, record.Timestamp);
        foreach (DateTimeZone zone in ExtremeZones())
        {
            var aggregator = new Aggregator(new ReportingCalendar(zone), 1);
            foreach (PeriodGrain grain in Enum.GetValues<PeriodGrain>())
            {
                Assert.Equal(1, aggregator.Count(result.Log, AggregationRequest.PerPeriod(grain)).Total());
                Assert.Equal(1, aggregator.CountDistinctUsers(result.Log, AggregationRequest.PerPeriod(grain)).Series().Sum(v => v ?? 0));
            }

            Assert.Equal(record.Timestamp, Assert.Single(LogText.ReadJson(LogText.WriteJson(result.Log, zone)).Log).Timestamp);
            Assert.Equal(record.Timestamp, Assert.Single(LogText.ReadCsv(LogText.WriteCsv(result.Log, ';', zone), ';').Log).Timestamp);
        }
    }

    [Fact]
    public void Read_DataReaderInstantsOutsideTheSupportedRange_AreRejected()
    {
        var table = new DataTable();
        table.Columns.Add("timestamp", typeof(object));
        table.Columns.Add("channel", typeof(string));
        table.Columns.Add("segment", typeof(string));
        table.Columns.Add("user", typeof(long));
        table.Rows.Add(DateTimeOffset.MinValue, "whatsapp", "pemda", 1L);
        table.Rows.Add(new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.FromHours(-14)), "whatsapp", "pemda", 2L);
        table.Rows.Add(DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc), "whatsapp", "pemda", 3L);
        table.Rows.Add(new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), "whatsapp", "pemda", 4L);
        table.Rows.Add(MinSupported.ToDateTimeOffset(), "whatsapp", "pemda", 5L);
        table.Rows.Add(MaxSupported.ToDateTimeUtc(), "whatsapp", "pemda", 6L);

        IngestResult result = DataReaderLogReader.Read(table.CreateDataReader(), LogText.Collect.WithLocalZone(DateTimeZone.Utc));

        Assert.Equal("6 rows read: 2 accepted, 4 rejected (InvalidTimestamp 4)", result.Report.ToString());
        Assert.Equal([1L, 2, 3, 4], result.Report.Rejections.Select(r => r.Line));
        Assert.Equal([MinSupported, MaxSupported], result.Log.Select(c => c.Timestamp));
    }

    [Theory]
    [InlineData("\r\r\n")]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void Read_CrCrLfAndLoneCrLineEnds_ReadAlikeInBothReaders(string end)
    {
        string[] rows = ["2023-12-04T09:15:00Z,whatsapp,pemda,1", "2023-12-04T09:16:00Z,phone,pemda,2", "bad,phone,pemda,3"];
        string csv = "timestamp,channel,segment,user" + end + string.Join(end, rows) + end;
        string json = string.Join(end, rows.Select(r => r.Split(',')).Select(f =>
            $$"""{"timestamp":"{{f[0]}}","channel":"{{f[1]}}","segment":"{{f[2]}}","user":{{f[3]}}}""")) + end;

        IngestResult fromCsv = LogText.ReadCsv(csv, options: LogText.Collect);
        IngestResult fromJson = LogText.ReadJson(json, LogText.Collect);

        Assert.Equal("3 rows read: 2 accepted, 1 rejected (InvalidTimestamp 1)", fromCsv.Report.ToString());
        Assert.Equal(fromCsv.Report.ToString(), fromJson.Report.ToString());
        Assert.Equal(4, fromCsv.Report.Rejections.Single().Line);  // the header is row 1
        Assert.Equal(3, fromJson.Report.Rejections.Single().Line);
        Assert.Equal(0, fromCsv.Report.BlankLines);
        Assert.Equal(0, fromJson.Report.BlankLines);
        Assert.Equal(fromCsv.Log.Select(c => c.Timestamp), fromJson.Log.Select(c => c.Timestamp));
    }

    [Fact]
    public void Read_LoneCrsAndMixedLineEnds_CountLinesAlike()
    {
        // "\r\r" is two lone CRs: a line end and a blank line; "\r\r\r\n" is a lone CR, then CR CR LF.
        string good = """{"timestamp":"2023-12-04T09:15:00Z","channel":"whatsapp","segment":"pemda","user":1}""";
        string json = good + "\r\r" + good.Replace("09:15", "09:16", StringComparison.Ordinal) + "\r\r\r\n" + "{}" + "\n";
        IngestResult result = LogText.ReadJson(json, LogText.Collect);
        Assert.Equal("3 rows read: 2 accepted, 1 rejected (MissingField 1)", result.Report.ToString());
        Assert.Equal(2, result.Report.BlankLines);
        Assert.Equal(5, result.Report.Rejections.Single().Line);

        string csv = "timestamp,channel,segment,user\r\r2023-12-04T09:15:00Z,whatsapp,pemda,1\r\r\r\n,phone,pemda,2\n";
        IngestResult fromCsv = LogText.ReadCsv(csv, options: LogText.Collect);
        Assert.Equal("2 rows read: 1 accepted, 1 rejected (MissingField 1)", fromCsv.Report.ToString());
        Assert.Equal(2, fromCsv.Report.BlankLines);
        Assert.Equal(5, fromCsv.Report.Rejections.Single().Line);
    }

    [Fact]
    public void Read_QuotedLineBreaks_AreKeptInsideTheField()
    {
        string csv = "timestamp,channel,segment,user\r\r\n2023-12-04T09:15:00Z,whatsapp,pemda,\"a\r\r\nb\"\r\r\n";
        IngestResult result = LogText.ReadCsv(csv, columns: LogColumns.Default.WithUserIdentity());
        Assert.Equal(UserKey.FromText("a\r\r\nb"), Assert.Single(result.Log).User);
    }

    [Fact]
    public void Read_LongJsonLineEndingInCrCrLfAcrossBlocks_IsOneRejectedLine()
    {
        IngestOptions options = LogText.Collect.WithMaxLineLength(256).WithMaxDegreeOfParallelism(1);
        string good = """{"timestamp":"2023-12-04T09:15:00Z","channel":"whatsapp","segment":"pemda","user":1}""";
        foreach (int padding in new[] { 300, 1000, 1021, 1022, 1023, 1024, 1025, 5000 })
        {
            string json = good + "\r\r\n" + """{"topic":" """ + new string('x', padding) + "\"}\r\r\n" + good + "\r\r\n";
            IngestResult result = JsonLinesLogReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), options, null, 1024, default);
            Assert.Equal("3 rows read: 2 accepted, 1 rejected (LineTooLong 1)", result.Report.ToString());
            Assert.Equal(2, result.Report.Rejections.Single().Line);
            Assert.Equal(0, result.Report.BlankLines);
        }
    }

    [Fact]
    public void Read_CrLineEndsAcrossBlockBoundaries_ReadAsLf()
    {
        IngestOptions options = LogText.Collect.WithMaxLineLength(256);
        var lines = new List<string>();
        for (int i = 0; i < 60; i++)
        {
            lines.Add(i % 7 == 3 ? string.Empty
                : i % 5 == 4 ? "{\"timestamp\":\"bad\",\"channel\":\"phone\",\"segment\":\"pemda\",\"user\":" + i + "}"
                : $$"""{"timestamp":"2023-12-04T09:15:{{i % 60:D2}}Z","channel":"phone","segment":"pemda","topic":"{{new string('t', i * 3)}}","user":{{i}}}""");
        }

        foreach (int threads in new[] { 1, 2 })
        {
            IngestResult expected = JsonLinesLogReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines))), options.WithMaxDegreeOfParallelism(threads));
            foreach (string end in new[] { "\r\n", "\r\r\n", "\r" })
            {
                byte[] bytes = Encoding.UTF8.GetBytes(string.Join(end, lines));
                for (int block = 520; block < 620; block += 7)
                {
                    IngestResult result = JsonLinesLogReader.Read(new MemoryStream(bytes), options.WithMaxDegreeOfParallelism(threads), null, block, default);
                    Assert.Equal(expected.Report.ToString(), result.Report.ToString());
                    Assert.Equal(expected.Report.BlankLines, result.Report.BlankLines);
                    Assert.Equal(expected.Report.Rejections.Select(r => r.Line), result.Report.Rejections.Select(r => r.Line));
                    Assert.Equal(expected.Log.Select(c => c.User), result.Log.Select(c => c.User));
                }
            }
        }
    }

    [Fact]
    public void Read_ValidUFFFFBesideAnInvalidByte_IsKeptAndOnlyTheBadRowRejected()
    {
        byte[] head = Encoding.UTF8.GetBytes("timestamp,channel,segment,topic,user\n2023-12-04T09:15:00Z,whatsapp,pemda,a\uFFFFb,1\n2023-12-04T09:15:00Z,whatsapp,pemda,");
        byte[] tail = Encoding.UTF8.GetBytes(",2\n");
        byte[] csv = [.. head, 0xC3, 0x28, .. tail];

        IngestResult result = LogText.ReadCsv(csv, options: LogText.Collect);

        Assert.Equal("2 rows read: 1 accepted, 1 rejected (InvalidUtf8 1)", result.Report.ToString());
        Assert.Equal((3L, "topic"), (result.Report.Rejections[0].Line, result.Report.Rejections[0].Column));
        Assert.Equal("a\uFFFFb", Assert.Single(result.Log).Topic.Name);
    }

    [Theory]
    [InlineData("9\0")]
    [InlineData("+42")]
    [InlineData(" 42")]
    [InlineData("42 ")]
    [InlineData("4_2")]
    [InlineData("-")]
    public void Read_CsvUserWithNulOrPlus_IsRejectedAsInJson(string user)
    {
        IngestResult csv = LogText.ReadCsv($"timestamp,channel,segment,user\n2023-12-04T09:15:00Z,whatsapp,pemda,\"{user}\"\n", options: LogText.Collect);
        Assert.Equal((RejectionReason.WrongType, "user"), (csv.Report.Rejections.Single().Reason, csv.Report.Rejections.Single().Column));

        if (user.Trim() == user)
        {
            string json = Row.Replace("TS", "2023-12-04T09:15:00Z", StringComparison.Ordinal).Replace("42", user.Replace("\0", "\\u0000", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Equal(0, LogText.ReadJson(json, LogText.Collect).Report.Accepted); // as a JSON number it is malformed
        }
    }

    [Theory]
    [InlineData("-0", 0L)]
    [InlineData("007", 7L)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void Read_CsvUserIntegers_AreReadAsDigits(string user, long expected) =>
        Assert.Equal(expected, Assert.Single(LogText.ReadCsv($"timestamp,channel,segment,user\n2023-12-04T09:15:00Z,whatsapp,pemda,{user}\n").Log).User.Value);

    [Fact]
    public void Read_BomOnlyCsv_ReadsZeroRowsLikeAnEmptyOne()
    {
        foreach (byte[] bytes in new[] { "\uFEFF"u8.ToArray(), [] })
        {
            IngestResult result = LogText.ReadCsv(bytes);
            Assert.Equal(0, result.Report.RowsRead);
            Assert.Equal(bytes.Length, result.Report.BytesRead);
        }
    }

    [Fact]
    public void Read_LowercaseTAndZ_AreAcceptedAsRfc3339Allows()
    {
        string json = Row.Replace("TS", "2023-12-04t09:15:00z", StringComparison.Ordinal);
        string csv = "timestamp,channel,segment,user\n2023-12-04t09:15:00z,whatsapp,pemda,42\n";
        Instant expected = Instant.FromUtc(2023, 12, 4, 9, 15);
        Assert.Equal(expected, Assert.Single(LogText.ReadJson(json).Log).Timestamp);
        Assert.Equal(expected, Assert.Single(LogText.ReadCsv(csv).Log).Timestamp);
    }

    [Theory]
    [InlineData("1", "\"1\"", true)]
    [InlineData("0", "-0", true)]
    [InlineData("0", "\"0\"", true)]
    [InlineData("-7", "\"-7\"", true)]
    [InlineData("\"1\"", "\"01\"", false)]
    [InlineData("\"a\"", "\"\\u0061\"", true)]
    public void Read_IdsComparedByValue_NumbersAsTheirDigits(string first, string second, bool duplicate)
    {
        string a = $$"""{"timestamp":"2023-12-04T09:15:00Z","channel":"phone","segment":"pemda","user":1,"id":{{first}}}""";
        string b = $$"""{"timestamp":"2023-12-04T09:15:00Z","channel":"phone","segment":"pemda","user":1,"id":{{second}}}""";
        IngestResult result = LogText.ReadJson(a + "\n" + b + "\n", LogText.Collect);
        Assert.Equal(duplicate ? 1 : 0, result.Report.RejectedFor(RejectionReason.DuplicateId));
        Assert.Equal(2, result.Report.RowsRead);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1.0")]
    [InlineData("1e3")]
    [InlineData("99999999999999999999")]
    public void Read_NonIntegerNumericId_IsWrongType(string id)
    {
        string line = $$"""{"timestamp":"2023-12-04T09:15:00Z","channel":"phone","segment":"pemda","user":1,"id":{{id}}}""";
        IngestRejection rejection = LogText.ReadJson(line, LogText.Collect).Report.Rejections.Single();
        Assert.Equal((RejectionReason.WrongType, "id"), (rejection.Reason, rejection.Column));
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("42")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("true")]
    public void Read_NonObjectLine_IsMalformed(string line) =>
        Assert.Equal(RejectionReason.Malformed, LogText.ReadJson(line, LogText.Collect).Report.Rejections.Single().Reason);

    [Theory]
    [InlineData("2016-12-31T23:59:60Z")]
    [InlineData("2016-12-31T23:59:60.5Z")]
    [InlineData("2017-01-01T06:59:60+07:00")]
    public void Read_LeapSecond_IsRejectedSayingSo(string timestamp)
    {
        IngestRejection json = LogText.ReadJson(Row.Replace("TS", timestamp, StringComparison.Ordinal), LogText.Collect).Report.Rejections.Single();
        IngestRejection csv = LogText.ReadCsv($"timestamp,channel,segment,user\n{timestamp},whatsapp,pemda,42\n", options: LogText.Collect).Report.Rejections.Single();
        foreach (IngestRejection rejection in new[] { json, csv })
        {
            Assert.Equal(RejectionReason.InvalidTimestamp, rejection.Reason);
            Assert.Contains("leap second", rejection.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("\0")]
    [InlineData("\0\u0001garbage")]
    [InlineData("#2023-12-04T09:15:00Z")]
    [InlineData("\uDC00")]
    public void Read_CsvLineStartingWithNul_IsARowNotASkippedComment(string start)
    {
        // Found by fuzzing (fuzz/corpus/csv/regress-fuzz-nul-line-start): the parser took NUL, its "no comment" character, as the comment mark.
        string csv = $"timestamp,channel,segment,user\n{start},whatsapp,pemda,1\n2023-12-04T09:15:00Z,whatsapp,pemda,2\n";
        IngestResult result = LogText.ReadCsv(csv, options: LogText.Collect);
        Assert.Equal("2 rows read: 1 accepted, 1 rejected (InvalidTimestamp 1)", result.Report.ToString());
        Assert.Equal((2L, "timestamp"), (result.Report.Rejections[0].Line, result.Report.Rejections[0].Column));
    }

    private static IEnumerable<DateTimeZone> ExtremeZones() =>
    [
        DateTimeZone.Utc,
        DateTimeZone.ForOffset(Offset.FromHours(18)),
        DateTimeZone.ForOffset(Offset.FromHours(-18)),
        DateTimeZoneProviders.Tzdb["Pacific/Kiritimati"],
        DateTimeZoneProviders.Tzdb["Etc/GMT+12"],
        DateTimeZoneProviders.Tzdb["Asia/Jakarta"],
        DateTimeZoneProviders.Tzdb["America/St_Johns"],
    ];
}
