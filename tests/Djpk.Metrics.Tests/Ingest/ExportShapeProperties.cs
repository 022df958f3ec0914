using System.Globalization;
using System.Text;
using System.Text.Json;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Logs;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Text;

namespace Djpk.Metrics.Tests.Serialization;

/// <summary>Exports of any shape: column order and names, delimiter, quoting, timestamp pattern, alias spellings and dirty rows.</summary>
/// <remarks>The oracle is built from the generated values (local times put in the zone by NodaTime, the catalog entry each
/// spelling stands for, the key of each user), never by the reader under test.</remarks>
public class ExportShapeProperties
{
    private static readonly DateTimeZone Jakarta = DateTimeZoneProviders.Tzdb["Asia/Jakarta"];

    private static readonly (string Pattern, bool Seconds)[] Patterns =
        [("dd/MM/yyyy HH:mm", false), ("d/M/yyyy H:mm:ss", true), ("yyyy-MM-dd HH:mm", false), ("dd-MM-yyyy HH.mm.ss", true), ("MM/dd/yyyy hh:mm tt", false)];

    private static readonly (Channel Channel, string[] Spellings)[] ChannelSpellings =
    [
        (DjpkChannels.WhatsApp, ["WhatsApp", "whatsapp", "WHATSAPP", " WA ", "WhatsApp DJPK"]),
        (DjpkChannels.Phone, ["Telepon", "telepon dering", "Phone", "Télépon", "DERING"]),
        (DjpkChannels.Email, ["Email", "E-mail", "e-mail call center djpk", "Surel"]),
        (DjpkChannels.LiveChat, ["Live Chat", "live-chat", "LIVE_CHAT"]),
    ];

    private static readonly (UserSegment Segment, string[] Spellings)[] SegmentSpellings =
    [
        (DjpkSegments.KementerianLembaga, ["Kementerian/Lembaga", "K/L", "kementerian lembaga", "Ministries and agencies"]),
        (DjpkSegments.Pemda, ["Pemda", "PEMDA", "Pemerintah Daerah"]),
        (DjpkSegments.Akademisi, ["Akademisi", "akadémisi", "Academics"]),
        (DjpkSegments.Lainnya, ["Lainnya", "Umum", "Masyarakat"]),
    ];

    private static readonly string[][] Names =
    [
        ["timestamp", "Tanggal", "Waktu Masuk", "created_at"],
        ["channel", "Kanal", "Media"],
        ["segment", "Kategori", "Jenis Pengguna"],
        ["topic", "Topik", "Subjek"],
        ["user", "Kontak", "Pengguna"],
        ["id", "No", "Tiket"],
    ];

    private static readonly string[] TopicNames = ["DBH", "DAK Non Fisik", "a,b;c|d", "Dana \"Desa\"", "Pajak – é 漢字", " lead", "x"];

    [Property(MaxTest = 60)]
    public Property Read_AnyExportShape_AccountsForEveryRowAndKeepsEveryCleanValue(int seed, PositiveInt size)
    {
        var random = new Random(seed);
        char delimiter = ",;\t|"[random.Next(4)];
        (string pattern, bool seconds) = Patterns[random.Next(Patterns.Length)];
        string[] names = [.. Names.Select(n => n[random.Next(n.Length)])];
        string[] extras = [.. Enumerable.Range(0, random.Next(3)).Select(i => "Extra " + i)];
        string[] header = [.. names.Concat(extras).OrderBy(_ => random.Next())];
        bool quoteAll = random.Next(3) == 0;
        var format = LocalDateTimePattern.Create(pattern, CultureInfo.InvariantCulture);

        int rows = (size.Get % 60) + 1;
        var lines = new List<Dictionary<string, string>>();
        var expected = new List<Consultation>();
        int dirty = 0;
        for (int i = 0; i < rows; i++)
        {
            LocalDateTime local = new LocalDateTime(2020, 1, 1, 0, 0).PlusSeconds(random.Next(5 * 365 * 86_400));
            local = seconds ? local : local.PlusSeconds(-local.Second);
            (Channel channel, string[] channelSpellings) = ChannelSpellings[random.Next(ChannelSpellings.Length)];
            (UserSegment segment, string[] segmentSpellings) = SegmentSpellings[random.Next(SegmentSpellings.Length)];
            string topic = TopicNames[random.Next(TopicNames.Length)];
            bool numericUser = random.Next(2) == 0;
            long key = random.NextInt64(0, 1_000_000_000);
            string email = string.Create(CultureInfo.InvariantCulture, $"{(random.Next(2) == 0 ? "User" : "user")}{random.Next(1000)}@Pemda.GO.id");
            var values = new Dictionary<string, string>
            {
                [names[0]] = format.Format(local),
                [names[1]] = channelSpellings[random.Next(channelSpellings.Length)],
                [names[2]] = segmentSpellings[random.Next(segmentSpellings.Length)],
                [names[3]] = topic,
                [names[4]] = numericUser ? key.ToString(CultureInfo.InvariantCulture) : email,
                [names[5]] = string.Create(CultureInfo.InvariantCulture, $"T{i}"),
            };
            foreach (string extra in extras)
            {
                values[extra] = "petugas " + random.Next(10);
            }

            int damage = random.Next(8);
            switch (damage)
            {
                case 0:
                    values[names[0]] = "99/99/2023 25:61";
                    break;
                case 1:
                    values[names[1]] = "Merpati Pos";
                    break;
                case 2:
                    values[names[4]] = string.Empty;
                    break;
                default:
                    expected.Add(new Consultation(
                        local.InZoneStrictly(Jakarta).ToInstant(), channel, segment, new Topic(topic), numericUser ? new UserKey(key) : UserKey.FromText(email.ToLowerInvariant())));
                    break;
            }

            dirty += damage < 3 ? 1 : 0;
            lines.Add(values);
        }

        IngestOptions options = DjpkProfile.IngestOptions.Collecting().WithLocalZone(Jakarta)
            .WithTimestampFormats(TimestampFormat.Pattern(pattern)).WithUserNormalization(UserNormalization.Email);
        LogColumns columns = LogColumns.Default.WithNames(names[0], names[1], names[2], names[3], names[4], names[5]);

        var csv = new StringBuilder(string.Join(delimiter, header.Select(h => Quote(h, delimiter, quoteAll)))).Append("\r\n");
        foreach (Dictionary<string, string> values in lines)
        {
            csv.AppendJoin(delimiter, header.Select(h => Quote(values[h], delimiter, quoteAll))).Append(random.Next(2) == 0 ? "\r\n" : "\n");
        }

        var json = new MemoryStream();
        foreach (Dictionary<string, string> values in lines)
        {
            using (var writer = new Utf8JsonWriter(json))
            {
                writer.WriteStartObject();
                foreach (string h in header)
                {
                    writer.WriteString(h, values[h]);
                }

                writer.WriteEndObject();
            }

            json.WriteByte((byte)'\n');
        }

        IngestResult fromCsv = LogText.ReadCsv(csv.ToString(), delimiter, options, columns.WithUserIdentity());
        IngestResult fromJson = JsonLinesLogReader.Read(new MemoryStream(json.ToArray()), options, columns);
        return Check(fromCsv, "CSV").And(Check(fromJson, "JSON Lines"))
            .Label($"delimiter '{delimiter}', pattern '{pattern}', header {string.Join("|", header)}, quote all {quoteAll}");

        Property Check(IngestResult result, string reader) =>
            (result.Report.Accepted + result.Report.Rejected == result.Report.RowsRead).Label($"{reader}: accepted + rejected = read")
                .And((result.Report.RowsRead == rows).Label($"{reader}: every row read"))
                .And((result.Report.Rejected == dirty).Label($"{reader}: exactly the dirty rows rejected: {result.Report}"))
                .And(result.Log.SequenceEqual(expected).Label($"{reader}: every clean value comes through exactly"));
    }

    private static string Quote(string field, char delimiter, bool always) =>
        always || field.Contains(delimiter, StringComparison.Ordinal) || field.AsSpan().IndexOfAny("\"\r\n") >= 0 || field != field.Trim()
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
