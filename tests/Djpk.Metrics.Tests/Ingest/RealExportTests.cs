using System.Globalization;
using System.Text;
using System.Text.Json;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Logs;
using NodaTime;
using NodaTime.Text;

namespace Djpk.Metrics.Tests.Serialization;

/// <summary>The "done when" of issue 11: a 5,008-row contact-center export as Excel in an Indonesian locale writes it, loaded without a converter.</summary>
public class RealExportTests
{
    private const int Rows = 5008;
    private static readonly DateTimeZone Jakarta = DateTimeZoneProviders.Tzdb["Asia/Jakarta"];
    private static readonly LocalDateTimePattern Local = LocalDateTimePattern.Create("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
    private static readonly string[] ChannelNames = ["WhatsApp", "Telepon", "Email"];
    private static readonly Channel[] Channels = [DjpkChannels.WhatsApp, DjpkChannels.Phone, DjpkChannels.Email];
    private static readonly string[] SegmentNames = ["Kementerian/Lembaga", "Pemda", "Akademisi", "Lainnya"];
    private static readonly UserSegment[] Segments = [DjpkSegments.KementerianLembaga, DjpkSegments.Pemda, DjpkSegments.Akademisi, DjpkSegments.Lainnya];
    private static readonly string[] Topics = ["DAK Non Fisik", "DBH", "Dana Desa", "SIKD; laporan", "Pajak \"Daerah\""];

    /// <summary>The dirty rows by index into the data (CSV row = index + 2, JSON line = index + 1) and the reasons each must be rejected for.</summary>
    internal static readonly Dictionary<int, RejectionReason[]> Dirty = new()
    {
        [100] = [RejectionReason.InvalidTimestamp],                               // 31/11/2023 does not exist
        [777] = [RejectionReason.UnknownChannel],                                 // "Faks"
        [1500] = [RejectionReason.UnknownSegment],                                // "Wartawan Asing"
        [2500] = [RejectionReason.MissingField],                                  // no contact
        [3333] = [RejectionReason.InvalidTimestamp, RejectionReason.UnknownChannel], // ISO date in a dd/MM/yyyy export, and "SMS"
        [4999] = [RejectionReason.DuplicateId],                                   // repeats the id of row 10
    };

    /// <summary>The options a user writes for this export: documented, no converter.</summary>
    internal static IngestOptions Options { get; } = DjpkProfile.IngestOptions
        .Collecting()
        .WithLocalZone(Jakarta)
        .WithTimestampFormats(TimestampFormat.Pattern("dd/MM/yyyy HH:mm"))
        .WithUserNormalization(UserNormalization.Email);

    internal static LogColumns Columns { get; } = LogColumns.Default
        .WithNames(id: "No", timestamp: "Tanggal", channel: "Kanal", segment: "Kategori Pengguna", topic: "Topik", user: "Kontak")
        .WithUserIdentity();

    private static LogColumns JsonFields { get; } = LogColumns.Default
        .WithNames(id: "no", timestamp: "tanggal", channel: "kanal", segment: "kategori", topic: "topik", user: "kontak");

    [Fact]
    public void ReadCsv_IndonesianExport_Accepts5002AndRejectsTheSixDirtyRowsWithAllTheirReasons()
    {
        (Row[] rows, Consultation[] expected) = Export();
        IngestResult result = CsvLogReader.Read(new MemoryStream(Csv(rows)), Options, ';', Columns);

        Assert.Equal("5008 rows read: 5002 accepted, 6 rejected (InvalidTimestamp 2, UnknownChannel 1, UnknownSegment 1, MissingField 1, DuplicateId 1)", result.Report.ToString());
        Assert.Equal(Dirty.Keys.Select(i => (long)i + 2), result.Report.Rejections.Select(r => r.Line));
        Assert.Equal(Dirty.Values.Select(r => string.Join(",", r)), result.Report.Rejections.Select(r => string.Join(",", r.Problems.Select(p => p.Reason))));
        Assert.Equal(expected, result.Log);
        Assert.Contains("'31/11/2023 10:00'", result.Report.Rejections[0].Message, StringComparison.Ordinal);
        Assert.Contains("'K-11' was already used by row 12", result.Report.Rejections[5].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadJson_SameExportWithItsOwnFieldNames_GivesTheSameLog()
    {
        (Row[] rows, Consultation[] expected) = Export();
        IngestResult csv = CsvLogReader.Read(new MemoryStream(Csv(rows)), Options, ';', Columns);
        IngestResult json = JsonLinesLogReader.Read(new MemoryStream(Json(rows)), Options, JsonFields);

        Assert.Equal(csv.Report.ToString(), json.Report.ToString());
        Assert.Equal(expected, json.Log);
        Assert.Equal(csv.Log, json.Log);
        Assert.Equal(Dirty.Keys.Select(i => (long)i + 1), json.Report.Rejections.Select(r => r.Line));
        Assert.Equal(
            csv.Report.Rejections.Select(r => string.Join(",", r.Problems.Select(p => p.Reason))),
            json.Report.Rejections.Select(r => string.Join(",", r.Problems.Select(p => p.Reason))));
    }

    /// <summary>The export's rows as text, and the consultations its clean rows must become, built straight from the generated values.</summary>
    internal static (Row[] Rows, Consultation[] Expected) Export()
    {
        var random = new Random(20231231); // fixed seed: the same export every run
        var rows = new Row[Rows];
        var expected = new List<Consultation>();
        for (int i = 0; i < Rows; i++)
        {
            LocalDateTime local = new LocalDateTime(2023, 12, 1, 0, 0).PlusMinutes(random.Next(31 * 24 * 60));
            int channel = random.Next(Channels.Length), segment = random.Next(Segments.Length), topic = random.Next(Topics.Length);
            string contact = random.Next(2) == 0
                ? string.Create(CultureInfo.InvariantCulture, $"+62 812-{random.Next(10_000):D4}-{random.Next(10_000):D4}")
                : string.Create(CultureInfo.InvariantCulture, $"{(random.Next(2) == 0 ? "Operator" : "operator")}{random.Next(500)}@Pemda.go.id");
            var row = new Row(
                string.Create(CultureInfo.InvariantCulture, $"K-{i + 1}"), Local.Format(local), ChannelNames[channel], "Petugas " + random.Next(9),
                SegmentNames[segment], Topics[topic], contact, random.Next(1, 60));
            row = i switch
            {
                100 => row with { Timestamp = "31/11/2023 10:00" },
                777 => row with { Channel = "Faks" },
                1500 => row with { Segment = "Wartawan Asing" },
                2500 => row with { Contact = string.Empty },
                3333 => row with { Timestamp = "2023-12-15 10:00", Channel = "SMS" },
                4999 => row with { Id = "K-11" },
                _ => row,
            };
            rows[i] = row;
            if (!Dirty.ContainsKey(i))
            {
                expected.Add(new Consultation(
                    local.InZoneStrictly(Jakarta).ToInstant(), Channels[channel], Segments[segment], new Topic(Topics[topic]), UserKey.FromText(contact.ToLowerInvariant())));
            }
        }

        return (rows, [.. expected]);
    }

    internal static byte[] Csv(Row[] rows)
    {
        var text = new StringBuilder("\uFEFFNo;Tanggal;Kanal;Petugas;Kategori Pengguna;Topik;Kontak;Durasi (menit)\r\n");
        foreach (Row r in rows)
        {
            text.AppendJoin(';', Quote(r.Id), Quote(r.Timestamp), Quote(r.Channel), Quote(r.Operator), Quote(r.Segment), Quote(r.Topic), Quote(r.Contact), r.Minutes.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] Json(Row[] rows)
    {
        var stream = new MemoryStream();
        foreach (Row r in rows)
        {
            using (var json = new Utf8JsonWriter(stream))
            {
                json.WriteStartObject();
                json.WriteString("no", r.Id);
                json.WriteString("tanggal", r.Timestamp);
                json.WriteString("kanal", r.Channel);
                json.WriteString("petugas", r.Operator);
                json.WriteString("kategori", r.Segment);
                json.WriteString("topik", r.Topic);
                json.WriteString("kontak", r.Contact);
                json.WriteNumber("durasi", r.Minutes);
                json.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
        }

        return stream.ToArray();
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    internal sealed record Row(string Id, string Timestamp, string Channel, string Operator, string Segment, string Topic, string Contact, int Minutes);
}
