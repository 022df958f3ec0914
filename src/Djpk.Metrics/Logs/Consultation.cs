using System.Globalization;
using NodaTime;

namespace Djpk.Metrics.Logs;

/// <summary>One consultation: when it happened, through which channel, by which kind of user, about what, and who asked.</summary>
/// <remarks>
/// <para>Immutable. <see cref="InteractionLog"/> stores consultations column by column; this is the row view.</para>
/// <para>The default value has a default channel and segment, which no log accepts.</para>
/// </remarks>
public readonly record struct Consultation
{
    /// <summary>Creates a consultation.</summary>
    /// <param name="timestamp">When it happened.</param>
    /// <param name="channel">The channel it came through.</param>
    /// <param name="segment">The segment of the user who asked.</param>
    /// <param name="topic">What it was about; <see cref="Topic.Unspecified"/> when not recorded.</param>
    /// <param name="user">The opaque key of the user who asked.</param>
    /// <exception cref="ArgumentException"><paramref name="channel"/> or <paramref name="segment"/> is the default value.</exception>
    public Consultation(Instant timestamp, Channel channel, UserSegment segment, Topic topic, UserKey user)
    {
        if (channel.IsDefault)
        {
            throw new ArgumentException("A consultation needs a channel.", nameof(channel));
        }

        if (segment.IsDefault)
        {
            throw new ArgumentException("A consultation needs a user segment.", nameof(segment));
        }

        Timestamp = timestamp;
        Channel = channel;
        Segment = segment;
        Topic = topic;
        User = user;
    }

    /// <summary>Gets when the consultation happened.</summary>
    public Instant Timestamp { get; }

    /// <summary>Gets the channel it came through.</summary>
    public Channel Channel { get; }

    /// <summary>Gets the segment of the user who asked.</summary>
    public UserSegment Segment { get; }

    /// <summary>Gets what it was about.</summary>
    public Topic Topic { get; }

    /// <summary>Gets the opaque key of the user who asked.</summary>
    public UserKey User { get; }

    /// <summary>Returns the invariant text form, such as <c>2023-12-04T02:15:00Z whatsapp pemda "DBH" user 42</c>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Timestamp} {Channel} {Segment} \"{Topic}\" user {User}");
}
