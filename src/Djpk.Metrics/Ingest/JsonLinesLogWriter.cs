using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Djpk.Metrics.Logs;
using NodaTime;

namespace Djpk.Metrics.Ingest;

/// <summary>Writes an interaction log as JSON Lines, the format <see cref="JsonLinesLogReader"/> reads back to the same log.</summary>
/// <remarks>
/// Each line is <c>{"timestamp":"…","channel":"…","segment":"…","topic":"…","user":…}</c>; the topic is left out when
/// unspecified, the user is its 64-bit key, the timestamp is exact to the tick with its offset in the chosen zone
/// (<c>Z</c> by default). Lines end with LF; the output is UTF-8 without a byte-order mark. Text is escaped only where
/// JSON requires it (quotes, backslashes, control characters), so Indonesian topics stay readable; the output is meant
/// for files, not for embedding in HTML.
/// <para>A log with service columns (<see cref="InteractionLog.ServiceColumns"/>) adds, after the user, the fields
/// <c>first_response</c> and <c>end</c> (times as the timestamp is written), <c>outcome</c> (the id), <c>agent</c> and
/// <c>case</c> (64-bit keys) and <c>satisfaction</c> (1 to 5), each only for the columns the log has and left out of a
/// record without the value. A log without service columns is written as before.</para>
/// </remarks>
public static class JsonLinesLogWriter
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="log"/> to <paramref name="stream"/>, one consultation per line; the stream stays open.</summary>
    /// <param name="log">The log.</param>
    /// <param name="stream">The output.</param>
    /// <param name="zone">The zone whose offset each timestamp carries, such as Asia/Jakarta (<c>+07:00</c>); UTC (<c>Z</c>) when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the write between records.</param>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> or <paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A timestamp is outside the years 0001 to 9999, which the readers accept.</exception>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static void Write(InteractionLog log, Stream stream, DateTimeZone? zone = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(stream);
        var chunks = new Chunks(log, zone);
        while (chunks.Next())
        {
            stream.Write(chunks.Written.Span);
            cancellationToken.ThrowIfCancellationRequested();
        }

        stream.Flush();
    }

    /// <summary>Writes <paramref name="log"/> to <paramref name="stream"/> without blocking a thread on I/O, as ASP.NET Core's response body requires; the stream stays open.</summary>
    /// <param name="log">The log.</param>
    /// <param name="stream">The output; only its asynchronous write and flush methods are called.</param>
    /// <param name="zone">The zone whose offset each timestamp carries, such as Asia/Jakarta (<c>+07:00</c>); UTC (<c>Z</c>) when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the write between blocks of records and cancels a pending write.</param>
    /// <returns>A task that completes when the log is written and the stream flushed; the bytes are those <see cref="Write"/> writes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> or <paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A timestamp is outside the years 0001 to 9999, which the readers accept.</exception>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async Task WriteAsync(InteractionLog log, Stream stream, DateTimeZone? zone = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(stream);
        var chunks = new Chunks(log, zone);
        while (chunks.Next())
        {
            await stream.WriteAsync(chunks.Written, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns the offset of <paramref name="zone"/> at the instant, in seconds, after checking the instant can be read back.</summary>
    /// <exception cref="ArgumentException">The instant is outside the years 0001 to 9999.</exception>
    internal static int OffsetSeconds(long unixTicks, DateTimeZone? zone)
    {
        if (unixTicks < TimestampText.MinTicks || unixTicks > TimestampText.MaxTicks)
        {
            throw new ArgumentException("Only timestamps in the years 0001 to 9999 can be written.", nameof(unixTicks));
        }

        if (zone is null)
        {
            return 0;
        }

        int offset = zone.GetUtcOffset(Instant.FromUnixTimeTicks(unixTicks)).Seconds;
        long local = unixTicks + (offset * 10_000_000L);
        return local < TimestampText.MinTicks || local > TimestampText.MaxTicks ? 0 : offset;
    }

    /// <summary>The log as blocks of about 64 KiB of whole lines, so that the sync and the async writer write the same bytes.</summary>
    private sealed class Chunks(InteractionLog log, DateTimeZone? zone)
    {
        private const int Size = 1 << 16;

        private readonly ArrayBufferWriter<byte> _buffer = new(Size);
        private readonly string[] _channels = [.. log.Catalog.Channels.Select(c => c.Channel.Id)];
        private readonly string[] _segments = [.. log.Catalog.Segments.Select(s => s.Segment.Id)];
        private readonly bool _hasService = log.ServiceColumns != ServiceColumns.None;
        private Utf8JsonWriter? _writer;
        private int _next;
        private bool _done;

        public ReadOnlyMemory<byte> Written => _buffer.WrittenMemory;

        /// <summary>Fills the next block; false when the whole log has been handed out (an empty log gives one empty block).</summary>
        public bool Next()
        {
            if (_done)
            {
                _writer?.Dispose();
                return false;
            }

            _buffer.ResetWrittenCount();
            _writer ??= new Utf8JsonWriter(_buffer, WriterOptions);
            Span<char> timestamp = stackalloc char[TimestampText.MaxFormattedLength];
            while (_next < log.Count && _buffer.WrittenCount <= Size - 1024)
            {
                int i = _next++;
                long ticks = log.Ticks[i];
                int length = TimestampText.Format(ticks, OffsetSeconds(ticks, zone), timestamp);
                _writer.Reset();
                _writer.WriteStartObject();
                _writer.WriteString("timestamp"u8, timestamp[..length]);
                _writer.WriteString("channel"u8, _channels[log.ChannelCodes[i]]);
                _writer.WriteString("segment"u8, _segments[log.SegmentCodes[i]]);
                Topic topic = log.Topics[log.TopicCodes[i]];
                if (!topic.IsUnspecified)
                {
                    _writer.WriteString("topic"u8, topic.Name);
                }

                _writer.WriteNumber("user"u8, log.UserKeys[log.UserCodes[i]]);
                if (_hasService)
                {
                    WriteService(i, timestamp);
                }

                _writer.WriteEndObject();
                _writer.Flush();
                _buffer.Write("\n"u8);
            }

            _done = _next >= log.Count;
            return true;
        }

        private void WriteService(int i, Span<char> buffer)
        {
            ServiceFields service = log.ServiceAt(i);
            if (service.Response != ServiceData.NoTime)
            {
                _writer!.WriteString("first_response"u8, buffer[..TimestampText.Format(service.Response, OffsetSeconds(service.Response, zone), buffer)]);
            }

            if (service.End != ServiceData.NoTime)
            {
                _writer!.WriteString("end"u8, buffer[..TimestampText.Format(service.End, OffsetSeconds(service.End, zone), buffer)]);
            }

            if (service.Outcome is { } outcome)
            {
                _writer!.WriteString("outcome"u8, outcome.Id);
            }

            if (service.Agent is { } agent)
            {
                _writer!.WriteNumber("agent"u8, agent);
            }

            if (service.Case is { } key)
            {
                _writer!.WriteNumber("case"u8, key);
            }

            if (service.Satisfaction != 0)
            {
                _writer!.WriteNumber("satisfaction"u8, service.Satisfaction);
            }
        }
    }
}
