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
    {
        Catalog = catalog;
        Ticks = ticks;
        ChannelCodes = channels;
        SegmentCodes = segments;
        TopicCodes = topics;
        UserCodes = users;
        Topics = topicNames;
        UserKeys = userKeys;
        if (ticks.Length > 0)
        {
            long earliest = long.MaxValue, latest = long.MinValue;
            bool chronological = true;
            for (int i = 0; i < ticks.Length; i++)
            {
                earliest = Math.Min(earliest, ticks[i]);
                latest = Math.Max(latest, ticks[i]);
                chronological &= i == 0 || ticks[i - 1] <= ticks[i];
            }

            (EarliestTicks, LatestTicks, IsChronological) = (earliest, latest, chronological);
        }
        else
        {
            IsChronological = true;
        }
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
    /// <remarks>Aggregating a chronological log skips the time column inside each period, which is several times faster; the results are the same either way.</remarks>
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
