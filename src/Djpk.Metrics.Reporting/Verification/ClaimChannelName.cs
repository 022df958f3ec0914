namespace Djpk.Metrics.Verification;

/// <summary>How a report's text names a channel: a pattern, the short id of its claims and the channel's kind.</summary>
/// <remarks>Immutable; built by <see cref="ClaimVocabulary.WithChannel"/>.</remarks>
public sealed class ClaimChannelName
{
    internal ClaimChannelName(Channel channel, string pattern, string shortId, ChannelKind kind)
    {
        Channel = channel;
        Pattern = pattern;
        ShortId = shortId;
        Kind = kind;
    }

    /// <summary>Gets the channel.</summary>
    public Channel Channel { get; }

    /// <summary>Gets the regular expression of its names.</summary>
    public string Pattern { get; }

    /// <summary>Gets the short id of its claims, such as "phone".</summary>
    public string ShortId { get; }

    /// <summary>Gets what the channel is for.</summary>
    public ChannelKind Kind { get; }

    /// <summary>Returns the channel's id and pattern.</summary>
    /// <returns>Such as "phone: telepon|telpon".</returns>
    public override string ToString() => Channel.Id + ": " + Pattern;
}
