using System.Collections;
using System.Collections.Immutable;
using NodaTime;

namespace Djpk.Metrics.Logs;

/// <summary>An immutable, columnar log of consultations: one array per field, small integer codes for channel, segment, topic and user.</summary>
/// <remarks>
/// <para>Immutable; safe to read from many threads. Built by <see cref="InteractionLogBuilder"/>. A record takes 16
/// bytes (8 for the time in ticks, 1 each for channel and segment, 2 for the topic, 4 for the user), plus 8 bytes per
/// distinct user. Times are kept to the tick (100 ns): a finer instant is truncated toward the past.</para>
/// <para>Records keep the order they were added in; aggregation does not depend on it.</para>
/// </remarks>
public sealed class InteractionLog : IReadOnlyList<Consultation>
{
    internal InteractionLog(
        Catalog catalog,
        long[] ticks,
        byte[] channels,
        byte[] segments,
        ushort[] topics,
        int[] users,
        ImmutableArray<Topic> topicNames,
        long[] userKeys)
        : this(catalog, ticks, channels, segments, topics, users, topicNames, userKeys, ScanTimes(ticks))
    {
    }

    // The columns with their time span already known (a log file's reader finds it while it checks the time column).
    internal InteractionLog(
        Catalog catalog,
        long[] ticks,
        byte[] channels,
        byte[] segments,
        ushort[] topics,
        int[] users,
        ImmutableArray<Topic> topicNames,
        long[] userKeys,
        (long Earliest, long Latest, bool Chronological) span)
    {
        Catalog = catalog;
        Ticks = ticks;
        ChannelCodes = channels;
        SegmentCodes = segments;
        TopicCodes = topics;
        UserCodes = users;
        Topics = topicNames;
        UserKeys = userKeys;
        (EarliestTicks, LatestTicks, IsChronological) = ticks.Length > 0 ? span : (0, 0, true);
    }

    /// <summary>Gets an empty log over the DJPK catalog.</summary>
    public static InteractionLog Empty { get; } = new InteractionLogBuilder(Catalog.Empty).Build();

    /// <summary>Gets the catalog of the channels and segments the log may use.</summary>
    public Catalog Catalog { get; }

    /// <summary>Gets the number of consultations.</summary>
    public int Count => Ticks.Length;

    /// <summary>Gets the distinct topics of the log, in the order first seen.</summary>
    public ImmutableArray<Topic> Topics { get; }

    /// <summary>Gets the number of distinct users.</summary>
    public int DistinctUsers => UserKeys.Length;

    /// <summary>Gets the time of the earliest consultation; <see langword="null"/> for an empty log.</summary>
    public Instant? Earliest => Count == 0 ? null : Instant.FromUnixTimeTicks(EarliestTicks);

    /// <summary>Gets the time of the latest consultation; <see langword="null"/> for an empty log.</summary>
    public Instant? Latest => Count == 0 ? null : Instant.FromUnixTimeTicks(LatestTicks);

    /// <summary>Gets a value indicating whether the records are in time order, as exports usually are.</summary>
    /// <remarks>Aggregating a chronological log skips the time column inside each period; any other order looks up each record's period in a small table, about as fast as a hand-written loop. The results are the same either way.</remarks>
    public bool IsChronological { get; }

    /// <summary>Gets the number of bytes the log's columns and tables take, a measure of its resident size.</summary>
    public long ColumnBytes =>
        ((long)Count * (sizeof(long) + sizeof(byte) + sizeof(byte) + sizeof(ushort) + sizeof(int))) + ((long)UserKeys.Length * sizeof(long));

    internal long[] Ticks { get; }

    internal byte[] ChannelCodes { get; }

    internal byte[] SegmentCodes { get; }

    internal ushort[] TopicCodes { get; }

    internal int[] UserCodes { get; }

    internal long[] UserKeys { get; } // sorted ascending: user code order is key order

    internal long EarliestTicks { get; }

    internal long LatestTicks { get; }

    /// <summary>Reads a log that <see cref="Save(Stream)"/> wrote, from the current position of <paramref name="stream"/>; the stream stays open.</summary>
    /// <param name="stream">The input; it need not seek.</param>
    /// <returns>The log, equal to the one saved: the same catalog, topics, users and records in the same order.</returns>
    /// <remarks>Each column is read straight into its array (one copy, from the operating system's cache for a file) and checked against its XxHash3 on all cores.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidDataException">The stream is not a log file (no <c>DJPKLOG1</c> magic), has another version, is truncated, or is corrupted (a checksum, a code or a key does not hold).</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static InteractionLog Load(Stream stream) => LogFile.Read(stream);

    /// <summary>Opens the log file at <paramref name="path"/> that <see cref="Save(string)"/> wrote.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The log, equal to the one saved.</returns>
    /// <remarks>The log's columns are managed arrays, so they are read into memory rather than mapped: a 10-million-record file (160 MB) takes one sequential read.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or not a valid path.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read with the caller's rights.</exception>
    /// <exception cref="InvalidDataException">The file is not a log file, has another version, is truncated, or is corrupted.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static InteractionLog Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return LogFile.Read(file);
    }

    /// <summary>Writes the log to <paramref name="stream"/> in the library's columnar file form, version 1; the stream stays open.</summary>
    /// <param name="stream">The output; it need not seek.</param>
    /// <remarks>
    /// The form is a checksummed header (magic <c>DJPKLOG1</c>, version, counts), a table of section lengths and XxHash3
    /// checksums, then the catalog and topic names and each column as it is in memory (little-endian, 64-byte aligned), so
    /// a file is about <see cref="ColumnBytes"/> long. <see cref="Load"/> and <see cref="Open"/> read it back.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    public void Save(Stream stream) => LogFile.Write(this, stream);

    /// <summary>Writes the log to a new file at <paramref name="path"/>, replacing any file there, in the columnar form of <see cref="Save(Stream)"/>.</summary>
    /// <param name="path">The file's path.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or not a valid path.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be written with the caller's rights.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
        LogFile.Write(this, file);
    }

    /// <summary>Returns the earliest and latest tick of <paramref name="ticks"/> and whether they are in order; for an empty span, (<see cref="long.MaxValue"/>, <see cref="long.MinValue"/>, <see langword="true"/>).</summary>
    /// <param name="ticks">The times.</param>
    /// <param name="previous">The tick just before the span (<see cref="long.MinValue"/> for none), for the order test across chunks.</param>
    internal static (long Earliest, long Latest, bool Chronological) ScanTimes(ReadOnlySpan<long> ticks, long previous = long.MinValue)
    {
        long earliest = long.MaxValue, latest = long.MinValue;
        bool chronological = true;
        for (int i = 0; i < ticks.Length; i++)
        {
            long tick = ticks[i];
            earliest = Math.Min(earliest, tick);
            latest = Math.Max(latest, tick);
            chronological &= previous <= tick;
            previous = tick;
        }

        return (earliest, latest, chronological);
    }

    /// <summary>Gets the consultation at position <paramref name="index"/>, rebuilt from the columns.</summary>
    /// <param name="index">The position, from 0 to <see cref="Count"/> − 1.</param>
    /// <returns>The consultation.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the log.</exception>
    public Consultation this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return new Consultation(
                Instant.FromUnixTimeTicks(Ticks[index]),
                Catalog.Channels[ChannelCodes[index]].Channel,
                Catalog.Segments[SegmentCodes[index]].Segment,
                Topics[TopicCodes[index]],
                new UserKey(UserKeys[UserCodes[index]]));
        }
    }

    /// <summary>Returns an enumerator over the consultations in the order they were added.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<Consultation> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
