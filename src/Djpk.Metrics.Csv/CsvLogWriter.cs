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
/// <para>A log with service columns (<see cref="InteractionLog.ServiceColumns"/>) adds the columns it has, in the order
/// <c>first_response</c>, <c>end</c>, <c>outcome</c>, <c>agent</c>, <c>case</c>, <c>satisfaction</c>: times as the
/// timestamp is written, the outcome id, the 64-bit keys, the score 1 to 5, and an empty field for a record without the
/// value. A log without service columns is written as before.</para>
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
        var records = new Records(log, delimiter, zone);
        records.Header(writer);
        records.Write(writer, 0, log.Count, cancellationToken);
        writer.Flush();
    }

    /// <summary>Writes <paramref name="log"/> to <paramref name="writer"/> without blocking a thread on I/O (with a <see cref="StreamWriter"/> over ASP.NET Core's response body, say); the writer stays open.</summary>
    /// <param name="log">The log.</param>
    /// <param name="writer">The output; only its asynchronous write and flush methods are called.</param>
    /// <param name="delimiter">The field delimiter, such as <c>,</c> or <c>;</c>.</param>
    /// <param name="zone">The zone whose offset each timestamp carries, such as Asia/Jakarta; UTC (<c>Z</c>) when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the write between blocks of records and cancels a pending write.</param>
    /// <returns>A task that completes when the log is written and the writer flushed; the text is the one <see cref="Write"/> writes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> or <paramref name="writer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="delimiter"/> is a quote, a line break or a control character other than tab; or a timestamp is outside the years 0001 to 9999.</exception>
    /// <exception cref="IOException">The writer cannot be written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async Task WriteAsync(InteractionLog log, TextWriter writer, char delimiter = ',', DateTimeZone? zone = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(writer);
        CsvLogReader.CheckDelimiter(delimiter);
        var records = new Records(log, delimiter, zone);
        using var chunk = new StringWriter(CultureInfo.InvariantCulture);
        records.Header(chunk);
        for (int from = 0; ; from += 4096)
        {
            records.Write(chunk, from, Math.Min(log.Count, from + 4096), cancellationToken);
            await writer.WriteAsync(chunk.GetStringBuilder(), cancellationToken).ConfigureAwait(false);
            chunk.GetStringBuilder().Clear();
            if (from + 4096 >= log.Count)
            {
                break;
            }
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Quote(string field, char delimiter) =>
        field.AsSpan().IndexOfAny(['"', '\r', '\n', delimiter]) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    /// <summary>Writes the header and records of one log, so that the sync and the async writer write the same text.</summary>
    private sealed class Records(InteractionLog log, char delimiter, DateTimeZone? zone)
    {
        private readonly string[] _channels = [.. log.Catalog.Channels.Select(c => Quote(c.Channel.Id, delimiter))];
        private readonly string[] _segments = [.. log.Catalog.Segments.Select(s => Quote(s.Segment.Id, delimiter))];
        private readonly string[] _topics = [.. log.Topics.Select(t => Quote(t.Name, delimiter))];

        private readonly ServiceColumns _service = log.ServiceColumns;

        public void Header(TextWriter writer)
        {
            writer.Write(string.Join(delimiter, "timestamp", "channel", "segment", "topic", "user"));
            foreach ((ServiceColumns field, string name) in ServiceText.Names(LogColumns.Default))
            {
                if ((_service & field) != 0)
                {
                    writer.Write(delimiter);
                    writer.Write(name);
                }
            }

            writer.Write("\r\n");
        }

        private void WriteService(TextWriter writer, int i, Span<char> buffer)
        {
            ServiceFields fields = log.ServiceAt(i);
            if ((_service & ServiceColumns.FirstResponse) != 0)
            {
                writer.Write(delimiter);
                if (fields.Response != ServiceData.NoTime)
                {
                    writer.Write(buffer[..TimestampText.Format(fields.Response, JsonLinesLogWriter.OffsetSeconds(fields.Response, zone), buffer)]);
                }
            }

            if ((_service & ServiceColumns.End) != 0)
            {
                writer.Write(delimiter);
                if (fields.End != ServiceData.NoTime)
                {
                    writer.Write(buffer[..TimestampText.Format(fields.End, JsonLinesLogWriter.OffsetSeconds(fields.End, zone), buffer)]);
                }
            }

            if ((_service & ServiceColumns.Outcome) != 0)
            {
                writer.Write(delimiter);
                if (fields.Outcome is { } outcome)
                {
                    writer.Write(Quote(outcome.Id, delimiter)); // an id has no quote or break, but may hold a '-' delimiter
                }
            }

            if ((_service & ServiceColumns.Agent) != 0)
            {
                writer.Write(delimiter);
                if (fields.Agent is { } agent)
                {
                    writer.Write(agent.ToString(CultureInfo.InvariantCulture));
                }
            }

            if ((_service & ServiceColumns.Case) != 0)
            {
                writer.Write(delimiter);
                if (fields.Case is { } key)
                {
                    writer.Write(key.ToString(CultureInfo.InvariantCulture));
                }
            }

            if ((_service & ServiceColumns.Satisfaction) != 0)
            {
                writer.Write(delimiter);
                if (fields.Satisfaction != 0)
                {
                    writer.Write((char)('0' + fields.Satisfaction));
                }
            }
        }

        public void Write(TextWriter writer, int from, int to, CancellationToken cancellationToken)
        {
            Span<char> timestamp = stackalloc char[TimestampText.MaxFormattedLength];
            Span<char> number = stackalloc char[24];
            for (int i = from; i < to; i++)
            {
                long ticks = log.Ticks[i];
                writer.Write(timestamp[..TimestampText.Format(ticks, JsonLinesLogWriter.OffsetSeconds(ticks, zone), timestamp)]);
                writer.Write(delimiter);
                writer.Write(_channels[log.ChannelCodes[i]]);
                writer.Write(delimiter);
                writer.Write(_segments[log.SegmentCodes[i]]);
                writer.Write(delimiter);
                writer.Write(_topics[log.TopicCodes[i]]);
                writer.Write(delimiter);
                log.UserKeys[log.UserCodes[i]].TryFormat(number, out int written, provider: CultureInfo.InvariantCulture);
                writer.Write(number[..written]);
                if (_service != ServiceColumns.None)
                {
                    WriteService(writer, i, timestamp);
                }

                writer.Write("\r\n");
                if ((i & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }
    }
}
