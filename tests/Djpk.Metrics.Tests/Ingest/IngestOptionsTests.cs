using Djpk.Metrics.Ingest;
using Djpk.Metrics.Logs;
using NodaTime;

namespace Djpk.Metrics.Tests.Serialization;

public class IngestOptionsTests
{
    private static readonly DateTimeZone Jakarta = DateTimeZoneProviders.Tzdb["Asia/Jakarta"];

    private static IngestResult Csv(string rows, IngestOptions options, LogColumns? columns = null) =>
        LogText.ReadCsv("timestamp;channel;segment;user\n" + rows, ';', options, columns ?? LogColumns.Default.WithUserIdentity());

    [Theory]
    [InlineData("whatsapp", "whatsapp")]
    [InlineData("WhatsApp", "whatsapp")]
    [InlineData("  WHATSAPP ", "whatsapp")]
    [InlineData("WhatsApp DJPK", "whatsapp")]
    [InlineData("Telepon", "phone")]
    [InlineData("Telepon Dering DJPK", "phone")]
    [InlineData("DJPK phone line (Dering)", "phone")]
    [InlineData("Email", "email")]
    [InlineData("E-mail", "email")]
    [InlineData("e-mail call center djpk", "email")]
    [InlineData("Live Chat", "live-chat")]
    [InlineData("HAI Kemenkeu", "hai-kemenkeu")]
    [InlineData("Télépon", "phone")]
    public void Read_ChannelByIdNameOrAlias_MatchesLoosely(string text, string id)
    {
        IngestResult result = Csv($"2023-12-04T09:15:00Z;{text};pemda;1\n", DjpkProfile.IngestOptions);

        Assert.Equal(new Channel(id), Assert.Single(result.Log).Channel);
        Assert.Equal(0, result.Report.MappedChannels);
    }

    [Theory]
    [InlineData("Kementerian/Lembaga", "kementerian-lembaga")]
    [InlineData("kementerian lembaga", "kementerian-lembaga")]
    [InlineData("K/L", "kementerian-lembaga")]
    [InlineData("Ministries and agencies", "kementerian-lembaga")]
    [InlineData("PEMDA", "pemda")]
    [InlineData("Pemerintah Daerah", "pemda")]
    [InlineData("Akadémisi", "akademisi")]
    [InlineData("lainnya", "lainnya")]
    public void Read_SegmentByIdNameOrAlias_MatchesLoosely(string text, string id)
    {
        IngestResult result = Csv($"2023-12-04T09:15:00Z;whatsapp;{text};1\n", DjpkProfile.IngestOptions);

        Assert.Equal(new UserSegment(id), Assert.Single(result.Log).Segment);
    }

    [Fact]
    public void WithChannelAlias_UserAlias_MatchesAndFallbackStaysCounted()
    {
        IngestOptions options = DjpkProfile.IngestOptions.Collecting()
            .WithChannelAlias("Kontak Center 1500", DjpkChannels.Phone)
            .WithSegmentAlias("Desa", DjpkSegments.Pemda)
            .WithSegmentFallback(DjpkSegments.Lainnya);
        IngestResult result = Csv("2023-12-04T09:15:00Z;kontak-center 1500;desa;1\n2023-12-04T09:15:00Z;WA;Wartawan;2\n2023-12-04T09:15:00Z;Faks;pemda;3\n", options);

        Assert.Equal([DjpkChannels.Phone, DjpkChannels.WhatsApp], result.Log.Select(c => c.Channel));
        Assert.Equal([DjpkSegments.Pemda, DjpkSegments.Lainnya], result.Log.Select(c => c.Segment));
        Assert.Equal(1, result.Report.MappedSegments);
        IngestRejection rejection = Assert.Single(result.Report.Rejections);
        Assert.Equal(RejectionReason.UnknownChannel, rejection.Reason);
        Assert.Contains("'Faks'", rejection.Message, StringComparison.Ordinal);
        Assert.Contains("WithChannelAlias", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithChannelAlias_ChannelNotInCatalog_Throws()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => DjpkProfile.IngestOptions.WithChannelAlias("TikTok", new Channel("tiktok")));
        Assert.Contains("must be in the catalog", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => DjpkProfile.IngestOptions.WithChannelAlias(" - ", DjpkChannels.Phone));
        Assert.Throws<ArgumentException>(() => DjpkProfile.IngestOptions.WithChannelAlias("telepon", DjpkChannels.Email));
    }

    [Fact]
    public void WithTimestampFormats_LocalPatterns_ReadInTheZone()
    {
        IngestOptions options = DjpkProfile.IngestOptions.WithLocalZone(Jakarta)
            .WithTimestampFormats(TimestampFormat.Pattern("dd/MM/yyyy HH:mm"), TimestampFormat.Pattern("d/M/yyyy H:mm:ss"), TimestampFormat.Iso);
        IngestResult result = Csv("31/12/2023 14:05;phone;pemda;1\n4/1/2024 9:07:30;phone;pemda;1\n2023-12-04T09:15:00Z;phone;pemda;1\n", options);

        Assert.Equal(
            [Instant.FromUtc(2023, 12, 31, 7, 5), Instant.FromUtc(2024, 1, 4, 2, 7, 30), Instant.FromUtc(2023, 12, 4, 9, 15)],
            result.Log.Select(c => c.Timestamp));
    }

    [Fact]
    public void WithTimestampFormats_OffsetPatternUnixAndExcel_AreRead()
    {
        IngestOptions options = DjpkProfile.IngestOptions.WithLocalZone(Jakarta).WithTimestampFormats(
            TimestampFormat.Pattern("dd.MM.yyyy HH:mm o<+HH:mm>"), TimestampFormat.UnixMilliseconds, TimestampFormat.ExcelSerial);
        IngestResult result = Csv("04.12.2023 09:15 +07:00;phone;pemda;1\n1701656100000;phone;pemda;1\n45291,586805555;phone;pemda;1\n", options);

        Assert.Equal(
            [Instant.FromUtc(2023, 12, 4, 2, 15), Instant.FromUnixTimeMilliseconds(1_701_656_100_000), Instant.FromUtc(2023, 12, 31, 7, 5)],
            result.Log.Select(c => c.Timestamp));
    }

    [Fact]
    public void WithTimestampFormats_UnixSecondsInJsonNumber_IsRead()
    {
        IngestOptions options = DjpkProfile.IngestOptions.WithTimestampFormats(TimestampFormat.UnixSeconds, TimestampFormat.Iso);
        IngestResult result = LogText.ReadJson("""{"timestamp":1701656100,"channel":"Telepon","segment":"Pemda","user":1}""", options);

        Assert.Equal(Instant.FromUnixTimeSeconds(1_701_656_100), Assert.Single(result.Log).Timestamp);
    }

    [Fact]
    public void TimestampFormatPattern_Invalid_ThrowsWithFix()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => TimestampFormat.Pattern("dd/MM/yyyy HH:mm:ss.FFFFFFFFFFF"));
        Assert.Contains("NodaTime", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadTimestamp_MessageQuotesTheValue()
    {
        IngestOptions options = DjpkProfile.IngestOptions.Collecting().WithLocalZone(Jakarta).WithTimestampFormats(TimestampFormat.Pattern("dd/MM/yyyy HH:mm"));
        IngestResult result = Csv("31/02/2023 14:05;phone;pemda;1\n", options);

        IngestRejection rejection = Assert.Single(result.Report.Rejections);
        Assert.Equal(RejectionReason.InvalidTimestamp, rejection.Reason);
        Assert.Contains("'31/02/2023 14:05'", rejection.Message, StringComparison.Ordinal);
        Assert.Contains("WithTimestampFormats", rejection.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LocalTimeResolution.Reject, null)]
    [InlineData(LocalTimeResolution.Earlier, 0)] // 02:30 CEST (first) = 00:30Z
    [InlineData(LocalTimeResolution.Later, 1)]   // 02:30 CET (second) = 01:30Z
    public void WithLocalTimeResolution_RepeatedTime_IsResolvedAndCounted(LocalTimeResolution resolution, int? hourOffset)
    {
        IngestOptions options = DjpkProfile.IngestOptions.Collecting().WithLocalZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"]).WithLocalTimeResolution(resolution);
        IngestResult result = Csv("2023-10-29 02:30;phone;pemda;1\n2023-03-26 02:30;phone;pemda;1\n", options);

        if (hourOffset is not int h)
        {
            Assert.Equal(2, result.Report.RejectedFor(RejectionReason.InvalidTimestamp));
            Assert.Equal(0, result.Report.ResolvedLocalTimes);
            return;
        }

        Assert.Equal(2, result.Report.ResolvedLocalTimes);
        Assert.Equal(Instant.FromUtc(2023, 10, 29, 0 + h, 30), result.Log[0].Timestamp);
        Assert.Equal(Instant.FromUtc(2023, 3, 26, 1, 30), result.Log[1].Timestamp); // 02:30 skipped: shifted forward to 03:30 CEST
    }

    [Fact]
    public void WithUserNormalization_Email_MakesOneUserInEveryFormat()
    {
        IngestOptions options = DjpkProfile.IngestOptions.WithUserNormalization(UserNormalization.Email);
        IngestResult csv = Csv("2023-12-04T09:15:00Z;phone;pemda; Operator@Pemda.go.id\n2023-12-04T09:15:00Z;phone;pemda;operator@pemda.go.id\n", options);
        IngestResult json = LogText.ReadJson("""{"timestamp":"2023-12-04T09:15:00Z","channel":"phone","segment":"pemda","user":"OPERATOR@pemda.go.id"}""", options);

        Assert.Equal(UserKey.FromText("operator@pemda.go.id"), csv.Log[0].User);
        Assert.Equal(csv.Log[0].User, csv.Log[1].User);
        Assert.Equal(csv.Log[0].User, json.Log[0].User);
    }

    [Fact]
    public void Read_NumericAndTextUserWithSameDigits_AreOneKeyInEveryFormat()
    {
        IngestResult json = LogText.ReadJson(
            """
            {"timestamp":"2023-12-04T09:15:00Z","channel":"phone","segment":"pemda","user":42}
            {"timestamp":"2023-12-04T09:15:00Z","channel":"phone","segment":"pemda","user":"42"}
            {"timestamp":"2023-12-04T09:15:00Z","channel":"phone","segment":"pemda","user":"\u0034\u0032"}
            """);
        IngestResult csvText = Csv("2023-12-04T09:15:00Z;phone;pemda;42\n2023-12-04T09:15:00Z;phone;pemda;0042\n", DjpkProfile.IngestOptions);
        IngestResult csvNumber = Csv("2023-12-04T09:15:00Z;phone;pemda;42\n", DjpkProfile.IngestOptions, LogColumns.Default);

        Assert.All(json.Log.Concat(csvText.Log).Concat(csvNumber.Log), c => Assert.Equal(new UserKey(42), c.User));
    }

    [Fact]
    public void WithUserNormalization_CustomRefusing_RejectsWithMaskedIdentity()
    {
        IngestOptions options = DjpkProfile.IngestOptions.Collecting().WithUserNormalization(UserNormalization.Custom("nik", t => t.Length == 16 ? t : null));
        IngestResult result = Csv("2023-12-04T09:15:00Z;phone;pemda;secret-identity@x.id\n", options);

        IngestRejection rejection = Assert.Single(result.Report.Rejections);
        Assert.Equal(RejectionReason.InvalidValue, rejection.Reason);
        Assert.DoesNotContain("secret-identity@x.id", rejection.Message, StringComparison.Ordinal);
        Assert.Contains("se***id (20 characters)", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UserNormalizationDigits_Phone_KeepsDigits() =>
        Assert.Equal("6281211112222", UserNormalization.Digits.Normalize("+62 812-1111-2222"));

    [Fact]
    public void Read_RowWithSeveralProblems_ReportsEveryOne()
    {
        IngestOptions options = DjpkProfile.IngestOptions.Collecting();
        IngestResult csv = Csv("2023-13-04T09:15:00Z;Faks;Wartawan Asing;\n", options);
        IngestResult json = LogText.ReadJson("""{"timestamp":"2023-13-04T09:15:00Z","channel":"Faks","segment":"Wartawan Asing","user":""}""", options);

        RejectionReason[] expected = [RejectionReason.InvalidTimestamp, RejectionReason.UnknownChannel, RejectionReason.UnknownSegment, RejectionReason.MissingField];
        foreach (IngestResult result in (ReadOnlySpan<IngestResult>)[csv, json])
        {
            IngestRejection rejection = Assert.Single(result.Report.Rejections);
            Assert.Equal(expected, rejection.Problems.Select(p => p.Reason));
            Assert.Equal(1, result.Report.RejectedFor(RejectionReason.InvalidTimestamp));
            LogText.AssertAccounting(result.Report);
        }
    }

    [Fact]
    public void Read_StrictRowWithSeveralProblems_MessageNamesEveryOne()
    {
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => Csv("2023-13-04T09:15:00Z;Faks;pemda;1\n", DjpkProfile.IngestOptions));
        Assert.StartsWith("Line 2, column 'timestamp' is rejected (InvalidTimestamp)", e.Message, StringComparison.Ordinal);
        Assert.Contains("also channel: UnknownChannel", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateId_NamesTheIdAndTheFirstRow()
    {
        IngestResult result = LogText.ReadCsv("timestamp,channel,segment,user,id\n2023-12-04T09:15:00Z,phone,pemda,1,A-7\n2023-12-04T09:15:00Z,phone,pemda,1,A-7\n", ',', LogText.Collect);

        IngestRejection rejection = Assert.Single(result.Report.Rejections);
        Assert.Equal(RejectionReason.DuplicateId, rejection.Reason);
        Assert.Contains("'A-7' was already used by row 2", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SemicolonFileWithDefaultDelimiter_AsksForTheDelimiter()
    {
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => LogText.ReadCsv("timestamp;channel;segment;user\n2023-12-04T09:15:00Z;phone;pemda;1\n"));
        Assert.Contains("is the delimiter ';'?", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<InvalidDataException>(() => LogText.ReadCsv("timestamp\tchannel\tsegment\tuser\n"));
        Assert.Contains("is the delimiter '\\t'?", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ExtraJsonField_IsIgnoredByDefaultAndRejectedOnRequest()
    {
        const string Line = """{"timestamp":"2023-12-04T09:15:00Z","channel":"phone","petugas":{"nama":"Ani"},"segment":"pemda","user":1}""";

        Assert.Single(LogText.ReadJson(Line).Log);
        IngestResult strict = LogText.ReadJson(Line, LogText.Collect, LogText.Strict);
        Assert.Equal(RejectionReason.ExtraField, Assert.Single(strict.Report.Rejections).Reason);
    }

    [Fact]
    public void Read_MappedJsonFieldsAndConstants_AreRead()
    {
        LogColumns columns = LogColumns.Default.WithNames(timestamp: "waktu", user: "kontak", topic: "topik").WithConstantChannel(DjpkChannels.Phone).WithConstantSegment(DjpkSegments.Pemda);
        IngestResult json = LogText.ReadJson("""{"waktu":"2023-12-04T09:15:00Z","kontak":"a@b.id","topik":"DBH","channel":"ignored"}""", LogText.Collect, columns);
        IngestResult csv = LogText.ReadCsv("waktu,kontak,topik\n2023-12-04T09:15:00Z,a@b.id,DBH\n", ',', LogText.Collect, columns.WithUserIdentity());

        foreach (IngestResult result in (ReadOnlySpan<IngestResult>)[json, csv])
        {
            Consultation c = Assert.Single(result.Log);
            Assert.Equal((DjpkChannels.Phone, DjpkSegments.Pemda, "DBH", UserKey.FromText("a@b.id")), (c.Channel, c.Segment, c.Topic.Name, c.User));
        }
    }

    [Fact]
    public void Read_ConstantChannelNotInCatalog_Throws()
    {
        LogColumns columns = LogColumns.Default.WithConstantChannel(new Channel("tiktok"));
        Assert.Throws<ArgumentException>(() => LogText.ReadJson("{}", LogText.Collect, columns));
        Assert.Throws<ArgumentException>(() => LogText.ReadCsv("timestamp,segment,user\n", ',', LogText.Collect, columns));
    }

    [Fact]
    public void Read_CsvUnknownColumnUnderReject_Throws()
    {
        InvalidDataException e = Assert.Throws<InvalidDataException>(() =>
            LogText.ReadCsv("timestamp,channel,segment,user,petugas\n", ',', LogText.Collect, LogText.Strict));
        Assert.Contains("'petugas'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadUserInteger_MasksTheValue()
    {
        IngestResult result = LogText.ReadCsv("timestamp,channel,segment,user\n2023-12-04T09:15:00Z,phone,pemda,+62 812 1111 2222\n", ',', LogText.Collect);

        IngestRejection rejection = Assert.Single(result.Report.Rejections);
        Assert.Equal(RejectionReason.WrongType, rejection.Reason);
        Assert.DoesNotContain("1111", rejection.Message, StringComparison.Ordinal);
    }
}
