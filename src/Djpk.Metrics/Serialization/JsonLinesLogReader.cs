using System.Buffers;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Djpk.Metrics.Serialization;

/// <summary>Reads an interaction log from JSON Lines: one consultation per line, as documented in <c>docs/formats.md</c>.</summary>
/// <remarks>
/// <para>A line is a flat JSON object with <c>timestamp</c>, <c>channel</c>, <c>segment</c> and <c>user</c>, and
/// optionally <c>topic</c> and <c>id</c>; any other field is rejected. <c>user</c> is a 64-bit integer key or a text
/// identity hashed with <see cref="UserKey.FromText"/>. No type names, no polymorphism: values are read as the schema
/// says and never bound to types named by the input.</para>
/// <para>Streaming: the reader holds one buffer of about twice <see cref="IngestOptions.MaxLineLength"/> besides the log
/// it builds; a longer line is rejected and skipped without being buffered. Lines end with LF or CRLF; a UTF-8 byte-order
/// mark at the start is skipped; blank lines are counted in <see cref="IngestReport.BlankLines"/>.</para>
/// </remarks>
public static class JsonLinesLogReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 8 };

    /// <summary>Reads the JSON Lines file at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The catalog, policy, zone, fallbacks and limits; <see cref="IngestOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="progress">Receives the rows and bytes read and the time elapsed every 65 536 rows and at the end.</param>
    /// <param name="cancellationToken">Stops the read between rows.</param>
    /// <returns>The log of the accepted rows and the report of the read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The policy is strict and a line is rejected; the message names the line.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static IngestResult ReadFile(string path, IngestOptions? options = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Read(stream, options, progress, cancellationToken);
    }

    /// <summary>Reads JSON Lines from <paramref name="stream"/> to its end; the stream stays open.</summary>
    /// <param name="stream">The UTF-8 input.</param>
    /// <param name="options">The catalog, policy, zone, fallbacks and limits; <see cref="IngestOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="progress">Receives the rows and bytes read and the time elapsed every 65 536 rows and at the end.</param>
    /// <param name="cancellationToken">Stops the read between rows.</param>
    /// <returns>The log of the accepted rows and the report of the read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="InvalidDataException">The policy is strict and a line is rejected; the message names the line.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static IngestResult Read(Stream stream, IngestOptions? options = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var sink = new RecordSink(options, progress, cancellationToken);
        var parser = new LineParser(sink);
        int max = sink.Options.MaxLineLength;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(2 * (max + 2), 1 << 16));
        try
        {
            int filled = 0;
            long line = 0;
            bool skipping = false; // inside a line already rejected as too long
            int bom = 0;
            while (filled < 3)
            {
                int head = stream.Read(buffer, filled, buffer.Length - filled);
                if (head == 0)
                {
                    break;
                }

                filled += head;
            }

            sink.BytesRead = filled;
            if (buffer.AsSpan(0, filled).StartsWith("\uFEFF"u8))
            {
                bom = 3;
            }

            bool firstPass = true;
            while (true)
            {
                int read = firstPass ? filled : stream.Read(buffer, filled, buffer.Length - filled);
                if (!firstPass)
                {
                    sink.BytesRead += read;
                    filled += read;
                }

                int start = firstPass ? bom : 0;
                firstPass = false;

                while (true)
                {
                    int newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n');
                    if (newline < 0)
                    {
                        break;
                    }

                    line++;
                    ReadOnlySpan<byte> text = buffer.AsSpan(start, newline);
                    if (skipping)
                    {
                        skipping = false;
                        line--; // the line was counted when it was rejected
                    }
                    else
                    {
                        parser.Parse(TrimCr(text), line);
                    }

                    start += newline + 1;
                }

                int pending = filled - start;
                if (read == 0)
                {
                    if (pending > 0 && !skipping)
                    {
                        parser.Parse(TrimCr(buffer.AsSpan(start, pending)), ++line);
                    }

                    break;
                }

                if (pending > max + 1 && !skipping)
                {
                    sink.Reject(++line, string.Empty, RejectionReason.LineTooLong, $"The line is longer than the limit of {max} bytes.");
                    skipping = true;
                }

                if (skipping)
                {
                    pending = 0; // drop what was buffered of the long line
                    start = filled;
                }

                buffer.AsSpan(start, pending).CopyTo(buffer);
                filled = pending;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return sink.Finish();
    }

    private static ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> line) => line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    /// <summary>Parses one line into the sink.</summary>
    private sealed class LineParser(RecordSink sink)
    {
        private const int Timestamp = 1, Channel = 2, Segment = 4, Topic = 8, User = 16, Id = 32;
        private const int Required = Timestamp | Channel | Segment | User;

        private char[] _chars = new char[256];

        public void Parse(ReadOnlySpan<byte> line, long number)
        {
            if (IsBlank(line))
            {
                sink.Blank();
                return;
            }

            if (line.Length > sink.Options.MaxLineLength)
            {
                sink.Reject(number, string.Empty, RejectionReason.LineTooLong, $"The line is longer than the limit of {sink.Options.MaxLineLength} bytes.");
                return;
            }

            if (!Utf8.IsValid(line))
            {
                sink.Reject(number, string.Empty, RejectionReason.InvalidUtf8, "The line is not valid UTF-8.");
                return;
            }

            if (_chars.Length < line.Length)
            {
                _chars = new char[Math.Max(line.Length, _chars.Length * 2)];
            }

            try
            {
                ParseObject(line, number);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                sink.Reject(number, string.Empty, RejectionReason.Malformed, "The line is not one well-formed JSON object.");
            }
        }

        private static bool IsBlank(ReadOnlySpan<byte> line)
        {
            foreach (byte b in line)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
                {
                    return false;
                }
            }

            return true;
        }

        private static int FieldOf(ref Utf8JsonReader reader) =>
            reader.ValueTextEquals("timestamp"u8) ? Timestamp
            : reader.ValueTextEquals("channel"u8) ? Channel
            : reader.ValueTextEquals("segment"u8) ? Segment
            : reader.ValueTextEquals("topic"u8) ? Topic
            : reader.ValueTextEquals("user"u8) ? User
            : reader.ValueTextEquals("id"u8) ? Id
            : 0;

        private static string NameOf(int field) => field switch
        {
            Timestamp => "timestamp",
            Channel => "channel",
            Segment => "segment",
            Topic => "topic",
            User => "user",
            _ => "id",
        };

        private void ParseObject(ReadOnlySpan<byte> line, long number)
        {
            var reader = new Utf8JsonReader(line, isFinalBlock: true, new JsonReaderState(ReaderOptions));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                sink.Reject(number, string.Empty, RejectionReason.WrongType, "A line must be one JSON object.");
                return;
            }

            int seen = 0;
            long ticks = 0, user = 0;
            int channel = -1, segment = -1;
            bool channelMapped = false, segmentMapped = false;
            Topic topic = default;
            UInt128? id = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                int field = FieldOf(ref reader);
                if (field == 0 || (seen & field) != 0)
                {
                    string name = reader.GetString()!;
                    sink.Reject(number, RecordSink.Clip(name), RejectionReason.ExtraField, field == 0
                        ? "The field is not part of the schema (timestamp, channel, segment, topic, user, id)."
                        : "The field appears twice.");
                    return;
                }

                seen |= field;
                reader.Read();
                string column = NameOf(field);
                JsonTokenType type = reader.TokenType;
                if (type == JsonTokenType.Null)
                {
                    if ((field & Required) != 0)
                    {
                        sink.Reject(number, column, RejectionReason.MissingField, $"The field '{column}' must not be null.");
                        return;
                    }

                    continue;
                }

                if (field == User && type == JsonTokenType.Number)
                {
                    if (!reader.TryGetInt64(out user))
                    {
                        sink.Reject(number, column, RejectionReason.WrongType, "A numeric user must be a whole number in the 64-bit range.");
                        return;
                    }

                    continue;
                }

                if (field == Id && type == JsonTokenType.Number)
                {
                    id = XxHash128.HashToUInt128(reader.ValueSpan);
                    continue;
                }

                if (type != JsonTokenType.String)
                {
                    sink.Reject(number, column, RejectionReason.WrongType, field is User or Id
                        ? $"The field '{column}' must be a string or a number."
                        : $"The field '{column}' must be a string.");
                    return;
                }

                ReadOnlySpan<char> text = _chars.AsSpan(0, reader.CopyString(_chars));
                switch (field)
                {
                    case Timestamp:
                        if (!TimestampText.TryParse(text, sink.Options.LocalZone, out ticks, out RejectionReason reason, out string message))
                        {
                            sink.Reject(number, column, reason, message);
                            return;
                        }

                        break;
                    case Channel:
                        channel = sink.ChannelCode(text, out channelMapped);
                        if (channel < 0)
                        {
                            sink.Reject(number, column, text.IsEmpty ? RejectionReason.MissingField : RejectionReason.UnknownChannel, RecordSink.UnknownChannelMessage(text));
                            return;
                        }

                        break;
                    case Segment:
                        segment = sink.SegmentCode(text, out segmentMapped);
                        if (segment < 0)
                        {
                            sink.Reject(number, column, text.IsEmpty ? RejectionReason.MissingField : RejectionReason.UnknownSegment, RecordSink.UnknownSegmentMessage(text));
                            return;
                        }

                        break;
                    case Topic:
                        if (sink.TopicOf(text) is not { } named)
                        {
                            sink.Reject(number, column, RejectionReason.InvalidValue, $"A topic must be at most {Metrics.Topic.MaxLength} characters with no control characters.");
                            return;
                        }

                        topic = named;
                        break;
                    case User:
                        if (text.IsWhiteSpace())
                        {
                            sink.Reject(number, column, RejectionReason.MissingField, "A text user identity must not be blank.");
                            return;
                        }

                        user = reader.ValueIsEscaped ? UserKey.FromText(text.ToString()).Value : unchecked((long)XxHash3.HashToUInt64(reader.ValueSpan));
                        break;
                    default:
                        id = XxHash128.HashToUInt128(reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(text.ToString()) : reader.ValueSpan);
                        break;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject)
            {
                sink.Reject(number, string.Empty, RejectionReason.Malformed, "The line is not one well-formed JSON object.");
                return;
            }

            if (reader.Read())
            {
                sink.Reject(number, string.Empty, RejectionReason.Malformed, "The line holds more than one JSON value.");
                return;
            }

            if ((seen & Required) != Required)
            {
                string missing = NameOf(Required & ~seen & -(Required & ~seen));
                sink.Reject(number, missing, RejectionReason.MissingField, $"The field '{missing}' is required.");
                return;
            }

            sink.Accept(number, ticks, channel, channelMapped, segment, segmentMapped, topic, user, id, "id");
        }
    }
}
