using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace Djpk.Metrics.Tests.Tool;

/// <summary>A consultation log the tool tests write themselves from a fixed seed, with the records kept for independent counts.</summary>
internal sealed class ToolLog
{
    private static readonly string[] Channels = ["whatsapp", "phone", "email", "hai-kemenkeu", "live-chat"];
    private static readonly string[] Segments = ["akademisi", "pemda", "kementerian-lembaga", "lainnya"];
    private static readonly string[] Topics = ["DBH", "DAU", "Dana Desa", "DAK Fisik, Non Fisik", "Reservasi"];

    private ToolLog(List<Row> rows) => Rows = rows;

    public static DateTimeZone Jakarta { get; } = DateTimeZoneProviders.Tzdb["Asia/Jakarta"];

    /// <summary>Gets the records, in file order.</summary>
    public IReadOnlyList<Row> Rows { get; }

    /// <summary>Creates <paramref name="count"/> records from December 2022 to December 2023 (Asia/Jakarta) from <paramref name="seed"/>.</summary>
    public static ToolLog Generate(int seed, int count)
    {
        var random = new Random(seed);
        Instant start = new LocalDateTime(2022, 12, 1, 0, 0).InZoneStrictly(Jakarta).ToInstant();
        Instant end = new LocalDateTime(2024, 1, 1, 0, 0).InZoneStrictly(Jakarta).ToInstant();
        long seconds = (end - start).BclCompatibleTicks / NodaConstants.TicksPerSecond;
        var rows = new List<Row>();
        for (int i = 0; i < count; i++)
        {
            Instant at = start + Duration.FromSeconds(random.NextInt64(seconds));
            rows.Add(new Row(
                at,
                Channels[random.Next(Channels.Length)],
                Segments[random.Next(Segments.Length)],
                Topics[random.Next(Topics.Length)],
                1 + random.Next(60),
                random.Next(3)));
        }

        return new ToolLog(rows);
    }

    /// <summary>Writes the log as CSV with a header; each row's timestamp in UTC, in +07:00 or without an offset (Jakarta's local time).</summary>
    public string ToCsv(params string[] extraLines)
    {
        var csv = new StringBuilder("timestamp,channel,segment,topic,user,id\n");
        for (int i = 0; i < Rows.Count; i++)
        {
            Row row = Rows[i];
            string timestamp = row.Style switch
            {
                0 => InstantPattern.ExtendedIso.Format(row.Timestamp),
                1 => OffsetDateTimePattern.GeneralIso.Format(row.Timestamp.WithOffset(Offset.FromHours(7))),
                _ => LocalDateTimePattern.GeneralIso.Format(row.Timestamp.InZone(Jakarta).LocalDateTime),
            };
            csv.Append(CultureInfo.InvariantCulture, $"{timestamp},{row.Channel},{row.Segment},\"{row.Topic}\",{row.User},r{i}\n");
        }

        foreach (string line in extraLines)
        {
            csv.Append(line).Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>Gets the month of a record in Asia/Jakarta, as ReportingPeriod prints it.</summary>
    public static string MonthOf(Instant instant)
    {
        LocalDate date = instant.InZone(Jakarta).Date;
        return string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-{date.Month:D2}");
    }

    /// <summary>A record of the log.</summary>
    internal sealed record Row(Instant Timestamp, string Channel, string Segment, string Topic, long User, int Style);
}
