using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Djpk.Metrics.Logs;

/// <summary>Collects consultations and builds an <see cref="InteractionLog"/> from them.</summary>
/// <remarks>
/// Not thread-safe. Every channel and segment must be in the builder's <see cref="Catalog"/>; topics and users are
/// open sets. <see cref="Build"/> hands the collected columns to the log and leaves the builder empty, ready for reuse.
/// </remarks>
public sealed class InteractionLogBuilder
{
    /// <summary>The largest number of distinct topics in one log.</summary>
    public const int MaxTopics = ushort.MaxValue + 1;

    /// <summary>The largest number of distinct outcomes in one log.</summary>
    public const int MaxOutcomes = byte.MaxValue;

    private const ulong SignBit = 1UL << 63;

    private readonly Dictionary<Topic, int> _topicCodes = [];
    private readonly List<Topic> _topics = [];
    private long[] _ticks = [];
    private byte[] _channels = [];
    private byte[] _segments = [];
    private ushort[] _topicColumn = [];
    private long[] _users = []; // the raw user keys; Build turns them into dense codes in key order

    // The optional service columns, allocated when the first record with the field arrives (earlier records get the
    // missing value). Agents and cases are coded in first-seen order here and renumbered in key order by Build.
    private long[]? _responses;
    private long[]? _ends;
    private byte[]? _outcomeColumn;
    private int[]? _agentColumn;
    private int[]? _caseColumn;
    private byte[]? _satisfaction;
    private readonly Dictionary<Outcome, byte> _outcomeCodes = [];
    private readonly List<Outcome> _outcomes = [];
    private readonly Dictionary<long, int> _agentCodes = [];
    private readonly Dictionary<long, int> _caseCodes = [];

    /// <summary>Creates a builder for consultations over <paramref name="catalog"/>.</summary>
    /// <param name="catalog">The channels and segments the log may use, such as a profile's catalog.</param>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is <see langword="null"/>.</exception>
    public InteractionLogBuilder(Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Catalog = catalog;
    }

    /// <summary>Gets the catalog of channels and segments.</summary>
    public Catalog Catalog { get; }

    /// <summary>Gets the number of consultations collected so far.</summary>
    public int Count { get; private set; }

    /// <summary>Adds one consultation.</summary>
    /// <param name="consultation">The consultation.</param>
    /// <returns>This builder, to chain calls.</returns>
    /// <exception cref="ArgumentException">Its channel or segment is not in the <see cref="Catalog"/>, or the log would exceed <see cref="MaxTopics"/> topics or <see cref="MaxOutcomes"/> outcomes.</exception>
    public InteractionLogBuilder Add(in Consultation consultation)
    {
        int channel = Catalog.CodeOf(consultation.Channel);
        if (channel < 0)
        {
            throw new ArgumentException($"The channel '{consultation.Channel}' is not in the log's catalog; add it with Catalog.WithChannel.", nameof(consultation));
        }

        int segment = Catalog.CodeOf(consultation.Segment);
        if (segment < 0)
        {
            throw new ArgumentException($"The segment '{consultation.Segment}' is not in the log's catalog; add it with Catalog.WithSegment.", nameof(consultation));
        }

        int topic = TopicCode(consultation.Topic);
        ServiceFields service = ServiceFields.Of(consultation);
        if (service.Outcome is { } outcome && !CanAdd(outcome))
        {
            throw new ArgumentException($"A log holds at most {MaxOutcomes} distinct outcomes.", nameof(consultation));
        }

        EnsureCapacity(Count + 1);
        _ticks[Count] = consultation.Timestamp.ToUnixTimeTicks();
        _channels[Count] = (byte)channel;
        _segments[Count] = (byte)segment;
        _topicColumn[Count] = (ushort)topic;
        _users[Count] = consultation.User.Value;
        if (service.Any)
        {
            AddService(service);
        }

        Count++;
        return this;
    }

    /// <summary>Returns whether a record with <paramref name="outcome"/> fits: the outcome is known or there is room for one more.</summary>
    internal bool CanAdd(Outcome outcome) => _outcomes.Count < MaxOutcomes || _outcomeCodes.ContainsKey(outcome);

    /// <summary>Adds one record whose channel and segment are already coded, with its service fields (the readers' path for sources with service columns).</summary>
    /// <remarks>The caller has checked the fields' order and ranges and that the outcome fits (<see cref="CanAdd(Outcome)"/>).</remarks>
    internal void AddCoded(long unixTicks, byte channel, byte segment, Topic topic, long userKey, in ServiceFields service)
    {
        AddCoded(unixTicks, channel, segment, topic, userKey);
        if (service.Any)
        {
            Count--;
            AddService(service);
            Count++;
        }
    }

    // Stores the service fields of the record at position Count (its base fields are in place).
    private void AddService(in ServiceFields service)
    {
        int i = Count;
        if (service.Response != ServiceData.NoTime)
        {
            Column(ref _responses, ServiceData.NoTime)[i] = service.Response;
        }

        if (service.End != ServiceData.NoTime)
        {
            Column(ref _ends, ServiceData.NoTime)[i] = service.End;
        }

        if (service.Outcome is { } outcome)
        {
            if (!_outcomeCodes.TryGetValue(outcome, out byte code))
            {
                _outcomes.Add(outcome);
                code = (byte)_outcomes.Count; // 1-based: 0 is "no outcome"
                _outcomeCodes.Add(outcome, code);
            }

            Column(ref _outcomeColumn, (byte)0)[i] = code;
        }

        if (service.Agent is { } agent)
        {
            Column(ref _agentColumn, -1)[i] = KeyCode(_agentCodes, agent);
        }

        if (service.Case is { } key)
        {
            Column(ref _caseColumn, -1)[i] = KeyCode(_caseCodes, key);
        }

        if (service.Satisfaction != 0)
        {
            Column(ref _satisfaction, (byte)0)[i] = service.Satisfaction;
        }
    }

    private static int KeyCode(Dictionary<long, int> codes, long key)
    {
        if (!codes.TryGetValue(key, out int code))
        {
            code = codes.Count;
            codes.Add(key, code);
        }

        return code;
    }

    // The column, allocated at the builder's capacity with every record missing the field when it did not exist yet
    // (later records without the field keep the missing value: Resize fills the new room with it too).
    private T[] Column<T>(ref T[]? column, T missing)
    {
        if (column is null)
        {
            column = GC.AllocateUninitializedArray<T>(_ticks.Length);
            column.AsSpan().Fill(missing);
        }

        return column;
    }

    /// <summary>Returns whether a record with <paramref name="topic"/> fits: the topic is known or there is room for one more.</summary>
    internal bool CanAdd(Topic topic) => _topics.Count < MaxTopics || _topicCodes.ContainsKey(topic);

    /// <summary>Adds one record whose channel and segment are already coded against the <see cref="Catalog"/> (the readers' fast path).</summary>
    internal void AddCoded(long unixTicks, byte channel, byte segment, Topic topic, long userKey)
    {
        int topicCode = TopicCode(topic);

        EnsureCapacity(Count + 1);
        _ticks[Count] = unixTicks;
        _channels[Count] = channel;
        _segments[Count] = segment;
        _topicColumn[Count] = (ushort)topicCode;
        _users[Count] = userKey;
        Count++;
    }

    /// <summary>Adds consultations from a span.</summary>
    /// <param name="consultations">The consultations.</param>
    /// <returns>This builder, to chain calls.</returns>
    /// <exception cref="ArgumentException">A channel or segment is not in the <see cref="Catalog"/>; the consultations before it were added.</exception>
    public InteractionLogBuilder AddRange(ReadOnlySpan<Consultation> consultations)
    {
        EnsureCapacity(Count + consultations.Length);
        foreach (ref readonly Consultation consultation in consultations)
        {
            Add(consultation);
        }

        return this;
    }

    /// <summary>Adds consultations from a sequence.</summary>
    /// <param name="consultations">The consultations.</param>
    /// <returns>This builder, to chain calls.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="consultations"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A channel or segment is not in the <see cref="Catalog"/>; the consultations before it were added.</exception>
    public InteractionLogBuilder AddRange(IEnumerable<Consultation> consultations)
    {
        ArgumentNullException.ThrowIfNull(consultations);
        if (consultations.TryGetNonEnumeratedCount(out int count))
        {
            EnsureCapacity(Count + count);
        }

        foreach (Consultation consultation in consultations)
        {
            Add(consultation);
        }

        return this;
    }

    /// <summary>Builds the log from the consultations collected, and empties the builder.</summary>
    /// <returns>The immutable log.</returns>
    public InteractionLog Build()
    {
        // Code users in key order: sort the records' keys (carrying each record's position), then number the distinct
        // keys as they come. Distinct users then come out of a bit set already sorted, and no dictionary is needed.
        long[] sortedKeys = _users[..Count];
        int[] position = new int[Count];
        for (int i = 0; i < position.Length; i++)
        {
            position[i] = i;
        }

        (sortedKeys, position) = RadixSort(sortedKeys, position);
        int[] users = new int[Count];
        int distinct = 0;
        for (int rank = 0; rank < sortedKeys.Length; rank++)
        {
            if (rank == 0 || sortedKeys[rank] != sortedKeys[rank - 1])
            {
                sortedKeys[distinct++] = sortedKeys[rank];
            }

            users[position[rank]] = distinct - 1;
        }

        long[] keys = sortedKeys[..distinct];
        var log = new InteractionLog(
            Catalog, _ticks[..Count], _channels[..Count], _segments[..Count], _topicColumn[..Count], users, [.. _topics], keys, BuildService());
        Clear();
        return log;
    }

    private ServiceData BuildService()
    {
        if (_responses is null && _ends is null && _outcomeColumn is null && _agentColumn is null && _caseColumn is null && _satisfaction is null)
        {
            return ServiceData.None;
        }

        (int[] agents, long[] agentKeys) = InKeyOrder(_agentColumn, _agentCodes, Count);
        (int[] cases, long[] caseKeys) = InKeyOrder(_caseColumn, _caseCodes, Count);
        return new ServiceData(
            _responses?[..Count] ?? default(ReadOnlyMemory<long>),
            _ends?[..Count] ?? default(ReadOnlyMemory<long>),
            [.. _outcomes],
            _outcomeColumn?[..Count] ?? default(ReadOnlyMemory<byte>),
            agents,
            agentKeys,
            cases,
            caseKeys,
            _satisfaction?[..Count] ?? default(ReadOnlyMemory<byte>));
    }

    // Renumbers first-seen codes so that code order is key order, as user codes are.
    private static (int[] Codes, long[] Keys) InKeyOrder(int[]? column, Dictionary<long, int> codes, int count)
    {
        if (column is null)
        {
            return ([], []);
        }

        long[] keys = new long[codes.Count];
        int[] firstSeen = new int[codes.Count];
        foreach ((long key, int code) in codes)
        {
            keys[code] = key;
            firstSeen[code] = code;
        }

        Array.Sort(keys, firstSeen);
        int[] renumber = new int[codes.Count];
        for (int rank = 0; rank < firstSeen.Length; rank++)
        {
            renumber[firstSeen[rank]] = rank;
        }

        int[] result = column[..count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = result[i] < 0 ? -1 : renumber[result[i]];
        }

        return (result, keys);
    }

    // Sorts the keys, carrying each one's position, by a stable least-significant-digit radix sort on bytes (a pass is
    // skipped when every key has the same byte there): linear time, several times faster than a comparison sort of
    // millions of keys, at the cost of a second pair of arrays. Returns the arrays that hold the result.
    private static (long[] Keys, int[] Positions) RadixSort(long[] keys, int[] positions)
    {
        const int Digits = sizeof(long);
        int n = keys.Length;
        if (n < 256)
        {
            Array.Sort(keys, positions); // positions start in order, so equal keys keep it either way: codes don't depend on it
            return (keys, positions);
        }

        Span<ulong> source = MemoryMarshal.Cast<long, ulong>(keys.AsSpan());
        int[] counts = new int[Digits * 256];
        unchecked
        {
            for (int i = 0; i < n; i++)
            {
                ulong key = source[i] ^ SignBit; // signed order as unsigned order
                source[i] = key;
                for (int d = 0; d < Digits; d++)
                {
                    counts[(d << 8) + (int)((key >> (d << 3)) & 0xFF)]++;
                }
            }
        }

        long[] otherKeys = GC.AllocateUninitializedArray<long>(n);
        int[] otherPositions = GC.AllocateUninitializedArray<int>(n);
        (long[] fromKeys, int[] fromPositions, long[] toKeys, int[] toPositions) = (keys, positions, otherKeys, otherPositions);
        Span<int> offsets = stackalloc int[256];
        for (int d = 0; d < Digits; d++)
        {
            Span<int> digitCounts = counts.AsSpan(d << 8, 256);
            if (digitCounts.Contains(n))
            {
                continue; // every key has the same byte here
            }

            int sum = 0;
            for (int b = 0; b < 256; b++)
            {
                offsets[b] = sum;
                sum += digitCounts[b];
            }

            ReadOnlySpan<ulong> from = MemoryMarshal.Cast<long, ulong>(fromKeys.AsSpan());
            Span<ulong> to = MemoryMarshal.Cast<long, ulong>(toKeys.AsSpan());
            int shift = d << 3;
            unchecked
            {
                for (int i = 0; i < n; i++)
                {
                    ulong key = from[i];
                    int target = offsets[(int)((key >> shift) & 0xFF)]++;
                    to[target] = key;
                    toPositions[target] = fromPositions[i];
                }
            }

            (fromKeys, fromPositions, toKeys, toPositions) = (toKeys, toPositions, fromKeys, fromPositions);
        }

        Span<ulong> result = MemoryMarshal.Cast<long, ulong>(fromKeys.AsSpan());
        unchecked
        {
            for (int i = 0; i < n; i++)
            {
                result[i] ^= SignBit;
            }
        }

        return (fromKeys, fromPositions);
    }

    private void Clear()
    {
        (_ticks, _channels, _segments, _topicColumn, _users) = ([], [], [], [], []);
        (_responses, _ends, _outcomeColumn, _agentColumn, _caseColumn, _satisfaction) = (null, null, null, null, null, null);
        _topicCodes.Clear();
        _topics.Clear();
        _outcomeCodes.Clear();
        _outcomes.Clear();
        _agentCodes.Clear();
        _caseCodes.Clear();
        Count = 0;
    }

    private int TopicCode(Topic topic)
    {
        if (_topicCodes.TryGetValue(topic, out int code))
        {
            return code;
        }

        if (_topics.Count >= MaxTopics)
        {
            throw new ArgumentException($"A log holds at most {MaxTopics} distinct topics.", nameof(topic));
        }

        code = _topics.Count;
        _topicCodes.Add(topic, code);
        _topics.Add(topic);
        return code;
    }

    private void EnsureCapacity(int needed)
    {
        if (needed <= _ticks.Length)
        {
            return;
        }

        int capacity = (int)Math.Min(Array.MaxLength, Math.Max(needed, Math.Max(1024L, (long)_ticks.Length * 2)));
        Array.Resize(ref _ticks, capacity);
        Array.Resize(ref _channels, capacity);
        Array.Resize(ref _segments, capacity);
        Array.Resize(ref _topicColumn, capacity);
        Array.Resize(ref _users, capacity);
        Resize(ref _responses, capacity, ServiceData.NoTime);
        Resize(ref _ends, capacity, ServiceData.NoTime);
        Resize(ref _outcomeColumn, capacity, (byte)0);
        Resize(ref _agentColumn, capacity, -1);
        Resize(ref _caseColumn, capacity, -1);
        Resize(ref _satisfaction, capacity, (byte)0);
    }

    private static void Resize<T>(ref T[]? column, int capacity, T missing)
    {
        if (column is not null)
        {
            int old = column.Length;
            Array.Resize(ref column, capacity);
            column.AsSpan(old).Fill(missing);
        }
    }
}
