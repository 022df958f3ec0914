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
        string[] channels = [.. log.Catalog.Channels.Select(c => c.Channel.Id)];
        string[] segments = [.. log.Catalog.Segments.Select(s => s.Segment.Id)];
        string?[] topics = [.. log.Topics.Select(t => t == Topic.Unspecified ? null : t.Name)];
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        options.ColumnEncodingHints[fields.Channel.Path.ToString()] = EncodingHint.Dictionary;
        options.ColumnEncodingHints[fields.Segment.Path.ToString()] = EncodingHint.Dictionary;
        options.ColumnEncodingHints[fields.Topic.Path.ToString()] = EncodingHint.Dictionary;
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(fields.Schema, stream, options, append: false, cancellationToken).ConfigureAwait(false);
        int size = Math.Min(RowGroupSize, Math.Max(1, log.Count));
        var times = new DateTime[size];
        var channelText = new string[size];
        var segmentText = new string[size];
        var topicText = new string?[size];
        var users = new long[size];
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
            }

            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            await group.WriteAsync(fields.Timestamp, new ReadOnlyMemory<DateTime>(times, 0, n), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(fields.Channel, new ArraySegment<string>(channelText, 0, n)).ConfigureAwait(false);
            await group.WriteAsync(fields.Segment, new ArraySegment<string>(segmentText, 0, n)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            await group.WriteAsync(fields.Topic, new ArraySegment<string>(topicText!, 0, n)).ConfigureAwait(false);
            await group.WriteAsync(fields.User, new ReadOnlyMemory<long>(users, 0, n), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static long Mod(long value, long divisor) => ((value % divisor) + divisor) % divisor;
}
