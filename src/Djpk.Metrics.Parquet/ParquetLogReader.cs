using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.IO.Hashing;
using System.Text;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Logs;
using Parquet;
using Parquet.Schema;

namespace Djpk.Metrics.Parquet;

/// <summary>Reads an interaction log from an Apache Parquet file: one consultation per row, columns found by name.</summary>
/// <remarks>
/// <para>Columns are found by name (<see cref="LogColumns"/>, ignoring case); other columns are never decoded. The file's
/// columns must be flat (no lists or structs). A timestamp may be a Parquet timestamp (INT64 millis, micros or nanos, or
/// INT96): one adjusted to UTC (DuckDB's <c>TIMESTAMPTZ</c>, Polars' <c>Datetime(tz="UTC")</c>, what
/// <see cref="ParquetLogWriter"/> writes) is an instant, one not adjusted to UTC (DuckDB's <c>TIMESTAMP</c>) is a local time read in
/// <see cref="IngestOptions.LocalZone"/> or rejected without one. A timestamp may also be text in the declared
/// <see cref="IngestOptions.TimestampFormats"/> or, when a format other than ISO-8601 is declared, an integer. Channel and
/// segment are strings (ids, names or aliases); the topic is an optional string, NULL being unspecified; the user is an
/// integer or integer text, or a text identity with <see cref="LogColumns.WithUserIdentity"/>.</para>
/// <para>The optional service columns (<see cref="LogColumns.FirstResponse"/> and the others) are read when the file has
/// them; a NULL or empty cell is a record without the value. <c>first_response</c> and <c>end</c> are read as the
/// timestamp is; <c>agent</c> and <c>case</c> are integers or text (hashed as text users are); <c>outcome</c> is text;
/// <c>satisfaction</c> is a number or text 1 to 5.</para>
/// <para>Rows are numbered from 1 across row groups. Every row is accepted or rejected: a NULL or invalid cell is a
/// rejection naming its row and column, so <see cref="IngestReport.RowsRead"/> is the file's row count.
/// <see cref="IngestReport.BytesRead"/> is the file's length.</para>
/// </remarks>
public static class ParquetLogReader
{
    /// <summary>Reads the Parquet file at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The catalog, policy, zone, fallbacks and limits, such as <see cref="IngestOptions.For(Catalog)"/> of a profile's catalog.</param>
    /// <param name="columns">The column mapping; <see cref="LogColumns.Default"/> when <see langword="null"/>.</param>
    /// <param name="progress">Receives the rows read and the time elapsed every 65 536 rows and at the end.</param>
    /// <param name="cancellationToken">Stops the read between rows.</param>
    /// <returns>The log of the accepted rows and the report of the read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty; or a constant channel or segment of <paramref name="columns"/> is not in the catalog.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid Parquet file; or it lacks a required column, has a mapped column twice or not flat, or a column the mapping does not name under <see cref="UnknownFieldPolicy.Reject"/>; or the policy is strict and a row is rejected (the message names the row).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static IngestResult ReadFile(string path, IngestOptions options, LogColumns? columns = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = OpenFile(path);
        return ReadCoreAsync(file, path, options, columns, progress, cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>Reads a Parquet file from <paramref name="stream"/>; the stream stays open.</summary>
    /// <param name="stream">The input. Parquet keeps its schema at the end, so a stream that cannot seek is first copied into memory.</param>
    /// <param name="options">The catalog, policy, zone, fallbacks and limits, such as <see cref="IngestOptions.For(Catalog)"/> of a profile's catalog.</param>
    /// <param name="columns">The column mapping; <see cref="LogColumns.Default"/> when <see langword="null"/>.</param>
    /// <param name="progress">Receives the rows read and the time elapsed every 65 536 rows and at the end.</param>
    /// <param name="cancellationToken">Stops the read between rows.</param>
    /// <returns>The log of the accepted rows and the report of the read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A constant channel or segment of <paramref name="columns"/> is not in the catalog.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="InvalidDataException">The stream is not a valid Parquet file; or it lacks a required column, has a mapped column twice or not flat, or a column the mapping does not name under <see cref="UnknownFieldPolicy.Reject"/>; or the policy is strict and a row is rejected (the message names the row).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static IngestResult Read(Stream stream, IngestOptions options, LogColumns? columns = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ReadAsync(stream, options, columns, progress, cancellationToken).GetAwaiter().GetResult();

    /// <summary>Reads a Parquet file from <paramref name="stream"/> without blocking a thread on I/O; the stream stays open.</summary>
    /// <param name="stream">The input. Parquet keeps its schema at the end, so a stream that cannot seek is first copied into memory.</param>
    /// <param name="options">The catalog, policy, zone, fallbacks and limits, such as <see cref="IngestOptions.For(Catalog)"/> of a profile's catalog.</param>
    /// <param name="columns">The column mapping; <see cref="LogColumns.Default"/> when <see langword="null"/>.</param>
    /// <param name="progress">Receives the rows read and the time elapsed every 65 536 rows and at the end.</param>
    /// <param name="cancellationToken">Stops the read between rows and cancels a pending read.</param>
    /// <returns>The log of the accepted rows and the report of the read, as <see cref="Read"/> gives them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A constant channel or segment of <paramref name="columns"/> is not in the catalog.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="InvalidDataException">The stream is not a valid Parquet file; or it lacks a required column, has a mapped column twice or not flat, or a column the mapping does not name under <see cref="UnknownFieldPolicy.Reject"/>; or the policy is strict and a row is rejected (the message names the row).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static Task<IngestResult> ReadAsync(Stream stream, IngestOptions options, LogColumns? columns = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ReadCoreAsync(stream, null, options, columns, progress, cancellationToken);

    private static FileStream OpenFile(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.RandomAccess);

    // With the file's path, each thread reads row groups through a reader of its own; a stream is decoded on one thread.
    private static async Task<IngestResult> ReadCoreAsync(Stream stream, string? path, IngestOptions options, LogColumns? columns, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        columns ??= LogColumns.Default;
        var sink = new RecordSink(options, progress, cancellationToken);
        MemoryStream? copy = null;
        if (!stream.CanSeek)
        {
            copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
            copy.Position = 0;
        }

        Stream input = copy ?? stream;
        try
        {
            sink.BytesRead = input.Length - input.Position;
            ParquetReader reader = await Open(input, cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                Map map = MapColumns(reader.Schema, columns, sink);
                long[] firstRows = new long[reader.RowGroupCount]; // the number of each group's first row
                long total = 0;
                for (int g = 0; g < reader.RowGroupCount; g++)
                {
                    using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
                    firstRows[g] = total + 1;
                    total += group.RowCount;
                }

                // The columns are allocated once, at the file's row count, unless the count is implausible for the file's
                // size (a damaged footer): then they grow as rows arrive.
                sink.ReserveRows(Math.Min(total, Math.Max(1 << 20, sink.BytesRead * 8)));
                int threads = Math.Min(sink.Options.MaxDegreeOfParallelism, reader.RowGroupCount);
                if (path is not null && threads > 1)
                {
                    await ReadGroupsOnEveryCoreAsync(reader, path, threads, firstRows, columns, sink, cancellationToken).ConfigureAwait(false);
                    return sink.Finish();
                }

                var state = new RowState(sink);
                bool parallel = sink.Options.MaxDegreeOfParallelism > 1;
                ParsedRows[] rows = [new ParsedRows(), new ParsedRows()];
                ColumnBuffers[] buffers = [new ColumnBuffers(), new ColumnBuffers()]; // group g + 1 decodes while group g is parsed
                Task<ParsedRows>? parsing = null; // the previous row group, parsed on another thread while this one decodes
                try
                {
                    for (int g = 0; g < reader.RowGroupCount; g++)
                    {
                        Cells cells;
                        int n;
                        using (ParquetRowGroupReader group = reader.OpenRowGroupReader(g))
                        {
                            n = checked((int)group.RowCount);
                            cells = await LoadCellsAsync(group, map, n, buffers[g % 2], cancellationToken).ConfigureAwait(false);
                        }

                        if (parsing is not null)
                        {
                            Replay(await parsing.ConfigureAwait(false), sink, columns);
                            parsing = null;
                        }

                        ParsedRows target = rows[g % 2];
                        long first = firstRows[g];
                        parsing = parallel
                            ? Task.Run(() => ParseGroup(cells, n, first, sink, columns, map, state, target), cancellationToken)
                            : Task.FromResult(ParseGroup(cells, n, first, sink, columns, map, state, target));
                    }

                    if (parsing is not null)
                    {
                        Task<ParsedRows> last = parsing;
                        parsing = null;
                        Replay(await last.ConfigureAwait(false), sink, columns);
                    }
                }
                finally
                {
                    if (parsing is not null)
                    {
                        await ((Task)parsing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); // the parser still uses the state: let it finish
                    }
                }
            }
        }
        finally
        {
            if (copy is not null)
            {
                await copy.DisposeAsync().ConfigureAwait(false);
            }
        }

        return sink.Finish();
    }

    /// <summary>Reads the row groups on <paramref name="threads"/> threads, each with a reader of its own over the file (the first is <paramref name="first"/>): thread k decodes and parses groups k, k + threads, …; the groups are replayed into the sink in file order.</summary>
    private static async Task ReadGroupsOnEveryCoreAsync(ParquetReader first, string path, int threads, long[] firstRows, LogColumns columns, RecordSink sink, CancellationToken cancellationToken)
    {
        int count = first.RowGroupCount;
        var readers = new ParquetReader?[threads];
        var files = new FileStream?[threads];
        var tasks = new Task<ParsedRows>?[count];
        readers[0] = first;
        try
        {
            for (int k = 1; k < threads; k++)
            {
                files[k] = OpenFile(path);
                readers[k] = await Open(files[k]!, cancellationToken).ConfigureAwait(false);
            }

            var maps = new Map[threads]; // each from its own reader's schema (the same file, so the same mapping)
            var states = new RowState[threads];
            var rows = new ParsedRows[threads];
            var buffers = new ColumnBuffers[threads]; // a slot's next group decodes after its last one is parsed
            for (int k = 0; k < threads; k++)
            {
                buffers[k] = new ColumnBuffers();
                maps[k] = MapColumns(readers[k]!.Schema, columns, sink);
                states[k] = new RowState(sink);
                rows[k] = new ParsedRows();
            }

            Task<ParsedRows> Start(int g)
            {
                int k = g % threads;
                return Task.Run(
                    async () =>
                    {
                        using ParquetRowGroupReader group = readers[k]!.OpenRowGroupReader(g);
                        int n = checked((int)group.RowCount);
                        Cells cells = await LoadCellsAsync(group, maps[k], n, buffers[k], cancellationToken).ConfigureAwait(false);
                        return ParseGroup(cells, n, firstRows[g], sink, columns, maps[k], states[k], rows[k]);
                    },
                    cancellationToken);
            }

            for (int g = 0; g < threads; g++)
            {
                tasks[g] = Start(g);
            }

            for (int g = 0; g < count; g++)
            {
                ParsedRows parsed = await tasks[g]!.ConfigureAwait(false);
                tasks[g] = null;
                Replay(parsed, sink, columns); // empties the slot's rows before its next group starts
                if (g + threads < count)
                {
                    tasks[g + threads] = Start(g + threads);
                }
            }
        }
        finally
        {
            foreach (Task<ParsedRows>? running in tasks)
            {
                if (running is not null)
                {
                    await ((Task)running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); // a reader is disposed only when no thread uses it
                }
            }

            for (int k = 1; k < threads; k++)
            {
                if (readers[k] is { } own)
                {
                    await own.DisposeAsync().ConfigureAwait(false);
                }

                files[k]?.Dispose();
            }
        }
    }

    private static async Task<Cells> LoadCellsAsync(ParquetRowGroupReader group, Map map, int n, ColumnBuffers buffers, CancellationToken cancellationToken)
    {
        var cells = new Cells
        {
            Timestamp = await Load(group, map.Timestamp, n, buffers, cancellationToken).ConfigureAwait(false),
            Channel = await Load(group, map.Channel, n, buffers, cancellationToken).ConfigureAwait(false),
            Segment = await Load(group, map.Segment, n, buffers, cancellationToken).ConfigureAwait(false),
            Topic = await Load(group, map.Topic, n, buffers, cancellationToken).ConfigureAwait(false),
            User = await Load(group, map.User, n, buffers, cancellationToken).ConfigureAwait(false),
            Id = await Load(group, map.Id, n, buffers, cancellationToken).ConfigureAwait(false),
            Service = new object?[map.Service.Length],
        };
        for (int c = 0; c < map.Service.Length; c++)
        {
            cells.Service[c] = await Load(group, map.Service[c].Column, n, buffers, cancellationToken).ConfigureAwait(false);
        }

        return cells;
    }

    /// <summary>Parses the <paramref name="n"/> rows of a decoded row group, numbered from <paramref name="firstRow"/>, into <paramref name="target"/>.</summary>
    private static ParsedRows ParseGroup(Cells cells, int n, long firstRow, RecordSink sink, LogColumns columns, Map map, RowState state, ParsedRows target)
    {
        bool strict = sink.Options.Policy == IngestPolicy.Strict;
        for (int i = 0; i < n; i++)
        {
            ParseRow(cells, i, sink, columns, firstRow + i, map, state, target);
            if (strict && target.HasRejections)
            {
                break; // the strict read stops at this row
            }
        }

        return target;
    }

    private static void Replay(ParsedRows rows, RecordSink sink, LogColumns columns)
    {
        try
        {
            rows.ReplayInto(sink, columns.Id);
        }
        finally
        {
            rows.Clear();
        }
    }

    private static async Task<ParquetReader> Open(Stream input, CancellationToken cancellationToken)
    {
        try
        {
            return await ParquetReader.CreateAsync(input, new ParquetOptions { TreatByteArrayAsString = true }, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsFormatError(e))
        {
            throw NotParquet(e);
        }
    }

    // Parquet.Net reports a malformed file with several exception types; a failing stream's own IOException passes through.
    private static bool IsFormatError(Exception e) =>
        e is not (OperationCanceledException or OutOfMemoryException or InvalidDataException) && (e.GetType() != typeof(IOException) || e.Message.Contains("parquet", StringComparison.OrdinalIgnoreCase));

    private static InvalidDataException NotParquet(Exception e) =>
        new($"The stream is not a valid Parquet file ({e.Message}); write one with ParquetLogWriter, DuckDB's COPY … (FORMAT PARQUET) or Polars' write_parquet.", e);

    private static Map MapColumns(ParquetSchema schema, LogColumns columns, RecordSink sink)
    {
        DataField[] fields = schema.GetDataFields();
        DataField timestamp = Find(fields, columns.Timestamp, true)!;
        var map = new Map
        {
            Timestamp = timestamp,
            TimestampUtc = timestamp is DateTimeDataField { IsAdjustedToUTC: true },
            ConstantChannel = sink.ConstantCode(columns.ConstantChannel),
            ConstantSegment = sink.ConstantCode(columns.ConstantSegment),
            User = Find(fields, columns.User, true)!,
            Topic = Find(fields, columns.Topic, false),
            Id = Find(fields, columns.Id, false),
        };
        map.Service = [.. ServiceText.Names(columns)
            .Select(f => (f.Field, Column: Find(fields, f.Name, false), f.Name))
            .Where(f => f.Column is not null)
            .Select(f => new ServiceColumn(f.Field, f.Column!, f.Name, f.Column is DateTimeDataField { IsAdjustedToUTC: true }, sink))];
        map.Channel = map.ConstantChannel < 0 ? Find(fields, columns.Channel, true) : null;
        map.Segment = map.ConstantSegment < 0 ? Find(fields, columns.Segment, true) : null;
        if (columns.UnknownFields == UnknownFieldPolicy.Reject)
        {
            string[] mapped = columns.All();
            foreach (DataField field in fields)
            {
                if (!mapped.Contains(field.Name, StringComparer.OrdinalIgnoreCase))
                {
                    throw new InvalidDataException($"The file has the column '{RecordSink.Quote(field.Name)}' that the mapping does not name; map it, drop it from the file, or ignore unknown columns with LogColumns.WithUnknownFields(UnknownFieldPolicy.Ignore).");
                }
            }
        }

        return map;
    }

    private static DataField? Find(DataField[] fields, string name, bool required)
    {
        DataField? found = null;
        foreach (DataField field in fields)
        {
            if (string.Equals(field.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                found = found is null ? field : throw new InvalidDataException($"The file has the column '{name}' twice; rename one of them.");
            }
        }

        if (found is not null && (found.IsArray || found.Path.ToList().Count != 1))
        {
            throw new InvalidDataException($"The column '{name}' must be a flat column of single values, not a list or a struct field; flatten it before reading.");
        }

        return found is not null || !required ? found : throw new InvalidDataException($"The file has no column '{name}'; map the columns with LogColumns.WithNames.");
    }

    /// <summary>Decodes one column of a row group into the array type its values have, or returns <see langword="null"/> for an unmapped column; an unsupported type gives an empty marker.</summary>
    private static async Task<object?> Load(ParquetRowGroupReader group, DataField? field, int n, ColumnBuffers buffers, CancellationToken cancellationToken)
    {
        if (field is null)
        {
            return null;
        }

        try
        {
            Type type = field.ClrType;
            if (type == typeof(ReadOnlyMemory<char>))
            {
                return await Values<ReadOnlyMemory<char>>(group, field, n, buffers, cancellationToken).ConfigureAwait(false); // slices of one buffer: no string per cell
            }

            if (type == typeof(string))
            {
                string?[] values = buffers.Get<string?>(field, n);
                await group.ReadAsync(field, values.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
                return values;
            }

            return type == typeof(DateTime) ? await Values<DateTime>(group, field, n, buffers, cancellationToken).ConfigureAwait(false)
                : type == typeof(DateTimeOffset) ? await Values<DateTimeOffset>(group, field, n, buffers, cancellationToken).ConfigureAwait(false)
                : type == typeof(long) ? await Values<long>(group, field, n, buffers, cancellationToken).ConfigureAwait(false)
                : type == typeof(int) ? await Values<int>(group, field, n, buffers, cancellationToken).ConfigureAwait(false)
                : type == typeof(short) ? await Values<short>(group, field, n, buffers, cancellationToken).ConfigureAwait(false)
                : type == typeof(ulong) ? await Values<ulong>(group, field, n, buffers, cancellationToken).ConfigureAwait(false)
                : type == typeof(uint) ? await Values<uint>(group, field, n, buffers, cancellationToken).ConfigureAwait(false)
                : type == typeof(sbyte) ? await Values<sbyte>(group, field, n, buffers, cancellationToken).ConfigureAwait(false)
                : type == typeof(byte) ? await Values<byte>(group, field, n, buffers, cancellationToken).ConfigureAwait(false)
                : type == typeof(ushort) ? await Values<ushort>(group, field, n, buffers, cancellationToken).ConfigureAwait(false)
                : type == typeof(double) ? await Values<double>(group, field, n, buffers, cancellationToken).ConfigureAwait(false)
                : type == typeof(float) ? await Values<float>(group, field, n, buffers, cancellationToken).ConfigureAwait(false)
                : new Unsupported(type);
        }
        catch (Exception e) when (IsFormatError(e))
        {
            throw NotParquet(e);
        }
    }

    private static async Task<object> Values<T>(ParquetRowGroupReader group, DataField field, int n, ColumnBuffers buffers, CancellationToken cancellationToken)
        where T : struct
    {
        if (field.IsNullable)
        {
            T?[] nullable = buffers.Get<T?>(field, n);
            await group.ReadAsync(field, nullable.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
            return nullable;
        }

        T[] values = buffers.Get<T>(field, n);
        await group.ReadAsync(field, values.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
        return values;
    }

    /// <summary>Returns the cell <paramref name="i"/> of a decoded column: its value, <see langword="null"/> for NULL, or an <see cref="Unsupported"/> marker.</summary>
    private static object? Cell(object column, int i) => column switch
    {
        string?[] s => s[i],
        DateTime[] a => a[i],
        DateTime?[] a => a[i],
        long[] a => a[i],
        long?[] a => a[i],
        int[] a => a[i],
        int?[] a => a[i],
        ReadOnlyMemory<char>[] a => a[i].ToString(),
        ReadOnlyMemory<char>?[] a => a[i]?.ToString(),
        DateTimeOffset[] a => a[i],
        DateTimeOffset?[] a => a[i],
        short[] a => a[i],
        short?[] a => a[i],
        ulong[] a => a[i],
        ulong?[] a => a[i],
        uint[] a => a[i],
        uint?[] a => a[i],
        sbyte[] a => a[i],
        sbyte?[] a => a[i],
        byte[] a => a[i],
        byte?[] a => a[i],
        ushort[] a => a[i],
        ushort?[] a => a[i],
        double[] a => a[i],
        double?[] a => a[i],
        float[] a => a[i],
        float?[] a => a[i],
        _ => column,
    };

    /// <summary>Returns 2 and the text of cell <paramref name="i"/> of a text column, 1 for a NULL cell, 0 when the column is not text.</summary>
    private static int Text(object column, int i, out ReadOnlySpan<char> text)
    {
        text = default;
        switch (column)
        {
            case ReadOnlyMemory<char>[] required:
                text = required[i].Span;
                return 2;
            case ReadOnlyMemory<char>?[] optional:
                if (optional[i] is not { } value)
                {
                    return 1;
                }

                text = value.Span;
                return 2;
            case string?[] strings:
                text = strings[i];
                return strings[i] is null ? 1 : 2;
            default:
                return Cell(column, i) is null ? 1 : 0;
        }
    }

    private static void ParseRow(Cells cells, int i, RecordSink sink, LogColumns columns, long row, Map map, RowState state, ParsedRows target)
    {
        ProblemList problems = state.Problems;
        problems.Clear();
        long ticks = 0;
        bool resolved = false;
        int before = 0;
        if (cells.Timestamp is DateTime[] utcTimes && map.TimestampUtc)
        {
            ticks = utcTimes[i].Ticks - DateTime.UnixEpoch.Ticks; // the fast path: a required UTC timestamp, as the writer writes
            if (!TimestampText.IsSupported(ticks))
            {
                problems.Add(columns.Timestamp, RejectionReason.InvalidTimestamp, TimestampText.OutOfRangeMessage);
            }
        }
        else if (Text(cells.Timestamp!, i, out ReadOnlySpan<char> timestampText) == 2)
        {
            if (!sink.TryTimestamp(timestampText, out ticks, out resolved, out RejectionReason reason, out string message))
            {
                problems.Add(columns.Timestamp, reason, message);
            }
        }
        else if (!TryTimestamp(Cell(cells.Timestamp!, i), map.TimestampUtc, sink, out ticks, out resolved, out RejectionReason reason, out string message))
        {
            problems.Add(columns.Timestamp, reason, message);
        }

        bool timestampRead = problems.Count == before;

        int channel = map.ConstantChannel;
        bool channelMapped = false;
        if (channel < 0)
        {
            int kind = Text(cells.Channel!, i, out ReadOnlySpan<char> id);
            if (kind != 2 || id.Length == 0)
            {
                problems.Add(columns.Channel, kind == 0 ? RejectionReason.WrongType : RejectionReason.MissingField, "The channel must be a non-empty text id, name or alias.");
            }
            else if ((channel = state.ChannelCode(sink, id, out channelMapped)) < 0)
            {
                problems.Add(columns.Channel, RejectionReason.UnknownChannel, RecordSink.UnknownChannelMessage(id));
            }
        }

        int segment = map.ConstantSegment;
        bool segmentMapped = false;
        if (segment < 0)
        {
            int kind = Text(cells.Segment!, i, out ReadOnlySpan<char> id);
            if (kind != 2 || id.Length == 0)
            {
                problems.Add(columns.Segment, kind == 0 ? RejectionReason.WrongType : RejectionReason.MissingField, "The segment must be a non-empty text id, name or alias.");
            }
            else if ((segment = state.SegmentCode(sink, id, out segmentMapped)) < 0)
            {
                problems.Add(columns.Segment, RejectionReason.UnknownSegment, RecordSink.UnknownSegmentMessage(id));
            }
        }

        Topic topic = Topic.Unspecified;
        ReadOnlySpan<char> name = default;
        int topicKind = cells.Topic is null ? 1 : Text(cells.Topic, i, out name);
        if (topicKind != 1)
        {
            if (topicKind == 0)
            {
                problems.Add(columns.Topic, RejectionReason.WrongType, "The topic must be text.");
            }
            else if (state.TopicOf(cells.Topic!, i, name) is { } named)
            {
                topic = named;
            }
            else
            {
                problems.Add(columns.Topic, RejectionReason.InvalidValue, $"A topic must be at most {Topic.MaxLength} characters with no control characters; the topic '{RecordSink.Quote(name)}' has {name.Length}.");
            }
        }

        long user;
        if (cells.User is long[] keys)
        {
            user = keys[i]; // the fast path: a required INT64 key, as the writer writes
        }
        else if (Text(cells.User!, i, out ReadOnlySpan<char> userText) == 2)
        {
            bool valid = columns.UserIsText
                ? sink.TryTextUser(userText, out user, out RejectionReason reason, out string message)
                : UserText.TryParse(userText, false, out user, out reason, out message);
            if (!valid)
            {
                problems.Add(columns.User, reason, message);
            }
        }
        else if (!TryUser(Cell(cells.User!, i), columns.UserIsText, out user, out RejectionReason reason, out string message))
        {
            problems.Add(columns.User, reason, message);
        }

        UInt128? id128 = null;
        string? idText = null;
        if (cells.Id is not null && Text(cells.Id, i, out ReadOnlySpan<char> idSpan) == 2)
        {
            idText = idSpan.ToString();
            id128 = XxHash128.HashToUInt128(Encoding.UTF8.GetBytes(idText));
        }
        else if (cells.Id is not null && Cell(cells.Id, i) is { } idValue and not Unsupported)
        {
            idText = idValue is DateTime or DateTimeOffset
                ? ((IFormattable)idValue).ToString("O", CultureInfo.InvariantCulture)
                : Convert.ToString(idValue, CultureInfo.InvariantCulture) ?? string.Empty;
            id128 = XxHash128.HashToUInt128(Encoding.UTF8.GetBytes(idText));
        }

        ServiceRow service = ServiceRow.Empty;
        if (map.Service.Length > 0)
        {
            for (int c = 0; c < map.Service.Length; c++)
            {
                ReadService(map.Service[c], cells.Service[c]!, i, state.ServiceText, problems, ref service);
            }

            ServiceText.CheckOrder(timestampRead ? ticks : null, service, columns.FirstResponse, columns.End, problems);
        }

        if (problems.Count > 0)
        {
            target.Reject(problems.ToRejection(row));
            return;
        }

        target.Accept(row, ticks, channel, channelMapped, segment, segmentMapped, topic, user, id128, columns.Id, resolved || service.Resolved, idText, service.Fields);
    }

    private static void ReadService(ServiceColumn column, object cells, int i, ServiceText text, ProblemList problems, ref ServiceRow service)
    {
        switch (cells)
        {
            case DateTime?[] times when column.Utc && column.Field is ServiceColumns.FirstResponse or ServiceColumns.End:
                // the fast path: an optional UTC time, as the writer writes
                if (times[i] is { } time)
                {
                    long ticks = time.Ticks - DateTime.UnixEpoch.Ticks;
                    if (TimestampText.IsSupported(ticks))
                    {
                        ServiceText.SetInstant(ref service, ticks, false, column.Field == ServiceColumns.End);
                    }
                    else
                    {
                        problems.Add(column.Name, RejectionReason.InvalidTimestamp, ServiceText.InstantMessage(TimestampText.OutOfRangeMessage, column.Field == ServiceColumns.End));
                    }
                }

                return;
            case long?[] keys when column.Field is ServiceColumns.Agent or ServiceColumns.Case:
                if (column.Field == ServiceColumns.Agent)
                {
                    service.Agent = keys[i];
                }
                else
                {
                    service.Case = keys[i];
                }

                return;
        }

        int kind = Text(cells, i, out ReadOnlySpan<char> value);
        if (kind == 2)
        {
            text.ReadText(column.Field, value, column.Name, problems, ref service);
        }
        else if (kind == 0)
        {
            object? cell = Cell(cells, i);
            if (cell is Unsupported unsupported)
            {
                problems.Add(column.Name, RejectionReason.WrongType, $"The column '{column.Name}' has the Parquet type {unsupported.Type.Name}, which the reader does not take for this field.");
                return;
            }

            text.Read(column.Field, cell, column.Name, problems, ref service, column.Instant);
        }
    }

    private static bool TryTimestamp(object? value, bool utc, RecordSink sink, out long ticks, out bool resolved, out RejectionReason reason, out string message)
    {
        resolved = false;
        ticks = 0;
        reason = RejectionReason.InvalidTimestamp;
        message = string.Empty;
        switch (value)
        {
            case null:
                reason = RejectionReason.MissingField;
                message = "The timestamp is NULL.";
                return false;
            case long or int or short or uint when sink.AcceptsNumericTimestamps:
                return sink.TryTimestamp(Convert.ToString(value, CultureInfo.InvariantCulture), out ticks, out resolved, out reason, out message);
            case DateTimeOffset offset:
                ticks = offset.UtcTicks - DateTime.UnixEpoch.Ticks;
                return Supported(ref ticks, out message);
            case DateTime time when utc || time.Kind == DateTimeKind.Utc:
                ticks = time.Ticks - DateTime.UnixEpoch.Ticks;
                return Supported(ref ticks, out message);
            case DateTime local:
                Span<char> buffer = stackalloc char[TimestampText.MaxFormattedLength];
                int length = TimestampText.Format(local.Ticks - DateTime.UnixEpoch.Ticks, 0, buffer);
                return TimestampText.TryParse(buffer[..(length - 1)], sink.Options.LocalZone, sink.Options.LocalTimeResolution, out ticks, out resolved, out reason, out message); // without the Z: a local time
            default:
                reason = RejectionReason.WrongType;
                message = "The timestamp must be a Parquet timestamp, or text in the declared formats.";
                return false;
        }
    }

    private static bool Supported(ref long ticks, out string message)
    {
        if (TimestampText.IsSupported(ticks))
        {
            message = string.Empty;
            return true;
        }

        ticks = 0;
        message = TimestampText.OutOfRangeMessage;
        return false;
    }

    private static bool TryUser(object? value, bool isText, out long user, out RejectionReason reason, out string message)
    {
        user = 0;
        reason = RejectionReason.WrongType;
        message = "The user must be a whole number in the 64-bit range, or text with LogColumns.WithUserIdentity.";
        switch (value)
        {
            case null:
                reason = RejectionReason.MissingField;
                message = "The user is NULL.";
                return false;
            case long or int or short or uint when !isText:
                user = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                return true;
            case ulong big when !isText && big <= long.MaxValue:
                user = (long)big;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The marker of a column whose Parquet type the reader does not take: each of its cells is a wrong type.</summary>
    private sealed record Unsupported(Type Type);

    /// <summary>A service column of the file: its field, its Parquet column, its name, whether its times are UTC, and how its non-text cells read as instants.</summary>
    private sealed class ServiceColumn
    {
        public ServiceColumn(ServiceColumns field, DataField column, string name, bool utc, RecordSink sink)
        {
            Field = field;
            Column = column;
            Name = name;
            Utc = utc;
            Instant = (object value, out long t, out bool r, out RejectionReason why, out string said) => TryTimestamp(value, utc, sink, out t, out r, out why, out said);
        }

        public ServiceColumns Field { get; }

        public DataField Column { get; }

        public string Name { get; }

        public bool Utc { get; }

        public InstantReader Instant { get; }
    }

    /// <summary>The arrays a row group's columns decode into, kept for the next group of the same size, so that a file of many groups allocates them once.</summary>
    private sealed class ColumnBuffers
    {
        private readonly Dictionary<DataField, Array> _arrays = new(ReferenceEqualityComparer.Instance);

        /// <summary>Returns an array of <paramref name="n"/> items for <paramref name="field"/>: the last one when it has that length, else a new one.</summary>
        public T[] Get<T>(DataField field, int n)
        {
            if (_arrays.TryGetValue(field, out Array? kept) && kept is T[] reused && reused.Length == n)
            {
                Array.Clear(reused);
                return reused;
            }

            var fresh = new T[n];
            _arrays[field] = fresh;
            return fresh;
        }
    }

    /// <summary>The decoded columns of one row group.</summary>
    private sealed class Cells
    {
        public object? Timestamp { get; init; }

        public object? Channel { get; init; }

        public object? Segment { get; init; }

        public object? Topic { get; init; }

        public object? User { get; init; }

        public object? Id { get; init; }

        /// <summary>Gets the decoded service columns, in the order of <see cref="Map.Service"/>.</summary>
        public object?[] Service { get; init; } = [];
    }

    /// <summary>Where the mapped columns are, and the constant codes (-1 when the column is read).</summary>
    private sealed class Map
    {
        public required DataField Timestamp { get; init; }

        public bool TimestampUtc { get; init; }

        public DataField? Channel { get; set; }

        public DataField? Segment { get; set; }

        public int ConstantChannel { get; init; }

        public int ConstantSegment { get; init; }

        public required DataField User { get; init; }

        public DataField? Topic { get; init; }

        public DataField? Id { get; init; }

        public ServiceColumn[] Service { get; set; } = [];
    }

    /// <summary>What parsing rows keeps between them: the row's problems, the topic cache and the codes of the channel and segment texts seen. Used by one thread at a time.</summary>
    private sealed class RowState(RecordSink sink)
    {
        private readonly KnownTexts _channels = new();
        private readonly KnownTexts _segments = new();

        public ProblemList Problems { get; } = new();

        public ServiceText ServiceText { get; } = new(sink);

        private const int RecentTopics = 256;
        private readonly (char[]? Array, int Offset, int Length, Topic Topic)[] _recent = new (char[]?, int, int, Topic)[RecentTopics];
        private readonly TopicCache _topics = new();

        /// <summary>Returns the topic of cell <paramref name="i"/> (its text is <paramref name="name"/>), or null when the name is invalid.</summary>
        /// <remarks>A dictionary-encoded column gives every cell of one value the same slice of one array: that slice finds its topic without hashing the text (the text is still compared, in case the decoder reuses its buffers).</remarks>
        public Topic? TopicOf(object column, int i, ReadOnlySpan<char> name)
        {
            ReadOnlyMemory<char> memory = column switch
            {
                ReadOnlyMemory<char>?[] optional => optional[i].GetValueOrDefault(),
                ReadOnlyMemory<char>[] required => required[i],
                _ => default,
            };
            if (!MemoryMarshal.TryGetArray(memory, out ArraySegment<char> segment) || segment.Array is null)
            {
                return _topics.TopicOf(name);
            }

            int slot = (RuntimeHelpers.GetHashCode(segment.Array) ^ segment.Offset) & (RecentTopics - 1);
            ref (char[]? Array, int Offset, int Length, Topic Topic) recent = ref _recent[slot];
            if (ReferenceEquals(recent.Array, segment.Array) && recent.Offset == segment.Offset && recent.Length == segment.Count && name.SequenceEqual(recent.Topic.Name))
            {
                return recent.Topic;
            }

            if (_topics.TopicOf(name) is not { } topic)
            {
                return null;
            }

            recent = (segment.Array, segment.Offset, segment.Count, topic);
            return topic;
        }

        // Most rows repeat a few channel and segment texts, in any order: remember each text's code.
        public int ChannelCode(RecordSink sink, ReadOnlySpan<char> id, out bool mapped)
        {
            if (!_channels.TryFind(id, out int code, out mapped))
            {
                code = sink.ChannelCode(id, out mapped);
                _channels.Remember(id, code, mapped);
            }

            return code;
        }

        public int SegmentCode(RecordSink sink, ReadOnlySpan<char> id, out bool mapped)
        {
            if (!_segments.TryFind(id, out int code, out mapped))
            {
                code = sink.SegmentCode(id, out mapped);
                _segments.Remember(id, code, mapped);
            }

            return code;
        }
    }

    /// <summary>The codes of the first few distinct texts of a column, found without allocating once each text has been seen.</summary>
    private sealed class KnownTexts
    {
        // Channels and segments are a handful; a column with more distinct texts looks the rest up every time.
        private const int Capacity = 32;
        private readonly (string Text, int Code, bool Mapped)[] _known = new (string, int, bool)[Capacity];
        private int _count;

        public bool TryFind(ReadOnlySpan<char> id, out int code, out bool mapped)
        {
            for (int k = 0; k < _count; k++)
            {
                ref (string Text, int Code, bool Mapped) known = ref _known[k];
                if (id.SequenceEqual(known.Text))
                {
                    code = known.Code;
                    mapped = known.Mapped;
                    return true;
                }
            }

            code = 0;
            mapped = false;
            return false;
        }

        public void Remember(ReadOnlySpan<char> id, int code, bool mapped)
        {
            if (_count < Capacity)
            {
                _known[_count++] = (id.ToString(), code, mapped);
            }
        }
    }
}
