using System.Globalization;
using NodaTime;

namespace Djpk.Metrics.Logs;

/// <summary>One consultation: when it happened, through which channel, by which kind of user, about what, and who asked.</summary>
/// <remarks>
/// <para>Immutable. <see cref="InteractionLog"/> stores consultations column by column; this is the row view.</para>
/// <para>The service fields (<see cref="FirstResponse"/>, <see cref="End"/>, <see cref="Outcome"/>, <see cref="Agent"/>,
/// <see cref="Case"/>, <see cref="Satisfaction"/>) are optional and set with an object initializer; each is
/// <see langword="null"/> when the source does not record it. Their rules: a first response is not before the
/// contact's <see cref="Timestamp"/>, an end is not before the first response (nor the timestamp), and a satisfaction
/// score is 1 to 5.</para>
/// <para>The default value has a default channel and segment, which no log accepts.</para>
/// </remarks>
public readonly record struct Consultation
{
    /// <summary>The lowest satisfaction score: 1.</summary>
    public const int MinSatisfaction = 1;

    /// <summary>The highest satisfaction score: 5.</summary>
    public const int MaxSatisfaction = 5;

    private readonly Instant? _firstResponse;
    private readonly Instant? _end;
    private readonly Outcome? _outcome;
    private readonly int? _satisfaction;

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

    /// <summary>Gets when the contact was first answered: the first agent reply for WhatsApp, e-mail and live chat, the answer for a call; <see langword="null"/> when never answered or not recorded.</summary>
    /// <exception cref="ArgumentException">On set: the instant is before <see cref="Timestamp"/>, or after <see cref="End"/>.</exception>
    public Instant? FirstResponse
    {
        get => _firstResponse;
        init
        {
            if (value is { } response && (response < Timestamp || (_end is { } end && end < response)))
            {
                throw new ArgumentException($"The first response {response} must not be before the contact's time {Timestamp} nor after its end {_end}; a reply cannot come before its message.", nameof(FirstResponse));
            }

            _firstResponse = value;
        }
    }

    /// <summary>Gets when the contact ended or its case was resolved; <see langword="null"/> while open or when not recorded.</summary>
    /// <exception cref="ArgumentException">On set: the instant is before <see cref="Timestamp"/> or before <see cref="FirstResponse"/>.</exception>
    public Instant? End
    {
        get => _end;
        init
        {
            if (value is { } end && (end < Timestamp || (_firstResponse is { } response && end < response)))
            {
                throw new ArgumentException($"The end {end} must not be before the contact's time {Timestamp} nor before its first response {_firstResponse}.", nameof(End));
            }

            _end = value;
        }
    }

    /// <summary>Gets how the contact ended, such as <see cref="Metrics.Outcome.Answered"/>; <see langword="null"/> when not recorded.</summary>
    /// <exception cref="ArgumentException">On set: the outcome is the default value.</exception>
    public Outcome? Outcome
    {
        get => _outcome;
        init => _outcome = value is { IsDefault: true }
            ? throw new ArgumentException("An outcome must have an id, such as Outcome.Answered.", nameof(Outcome))
            : value;
    }

    /// <summary>Gets the agent who handled the contact; <see langword="null"/> when not recorded.</summary>
    public AgentKey? Agent { get; init; }

    /// <summary>Gets the case (conversation or ticket) the contact belongs to; <see langword="null"/> when each contact is its own case.</summary>
    public CaseKey? Case { get; init; }

    /// <summary>Gets the user's satisfaction score, 1 (worst) to 5 (best); <see langword="null"/> when none was given.</summary>
    /// <exception cref="ArgumentOutOfRangeException">On set: the score is outside 1 to 5.</exception>
    public int? Satisfaction
    {
        get => _satisfaction;
        init => _satisfaction = value is < MinSatisfaction or > MaxSatisfaction
            ? throw new ArgumentOutOfRangeException(nameof(Satisfaction), value, "A satisfaction score is 1 to 5.")
            : value;
    }

    /// <summary>Returns the invariant text form, such as <c>2023-12-04T02:15:00Z whatsapp pemda "DBH" user 42</c>, followed by the service fields that are set.</summary>
    /// <returns>The text form.</returns>
    public override string ToString()
    {
        string text = string.Create(CultureInfo.InvariantCulture, $"{Timestamp} {Channel} {Segment} \"{Topic}\" user {User}");
        return text
            + (_firstResponse is { } response ? string.Create(CultureInfo.InvariantCulture, $" responded {response}") : string.Empty)
            + (_end is { } end ? string.Create(CultureInfo.InvariantCulture, $" ended {end}") : string.Empty)
            + (_outcome is { } outcome ? $" {outcome}" : string.Empty)
            + (Agent is { } agent ? $" agent {agent}" : string.Empty)
            + (Case is { } key ? $" case {key}" : string.Empty)
            + (_satisfaction is { } score ? string.Create(CultureInfo.InvariantCulture, $" satisfaction {score}") : string.Empty);
    }
}
