using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO.Hashing;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Djpk.Metrics.Logs;

namespace Djpk.Metrics.Ingest;

/// <summary>Reads an interaction log from JSON Lines: one consultation per line, as documented in <c>docs/formats.md</c>.</summary>
/// <remarks>
/// <para>A line is a flat JSON object with <c>timestamp</c>, <c>channel</c>, <c>segment</c> and <c>user</c>, and
/// optionally <c>topic</c> and <c>id</c> (or the names a <see cref="LogColumns"/> mapping gives them); any other field is
/// ignored, or rejected under <see cref="UnknownFieldPolicy.Reject"/>. <c>user</c> is a 64-bit integer key or a text
/// identity hashed with <see cref="UserKey.FromText"/>. No type names, no polymorphism: values are read as the schema
/// says and never bound to types named by the input.</para>
/// <para>Streaming: the reader reads blocks of 1 MiB (at least twice <see cref="IngestOptions.MaxLineLength"/>) of whole
/// lines, parses up to <see cref="IngestOptions.MaxDegreeOfParallelism"/> blocks at once, and adds their rows to the log in
/// file order, so the log and the report do not depend on the number of threads. Besides the log it builds, it holds a
/// few blocks per thread; a line longer than a block is rejected and skipped without being buffered. Lines end with LF or CRLF; a UTF-8 byte-order
/// mark at the start is skipped; blank lines are counted in <see cref="IngestReport.BlankLines"/>.</para>
/// </remarks>
public static class JsonLinesLogReader
{
    /// <summary>The bytes read and parsed as one block: large enough that a block is thousands of lines, small enough to stay in cache.</summary>
    private const int DefaultBlockSize = 1 << 20;

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 8 };

    /// <summary>Reads the JSON Lines file at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The catalog, policy, zone, fallbacks and limits, such as <see cref="IngestOptions.For(Catalog)"/> of a profile's catalog.</param>
    /// <param name="columns">The field names, constant columns and unknown-field policy; <see cref="LogColumns.Default"/> when <see langword="null"/>.</param>
    /// <param name="progress">Receives the rows and bytes read and the time elapsed every 65 536 rows and at the end.</param>
    /// <param name="cancellationToken">Stops the read between rows.</param>
    /// <returns>The log of the accepted rows and the report of the read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="ArgumentException">A constant channel or segment of <paramref name="columns"/> is not in the options' catalog.</exception>
    /// <exception cref="InvalidDataException">The policy is strict and a line is rejected; the message names the line.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static IngestResult ReadFile(string path, IngestOptions options, LogColumns? columns = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Read(stream, options, columns, progress, cancellationToken);
    }

    /// <summary>Reads JSON Lines from <paramref name="stream"/> to its end; the stream stays open.</summary>
    /// <param name="stream">The UTF-8 input.</param>
    /// <param name="options">The catalog, policy, zone, fallbacks and limits, such as <see cref="IngestOptions.For(Catalog)"/> of a profile's catalog.</param>
    /// <param name="columns">The field names, constant columns and unknown-field policy; <see cref="LogColumns.Default"/> when <see langword="null"/>.</param>
    /// <param name="progress">Receives the rows and bytes read and the time elapsed every 65 536 rows and at the end.</param>
    /// <param name="cancellationToken">Stops the read between rows.</param>
    /// <returns>The log of the accepted rows and the report of the read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="ArgumentException">A constant channel or segment of <paramref name="columns"/> is not in the options' catalog.</exception>
    /// <exception cref="InvalidDataException">The policy is strict and a line is rejected; the message names the line.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static IngestResult Read(Stream stream, IngestOptions options, LogColumns? columns = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Read(stream, options, columns, progress, DefaultBlockSize, cancellationToken);

    /// <summary>Reads JSON Lines from <paramref name="stream"/> to its end without blocking a thread on I/O, as ASP.NET Core's request body requires; the stream stays open.</summary>
    /// <param name="stream">The UTF-8 input; only its asynchronous read methods are called.</param>
    /// <param name="options">The catalog, policy, zone, fallbacks and limits, such as <see cref="IngestOptions.For(Catalog)"/> of a profile's catalog.</param>
    /// <param name="columns">The field names, constant columns and unknown-field policy; <see cref="LogColumns.Default"/> when <see langword="null"/>.</param>
    /// <param name="progress">Receives the rows and bytes read and the time elapsed every 65 536 rows and at the end.</param>
    /// <param name="cancellationToken">Stops the read between rows and cancels a pending read of the stream.</param>
    /// <returns>The log of the accepted rows and the report of the read, the same as <see cref="Read(Stream, IngestOptions, LogColumns?, IProgress{IngestProgress}?, CancellationToken)"/> gives.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A constant channel or segment of <paramref name="columns"/> is not in the options' catalog.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="InvalidDataException">The policy is strict and a line is rejected; the message names the line.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static Task<IngestResult> ReadAsync(Stream stream, IngestOptions options, LogColumns? columns = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ReadAsync(stream, options, columns, progress, DefaultBlockSize, cancellationToken);

    internal static async Task<IngestResult> ReadAsync(Stream stream, IngestOptions options, LogColumns? columns, IProgress<IngestProgress>? progress, int blockSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var sink = new RecordSink(options, progress, cancellationToken);
        columns ??= LogColumns.Default;
        sink.ConstantCode(columns.ConstantChannel);
        sink.ConstantCode(columns.ConstantSegment);
        await new Pipeline(sink, columns, blockSize, fastLines: true).RunAsync(stream, true, cancellationToken).ConfigureAwait(false);
        return sink.Finish();
    }

    // Tests lower the block size to put lines across block boundaries on small inputs.
    internal static IngestResult Read(Stream stream, IngestOptions options, IProgress<IngestProgress>? progress, int blockSize, CancellationToken cancellationToken) =>
        Read(stream, options, null, progress, blockSize, cancellationToken);

    internal static IngestResult Read(Stream stream, IngestOptions options, LogColumns? columns, IProgress<IngestProgress>? progress, int blockSize, CancellationToken cancellationToken) =>
        Read(stream, options, columns, progress, blockSize, fastLines: true, cancellationToken);

    // Tests turn the fast line scanner off to compare it with Utf8JsonReader alone.
    internal static IngestResult Read(Stream stream, IngestOptions options, LogColumns? columns, IProgress<IngestProgress>? progress, int blockSize, bool fastLines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var sink = new RecordSink(options, progress, cancellationToken);
        columns ??= LogColumns.Default;
        sink.ConstantCode(columns.ConstantChannel); // throws before any byte is read
        sink.ConstantCode(columns.ConstantSegment);
        new Pipeline(sink, columns, blockSize, fastLines).Run(stream);
        return sink.Finish();
    }

    /// <summary>Finds the next line break: LF, CR LF, CR CR LF (a CRLF file converted once more), or a lone CR.</summary>
    /// <returns>The index of the break, or -1; <paramref name="length"/> is its length in bytes.</returns>
    internal static int NextBreak(ReadOnlySpan<byte> s, out int length)
    {
        int i = s.IndexOfAny((byte)'\r', (byte)'\n');
        length = 1;
        if (i >= 0 && s[i] == (byte)'\r')
        {
            if (i + 1 < s.Length && s[i + 1] == (byte)'\n')
            {
                length = 2;
            }
            else if (i + 2 < s.Length && s[i + 1] == (byte)'\r' && s[i + 2] == (byte)'\n')
            {
                length = 3;
            }
        }

        return i;
    }

    /// <summary>Returns whether the break at <paramref name="index"/> could still grow into CR LF or CR CR LF with bytes not yet read.</summary>
    private static bool MayGrow(ReadOnlySpan<byte> s, int index, int length) =>
        s[index] == (byte)'\r' && length == 1 && (index + 1 == s.Length || (index + 2 == s.Length && s[index + 1] == (byte)'\r'));

    /// <summary>Returns where a block of whole lines can end in <paramref name="s"/>: after its last line break that no later byte can extend; -1 if none.</summary>
    private static int LastCut(ReadOnlySpan<byte> s)
    {
        int i = s.LastIndexOfAny((byte)'\r', (byte)'\n');
        if (i < 0 || s[i] == (byte)'\n' || i + 1 < s.Length)
        {
            return i < 0 ? -1 : i + 1;
        }

        int run = s.Length - 1 - s[..i].LastIndexOfAnyExcept((byte)'\r'); // trailing CRs
        if (run >= 3)
        {
            return s.Length - 2; // the CRs before the last two are lone
        }

        int before = s.Length - run;
        if (before == 0)
        {
            return -1;
        }

        if (s[before - 1] == (byte)'\n')
        {
            return before;
        }

        int k = s[..before].LastIndexOfAny((byte)'\r', (byte)'\n');
        return k < 0 ? -1 : k + 1;
    }

    /// <summary>Parses the lines of a block into <see cref="ParsedRows"/>; one per thread, as it holds a topic cache and a buffer.</summary>
    /// <remarks>It only reads the sink's options and catalog codes, which is safe from any thread.</remarks>
    private sealed class LineParser(RecordSink sink, LogColumns columns, bool fastLines)
    {
        private const int Timestamp = 1, Channel = 2, Segment = 4, Topic = 8, User = 16, Id = 32;
        private const int FirstResponse = 64, End = 128, Outcome = 256, Agent = 512, Case = 1024, Satisfaction = 2048;
        private const int Required = Timestamp | Channel | Segment | User;
        private const int Service = FirstResponse | End | Outcome | Agent | Case | Satisfaction;

        // What ends a plain string: its closing quote; or a backslash or control character, which only the JSON reader reads.
        private static readonly SearchValues<byte> StringStops = SearchValues.Create([(byte)'"', (byte)'\\', .. Enumerable.Range(0, 0x20).Select(b => (byte)b)]);

        private readonly TopicCache _topics = new();
        private readonly ServiceText _service = new(sink);
        private readonly ProblemList _problems = new();
        private readonly byte[][] _names = [.. columns.All().Select(Encoding.UTF8.GetBytes)];
        private readonly byte[][] _quotedNames = [.. columns.All().Select(name => Encoding.UTF8.GetBytes(name + "\""))];
        private readonly int[] _order = new int[7]; // the base field the last fast line had at each position: exporters keep one order
        private readonly int _constantChannel = sink.ConstantCode(columns.ConstantChannel);
        private readonly int _constantSegment = sink.ConstantCode(columns.ConstantSegment);
        private readonly bool _rejectUnknown = columns.UnknownFields == UnknownFieldPolicy.Reject;
        private readonly bool _verbatimUsers = sink.Options.UserNormalization.IsVerbatim;
        private readonly byte[] _digits = new byte[20];
        private readonly bool _fast = fastLines && columns.ConstantChannel is null && columns.ConstantSegment is null;
        private char[] _chars = new char[256];
        private ParsedRows _rows = null!;

        /// <summary>Parses every line of <paramref name="block"/>, the first of which is line <paramref name="firstLine"/>; a last line need not end with a line break.</summary>
        public void ParseBlock(ReadOnlySpan<byte> block, long firstLine, ParsedRows rows)
        {
            _rows = rows;
            bool strict = sink.Options.Policy == IngestPolicy.Strict;
            bool validUtf8 = Utf8.IsValid(block); // one check of the whole block; a block that fails is checked line by line
            long number = firstLine;
            while (!block.IsEmpty)
            {
                int newline = NextBreak(block, out int breakLength);
                Parse(newline < 0 ? block : block[..newline], number, validUtf8);
                if (strict && rows.HasRejections)
                {
                    break; // the strict read stops at this line, or at an earlier one of an earlier block
                }

                number++;
                block = newline < 0 ? default : block[(newline + breakLength)..];
            }
        }

        private void Parse(ReadOnlySpan<byte> line, long number, bool validUtf8)
        {
            if (IsBlank(line))
            {
                _rows.Blank++;
                return;
            }

            if (line.Length > sink.Options.MaxLineLength)
            {
                _rows.Reject(number, string.Empty, RejectionReason.LineTooLong, $"The line is longer than the limit of {sink.Options.MaxLineLength} bytes.");
                return;
            }

            if (!validUtf8 && !Utf8.IsValid(line))
            {
                _rows.Reject(number, string.Empty, RejectionReason.InvalidUtf8, "The line is not valid UTF-8.");
                return;
            }

            if (_chars.Length < line.Length)
            {
                _chars = new char[Math.Max(line.Length, _chars.Length * 2)];
            }

            if (_fast && TryFastLine(line, number))
            {
                return;
            }

            try
            {
                ParseObject(line, number);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                _rows.Reject(number, string.Empty, RejectionReason.Malformed, "The line is not one well-formed JSON object.");
            }
        }

        /// <summary>Reads a line that is a flat object of the base fields with plain values, as the exporters write it, without Utf8JsonReader; returns false, having kept nothing, for any line it does not read exactly as <see cref="ParseObject"/> would accept it.</summary>
        /// <remarks>
        /// The line is read only when it is <c>{</c>, then <c>"name": value</c> pairs separated by commas, then <c>}</c>
        /// (spaces and tabs between tokens), every name one of timestamp, channel, segment, topic, user and id at most once
        /// and the first four present, every string free of escapes and control characters, the user a JSON integer in the
        /// 64-bit range or plain text, and every value one the reader accepts (a catalog id, a valid timestamp and topic).
        /// Anything else (escapes, nulls, other fields, service fields, aliases, a value to reject) goes to <see cref="ParseObject"/>.
        /// </remarks>
        private bool TryFastLine(ReadOnlySpan<byte> line, long number)
        {
            int i = SkipSpace(line, 0);
            if (i >= line.Length || line[i] != (byte)'{')
            {
                return false;
            }

            i++;
            int seen = 0, channel = -1, segment = -1;
            long ticks = 0, user = 0;
            bool resolved = false;
            Topic topic = default;
            UInt128? id = null;
            while (true)
            {
                i = SkipSpace(line, i);
                if (i >= line.Length || line[i] != (byte)'"')
                {
                    return false;
                }

                // The name the last line had here, when it is this line's too (it ends at its quote: a base field's name found
                // by BaseFieldOf has no escape or control character), else the search.
                int position = BitOperations.PopCount((uint)seen);
                int field = _order[position];
                int nameEnd;
                if (field != 0 && _quotedNames[BitOperations.TrailingZeroCount(field)] is var quoted && line[(i + 1)..].StartsWith(quoted))
                {
                    nameEnd = i + quoted.Length;
                }
                else
                {
                    nameEnd = PlainStringEnd(line, i + 1);
                    field = nameEnd < 0 ? 0 : BaseFieldOf(line[(i + 1)..nameEnd]);
                    if (field == 0)
                    {
                        return false;
                    }

                    _order[position] = field;
                }

                if ((seen & field) != 0)
                {
                    return false;
                }

                seen |= field;
                i = SkipSpace(line, nameEnd + 1);
                if (i >= line.Length || line[i] != (byte)':')
                {
                    return false;
                }

                i = SkipSpace(line, i + 1);
                if (i >= line.Length)
                {
                    return false;
                }

                if (line[i] == (byte)'"')
                {
                    int end = PlainStringEnd(line, i + 1);
                    if (end < 0 || !TryFastString(field, line[(i + 1)..end], ref ticks, ref resolved, ref channel, ref segment, ref topic, ref user, ref id))
                    {
                        return false;
                    }

                    i = end + 1;
                }
                else if (field == User)
                {
                    int end = IntegerEnd(line, i);
                    if (end < 0 || !UserText.TryInteger(line[i..end], out user))
                    {
                        return false;
                    }

                    i = end;
                }
                else
                {
                    return false;
                }

                i = SkipSpace(line, i);
                if (i >= line.Length)
                {
                    return false;
                }

                if (line[i] == (byte)',')
                {
                    i++;
                    continue;
                }

                if (line[i] != (byte)'}' || SkipSpace(line, i + 1) != line.Length)
                {
                    return false;
                }

                break;
            }

            if ((seen & Required) != Required)
            {
                return false;
            }

            _rows.Accept(number, ticks, channel, false, segment, false, topic, user, id, resolved);
            return true;
        }

        private bool TryFastString(int field, ReadOnlySpan<byte> value, ref long ticks, ref bool resolved, ref int channel, ref int segment, ref Topic topic, ref long user, ref UInt128? id)
        {
            switch (field)
            {
                case Timestamp:
                    return sink.TryTimestampUtf8(value, _chars, out ticks, out resolved);
                case Channel:
                    channel = sink.KnownChannel(value);
                    return channel >= 0;
                case Segment:
                    segment = sink.KnownSegment(value);
                    return segment >= 0;
                case Topic:
                    if (_topics.TopicOfUtf8(value, _chars) is not { } named)
                    {
                        return false;
                    }

                    topic = named;
                    return true;
                case User:
                    if (!_verbatimUsers || value is not [> (byte)' ' and < 0x80, ..])
                    {
                        return false;
                    }

                    user = UserText.IntegerOrHash(value);
                    return true;
                default:
                    id = XxHash128.HashToUInt128(value);
                    return true;
            }
        }

        // As FieldOf, for a name without escapes, and the base fields only.
        private int BaseFieldOf(ReadOnlySpan<byte> name)
        {
            for (int k = 0; (1 << k) <= Id; k++)
            {
                if (name.SequenceEqual(_names[k]))
                {
                    return 1 << k;
                }
            }

            return 0;
        }

        private static int SkipSpace(ReadOnlySpan<byte> line, int i)
        {
            while (i < line.Length && line[i] is (byte)' ' or (byte)'\t')
            {
                i++;
            }

            return i;
        }

        /// <summary>Returns the index of the quote that ends a string starting at <paramref name="start"/>, or -1 when the string has an escape or a control character (or does not end).</summary>
        private static int PlainStringEnd(ReadOnlySpan<byte> line, int start)
        {
            int stop = line[start..].IndexOfAny(StringStops); // one search for the quote, a backslash or a control character
            return stop >= 0 && line[start + stop] == (byte)'"' ? start + stop : -1;
        }

        /// <summary>Returns the end of a JSON integer (<c>-?(0|[1-9][0-9]*)</c>) starting at <paramref name="start"/> and followed by a space, a tab, a comma or a brace; -1 otherwise (a fraction, an exponent, a leading zero).</summary>
        private static int IntegerEnd(ReadOnlySpan<byte> line, int start)
        {
            int i = start < line.Length && line[start] == (byte)'-' ? start + 1 : start;
            int digits = i;
            while (i < line.Length && char.IsAsciiDigit((char)line[i]))
            {
                i++;
            }

            if (i == digits || (line[digits] == (byte)'0' && i - digits > 1))
            {
                return -1;
            }

            return i < line.Length && line[i] is (byte)' ' or (byte)'\t' or (byte)',' or (byte)'}' ? i : -1;
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

        // Field k of columns.All() is the bit 1 << k: the base fields come first, so that a line without service fields
        // compares no more names than it has to.
        private int FieldOf(ref Utf8JsonReader reader)
        {
            for (int k = 0; k < _names.Length; k++)
            {
                if (reader.ValueTextEquals(_names[k]))
                {
                    return 1 << k;
                }
            }

            return 0;
        }

        private string NameOf(int field) => field switch
        {
            Timestamp => columns.Timestamp,
            Channel => columns.Channel,
            Segment => columns.Segment,
            Topic => columns.Topic,
            User => columns.User,
            Id => columns.Id,
            FirstResponse => columns.FirstResponse,
            End => columns.End,
            Outcome => columns.Outcome,
            Agent => columns.Agent,
            Case => columns.Case,
            _ => columns.Satisfaction,
        };

        /// <summary>Reads the value of a service field into <paramref name="row"/>; <see langword="false"/> when the value is an object or an array, which rejects the line at once.</summary>
        private bool ParseService(ref Utf8JsonReader reader, int field, string column, ProblemList problems, ref ServiceRow row)
        {
            JsonTokenType type = reader.TokenType;
            if (type is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                return false;
            }

            if (type == JsonTokenType.Number)
            {
                switch (field)
                {
                    case FirstResponse or End when sink.AcceptsNumericTimestamps:
                        ReadOnlySpan<byte> digits = reader.ValueSpan;
                        int length = Encoding.ASCII.GetChars(digits[..Math.Min(digits.Length, 64)], _chars);
                        _service.TryInstant(_chars.AsSpan(0, length), column, problems, ref row, field == End);
                        break;
                    case Agent or Case:
                        if (reader.ValueSpan.IndexOfAny(".eE"u8) >= 0 || !reader.TryGetInt64(out long key))
                        {
                            problems.Add(column, RejectionReason.WrongType, $"A numeric {(field == Agent ? "agent" : "case")} must be a whole number in the 64-bit range, without a fraction or an exponent; or write it as text.");
                        }
                        else if (field == Agent)
                        {
                            row.Agent = key;
                        }
                        else
                        {
                            row.Case = key;
                        }

                        break;
                    case Satisfaction:
                        if (reader.TryGetDouble(out double score))
                        {
                            ServiceText.TrySatisfaction(score, column, problems, ref row);
                        }
                        else
                        {
                            problems.Add(column, RejectionReason.InvalidValue, ServiceText.SatisfactionMessage(RecordSink.Quote(Encoding.ASCII.GetString(reader.ValueSpan[..Math.Min(reader.ValueSpan.Length, 64)]))));
                        }

                        break;
                    default:
                        problems.Add(column, RejectionReason.WrongType, field == Outcome
                            ? $"The field '{column}' must be a string, such as \"answered\"."
                            : $"The field '{column}' must be a string in the declared timestamp formats; a number is a time only when IngestOptions.WithTimestampFormats declares a numeric format.");
                        break;
                }

                return true;
            }

            if (type != JsonTokenType.String)
            {
                problems.Add(column, RejectionReason.WrongType, field is Agent or Case or Satisfaction
                    ? $"The field '{column}' must be a string or a number."
                    : $"The field '{column}' must be a string.");
                return true;
            }

            ReadOnlySpan<char> text = _chars.AsSpan(0, reader.CopyString(_chars));
            switch (field)
            {
                case FirstResponse or End:
                    _service.TryInstant(text, column, problems, ref row, field == End);
                    break;
                case Outcome:
                    _service.TryOutcome(text, column, problems, ref row);
                    break;
                case Agent:
                    row.Agent = ServiceText.Key(text);
                    break;
                case Case:
                    row.Case = ServiceText.Key(text);
                    break;
                default:
                    ServiceText.TrySatisfaction(text, column, problems, ref row);
                    break;
            }

            return true;
        }

        private void ParseObject(ReadOnlySpan<byte> line, long number)
        {
            var reader = new Utf8JsonReader(line, isFinalBlock: true, new JsonReaderState(ReaderOptions));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                _rows.Reject(number, string.Empty, RejectionReason.Malformed, "A line must be one JSON object.");
                return;
            }

            ProblemList problems = _problems;
            problems.Clear();
            int seen = 0;
            long ticks = 0, user = 0;
            int channel = _constantChannel, segment = _constantSegment;
            bool channelMapped = false, segmentMapped = false, resolved = false, timestampRead = false;
            Topic topic = default;
            UInt128? id = null;
            ServiceRow service = ServiceRow.Empty;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                int field = FieldOf(ref reader);
                if ((field == Channel && _constantChannel >= 0) || (field == Segment && _constantSegment >= 0))
                {
                    reader.Skip(); // a constant column: the field is not read
                    continue;
                }

                if (field == 0 && !_rejectUnknown)
                {
                    reader.Skip();
                    continue;
                }

                if (field == 0 || (seen & field) != 0)
                {
                    string name = reader.GetString()!;
                    _rows.Reject(number, RecordSink.Clip(name), RejectionReason.ExtraField, field == 0
                        ? $"The field is not part of the mapping ({string.Join(", ", columns.All())}); map it with LogColumns.WithNames, or ignore unknown fields with LogColumns.WithUnknownFields(UnknownFieldPolicy.Ignore)."
                        : "The field appears twice; a row names each field once.");
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
                        problems.Add(column, RejectionReason.MissingField, $"The field '{column}' must not be null.");
                    }

                    continue;
                }

                if ((field & Service) != 0)
                {
                    if (!ParseService(ref reader, field, column, problems, ref service))
                    {
                        _rows.Reject(number, column, RejectionReason.WrongType, $"The field '{column}' must be a string or a number, not an object or an array.");
                        return;
                    }

                    continue;
                }

                if (field == User && type == JsonTokenType.Number)
                {
                    if (!reader.TryGetInt64(out user))
                    {
                        problems.Add(column, RejectionReason.WrongType, "A numeric user must be a whole number in the 64-bit range.");
                    }

                    continue;
                }

                if (field == Id && type == JsonTokenType.Number)
                {
                    // A numeric id is a whole number, compared as its decimal digits: 1 is "1", -0 is 0; 1.0 and 1e0 are not ids.
                    if (reader.ValueSpan.IndexOfAny(".eE"u8) >= 0 || !reader.TryGetInt64(out long numericId))
                    {
                        problems.Add(column, RejectionReason.WrongType, "A numeric id must be a whole number in the 64-bit range, without a fraction or an exponent.");
                        continue;
                    }

                    numericId.TryFormat(_digits, out int written, default, System.Globalization.CultureInfo.InvariantCulture);
                    id = XxHash128.HashToUInt128(_digits.AsSpan(0, written));
                    continue;
                }

                if (field == Timestamp && type == JsonTokenType.Number && sink.AcceptsNumericTimestamps)
                {
                    ReadOnlySpan<byte> digits = reader.ValueSpan;
                    int length = Encoding.ASCII.GetChars(digits[..Math.Min(digits.Length, 64)], _chars);
                    if (!sink.TryTimestamp(_chars.AsSpan(0, length), out ticks, out resolved, out RejectionReason why, out string said))
                    {
                        problems.Add(column, why, said);
                    }
                    else
                    {
                        timestampRead = true;
                    }

                    continue;
                }

                if (type != JsonTokenType.String)
                {
                    problems.Add(column, RejectionReason.WrongType, field is User or Id
                        ? $"The field '{column}' must be a string or a number."
                        : $"The field '{column}' must be a string.");
                    if (type is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        _rows.Reject(number, column, RejectionReason.WrongType, $"The field '{column}' must be a string, not an object or an array.");
                        return; // the reader never descends into nested values of known fields
                    }

                    continue;
                }

                if (field is Channel or Segment && !reader.ValueIsEscaped)
                {
                    // Known ids compare as UTF-8 bytes, without transcoding; unknown ones take the slow path below for aliases, the fallback and the message.
                    int code = field == Channel ? sink.KnownChannel(reader.ValueSpan) : sink.KnownSegment(reader.ValueSpan);
                    if (code >= 0)
                    {
                        if (field == Channel)
                        {
                            channel = code;
                        }
                        else
                        {
                            segment = code;
                        }

                        continue;
                    }
                }

                if (field == User && !reader.ValueIsEscaped && _verbatimUsers && reader.ValueSpan is [> (byte)' ' and < 0x80, ..])
                {
                    user = UserText.IntegerOrHash(reader.ValueSpan);
                    continue;
                }

                ReadOnlySpan<char> text = _chars.AsSpan(0, reader.CopyString(_chars));
                switch (field)
                {
                    case Timestamp:
                        if (!sink.TryTimestamp(text, out ticks, out resolved, out RejectionReason reason, out string message))
                        {
                            problems.Add(column, reason, message);
                        }
                        else
                        {
                            timestampRead = true;
                        }

                        break;
                    case Channel:
                        channel = sink.ChannelCode(text, out channelMapped);
                        if (channel < 0)
                        {
                            problems.Add(column, text.IsWhiteSpace() ? RejectionReason.MissingField : RejectionReason.UnknownChannel, RecordSink.UnknownChannelMessage(text));
                        }

                        break;
                    case Segment:
                        segment = sink.SegmentCode(text, out segmentMapped);
                        if (segment < 0)
                        {
                            problems.Add(column, text.IsWhiteSpace() ? RejectionReason.MissingField : RejectionReason.UnknownSegment, RecordSink.UnknownSegmentMessage(text));
                        }

                        break;
                    case Topic:
                        if (_topics.TopicOf(text) is not { } named)
                        {
                            problems.Add(column, RejectionReason.InvalidValue, $"A topic must be at most {Metrics.Topic.MaxLength} characters with no control characters; the topic '{RecordSink.Quote(text)}' has {text.Length}.");
                            break;
                        }

                        topic = named;
                        break;
                    case User:
                        if (!sink.TryTextUser(text, out user, out RejectionReason userReason, out string userMessage))
                        {
                            problems.Add(column, userReason, userMessage);
                        }

                        break;
                    default:
                        id = XxHash128.HashToUInt128(reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(text.ToString()) : reader.ValueSpan);
                        break;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject)
            {
                _rows.Reject(number, string.Empty, RejectionReason.Malformed, "The line is not one well-formed JSON object.");
                return;
            }

            if (reader.Read())
            {
                _rows.Reject(number, string.Empty, RejectionReason.Malformed, "The line holds more than one JSON value.");
                return;
            }

            int required = Required & ~(_constantChannel >= 0 ? Channel : 0) & ~(_constantSegment >= 0 ? Segment : 0);
            for (int missing = required & ~seen; missing != 0; missing &= missing - 1)
            {
                string name = NameOf(missing & -missing);
                problems.Add(name, RejectionReason.MissingField, $"The field '{name}' is required; map the export's own name with LogColumns.WithNames.");
            }

            if ((seen & Service) != 0)
            {
                ServiceText.CheckOrder(timestampRead ? ticks : null, service, columns.FirstResponse, columns.End, problems);
            }

            if (problems.Count > 0)
            {
                _rows.Reject(problems.ToRejection(number));
                return;
            }

            if ((seen & Service) != 0)
            {
                _rows.Accept(number, ticks, channel, channelMapped, segment, segmentMapped, topic, user, id, resolved || service.Resolved, service.Fields);
                return;
            }

            _rows.Accept(number, ticks, channel, channelMapped, segment, segmentMapped, topic, user, id, resolved);
        }
    }

    /// <summary>Reads blocks of whole lines, parses them on up to <see cref="IngestOptions.MaxDegreeOfParallelism"/> threads, and replays them into the sink in file order.</summary>
    private sealed class Pipeline(RecordSink sink, LogColumns columns, int blockSize, bool fastLines)
    {
        private readonly int _max = sink.Options.MaxLineLength;
        private readonly int _threads = sink.Options.MaxDegreeOfParallelism;
        private readonly Queue<Task<ParsedRows>> _inFlight = new();
        private readonly ConcurrentBag<LineParser> _parsers = [];
        private readonly ConcurrentBag<ParsedRows> _spareRows = [];
        private LineParser? _sequentialParser;

        public void Run(Stream stream)
        {
            ValueTask run = RunAsync(stream, false, default);
            Debug.Assert(run.IsCompleted, "Without async every step completes synchronously.");
            run.GetAwaiter().GetResult(); // completed: rethrows a strict rejection or a cancellation as it is
        }

        /// <summary>Reads the stream, with <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/> and awaiting the parsers when <paramref name="async"/>; without it every step completes synchronously.</summary>
        public async ValueTask RunAsync(Stream stream, bool async, CancellationToken cancellationToken)
        {
            int size = Math.Max(blockSize, 2 * (_max + 2));
            if (stream.CanSeek)
            {
                sink.ExpectedBytes = Math.Max(0, stream.Length - stream.Position); // sizes the log's columns from the first blocks
            }

            byte[]? buffer = ArrayPool<byte>.Shared.Rent(size);
            try
            {
                int filled = 0;
                long line = 0; // lines handed out so far
                bool skipping = false; // inside a line already rejected as too long
                bool first = true;
                while (true)
                {
                    bool end = false;
                    while (filled < buffer.Length)
                    {
                        int read = async
                            ? await stream.ReadAsync(buffer.AsMemory(filled, buffer.Length - filled), cancellationToken).ConfigureAwait(false)
                            : stream.Read(buffer, filled, buffer.Length - filled);
                        if (read == 0)
                        {
                            end = true;
                            break;
                        }

                        filled += read;
                        sink.BytesRead += read;
                    }

                    int start = 0;
                    if (first)
                    {
                        first = false;
                        start = buffer.AsSpan(0, filled).StartsWith("\uFEFF"u8) ? 3 : 0;
                    }

                    if (skipping)
                    {
                        ReadOnlySpan<byte> rest = buffer.AsSpan(start, filled - start);
                        int newline = NextBreak(rest, out int breakLength);
                        if (newline >= 0 && !end && MayGrow(rest, newline, breakLength))
                        {
                            start += newline; // keep the CR: the next read says whether an LF follows
                        }
                        else
                        {
                            skipping = newline < 0;
                            start = skipping ? filled : start + newline + breakLength; // the rest of the long line is not a line
                        }
                    }

                    if (end)
                    {
                        if (start < filled)
                        {
                            long lines = LinesIn(buffer.AsSpan(start, filled - start));
                            byte[] block = buffer;
                            buffer = null; // Dispatch owns it now, even if it throws
                            await DispatchAsync(block, start, filled, line + 1, async).ConfigureAwait(false);
                            line += lines;
                        }

                        break;
                    }

                    int last = LastCut(buffer.AsSpan(start, filled - start));
                    if (last > 0)
                    {
                        int cut = start + last;
                        byte[] next = ArrayPool<byte>.Shared.Rent(size);
                        buffer.AsSpan(cut, filled - cut).CopyTo(next);
                        filled -= cut;
                        long lines = LinesIn(buffer.AsSpan(start, cut - start));
                        byte[] block = buffer;
                        buffer = next;
                        await DispatchAsync(block, start, cut, line + 1, async).ConfigureAwait(false);
                        line += lines;
                        continue;
                    }

                    int pending = filled - start;
                    if (pending > _max + 2)
                    {
                        ParsedRows tooLong = RentRows();
                        tooLong.Reject(++line, string.Empty, RejectionReason.LineTooLong, $"The line is longer than the limit of {_max} bytes.");
                        await EnqueueAsync(Task.FromResult(tooLong), async).ConfigureAwait(false);
                        skipping = true;
                        pending = 0; // drop what was buffered of the long line
                    }

                    buffer.AsSpan(start, pending).CopyTo(buffer);
                    filled = pending;
                }

                while (_inFlight.Count > 0)
                {
                    await CompleteAsync(_inFlight.Dequeue(), async).ConfigureAwait(false);
                }
            }
            finally
            {
                if (buffer is not null)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                // After an exception (strict policy, cancellation), let the parsers still running finish with their blocks.
                while (_inFlight.Count > 0)
                {
                    Task<ParsedRows> running = _inFlight.Dequeue();
                    if (async)
                    {
                        await ((Task)running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    }
                    else
                    {
                        ((IAsyncResult)running).AsyncWaitHandle.WaitOne();
                    }
                }
            }
        }

        /// <summary>Counts the lines of a block: its line breaks, and a last line without one.</summary>
        private static long LinesIn(ReadOnlySpan<byte> block)
        {
            if (!block.Contains((byte)'\r'))
            {
                return block.Count((byte)'\n') + (block.IsEmpty || block[^1] == (byte)'\n' ? 0 : 1);
            }

            long lines = 0;
            while (!block.IsEmpty)
            {
                lines++;
                int newline = NextBreak(block, out int breakLength);
                block = newline < 0 ? default : block[(newline + breakLength)..];
            }

            return lines;
        }

        /// <summary>Parses <paramref name="block"/>[<paramref name="start"/>..<paramref name="end"/>] (now or on another thread) and returns the block to the pool.</summary>
        private async ValueTask DispatchAsync(byte[] block, int start, int end, long firstLine, bool async)
        {
            if (_threads == 1)
            {
                _sequentialParser ??= new LineParser(sink, columns, fastLines);
                ParsedRows rows = RentRows();
                rows.Bytes = end - start;
                try
                {
                    _sequentialParser.ParseBlock(block.AsSpan(start, end - start), firstLine, rows);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(block);
                }

                Complete(Task.FromResult(rows));
                return;
            }

            await MakeRoomAsync(async).ConfigureAwait(false); // before the task starts, so that a strict rejection replayed here cannot leave it untracked
            _inFlight.Enqueue(Task.Run(() =>
            {
                LineParser parser = _parsers.TryTake(out LineParser? spare) ? spare : new LineParser(sink, columns, fastLines);
                ParsedRows rows = RentRows();
                rows.Bytes = end - start;
                try
                {
                    parser.ParseBlock(block.AsSpan(start, end - start), firstLine, rows);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(block);
                    _parsers.Add(parser);
                }

                return rows;
            }));
        }

        private async ValueTask EnqueueAsync(Task<ParsedRows> task, bool async)
        {
            if (_threads == 1)
            {
                Complete(task);
                return;
            }

            await MakeRoomAsync(async).ConfigureAwait(false);
            _inFlight.Enqueue(task);
        }

        /// <summary>Replays finished blocks until fewer than <see cref="_threads"/> + 1 are in flight: every thread stays busy while this one reads and replays, and memory stays bounded.</summary>
        private async ValueTask MakeRoomAsync(bool async)
        {
            while (_inFlight.Count > _threads)
            {
                await CompleteAsync(_inFlight.Dequeue(), async).ConfigureAwait(false);
            }
        }

        /// <summary>Completes <paramref name="task"/>, awaiting it first when <paramref name="async"/> so that no thread waits on it.</summary>
        private async ValueTask CompleteAsync(Task<ParsedRows> task, bool async)
        {
            if (async)
            {
                await ((Task)task).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            Complete(task);
        }

        private void Complete(Task<ParsedRows> task)
        {
            if (!task.IsCompleted)
            {
                ((IAsyncResult)task).AsyncWaitHandle.WaitOne(); // block without spinning: the parsers need both cores
            }

            ParsedRows rows = task.GetAwaiter().GetResult();
            rows.ReplayInto(sink, columns.Id);
            rows.Clear();
            _spareRows.Add(rows);
        }

        private ParsedRows RentRows() => _spareRows.TryTake(out ParsedRows? rows) ? rows : new ParsedRows();
    }
}
