using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Logs;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using NodaTime;

namespace Djpk.Metrics.Excel;

/// <summary>Reads an interaction log from one sheet of an Excel workbook (<c>.xlsx</c>): a header row, then one consultation per row, columns found by name.</summary>
/// <remarks>
/// <para>Parsed by ExcelDataReader, which streams the sheet's XML row by row. Only Office Open XML workbooks
/// (<c>.xlsx</c>, <c>.xlsm</c>) are read; save an old <c>.xls</c> workbook as <c>.xlsx</c> first. The sheet's first row is the
/// header; columns are mapped by <see cref="LogColumns"/> (ignoring case and surrounding spaces); other columns are ignored.</para>
/// <para>Rows are numbered as Excel numbers them: the header is row 1. A rejection's line is that row and each problem's
/// column is the cell, such as <c>Sheet1!C17</c> (a sheet name with spaces or punctuation is quoted: <c>'Log Desember'!C17</c>).
/// A row whose cells are all empty is blank.</para>
/// <para>Cells: a timestamp may be a date cell (a local time, read in <see cref="IngestOptions.LocalZone"/>), a number
/// (an Excel serial date, days since 1899-12-30 in the 1900 date system, also a local time) or text in the declared
/// <see cref="IngestOptions.TimestampFormats"/>. A user may be a whole number (42 is the key 42, as in every reader) or text;
/// a text identity needs <see cref="LogColumns.WithUserIdentity"/> unless it is integer text. Channel, segment, topic and
/// id cells that hold numbers are read as their invariant text (<c>42</c>, <c>4.5</c>).</para>
/// <para>The optional service columns (<see cref="LogColumns.FirstResponse"/> and the others) are read when the header
/// has them; an empty cell is a record without the value. First-response and end cells are read as timestamp cells are;
/// agent and case cells as whole numbers up to 2^53 or text; the satisfaction score as a number or text 1 to 5.</para>
/// <para><see cref="IngestReport.BytesRead"/> is the size of the workbook. A stream that cannot seek is first copied to memory.</para>
/// <para>The first read registers <see cref="CodePagesEncodingProvider"/> (part of .NET) with <see cref="Encoding.RegisterProvider"/>:
/// ExcelDataReader 3.6's configuration asks for Windows-1252, its fallback for <c>.xls</c>, even for <c>.xlsx</c>. This adds
/// code pages to <see cref="Encoding.GetEncoding(int)"/> for the process and changes no encoding .NET already has.</para>
/// </remarks>
public static class ExcelLogReader
{
    /// <summary>Registers the runtime's code-page encodings once: ExcelDataReader 3.6's configuration takes Windows-1252 as its fallback for <c>.xls</c> even when it reads <c>.xlsx</c>.</summary>
    /// <remarks>Adds encodings to <see cref="Encoding.GetEncoding(int)"/>; changes none that .NET already has.</remarks>
    private static readonly Lazy<bool> RegisterCodePages = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    /// <summary>Reads the workbook at <paramref name="path"/>.</summary>
    /// <param name="path">The <c>.xlsx</c> file.</param>
    /// <param name="options">The catalog, policy, zone, fallbacks and limits, such as <see cref="IngestOptions.For(Catalog)"/> of a profile's catalog.</param>
    /// <param name="sheet">The sheet to read; the first when <see langword="default"/>.</param>
    /// <param name="columns">The column mapping; <see cref="LogColumns.Default"/> when <see langword="null"/>.</param>
    /// <param name="progress">Receives the rows read and the time elapsed every 65 536 rows and at the end.</param>
    /// <param name="cancellationToken">Stops the read between rows.</param>
    /// <returns>The log of the accepted rows and the report of the read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A constant channel or segment of <paramref name="columns"/> is not in the catalog.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The file is not an <c>.xlsx</c> workbook; the workbook has no such sheet; the header lacks a required column or names a mapped column twice; or the policy is strict and a row is rejected (the message names the row).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static IngestResult ReadFile(string path, IngestOptions options, ExcelSheet sheet = default, LogColumns? columns = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Read(stream, options, sheet, columns, progress, cancellationToken);
    }

    /// <summary>Reads a workbook from <paramref name="stream"/>; the stream stays open.</summary>
    /// <param name="stream">The <c>.xlsx</c> workbook, from its current position to its end.</param>
    /// <param name="options">The catalog, policy, zone, fallbacks and limits, such as <see cref="IngestOptions.For(Catalog)"/> of a profile's catalog.</param>
    /// <param name="sheet">The sheet to read; the first when <see langword="default"/>.</param>
    /// <param name="columns">The column mapping; <see cref="LogColumns.Default"/> when <see langword="null"/>.</param>
    /// <param name="progress">Receives the rows read and the time elapsed every 65 536 rows and at the end.</param>
    /// <param name="cancellationToken">Stops the read between rows.</param>
    /// <returns>The log of the accepted rows and the report of the read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A constant channel or segment of <paramref name="columns"/> is not in the catalog.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="InvalidDataException">The stream is not an <c>.xlsx</c> workbook; the workbook has no such sheet; the header lacks a required column or names a mapped column twice; or the policy is strict and a row is rejected (the message names the row).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static IngestResult Read(Stream stream, IngestOptions options, ExcelSheet sheet = default, LogColumns? columns = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        if (stream.CanSeek)
        {
            return ReadSeekable(stream, options, sheet, columns, progress, cancellationToken);
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return ReadSeekable(copy, options, sheet, columns, progress, cancellationToken);
    }

    /// <summary>Reads a workbook from <paramref name="stream"/> without blocking a thread on its I/O, as ASP.NET Core's request body requires; the stream stays open.</summary>
    /// <param name="stream">The <c>.xlsx</c> workbook, from its current position to its end; only its asynchronous read methods are called.</param>
    /// <param name="options">The catalog, policy, zone, fallbacks and limits, such as <see cref="IngestOptions.For(Catalog)"/> of a profile's catalog.</param>
    /// <param name="sheet">The sheet to read; the first when <see langword="default"/>.</param>
    /// <param name="columns">The column mapping; <see cref="LogColumns.Default"/> when <see langword="null"/>.</param>
    /// <param name="progress">Receives the rows read and the time elapsed every 65 536 rows and at the end.</param>
    /// <param name="cancellationToken">Cancels the copy of the stream and stops the read between rows.</param>
    /// <returns>The log of the accepted rows and the report of the read, as <see cref="Read"/> gives them.</returns>
    /// <remarks>A workbook is a zip archive, whose directory is at its end: the stream is copied to memory asynchronously, then parsed.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A constant channel or segment of <paramref name="columns"/> is not in the catalog.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="InvalidDataException">The stream is not an <c>.xlsx</c> workbook; the workbook has no such sheet; the header lacks a required column or names a mapped column twice; or the policy is strict and a row is rejected (the message names the row).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async Task<IngestResult> ReadAsync(Stream stream, IngestOptions options, ExcelSheet sheet = default, LogColumns? columns = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        copy.Position = 0;
        return ReadSeekable(copy, options, sheet, columns, progress, cancellationToken);
    }

    private static IngestResult ReadSeekable(Stream stream, IngestOptions options, ExcelSheet sheet, LogColumns? columns, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        columns ??= LogColumns.Default;
        var sink = new RecordSink(options, progress, cancellationToken);
        long start = stream.Position;
        RegisterCodePages.Value.ToString(); // before ExcelReaderConfiguration, whose constructor asks for Windows-1252
        IExcelDataReader excel;
        try
        {
            excel = ExcelReaderFactory.CreateOpenXmlReader(stream, new ExcelReaderConfiguration { LeaveOpen = true });
        }
        catch (Exception e) when (e is ExcelReaderException or InvalidDataException or NotSupportedException)
        {
            throw new InvalidDataException("The input is not an Excel workbook (.xlsx); save the workbook as .xlsx, or read a CSV export with CsvLogReader.", e);
        }

        using (excel)
        {
            string name = Select(excel, sheet);
            sink.BytesRead = stream.Length - start;
            if (!excel.Read())
            {
                return sink.Finish();
            }

            var map = new ColumnMap(excel, columns, sink, name);
            while (excel.Read())
            {
                ParseRow(excel, map, columns, sink, excel.Depth + 1L);
            }
        }

        return sink.Finish();
    }

    private static string Select(IExcelDataReader excel, ExcelSheet sheet)
    {
        int index = 0;
        do
        {
            if (sheet.Name is { } wanted ? string.Equals(excel.Name?.Trim(), wanted.Trim(), StringComparison.OrdinalIgnoreCase) : index == sheet.Index)
            {
                return excel.Name ?? string.Empty;
            }

            index++;
        }
        while (excel.NextResult());

        throw new InvalidDataException(string.Create(
            CultureInfo.InvariantCulture, $"The workbook has no {sheet}; it has {index} sheet{(index == 1 ? string.Empty : "s")}. Name the sheet with ExcelSheet.Named or ExcelSheet.At (0 is the first)."));
    }

    private static void ParseRow(IExcelDataReader excel, ColumnMap map, LogColumns columns, RecordSink sink, long row)
    {
        int count = excel.FieldCount;
        bool blank = true;
        for (int i = 0; i < count && blank; i++)
        {
            blank = excel.GetValue(i) is null || (excel.GetValue(i) is string s && string.IsNullOrWhiteSpace(s));
        }

        if (blank)
        {
            sink.CountBlank();
            return;
        }

        ProblemList problems = map.Problems;
        problems.Clear();
        bool timestampRead = TryTimestamp(Value(excel, map.Timestamp), sink, out long ticks, out bool resolved, out RejectionReason reason, out string message);
        if (!timestampRead)
        {
            problems.Add(map.Cell(map.Timestamp, row), reason, message);
        }

        int channel = map.ConstantChannel;
        bool channelMapped = false;
        if (channel < 0)
        {
            string channelId = Text(Value(excel, map.Channel));
            channel = sink.ChannelCode(channelId, out channelMapped);
            if (channel < 0)
            {
                problems.Add(map.Cell(map.Channel, row), string.IsNullOrWhiteSpace(channelId) ? RejectionReason.MissingField : RejectionReason.UnknownChannel, RecordSink.UnknownChannelMessage(channelId));
            }
        }

        int segment = map.ConstantSegment;
        bool segmentMapped = false;
        if (segment < 0)
        {
            string segmentId = Text(Value(excel, map.Segment));
            segment = sink.SegmentCode(segmentId, out segmentMapped);
            if (segment < 0)
            {
                problems.Add(map.Cell(map.Segment, row), string.IsNullOrWhiteSpace(segmentId) ? RejectionReason.MissingField : RejectionReason.UnknownSegment, RecordSink.UnknownSegmentMessage(segmentId));
            }
        }

        Topic topic = Topic.Unspecified;
        if (map.Topic >= 0)
        {
            string topicText = Text(Value(excel, map.Topic));
            if (sink.TopicOf(topicText) is { } named)
            {
                topic = named;
            }
            else
            {
                problems.Add(map.Cell(map.Topic, row), RejectionReason.InvalidValue, $"A topic must be at most {Topic.MaxLength} characters with no control characters; the topic '{RecordSink.Quote(topicText)}' has {topicText.Length}.");
            }
        }

        if (!TryUser(Value(excel, map.User), columns.UserIsText, sink, out long user, out reason, out message))
        {
            problems.Add(map.Cell(map.User, row), reason, message);
        }

        UInt128? id = null;
        string idText = string.Empty;
        if (map.Id >= 0 && Text(Value(excel, map.Id)) is { Length: > 0 } idField)
        {
            idText = idField;
            id = XxHash128.HashToUInt128(Encoding.UTF8.GetBytes(idText));
        }

        ServiceRow service = ServiceRow.Empty;
        if (map.Service.Length > 0)
        {
            foreach ((ServiceColumns field, int index) in map.Service)
            {
                map.ServiceText.Read(field, Value(excel, index), map.Cell(index, row), problems, ref service, map.Instant);
            }

            ServiceText.CheckOrder(timestampRead ? ticks : null, service, map.Cell(map.FirstResponse, row), map.Cell(map.End, row), problems);
        }

        if (problems.Count > 0)
        {
            sink.Reject(problems.ToRejection(row));
            return;
        }

        sink.Accept(row, ticks, channel, channelMapped, segment, segmentMapped, topic, user, id, map.Cell(map.Id, row), resolved || service.Resolved, idText, service.Fields);
    }

    private static object? Value(IExcelDataReader excel, int column) => column >= 0 && column < excel.FieldCount ? excel.GetValue(column) : null;

    /// <summary>Returns a cell as text: strings as they are, numbers in their shortest invariant form, nothing as empty.</summary>
    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        DateTime t => t.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static bool TryTimestamp(object? value, RecordSink sink, out long ticks, out bool resolved, out RejectionReason reason, out string message)
    {
        ticks = 0;
        resolved = false;
        reason = RejectionReason.InvalidTimestamp;
        message = string.Empty;
        switch (value)
        {
            case null:
            case string blank when string.IsNullOrWhiteSpace(blank):
                reason = RejectionReason.MissingField;
                message = "The timestamp is empty; every row needs the date and time of the consultation.";
                return false;
            case string text:
                return sink.TryTimestamp(text, out ticks, out resolved, out reason, out message);
            case double serial:
                string shown = serial.ToString("R", CultureInfo.InvariantCulture);
                if (TimestampFormat.ExcelSerial.TryParse(shown, sink.Options.LocalZone, sink.Options.LocalTimeResolution, out ticks, out resolved, out reason, out message))
                {
                    return true;
                }

                message = string.Concat(message, " The value was '", shown, "'.");
                return false;
            case DateTime local:
                return TimestampFormat.InZone(LocalDateTime.FromDateTime(local), sink.Options.LocalZone, sink.Options.LocalTimeResolution, out ticks, out resolved, out reason, out message);
            default:
                reason = RejectionReason.WrongType;
                message = "The timestamp must be a date cell, an Excel serial date or text in the declared formats.";
                return false;
        }
    }

    private static bool TryUser(object? value, bool isText, RecordSink sink, out long user, out RejectionReason reason, out string message)
    {
        user = 0;
        switch (value)
        {
            case null:
                reason = RejectionReason.MissingField;
                message = "The user is empty; anonymous users need a key of their own.";
                return false;
            case string text when isText:
                return sink.TryTextUser(text, out user, out reason, out message);
            case string text:
                return UserText.TryParse(text, false, out user, out reason, out message);
            case double number when number == Math.Floor(number) && Math.Abs(number) <= 9_007_199_254_740_992d:
                // A whole number below 2^53 is exact in a double: 42 is the key 42, as the integer text "42" is.
                user = (long)number;
                reason = default;
                message = string.Empty;
                return true;
            default:
                reason = RejectionReason.WrongType;
                message = "The user must be a whole number up to 2^53 (larger keys lose digits in Excel: store them as text), or text.";
                return false;
        }
    }

    /// <summary>Where the mapped columns are in the header, and how the sheet's cells are named.</summary>
    private sealed class ColumnMap
    {
        private readonly string _sheet;
        private readonly string[] _letters;

        public ColumnMap(IExcelDataReader excel, LogColumns columns, RecordSink sink, string sheet)
        {
            Names = [.. Enumerable.Range(0, excel.FieldCount).Select(i => Text(excel.GetValue(i)).Trim())];
            _sheet = Reference(sheet);
            _letters = [.. Enumerable.Range(0, Names.Length).Select(Letters)];
            ConstantChannel = sink.ConstantCode(columns.ConstantChannel);
            ConstantSegment = sink.ConstantCode(columns.ConstantSegment);
            Timestamp = Find(columns.Timestamp, required: true);
            Channel = Find(columns.Channel, required: ConstantChannel < 0);
            Segment = Find(columns.Segment, required: ConstantSegment < 0);
            User = Find(columns.User, required: true);
            Topic = Find(columns.Topic, required: false);
            Id = Find(columns.Id, required: false);
            Service = [.. ServiceText.Names(columns).Select(f => (f.Field, Find(f.Name, required: false))).Where(f => f.Item2 >= 0)];
            FirstResponse = Find(columns.FirstResponse, required: false);
            End = Find(columns.End, required: false);
            ServiceText = new ServiceText(sink);
            Instant = (object value, out long t, out bool r, out RejectionReason why, out string said) => TryTimestamp(value, sink, out t, out r, out why, out said);
            if (columns.UnknownFields == UnknownFieldPolicy.Reject)
            {
                string[] mapped = columns.All();
                foreach (string name in Names)
                {
                    if (name.Length > 0 && !mapped.Contains(name, StringComparer.OrdinalIgnoreCase))
                    {
                        throw new InvalidDataException($"The header has the column '{RecordSink.Quote(name)}' that the mapping does not name; map it, remove it, or ignore unknown columns with LogColumns.WithUnknownFields(UnknownFieldPolicy.Ignore).");
                    }
                }
            }
        }

        public ProblemList Problems { get; } = new();

        public string[] Names { get; }

        public int ConstantChannel { get; }

        public int ConstantSegment { get; }

        public int Timestamp { get; }

        public int Channel { get; }

        public int Segment { get; }

        public int User { get; }

        public int Topic { get; }

        public int Id { get; }

        /// <summary>Gets the service columns the header has: the field and its index.</summary>
        public (ServiceColumns Field, int Index)[] Service { get; }

        public int FirstResponse { get; }

        public int End { get; }

        public ServiceText ServiceText { get; }

        public InstantReader Instant { get; }

        /// <summary>Returns the cell of <paramref name="column"/> in <paramref name="row"/>, such as <c>Sheet1!C17</c>; empty for an unmapped column.</summary>
        public string Cell(int column, long row) =>
            column < 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"{_sheet}!{_letters[column]}{row}");

        /// <summary>Returns the column letters of the 0-based <paramref name="index"/>: A, B, …, Z, AA, AB, ….</summary>
        internal static string Letters(int index)
        {
            Span<char> buffer = stackalloc char[8];
            int at = buffer.Length;
            for (int n = index + 1; n > 0; n = (n - 1) / 26)
            {
                buffer[--at] = (char)('A' + ((n - 1) % 26));
            }

            return buffer[at..].ToString();
        }

        /// <summary>Returns the sheet name as a reference writes it: quoted, with quotes doubled, unless it is letters, digits and underscores only.</summary>
        private static string Reference(string sheet) =>
            sheet.Length > 0 && !char.IsAsciiDigit(sheet[0]) && sheet.All(c => char.IsLetterOrDigit(c) || c == '_')
                ? sheet
                : "'" + sheet.Replace("'", "''", StringComparison.Ordinal) + "'";

        private int Find(string name, bool required)
        {
            int found = -1;
            for (int i = 0; i < Names.Length; i++)
            {
                if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase))
                {
                    found = found < 0 ? i : throw new InvalidDataException($"The header names the column '{name}' twice.");
                }
            }

            return found >= 0 || !required
                ? found
                : throw new InvalidDataException($"The header (row 1) has no column '{name}'; map the columns with LogColumns.WithNames.");
        }
    }
}
