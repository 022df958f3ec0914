using System.Diagnostics;
using System.IO.Hashing;
using System.Text;
using Sylvan.Data.Csv;

using Djpk.Metrics.Ingest;
using Djpk.Metrics.Logs;
namespace Djpk.Metrics.Csv;

/// <summary>Reads an interaction log from CSV (RFC 4180): a header row, then one consultation per record, columns found by name.</summary>
/// <remarks>
/// <para>Parsed by Sylvan.Data.Csv in its standard RFC 4180 style: quoted fields may hold the delimiter, quotes
/// (doubled) and line breaks. The delimiter is a parameter (<c>;</c> is common in Indonesian exports); comments are off,
/// so no line is ever skipped silently. Columns are mapped by <see cref="LogColumns"/>; other columns are ignored.</para>
/// <para>Rows are numbered as a spreadsheet does: the header is row 1. A malformed quoted field, or a record longer than
/// four times <see cref="IngestOptions.MaxLineLength"/>, leaves the parser unable to find the next record: that row
/// is rejected, the read ends and <see cref="IngestReport.IsComplete"/> is <see langword="false"/>. A record over the
/// limit but within the parser's buffer is rejected as <see cref="RejectionReason.LineTooLong"/> and the read goes on.</para>
/// <para>The optional service columns (<see cref="LogColumns.FirstResponse"/> and the others) are read when the header
/// has them; an empty field is a record without the value. Instants are read as the timestamp is.</para>
/// </remarks>
public static class CsvLogReader
{
    /// <summary>Reads the CSV file at <paramref name="path"/>.</summary>
    /// <param name="path">The file, UTF-8 (a byte-order mark is allowed).</param>
    /// <param name="delimiter">The field delimiter, such as <c>,</c> or <c>;</c>.</param>
    /// <param name="columns">The column mapping; <see cref="LogColumns.Default"/> when <see langword="null"/>.</param>
    /// <param name="options">The catalog, policy, zone, fallbacks and limits, such as <see cref="IngestOptions.For(Catalog)"/> of a profile's catalog.</param>
    /// <param name="progress">Receives the rows and bytes read and the time elapsed every 65 536 rows and at the end.</param>
    /// <param name="cancellationToken">Stops the read between rows.</param>
    /// <returns>The log of the accepted rows and the report of the read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="delimiter"/> is a quote, a line break or a control character other than tab.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The header lacks a required column or names a mapped column twice; or the policy is strict and a row is rejected (the message names the row).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static IngestResult ReadFile(string path, IngestOptions options, char delimiter = ',', LogColumns? columns = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Read(stream, options, delimiter, columns, progress, cancellationToken);
    }

    /// <summary>Reads CSV from <paramref name="stream"/> to its end; the stream stays open.</summary>
    /// <param name="stream">The input, UTF-8 (a byte-order mark is allowed).</param>
    /// <param name="delimiter">The field delimiter, such as <c>,</c> or <c>;</c>.</param>
    /// <param name="columns">The column mapping; <see cref="LogColumns.Default"/> when <see langword="null"/>.</param>
    /// <param name="options">The catalog, policy, zone, fallbacks and limits, such as <see cref="IngestOptions.For(Catalog)"/> of a profile's catalog.</param>
    /// <param name="progress">Receives the rows and bytes read and the time elapsed every 65 536 rows and at the end.</param>
    /// <param name="cancellationToken">Stops the read between rows.</param>
    /// <returns>The log of the accepted rows and the report of the read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="delimiter"/> is a quote, a line break or a control character other than tab.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="InvalidDataException">The header lacks a required column or names a mapped column twice; or the policy is strict and a row is rejected (the message names the row).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static IngestResult Read(Stream stream, IngestOptions options, char delimiter = ',', LogColumns? columns = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ValueTask<IngestResult> read = ReadCoreAsync(stream, options, delimiter, columns, progress, false, cancellationToken);
        Debug.Assert(read.IsCompleted, "Without async every step completes synchronously.");
        return read.GetAwaiter().GetResult();
    }

    /// <summary>Reads CSV from <paramref name="stream"/> to its end without blocking a thread on I/O, as ASP.NET Core's request body requires; the stream stays open.</summary>
    /// <param name="stream">The input, UTF-8 (a byte-order mark is allowed); only its asynchronous read methods are called.</param>
    /// <param name="delimiter">The field delimiter, such as <c>,</c> or <c>;</c>.</param>
    /// <param name="columns">The column mapping; <see cref="LogColumns.Default"/> when <see langword="null"/>.</param>
    /// <param name="options">The catalog, policy, zone, fallbacks and limits, such as <see cref="IngestOptions.For(Catalog)"/> of a profile's catalog.</param>
    /// <param name="progress">Receives the rows and bytes read and the time elapsed every 65 536 rows and at the end.</param>
    /// <param name="cancellationToken">Stops the read between rows and cancels a pending read of the stream.</param>
    /// <returns>The log of the accepted rows and the report of the read, as <see cref="Read"/> gives them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="delimiter"/> is a quote, a line break or a control character other than tab; or a constant channel or segment of <paramref name="columns"/> is not in the catalog.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="InvalidDataException">The header lacks a required column or names a mapped column twice; or the policy is strict and a row is rejected (the message names the row).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static Task<IngestResult> ReadAsync(Stream stream, IngestOptions options, char delimiter = ',', LogColumns? columns = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ReadCoreAsync(stream, options, delimiter, columns, progress, true, cancellationToken).AsTask();

    private static async ValueTask<IngestResult> ReadCoreAsync(Stream stream, IngestOptions options, char delimiter, LogColumns? columns, IProgress<IngestProgress>? progress, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        CheckDelimiter(delimiter);
        columns ??= LogColumns.Default;
        var sink = new RecordSink(options, progress, cancellationToken);
        int bufferSize = Math.Max(1 << 16, sink.Options.MaxLineLength * 4);
        var csvOptions = new CsvDataReaderOptions
        {
            HasHeaders = true,
            Delimiter = delimiter,
            Quote = '"',
            Escape = '"',
            Comment = CsvText.NeverAtLineStart, // '\0' would make a line that starts with NUL a comment, skipped
            CsvStyle = CsvStyle.Standard,
            BufferSize = bufferSize,
            MaxBufferSize = bufferSize,
            OwnsReader = false,
        };
        using var text = new CsvText(new CountingStream(stream, sink), delimiter);
        if ((async ? await text.PeekAsync(cancellationToken).ConfigureAwait(false) : text.Peek()) < 0)
        {
            return sink.Finish();
        }

        CsvDataReader csv;
        try
        {
            csv = async // reads the header and looks ahead at the first record
                ? await CsvDataReader.CreateAsync(text, csvOptions, cancellationToken).ConfigureAwait(false)
                : CsvDataReader.Create(text, csvOptions);
        }
        catch (Exception e) when (e is CsvRecordTooLargeException or CsvFormatException)
        {
            sink.IsComplete = false;
            sink.Reject(2, string.Empty, e is CsvFormatException ? RejectionReason.Malformed : RejectionReason.LineTooLong, $"The header or the first record is malformed or longer than the parser's buffer of {bufferSize} characters; the read ends here.");
            return sink.Finish();
        }

        using CsvDataReader owned = csv; // disposing does no I/O: the reader does not own the text
        var map = new ColumnMap(Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToArray(), columns, sink, delimiter);
        long row = 1;
        while (true)
        {
            try
            {
                if (!(async ? await csv.ReadAsync(cancellationToken).ConfigureAwait(false) : csv.Read()))
                {
                    break;
                }
            }
            catch (CsvRecordTooLargeException)
            {
                sink.IsComplete = false;
                sink.Reject(row + 1, string.Empty, RejectionReason.LineTooLong, $"The record is longer than the parser's buffer of {bufferSize} characters; the read ends here.");
                break;
            }
            catch (CsvFormatException)
            {
                sink.IsComplete = false;
                sink.Reject(row + 1, string.Empty, RejectionReason.Malformed, "The record has a malformed quoted field; the read ends here.");
                break;
            }

            row = csv.RowNumber + 1;
            ParseRow(csv, map, columns, sink, row);
        }

        return sink.Finish();
    }

    internal static void CheckDelimiter(char delimiter)
    {
        if (delimiter is '"' or '\r' or '\n' or '\0' || (char.IsControl(delimiter) && delimiter != '\t'))
        {
            throw new ArgumentException("The delimiter must not be a quote, a line break or a control character other than tab.", nameof(delimiter));
        }
    }

    private static void ParseRow(CsvDataReader csv, ColumnMap map, LogColumns columns, RecordSink sink, long row)
    {
        int count = csv.RowFieldCount;
        if (count == 1 && csv.GetFieldSpan(0).IsWhiteSpace())
        {
            sink.Blank();
            return;
        }

        if (count > map.Width)
        {
            sink.Reject(row, string.Empty, RejectionReason.ExtraField, $"The record has {count} fields; the header has {map.Width}.");
            return;
        }

        int length = 0;
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<char> field = csv.GetFieldSpan(i);
            length += field.Length;
            if (CsvText.IsInvalid(field))
            {
                sink.Reject(row, map.Names[i], RejectionReason.InvalidUtf8, "The field is not valid UTF-8.");
                return;
            }
        }

        if (length > sink.Options.MaxLineLength)
        {
            sink.Reject(row, string.Empty, RejectionReason.LineTooLong, $"The record is longer than the limit of {sink.Options.MaxLineLength} characters.");
            return;
        }

        for (int i = 0; i < map.Required.Length; i++)
        {
            if (map.Required[i] >= count)
            {
                sink.Reject(row, map.Names[map.Required[i]], RejectionReason.MissingField, $"The record has {count} fields; the header has {map.Width}.");
                return;
            }
        }

        ProblemList problems = map.Problems;
        problems.Clear();
        long ticks = 0;
        bool resolved = false, timestampRead = false;
        ReadOnlySpan<char> timestamp = csv.GetFieldSpan(map.Timestamp);
        if (timestamp.IsWhiteSpace())
        {
            problems.Add(columns.Timestamp, RejectionReason.MissingField, "The timestamp is empty; every row needs the date and time of the consultation.");
        }
        else if (!sink.TryTimestamp(timestamp, out ticks, out resolved, out RejectionReason reason, out string message))
        {
            problems.Add(columns.Timestamp, reason, message);
        }
        else
        {
            timestampRead = true;
        }

        int channel = map.ConstantChannel;
        bool channelMapped = false;
        if (channel < 0)
        {
            ReadOnlySpan<char> channelId = csv.GetFieldSpan(map.Channel);
            channel = sink.ChannelCode(channelId, out channelMapped);
            if (channel < 0)
            {
                problems.Add(columns.Channel, channelId.IsWhiteSpace() ? RejectionReason.MissingField : RejectionReason.UnknownChannel, RecordSink.UnknownChannelMessage(channelId));
            }
        }

        int segment = map.ConstantSegment;
        bool segmentMapped = false;
        if (segment < 0)
        {
            ReadOnlySpan<char> segmentId = csv.GetFieldSpan(map.Segment);
            segment = sink.SegmentCode(segmentId, out segmentMapped);
            if (segment < 0)
            {
                problems.Add(columns.Segment, segmentId.IsWhiteSpace() ? RejectionReason.MissingField : RejectionReason.UnknownSegment, RecordSink.UnknownSegmentMessage(segmentId));
            }
        }

        Topic topic = Topic.Unspecified;
        if (map.Topic >= 0 && map.Topic < count)
        {
            ReadOnlySpan<char> topicText = csv.GetFieldSpan(map.Topic);
            if (sink.TopicOf(topicText) is { } named)
            {
                topic = named;
            }
            else
            {
                problems.Add(columns.Topic, RejectionReason.InvalidValue, $"A topic must be at most {Topic.MaxLength} characters with no control characters; the topic '{RecordSink.Quote(topicText)}' has {topicText.Length}.");
            }
        }

        ReadOnlySpan<char> userText = csv.GetFieldSpan(map.User);
        long user;
        bool userRead = columns.UserIsText
            ? sink.TryTextUser(userText, out user, out RejectionReason userReason, out string userMessage)
            : UserText.TryParse(userText, false, out user, out userReason, out userMessage);
        if (!userRead)
        {
            problems.Add(columns.User, userReason, userMessage);
        }

        UInt128? id = null;
        ReadOnlySpan<char> idText = default;
        if (map.Id >= 0 && map.Id < count && csv.GetFieldSpan(map.Id) is { IsEmpty: false } idField)
        {
            idText = idField;
            id = XxHash128.HashToUInt128(Encoding.UTF8.GetBytes(idText.ToArray()));
        }

        if (map.Service.Length == 0)
        {
            if (problems.Count > 0)
            {
                sink.Reject(problems.ToRejection(row));
                return;
            }

            sink.Accept(row, ticks, channel, channelMapped, segment, segmentMapped, topic, user, id, columns.Id, resolved, idText);
            return;
        }

        ServiceRow service = ServiceRow.Empty;
        foreach ((ServiceColumns field, int index, string name) in map.Service)
        {
            if (index < count)
            {
                map.ServiceText.ReadText(field, csv.GetFieldSpan(index), name, problems, ref service);
            }
        }

        ServiceText.CheckOrder(timestampRead ? ticks : null, service, columns.FirstResponse, columns.End, problems);
        if (problems.Count > 0)
        {
            sink.Reject(problems.ToRejection(row));
            return;
        }

        sink.Accept(row, ticks, channel, channelMapped, segment, segmentMapped, topic, user, id, columns.Id, resolved || service.Resolved, idText, service.Fields);
    }

    /// <summary>Where the mapped columns are in the header.</summary>
    private sealed class ColumnMap
    {
        public ColumnMap(string[] header, LogColumns columns, RecordSink sink, char delimiter)
        {
            Names = header;
            Width = Names.Length;
            ConstantChannel = sink.ConstantCode(columns.ConstantChannel);
            ConstantSegment = sink.ConstantCode(columns.ConstantSegment);
            Timestamp = Find(columns.Timestamp, required: true, delimiter);
            Channel = Find(columns.Channel, required: ConstantChannel < 0, delimiter);
            Segment = Find(columns.Segment, required: ConstantSegment < 0, delimiter);
            User = Find(columns.User, required: true, delimiter);
            Topic = Find(columns.Topic, required: false, delimiter);
            Id = Find(columns.Id, required: false, delimiter);
            Service = [.. ServiceText.Names(columns).Select(f => (f.Field, Find(f.Name, required: false, delimiter), f.Name)).Where(f => f.Item2 >= 0)];
            ServiceText = new ServiceText(sink);
            Required = [.. new[] { Timestamp, Channel, Segment, User }.Where(i => i >= 0)];
            if (columns.UnknownFields == UnknownFieldPolicy.Reject)
            {
                string[] mapped = columns.All();
                foreach (string name in Names)
                {
                    if (!mapped.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase))
                    {
                        throw new InvalidDataException($"The header has the column '{RecordSink.Quote(name)}' that the mapping does not name; map it, remove it, or ignore unknown columns with LogColumns.WithUnknownFields(UnknownFieldPolicy.Ignore).");
                    }
                }
            }
        }

        public ProblemList Problems { get; } = new();

        public int ConstantChannel { get; }

        public int ConstantSegment { get; }

        public string[] Names { get; }

        public int Width { get; }

        public int Timestamp { get; }

        public int Channel { get; }

        public int Segment { get; }

        public int User { get; }

        public int Topic { get; }

        public int Id { get; }

        public int[] Required { get; }

        /// <summary>Gets the service columns the header has: the field, its index and its name.</summary>
        public (ServiceColumns Field, int Index, string Name)[] Service { get; }

        public ServiceText ServiceText { get; }

        private int Find(string name, bool required, char delimiter)
        {
            int found = -1;
            for (int i = 0; i < Names.Length; i++)
            {
                if (string.Equals(Names[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
                {
                    found = found < 0 ? i : throw new InvalidDataException($"The header names the column '{name}' twice.");
                }
            }

            if (found >= 0 || !required)
            {
                return found;
            }

            string hint = string.Empty;
            if (Names.Length == 1 && Names[0].AsSpan().IndexOfAny(";\t,|") is int at and >= 0 && Names[0][at] != delimiter)
            {
                char guess = Names[0][at];
                hint = $" The header is one column '{RecordSink.Quote(Names[0])}': is the delimiter '{(guess == '\t' ? "\\t" : guess.ToString())}'? Pass it to CsvLogReader.Read.";
            }

            throw new InvalidDataException($"The header has no column '{name}'; map the columns with LogColumns.WithNames.{hint}");
        }
    }
}
