using System.Globalization;
using Djpk.Metrics.Logs;
using NodaTime;

using Djpk.Metrics.Ingest;
namespace Djpk.Metrics.Csv;

/// <summary>Writes an interaction log as CSV (RFC 4180), the format <see cref="CsvLogReader"/> reads back to the same log.</summary>
/// <remarks>
/// The header is <c>timestamp,channel,segment,topic,user</c> (with the chosen delimiter); a field holding the delimiter,
/// a quote or a line break is quoted, quotes doubled. An unspecified topic is an empty field; the user is its 64-bit
/// key; records end with CRLF as RFC 4180 says; UTF-8 without a byte-order mark.
/// </remarks>
public static class CsvLogWriter
{
    /// <summary>Writes <paramref name="log"/> to <paramref name="writer"/>; the writer stays open.</summary>
    /// <param name="log">The log.</param>
    /// <param name="writer">The output.</param>
    /// <param name="delimiter">The field delimiter, such as <c>,</c> or <c>;</c>.</param>
    /// <param name="zone">The zone whose offset each timestamp carries, such as Asia/Jakarta; UTC (<c>Z</c>) when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the write between records.</param>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> or <paramref name="writer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="delimiter"/> is a quote, a line break or a control character other than tab; or a timestamp is outside the years 0001 to 9999.</exception>
    /// <exception cref="IOException">The writer cannot be written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static void Write(InteractionLog log, TextWriter writer, char delimiter = ',', DateTimeZone? zone = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(writer);
        CsvLogReader.CheckDelimiter(delimiter);
        string[] channels = [.. log.Catalog.Channels.Select(c => Quote(c.Channel.Id, delimiter))];
        string[] segments = [.. log.Catalog.Segments.Select(s => Quote(s.Segment.Id, delimiter))];
        string[] topics = [.. log.Topics.Select(t => Quote(t.Name, delimiter))];
        writer.Write(string.Join(delimiter, "timestamp", "channel", "segment", "topic", "user"));
        writer.Write("\r\n");
        Span<char> timestamp = stackalloc char[TimestampText.MaxFormattedLength];
        Span<char> number = stackalloc char[24];
        for (int i = 0; i < log.Count; i++)
        {
            long ticks = log.Ticks[i];
            writer.Write(timestamp[..TimestampText.Format(ticks, JsonLinesLogWriter.OffsetSeconds(ticks, zone), timestamp)]);
            writer.Write(delimiter);
            writer.Write(channels[log.ChannelCodes[i]]);
            writer.Write(delimiter);
            writer.Write(segments[log.SegmentCodes[i]]);
            writer.Write(delimiter);
            writer.Write(topics[log.TopicCodes[i]]);
            writer.Write(delimiter);
            log.UserKeys[log.UserCodes[i]].TryFormat(number, out int written, provider: CultureInfo.InvariantCulture);
            writer.Write(number[..written]);
            writer.Write("\r\n");
            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        writer.Flush();
    }

    private static string Quote(string field, char delimiter) =>
        field.AsSpan().IndexOfAny(['"', '\r', '\n', delimiter]) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
