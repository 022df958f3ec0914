using System.Collections.Immutable;

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

    private readonly Dictionary<Topic, int> _topicCodes = [];
    private readonly List<Topic> _topics = [];
    private long[] _ticks = [];
    private byte[] _channels = [];
    private byte[] _segments = [];
    private ushort[] _topicColumn = [];
    private long[] _users = []; // the raw user keys; Build turns them into dense codes in key order

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
    /// <exception cref="ArgumentException">Its channel or segment is not in the <see cref="Catalog"/>, or the log would exceed <see cref="MaxTopics"/> topics.</exception>
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

        EnsureCapacity(Count + 1);
        _ticks[Count] = consultation.Timestamp.ToUnixTimeTicks();
        _channels[Count] = (byte)channel;
        _segments[Count] = (byte)segment;
        _topicColumn[Count] = (ushort)topic;
        _users[Count] = consultation.User.Value;
        Count++;
        return this;
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

        Array.Sort(sortedKeys, position);
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
            Catalog, _ticks[..Count], _channels[..Count], _segments[..Count], _topicColumn[..Count], users, [.. _topics], keys);
        Clear();
        return log;
    }

    private void Clear()
    {
        (_ticks, _channels, _segments, _topicColumn, _users) = ([], [], [], [], []);
        _topicCodes.Clear();
        _topics.Clear();
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
    }
}
