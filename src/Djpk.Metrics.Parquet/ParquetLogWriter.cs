using Djpk.Metrics.Ingest;
using Djpk.Metrics.Logs;
using Parquet;
using Parquet.Schema;

namespace Djpk.Metrics.Parquet;

/// <summary>Writes an interaction log as an Apache Parquet file, the form <see cref="ParquetLogReader"/>, DuckDB and Polars read back.</summary>
/// <remarks>
/// <para>The schema is flat, five required columns except the topic: <c>timestamp</c> as INT64 with the logical type
/// <c>TIMESTAMP(isAdjustedToUTC = true, unit = MICROS)</c> (DuckDB reads it as <c>TIMESTAMP WITH TIME ZONE</c>, Polars as
/// <c>Datetime("us", "UTC")</c>); <c>channel</c> and <c>segment</c> as the catalog ids in UTF-8 strings, dictionary-encoded;
/// <c>topic</c> as an optional string, NULL when unspecified; <c>user</c> as the user's INT64 key. Snappy compression,
/// row groups of at most 131 072 records (about DuckDB's own 122 880), so DuckDB and Polars scan a file on all cores.</para>
/// <para>Parquet keeps microseconds, the log keeps ticks (100 ns): a time is written truncated toward the past to its
/// microsecond, so a log with sub-microsecond times reads back with those times truncated. Every other field reads back
/// as written.</para>
/// <para>A log with service columns (<see cref="InteractionLog.ServiceColumns"/>) adds the optional columns it has, after
/// the user: <c>first_response</c> and <c>end</c> as the timestamp is (DuckDB's <c>TIMESTAMP WITH TIME ZONE</c>),
/// <c>outcome</c> as a dictionary-encoded string id, <c>agent</c> and <c>case</c> as INT64 keys, <c>satisfaction</c> as
/// INT32 1 to 5; NULL for a record without the value. A log without service columns is written as before.</para>
/// </remarks>
public static class ParquetLogWriter
{
    /// <summary>Gets the number of records in a row group the writer writes, at most.</summary>
    internal const int RowGroupSize = 1 << 17;

    private const long TicksPerMicrosecond = 10;

    /// <summary>Writes <paramref name="log"/> to <paramref name="stream"/> as a Parquet file; the stream stays open.</summary>
    /// <param name="log">The log.</param>
    /// <param name="stream">The output. When it cannot seek, the file is built in memory first and then copied to it.</param>
    /// <param name="cancellationToken">Stops the write between columns.</param>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> or <paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A timestamp of <paramref name="log"/> is outside the years 0001 to 9999, which Parquet's timestamps cannot hold here.</exception>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static void Write(InteractionLog log, Stream stream, CancellationToken cancellationToken = default) =>
        WriteAsync(log, stream, cancellationToken).GetAwaiter().GetResult();

    /// <summary>Writes <paramref name="log"/> to a new Parquet file at <paramref name="path"/>, replacing any file there.</summary>
    /// <param name="log">The log.</param>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Stops the write between columns.</param>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty; or a timestamp of <paramref name="log"/> is outside the years 0001 to 9999.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be written with the caller's rights.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static void WriteFile(InteractionLog log, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentException.ThrowIfNullOrEmpty(path);
        CheckTimes(log);
        using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        WriteAsync(log, file, cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>Writes <paramref name="log"/> to <paramref name="stream"/> as a Parquet file without blocking a thread on I/O; the stream stays open.</summary>
    /// <param name="log">The log.</param>
    /// <param name="stream">The output. When it cannot seek, the file is built in memory first and then copied to it.</param>
    /// <param name="cancellationToken">Stops the write between columns and cancels a pending write.</param>
    /// <returns>A task that completes when the file is written; its bytes are those <see cref="Write"/> writes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> or <paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A timestamp of <paramref name="log"/> is outside the years 0001 to 9999.</exception>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async Task WriteAsync(InteractionLog log, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(stream);
        CheckTimes(log);
        if (!stream.CanSeek)
        {
            using var buffer = new MemoryStream();
            await WriteCoreAsync(log, buffer, cancellationToken).ConfigureAwait(false);
            buffer.Position = 0;
            await buffer.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
            return;
        }

        await WriteCoreAsync(log, stream, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets the schema the writer writes: the default column names of <see cref="LogColumns.Default"/>.</summary>
    internal static (DateTimeDataField Timestamp, DataField<string> Channel, DataField<string> Segment, DataField<string> Topic, DataField<long> User, ParquetSchema Schema) Fields()
    {
        var timestamp = new DateTimeDataField(LogColumns.Default.Timestamp, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: false);
        var channel = new DataField<string>(LogColumns.Default.Channel, nullable: false);
        var segment = new DataField<string>(LogColumns.Default.Segment, nullable: false);
        var topic = new DataField<string>(LogColumns.Default.Topic, nullable: true);
        var user = new DataField<long>(LogColumns.Default.User, nullable: false);
        return (timestamp, channel, segment, topic, user, new ParquetSchema(timestamp, channel, segment, topic, user));
    }

    private static void CheckTimes(InteractionLog log)
    {
        if (log.Count > 0 && (log.EarliestTicks < TimestampText.MinTicks || log.LatestTicks > TimestampText.MaxTicks))
        {
            throw new ArgumentException("Every timestamp of a log written as Parquet must be in the years 0001 to 9999; drop or correct the records outside them.", nameof(log));
        }
    }

    private static async Task WriteCoreAsync(InteractionLog log, Stream stream, CancellationToken cancellationToken)
    {
        var fields = Fields();
        ServiceColumns present = log.ServiceColumns;
        var response = new DateTimeDataField(LogColumns.Default.FirstResponse, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: true);
        var end = new DateTimeDataField(LogColumns.Default.End, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: true);
        var outcome = new DataField<string>(LogColumns.Default.Outcome, nullable: true);
        var agent = new DataField<long?>(LogColumns.Default.Agent);
        var @case = new DataField<long?>(LogColumns.Default.Case);
        var satisfaction = new DataField<int?>(LogColumns.Default.Satisfaction);
        Field[] service = [.. new (ServiceColumns Column, Field Field)[]
        {
            (ServiceColumns.FirstResponse, response), (ServiceColumns.End, end), (ServiceColumns.Outcome, outcome),
            (ServiceColumns.Agent, agent), (ServiceColumns.Case, @case), (ServiceColumns.Satisfaction, satisfaction),
        }.Where(f => (present & f.Column) != 0).Select(f => f.Field)];
        ParquetSchema schema = service.Length == 0 ? fields.Schema : new ParquetSchema([.. fields.Schema.Fields, .. service]);
        string[] channels = [.. log.Catalog.Channels.Select(c => c.Channel.Id)];
        string[] segments = [.. log.Catalog.Segments.Select(s => s.Segment.Id)];
        string?[] topics = [.. log.Topics.Select(t => t == Topic.Unspecified ? null : t.Name)];
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        options.ColumnEncodingHints[fields.Channel.Path.ToString()] = EncodingHint.Dictionary;
        options.ColumnEncodingHints[fields.Segment.Path.ToString()] = EncodingHint.Dictionary;
        options.ColumnEncodingHints[fields.Topic.Path.ToString()] = EncodingHint.Dictionary;
        options.ColumnEncodingHints[outcome.Path.ToString()] = EncodingHint.Dictionary;
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(schema, stream, options, append: false, cancellationToken).ConfigureAwait(false);
        int size = Math.Min(RowGroupSize, Math.Max(1, log.Count));
        var times = new DateTime[size];
        var channelText = new string[size];
        var segmentText = new string[size];
        var topicText = new string?[size];
        var users = new long[size];
        var responses = (present & ServiceColumns.FirstResponse) != 0 ? new DateTime?[size] : null;
        var ends = (present & ServiceColumns.End) != 0 ? new DateTime?[size] : null;
        var outcomes = (present & ServiceColumns.Outcome) != 0 ? new string?[size] : null;
        var agents = (present & ServiceColumns.Agent) != 0 ? new long?[size] : null;
        var cases = (present & ServiceColumns.Case) != 0 ? new long?[size] : null;
        var scores = (present & ServiceColumns.Satisfaction) != 0 ? new int?[size] : null;
        for (int from = 0; from < log.Count; from += RowGroupSize)
        {
            int n = Math.Min(RowGroupSize, log.Count - from);
            for (int i = 0; i < n; i++)
            {
                int r = from + i;
                long ticks = log.Ticks[r];
                times[i] = DateTime.UnixEpoch.AddTicks(ticks - Mod(ticks, TicksPerMicrosecond));
                channelText[i] = channels[log.ChannelCodes[r]];
                segmentText[i] = segments[log.SegmentCodes[r]];
                topicText[i] = topics[log.TopicCodes[r]];
                users[i] = log.UserKeys[log.UserCodes[r]];
                if (present != ServiceColumns.None)
                {
                    ServiceFields row = log.ServiceAt(r);
                    responses?[i] = Time(row.Response);
                    ends?[i] = Time(row.End);
                    outcomes?[i] = row.Outcome?.Id;
                    agents?[i] = row.Agent;
                    cases?[i] = row.Case;
                    scores?[i] = row.Satisfaction == 0 ? null : row.Satisfaction;
                }
            }

            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            await group.WriteAsync(fields.Timestamp, new ReadOnlyMemory<DateTime>(times, 0, n), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(fields.Channel, new ArraySegment<string>(channelText, 0, n)).ConfigureAwait(false);
            await group.WriteAsync(fields.Segment, new ArraySegment<string>(segmentText, 0, n)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            await group.WriteAsync(fields.Topic, new ArraySegment<string>(topicText!, 0, n)).ConfigureAwait(false);
            await group.WriteAsync(fields.User, new ReadOnlyMemory<long>(users, 0, n), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (responses is not null)
            {
                await group.WriteAsync(response, new ReadOnlyMemory<DateTime?>(responses, 0, n), cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            if (ends is not null)
            {
                await group.WriteAsync(end, new ReadOnlyMemory<DateTime?>(ends, 0, n), cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            if (outcomes is not null)
            {
                await group.WriteAsync(outcome, new ArraySegment<string>(outcomes!, 0, n)).ConfigureAwait(false);
            }

            if (agents is not null)
            {
                await group.WriteAsync(agent, new ReadOnlyMemory<long?>(agents, 0, n), cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            if (cases is not null)
            {
                await group.WriteAsync(@case, new ReadOnlyMemory<long?>(cases, 0, n), cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            if (scores is not null)
            {
                await group.WriteAsync(satisfaction, new ReadOnlyMemory<int?>(scores, 0, n), cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static DateTime? Time(long ticks) =>
        ticks == ServiceData.NoTime ? null : DateTime.UnixEpoch.AddTicks(ticks - Mod(ticks, TicksPerMicrosecond));

    private static long Mod(long value, long divisor) => ((value % divisor) + divisor) % divisor;
}
