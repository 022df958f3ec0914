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
/// <para>A log built in memory or read with <see cref="Load(string)"/> holds managed arrays and needs no disposal
/// (<see cref="Dispose"/> does nothing). A log opened with <see cref="Open"/> serves its columns from a read-only mapping
/// of the file and owns it: dispose it to unmap the file (an undisposed one is unmapped when it is collected). After
/// disposal, reading its records or aggregating it is an <see cref="ObjectDisposedException"/>; its counts, catalog and
/// topics stay readable.</para>
/// </remarks>
public sealed class InteractionLog : IReadOnlyList<Consultation>, IDisposable
{
    private readonly ReadOnlyMemory<long> _ticks;
    private readonly ReadOnlyMemory<byte> _channels;
    private readonly ReadOnlyMemory<byte> _segments;
    private readonly ReadOnlyMemory<ushort> _topics;
    private readonly ReadOnlyMemory<int> _users;
    private readonly ReadOnlyMemory<long> _userKeys;
    private readonly LogMapping? _mapping;
    private long[]? _userKeyTable;

    internal InteractionLog(
        Catalog catalog,
        long[] ticks,
        byte[] channels,
        byte[] segments,
        ushort[] topics,
        int[] users,
        ImmutableArray<Topic> topicNames,
        long[] userKeys,
        ServiceData? service = null)
        : this(catalog, ticks, channels, segments, topics, users, topicNames, userKeys, ScanTimes(ticks), service)
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
        (long Earliest, long Latest, bool Chronological) span,
        ServiceData? service = null)
        : this(catalog, ticks, channels, segments, topics, users, topicNames, userKeys, span, mapping: null, service)
    {
        _userKeyTable = userKeys;
    }

    // The columns as memory of any kind: arrays, or windows on a mapped file that the log then owns.
    internal InteractionLog(
        Catalog catalog,
        ReadOnlyMemory<long> ticks,
        ReadOnlyMemory<byte> channels,
        ReadOnlyMemory<byte> segments,
        ReadOnlyMemory<ushort> topics,
        ReadOnlyMemory<int> users,
        ImmutableArray<Topic> topicNames,
        ReadOnlyMemory<long> userKeys,
        (long Earliest, long Latest, bool Chronological) span,
        LogMapping? mapping,
        ServiceData? service = null)
    {
        Service = service ?? ServiceData.None;
        Catalog = catalog;
        _ticks = ticks;
        _channels = channels;
        _segments = segments;
        _topics = topics;
        _users = users;
        Topics = topicNames;
        _userKeys = userKeys;
        _mapping = mapping;
        Count = ticks.Length;
        DistinctUsers = userKeys.Length;
        (EarliestTicks, LatestTicks, IsChronological) = ticks.Length > 0 ? span : (0, 0, true);
    }

    /// <summary>Gets an empty log over the DJPK catalog.</summary>
    public static InteractionLog Empty { get; } = new InteractionLogBuilder(Catalog.Empty).Build();

    /// <summary>Gets the catalog of the channels and segments the log may use.</summary>
    public Catalog Catalog { get; }

    /// <summary>Gets the number of consultations.</summary>
    public int Count { get; }

    /// <summary>Gets the distinct topics of the log, in the order first seen.</summary>
    public ImmutableArray<Topic> Topics { get; }

    /// <summary>Gets the number of distinct users.</summary>
    public int DistinctUsers { get; }

    /// <summary>Gets the time of the earliest consultation; <see langword="null"/> for an empty log.</summary>
    public Instant? Earliest => Count == 0 ? null : Instant.FromUnixTimeTicks(EarliestTicks);

    /// <summary>Gets the time of the latest consultation; <see langword="null"/> for an empty log.</summary>
    public Instant? Latest => Count == 0 ? null : Instant.FromUnixTimeTicks(LatestTicks);

    /// <summary>Gets a value indicating whether the records are in time order, as exports usually are.</summary>
    /// <remarks>Aggregating a chronological log skips the time column inside each period; any other order looks up each record's period in a small table, about as fast as a hand-written loop. The results are the same either way.</remarks>
    public bool IsChronological { get; }

    /// <summary>Gets the number of bytes the log's columns and tables take, a measure of its resident size; the service columns it has included.</summary>
    public long ColumnBytes =>
        ((long)Count * (sizeof(long) + sizeof(byte) + sizeof(byte) + sizeof(ushort) + sizeof(int))) + ((long)DistinctUsers * sizeof(long)) + Service.Bytes;

    /// <summary>Gets the optional service columns the log holds: those at least one of its records has.</summary>
    public ServiceColumns ServiceColumns => Service.Columns;

    /// <summary>Gets the distinct outcomes of the log, in the order first seen; empty without an outcome column.</summary>
    public ImmutableArray<Outcome> Outcomes => Service.OutcomeIds;

    /// <summary>Gets the number of distinct agents; 0 without an agent column.</summary>
    public int DistinctAgents => Service.AgentKeys.Length;

    /// <summary>Gets the number of distinct cases; 0 without a case column.</summary>
    public int DistinctCases => Service.CaseKeys.Length;

    /// <summary>Gets a value indicating whether the log's columns are served from a mapped file (<see cref="Open"/>) rather than from managed memory.</summary>
    /// <remarks>A mapped log must be disposed when done with, and its file must not be changed while it is open.</remarks>
    public bool IsMapped => _mapping is not null;

    // Each column access checks that a mapped log is still open, so a use after Dispose is an ObjectDisposedException,
    // not a read of unmapped memory. Loops take the span once; a query holds a Lease so a concurrent Dispose waits.
    internal ReadOnlySpan<long> Ticks => Live(_ticks).Span;

    internal ReadOnlyMemory<long> TicksMemory => Live(_ticks);

    internal ReadOnlySpan<byte> ChannelCodes => Live(_channels).Span;

    internal ReadOnlySpan<byte> SegmentCodes => Live(_segments).Span;

    internal ReadOnlySpan<ushort> TopicCodes => Live(_topics).Span;

    internal ReadOnlySpan<int> UserCodes => Live(_users).Span;

    internal ReadOnlySpan<long> UserKeys => Live(_userKeys).Span; // sorted ascending: user code order is key order

    internal ServiceData Service { get; }

    // The service columns, empty when absent; missing values as ServiceData describes.
    internal ReadOnlySpan<long> ResponseTicks => Live(Service.Responses).Span;

    internal ReadOnlySpan<long> EndTicks => Live(Service.Ends).Span;

    internal ReadOnlySpan<byte> OutcomeCodes => Live(Service.Outcomes).Span;

    internal ReadOnlySpan<int> AgentCodes => Live(Service.Agents).Span;

    internal ReadOnlySpan<long> AgentKeys => Live(Service.AgentKeys).Span;

    internal ReadOnlySpan<int> CaseCodes => Live(Service.Cases).Span;

    internal ReadOnlySpan<long> CaseKeys => Live(Service.CaseKeys).Span;

    internal ReadOnlySpan<byte> SatisfactionScores => Live(Service.Satisfaction).Span;

    /// <summary>Gets the sorted user keys as an array that outlives the log (results keep it): the column itself, or a copy of a mapped one made once.</summary>
    internal long[] UserKeyTable
    {
        get
        {
            if (_userKeyTable is { } table)
            {
                return table;
            }

            long[] copy = UserKeys.ToArray();
            return Interlocked.CompareExchange(ref _userKeyTable, copy, null) ?? copy;
        }
    }

    internal long EarliestTicks { get; }

    internal long LatestTicks { get; }

    /// <summary>Reads a log that <see cref="Save(Stream)"/> wrote, from the current position of <paramref name="stream"/>; the stream stays open.</summary>
    /// <param name="stream">The input; it need not seek.</param>
    /// <returns>The log, equal to the one saved: the same catalog, topics, users and records in the same order.</returns>
    /// <remarks>Each column is read straight into its array (one copy, from the operating system's cache for a file) and checked against its XxHash3 and its value ranges a chunk at a time.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidDataException">The stream is not a log file (no <c>DJPKLOG1</c> magic), has another version, is truncated, or is corrupted (a checksum, a code or a key does not hold).</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static InteractionLog Load(Stream stream) => LogFile.Read(stream);

    /// <summary>Reads the log file at <paramref name="path"/> that <see cref="Save(string)"/> wrote into managed memory, and closes the file.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The log, equal to the one saved; it does not depend on the file afterwards and needs no disposal.</returns>
    /// <remarks>The copying counterpart of <see cref="Open"/>: one sequential read into new arrays (for 10 million records about twice the time of <see cref="Open"/>), for a log that outlives its file or is kept long.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or not a valid path.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read with the caller's rights.</exception>
    /// <exception cref="InvalidDataException">The file is not a log file, has another version, is truncated, or is corrupted.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static InteractionLog Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return LogFile.Read(file);
    }

    /// <summary>Opens the log file at <paramref name="path"/> that <see cref="Save(string)"/> wrote, serving its columns from a read-only memory mapping of the file: nothing is copied.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The log, equal to the one saved, with <see cref="IsMapped"/> set. It owns the mapping: dispose it when done.</returns>
    /// <remarks>
    /// <para>Opening checks the whole file before it returns, as <see cref="Load(Stream)"/> does: the header, the section
    /// table, every section's XxHash3 and every code's range, on all cores, reading the mapping once (for 10 million
    /// records, 180 MB, this is most of the time of opening). So a wrong, truncated or corrupted file is an
    /// <see cref="InvalidDataException"/> here, never a wrong answer later.</para>
    /// <para>The file stays open (shared for reading) until the log is disposed; it must not be changed or truncated
    /// meanwhile: a file shortened under a mapping can end the process when the lost pages are read.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or not a valid path.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read with the caller's rights.</exception>
    /// <exception cref="InvalidDataException">The file is not a log file, has another version, is truncated, or is corrupted.</exception>
    /// <exception cref="IOException">The file cannot be read or mapped.</exception>
    public static InteractionLog Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return LogFile.Map(path);
    }

    /// <summary>Releases the file mapping of a log opened with <see cref="Open"/>; does nothing for a log in managed memory. Safe to call more than once.</summary>
    /// <remarks>A query running on another thread keeps the mapping until it ends; disposing while queries run is allowed but makes their next column access an <see cref="ObjectDisposedException"/>.</remarks>
    public void Dispose() => _mapping?.Dispose();

    /// <summary>Keeps a mapped log's file mapped for the length of a query (see <see cref="LogMapping"/>); free for a log in memory.</summary>
    /// <exception cref="ObjectDisposedException">The log was disposed.</exception>
    internal LogMapping.Lease Lease() => _mapping?.Acquire() ?? default;

    /// <summary>Writes the log to <paramref name="stream"/> in the library's columnar file form, version 1; the stream stays open.</summary>
    /// <param name="stream">The output; it need not seek.</param>
    /// <remarks>
    /// The form is a checksummed header (magic <c>DJPKLOG1</c>, version, counts), a table of section lengths and XxHash3
    /// checksums, then the catalog and topic names and each column as it is in memory (little-endian, 64-byte aligned), so
    /// a file is about <see cref="ColumnBytes"/> long. <see cref="Load(Stream)"/> and <see cref="Open"/> read it back.
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

    private ReadOnlyMemory<T> Live<T>(ReadOnlyMemory<T> column)
    {
        if (_mapping is { IsDisposed: true })
        {
            throw new ObjectDisposedException(nameof(InteractionLog), "The log was disposed: its file is no longer mapped; open it again.");
        }

        return column;
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
            using LogMapping.Lease lease = Lease();
            var consultation = new Consultation(
                Instant.FromUnixTimeTicks(Ticks[index]),
                Catalog.Channels[ChannelCodes[index]].Channel,
                Catalog.Segments[SegmentCodes[index]].Segment,
                Topics[TopicCodes[index]],
                new UserKey(UserKeys[UserCodes[index]]));
            return Service.Columns == ServiceColumns.None ? consultation : WithService(consultation, index);
        }
    }

    /// <summary>Returns the service fields of the record at <paramref name="index"/> as raw values, for copying into a builder.</summary>
    internal ServiceFields ServiceAt(int index)
    {
        ReadOnlySpan<long> responses = ResponseTicks, ends = EndTicks;
        ReadOnlySpan<byte> outcomes = OutcomeCodes, scores = SatisfactionScores;
        ReadOnlySpan<int> agents = AgentCodes, cases = CaseCodes;
        return new ServiceFields(
            responses.IsEmpty ? ServiceData.NoTime : responses[index],
            ends.IsEmpty ? ServiceData.NoTime : ends[index],
            outcomes.IsEmpty || outcomes[index] == 0 ? null : Outcomes[outcomes[index] - 1],
            agents.IsEmpty || agents[index] < 0 ? null : AgentKeys[agents[index]],
            cases.IsEmpty || cases[index] < 0 ? null : CaseKeys[cases[index]],
            scores.IsEmpty ? (byte)0 : scores[index]);
    }

    private Consultation WithService(Consultation consultation, int index)
    {
        ServiceFields fields = ServiceAt(index);
        return consultation with
        {
            FirstResponse = fields.Response == ServiceData.NoTime ? null : Instant.FromUnixTimeTicks(fields.Response),
            End = fields.End == ServiceData.NoTime ? null : Instant.FromUnixTimeTicks(fields.End),
            Outcome = fields.Outcome,
            Agent = fields.Agent is { } agent ? new AgentKey(agent) : null,
            Case = fields.Case is { } key ? new CaseKey(key) : null,
            Satisfaction = fields.Satisfaction == 0 ? null : fields.Satisfaction,
        };
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
