using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime;

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

    private readonly Dictionary<Topic, int> _topicCodes = [];
    private readonly List<Topic> _topics = [];
    private const int RecentTopics = 256;
    private readonly (string Name, ushort Code)[] _recentTopics = new (string Name, ushort Code)[RecentTopics]; // AddCodedRun's cache of topic codes, by the name's reference
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

    /// <summary>Adds coded records in bulk (the readers' replay of a parsed block), stopping before the first record whose topic would exceed <see cref="MaxTopics"/>.</summary>
    /// <returns>How many records were added: all of them, or the position of the first record that does not fit.</returns>
    /// <remarks>The caller keeps the log under <see cref="Array.MaxLength"/> records. Topic codes come from a small cache keyed by the topic name's reference (a reader's topic cache hands out one string per name), then from the dictionary.</remarks>
    internal int AddCodedRun(ReadOnlySpan<long> unixTicks, ReadOnlySpan<byte> channels, ReadOnlySpan<byte> segments, ReadOnlySpan<Topic> topics, ReadOnlySpan<long> userKeys)
    {
        int n = unixTicks.Length;
        int at = Count;
        EnsureCapacity(at + n);
        Span<ushort> topicColumn = _topicColumn.AsSpan(at, n);
        (string Name, ushort Code)[] recent = _recentTopics;
        int added = 0;
        for (; added < n; added++)
        {
            Topic topic = topics[added];
            string name = topic.Name;
            ref (string Name, ushort Code) slot = ref recent[RuntimeHelpers.GetHashCode(name) & (RecentTopics - 1)];
            if (!ReferenceEquals(slot.Name, name))
            {
                if (!CanAdd(topic))
                {
                    break;
                }

                slot = (name, (ushort)TopicCode(topic));
            }

            topicColumn[added] = slot.Code;
        }

        unixTicks[..added].CopyTo(_ticks.AsSpan(at));
        channels[..added].CopyTo(_channels.AsSpan(at));
        segments[..added].CopyTo(_segments.AsSpan(at));
        userKeys[..added].CopyTo(_users.AsSpan(at));
        Count = at + added;
        return added;
    }

    /// <summary>Gets how many records the columns hold before they grow.</summary>
    internal int Capacity => _ticks.Length;

    /// <summary>Makes room for <paramref name="records"/> records in all, so that a reader that knows its input's size grows the columns once.</summary>
    internal void Reserve(int records) => EnsureCapacity(Math.Min(records, Array.MaxLength), exact: true);

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
    /// <remarks>Codes the users in key order on up to <see cref="Environment.ProcessorCount"/> threads. Columns that are exactly full (as after one <see cref="AddColumns"/> into an empty builder) become the log's without a copy.</remarks>
    public InteractionLog Build()
    {
        // Code users in key order, so distinct users come out of a bit set already sorted and no dictionary is needed.
        (int[] users, long[] keys) = UserCoding.Code(_users, Count, Environment.ProcessorCount);
        _users = [];
        ReadOnlyMemory<long> ticks = Trimmed(_ticks, Count);
        var log = new InteractionLog(
            Catalog, ticks, Trimmed(_channels, Count), Trimmed(_segments, Count), Trimmed(_topicColumn, Count), users, [.. _topics], keys, InteractionLog.ScanTimes(ticks.Span), mapping: null, BuildService());
        Clear();
        return log;
    }

    /// <summary>Adds records given column by column, with channels, segments and topics as codes: the fast way from data already in columns (a data frame, Arrow or Parquet batches).</summary>
    /// <param name="unixTicks">Each record's time, in ticks since the Unix epoch (<see cref="Instant.ToUnixTimeTicks"/>).</param>
    /// <param name="channelCodes">Each record's channel, as its index in <see cref="Catalog"/>'s <see cref="Catalog.Channels"/>.</param>
    /// <param name="segmentCodes">Each record's segment, as its index in <see cref="Catalog"/>'s <see cref="Catalog.Segments"/>.</param>
    /// <param name="topicCodes">Each record's topic, as an index into <paramref name="topics"/>.</param>
    /// <param name="topics">The topics the codes name (a dictionary of the source column; it may repeat a topic).</param>
    /// <param name="userKeys">Each record's user key (<see cref="UserKey.Value"/>).</param>
    /// <returns>This builder, to chain calls.</returns>
    /// <remarks>Every column is checked before any record is added, so a failed call adds nothing. Topics join the log in the order records first use them, as with <see cref="Add"/>; a topic no record uses does not. The records get no service fields.</remarks>
    /// <exception cref="ArgumentException">The columns differ in length; a code is out of its range (the message gives the first bad position); a time is outside <see cref="Instant"/>'s range; or the log would exceed <see cref="MaxTopics"/> topics or <see cref="Array.MaxLength"/> records.</exception>
    public InteractionLogBuilder AddColumns(
        ReadOnlySpan<long> unixTicks,
        ReadOnlySpan<byte> channelCodes,
        ReadOnlySpan<byte> segmentCodes,
        ReadOnlySpan<ushort> topicCodes,
        ReadOnlySpan<Topic> topics,
        ReadOnlySpan<long> userKeys)
    {
        int n = unixTicks.Length;
        if (channelCodes.Length != n || segmentCodes.Length != n || topicCodes.Length != n || userKeys.Length != n)
        {
            throw new ArgumentException(string.Create(
                CultureInfo.InvariantCulture,
                $"The columns must have one value per record; their lengths are {n} (times), {channelCodes.Length} (channels), {segmentCodes.Length} (segments), {topicCodes.Length} (topics) and {userKeys.Length} (users)."));
        }

        if (n > Array.MaxLength - Count)
        {
            throw new ArgumentException($"A log holds at most {Array.MaxLength} records; add fewer columns' worth.", nameof(unixTicks));
        }

        CheckCodes(channelCodes, Catalog.Channels.Length, "channel", "Catalog.Channels", nameof(channelCodes));
        CheckCodes(segmentCodes, Catalog.Segments.Length, "segment", "Catalog.Segments", nameof(segmentCodes));
        if (n > 0 && topics.IsEmpty)
        {
            throw new ArgumentException("Topic codes need the topics they name; pass the column's topics (Topic.Unspecified when none is recorded).", nameof(topics));
        }

        if (topics.Length <= ushort.MaxValue)
        {
            int badTopic = topicCodes.IndexOfAnyInRange((ushort)topics.Length, ushort.MaxValue);
            if (badTopic >= 0)
            {
                throw new ArgumentException(string.Create(
                    CultureInfo.InvariantCulture, $"The topic code {topicCodes[badTopic]} at position {badTopic} names no topic: there are {topics.Length} topics, so codes run from 0 to {topics.Length - 1}."), nameof(topicCodes));
            }
        }

        int badTime = unixTicks.IndexOfAnyExceptInRange(MinInstantTicks, MaxInstantTicks);
        if (badTime >= 0)
        {
            throw new ArgumentException(string.Create(
                CultureInfo.InvariantCulture, $"The time {unixTicks[badTime]} (ticks) at position {badTime} is outside the range of an instant ({MinInstantTicks} to {MaxInstantTicks})."), nameof(unixTicks));
        }

        // Topics are numbered in the order records first use them, as Add does; a dictionary entry no record uses is not a topic of the log.
        bool[] used = new bool[topics.Length];
        foreach (ushort code in topicCodes)
        {
            used[code] = true;
        }

        var fresh = new HashSet<Topic>();
        for (int t = 0; t < topics.Length; t++)
        {
            if (used[t] && !_topicCodes.ContainsKey(topics[t]))
            {
                fresh.Add(topics[t]);
            }
        }

        if (_topics.Count + fresh.Count > MaxTopics)
        {
            throw new ArgumentException($"A log holds at most {MaxTopics} distinct topics; these columns would bring it to {_topics.Count + fresh.Count}.", nameof(topics));
        }

        int at = Count;
        EnsureCapacity(at + n, exact: at == 0);
        unixTicks.CopyTo(_ticks.AsSpan(at));
        channelCodes.CopyTo(_channels.AsSpan(at));
        segmentCodes.CopyTo(_segments.AsSpan(at));
        userKeys.CopyTo(_users.AsSpan(at));
        Span<ushort> topicColumn = _topicColumn.AsSpan(at, n);
        int[] recode = new int[topics.Length];
        recode.AsSpan().Fill(-1);
        for (int i = 0; i < topicColumn.Length; i++)
        {
            int code = recode[topicCodes[i]];
            if (code < 0)
            {
                code = recode[topicCodes[i]] = TopicCode(topics[topicCodes[i]]);
            }

            topicColumn[i] = (ushort)code;
        }

        Count = at + n;
        return this;
    }

    private static long MinInstantTicks { get; } = Instant.MinValue.ToUnixTimeTicks();

    private static long MaxInstantTicks { get; } = Instant.MaxValue.ToUnixTimeTicks();

    private static void CheckCodes(ReadOnlySpan<byte> codes, int count, string what, string list, string parameter)
    {
        int bad = count > byte.MaxValue ? -1 : codes.IndexOfAnyInRange((byte)count, byte.MaxValue);
        if (bad >= 0)
        {
            throw new ArgumentException(string.Create(
                CultureInfo.InvariantCulture, $"The {what} code {codes[bad]} at position {bad} is not in the catalog: {list} has {count}, so codes run from 0 to {count - 1}; add the {what} to the catalog or fix the code."), parameter);
        }
    }

    // The first `count` items: the array itself when it has little room left (at most 1/16 more than `count`, as after a
    // reader sized the columns from its input's length, or exactly full after one AddColumns), else a copy, so that a
    // doubled array does not keep its empty half.
    private static ReadOnlyMemory<T> Trimmed<T>(T[] column, int count) => column.Length - count <= count / 16 ? column.AsMemory(0, count) : column.AsSpan(0, count).ToArray();

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

    private void Clear()
    {
        (_ticks, _channels, _segments, _topicColumn, _users) = ([], [], [], [], []);
        (_responses, _ends, _outcomeColumn, _agentColumn, _caseColumn, _satisfaction) = (null, null, null, null, null, null);
        _topicCodes.Clear();
        _topics.Clear();
        Array.Clear(_recentTopics);
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

    // Grows the columns to hold `needed` records: by doubling, or to exactly `needed` when asked (a bulk add).
    private void EnsureCapacity(int needed, bool exact = false)
    {
        if (needed <= _ticks.Length)
        {
            return;
        }

        int capacity = exact ? needed : (int)Math.Min(Array.MaxLength, Math.Max(needed, Math.Max(1024L, (long)_ticks.Length * 2)));
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
