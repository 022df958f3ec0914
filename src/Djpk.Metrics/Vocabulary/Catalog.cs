using System.Collections.Immutable;

namespace Djpk.Metrics;

/// <summary>The channels and user segments a log may use, each with a stable small code (its position).</summary>
/// <remarks>
/// <para>Immutable: <see cref="WithChannel"/> and <see cref="WithSegment"/> return a new catalog with the entry
/// appended, so the codes of existing entries never change. A profile, such as DJPK's in the Djpk.Metrics.Reporting package, supplies a ready catalog.</para>
/// <para>A catalog holds at most <see cref="MaxEntries"/> channels and as many segments.</para>
/// </remarks>
public sealed class Catalog
{
    /// <summary>The largest number of channels, and of segments, in one catalog.</summary>
    public const int MaxEntries = 256;

    private readonly Dictionary<Channel, int> _channelCodes;
    private readonly Dictionary<UserSegment, int> _segmentCodes;

    private Catalog(ImmutableArray<ChannelInfo> channels, ImmutableArray<UserSegmentInfo> segments)
    {
        Channels = channels;
        Segments = segments;
        _channelCodes = channels.Select((info, code) => (info.Channel, code)).ToDictionary(p => p.Channel, p => p.code);
        _segmentCodes = segments.Select((info, code) => (info.Segment, code)).ToDictionary(p => p.Segment, p => p.code);
    }

    /// <summary>Gets a catalog with no channels and no segments.</summary>
    public static Catalog Empty { get; } = new([], []);

    /// <summary>Gets the channels, in code order.</summary>
    public ImmutableArray<ChannelInfo> Channels { get; }

    /// <summary>Gets the user segments, in code order.</summary>
    public ImmutableArray<UserSegmentInfo> Segments { get; }

    /// <summary>Returns a new catalog with <paramref name="channel"/> appended, such as a TikTok account.</summary>
    /// <param name="channel">The channel's description.</param>
    /// <returns>The extended catalog; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The catalog already has that channel, or holds <see cref="MaxEntries"/> channels.</exception>
    public Catalog WithChannel(ChannelInfo channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (Contains(channel.Channel))
        {
            throw new ArgumentException($"The catalog already has the channel '{channel.Channel}'.", nameof(channel));
        }

        if (Channels.Length >= MaxEntries)
        {
            throw new ArgumentException($"A catalog holds at most {MaxEntries} channels.", nameof(channel));
        }

        return new Catalog(Channels.Add(channel), Segments);
    }

    /// <summary>Returns a new catalog with <paramref name="segment"/> appended.</summary>
    /// <param name="segment">The segment's description.</param>
    /// <returns>The extended catalog; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="segment"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The catalog already has that segment, or holds <see cref="MaxEntries"/> segments.</exception>
    public Catalog WithSegment(UserSegmentInfo segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (Contains(segment.Segment))
        {
            throw new ArgumentException($"The catalog already has the segment '{segment.Segment}'.", nameof(segment));
        }

        if (Segments.Length >= MaxEntries)
        {
            throw new ArgumentException($"A catalog holds at most {MaxEntries} segments.", nameof(segment));
        }

        return new Catalog(Channels, Segments.Add(segment));
    }

    /// <summary>Returns whether the catalog has <paramref name="channel"/>.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns><see langword="true"/> when the channel is in the catalog.</returns>
    public bool Contains(Channel channel) => _channelCodes.ContainsKey(channel);

    /// <summary>Returns whether the catalog has <paramref name="segment"/>.</summary>
    /// <param name="segment">The segment.</param>
    /// <returns><see langword="true"/> when the segment is in the catalog.</returns>
    public bool Contains(UserSegment segment) => _segmentCodes.ContainsKey(segment);

    /// <summary>Returns the description of <paramref name="channel"/>.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>Its names and kind.</returns>
    /// <exception cref="ArgumentException">The catalog does not have <paramref name="channel"/>.</exception>
    public ChannelInfo Describe(Channel channel) =>
        _channelCodes.TryGetValue(channel, out int code)
            ? Channels[code]
            : throw new ArgumentException($"The catalog has no channel '{channel}'.", nameof(channel));

    /// <summary>Returns the description of <paramref name="segment"/>.</summary>
    /// <param name="segment">The segment.</param>
    /// <returns>Its names and whom it includes.</returns>
    /// <exception cref="ArgumentException">The catalog does not have <paramref name="segment"/>.</exception>
    public UserSegmentInfo Describe(UserSegment segment) =>
        _segmentCodes.TryGetValue(segment, out int code)
            ? Segments[code]
            : throw new ArgumentException($"The catalog has no segment '{segment}'.", nameof(segment));

    /// <summary>Returns the code of <paramref name="channel"/>: its index in <see cref="Channels"/>, as <see cref="Logs.InteractionLogBuilder.AddColumns"/> takes it.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The index, or -1 when the catalog does not have the channel.</returns>
    public int IndexOf(Channel channel) => CodeOf(channel);

    /// <summary>Returns the code of <paramref name="segment"/>: its index in <see cref="Segments"/>, as <see cref="Logs.InteractionLogBuilder.AddColumns"/> takes it.</summary>
    /// <param name="segment">The segment.</param>
    /// <returns>The index, or -1 when the catalog does not have the segment.</returns>
    public int IndexOf(UserSegment segment) => CodeOf(segment);

    internal int CodeOf(Channel channel) => _channelCodes.TryGetValue(channel, out int code) ? code : -1;

    internal int CodeOf(UserSegment segment) => _segmentCodes.TryGetValue(segment, out int code) ? code : -1;
}
