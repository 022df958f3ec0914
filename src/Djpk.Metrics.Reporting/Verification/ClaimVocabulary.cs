using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Djpk.Metrics.Verification;

/// <summary>The names a report's text gives its channels and user segments, as patterns a <see cref="ClaimExtractor"/> looks for.</summary>
/// <remarks>
/// <para>Immutable: <see cref="WithChannel"/> and <see cref="WithSegment"/> return a new vocabulary. A profile supplies its
/// own; DJPK's is <c>Djpk.Metrics.Profiles.DjpkProfile.ClaimVocabulary</c> ("whats app", "telepon", "HAI Kemenkeu", "Pemda",
/// "Kementerian/Lembaga", …). A pattern is a .NET regular expression matched case-insensitively between word
/// boundaries; the short id names the claims ("phone-mom", "segment-kl").</para>
/// <para>The channel's kind decides what a sentence about it measures: consultations, website visits
/// (<see cref="ChannelKind.Web"/>), information requests (<see cref="ChannelKind.InformationRequest"/>) or followers and
/// reach (<see cref="ChannelKind.Social"/>).</para>
/// </remarks>
public sealed class ClaimVocabulary
{
    private ClaimVocabulary(ImmutableArray<ClaimChannelName> channels, ImmutableArray<ClaimSegmentName> segments)
    {
        Channels = channels;
        Segments = segments;
    }

    /// <summary>Gets a vocabulary with no names.</summary>
    public static ClaimVocabulary Empty { get; } = new([], []);

    /// <summary>Gets the channels' names, in the order they are tried.</summary>
    public ImmutableArray<ClaimChannelName> Channels { get; }

    /// <summary>Gets the segments' names, in the order they are tried.</summary>
    public ImmutableArray<ClaimSegmentName> Segments { get; }

    /// <summary>Returns a copy that also recognises <paramref name="channel"/> by <paramref name="pattern"/>.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="pattern">A regular expression of its names, such as <c>telepon|telpon</c>.</param>
    /// <param name="shortId">The short id of its claims, such as "phone".</param>
    /// <param name="kind">What the channel is for.</param>
    /// <returns>The new vocabulary.</returns>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is the default value or already named, <paramref name="pattern"/> is blank or not a valid regular expression, or <paramref name="shortId"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined.</exception>
    public ClaimVocabulary WithChannel(Channel channel, string pattern, string shortId, ChannelKind kind)
    {
        if (channel.IsDefault || Channels.Any(c => c.Channel == channel))
        {
            throw new ArgumentException($"The channel '{channel}' must have an id and be named once.", nameof(channel));
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "The kind must be one of the defined ChannelKind values.");
        }

        return new ClaimVocabulary(Channels.Add(new ClaimChannelName(channel, Validate(pattern), Short(shortId), kind)), Segments);
    }

    /// <summary>Returns a copy that also recognises <paramref name="segment"/> by <paramref name="pattern"/>.</summary>
    /// <param name="segment">The segment.</param>
    /// <param name="pattern">A regular expression of its names, such as <c>Kementerian\s*/\s*Lembaga</c>.</param>
    /// <param name="shortId">The short id of its claims, such as "kl".</param>
    /// <returns>The new vocabulary.</returns>
    /// <exception cref="ArgumentException"><paramref name="segment"/> is the default value or already named, <paramref name="pattern"/> is blank or not a valid regular expression, or <paramref name="shortId"/> is blank.</exception>
    public ClaimVocabulary WithSegment(UserSegment segment, string pattern, string shortId)
    {
        if (segment.IsDefault || Segments.Any(s => s.Segment == segment))
        {
            throw new ArgumentException($"The segment '{segment}' must have an id and be named once.", nameof(segment));
        }

        return new ClaimVocabulary(Channels, Segments.Add(new ClaimSegmentName(segment, Validate(pattern), Short(shortId))));
    }

    /// <summary>Returns the number of names.</summary>
    /// <returns>Such as "10 channels, 4 segments".</returns>
    public override string ToString() => FormattableString.Invariant($"{Channels.Length} channels, {Segments.Length} segments");

    private static string Validate(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"'{pattern}' is not a valid regular expression: {e.Message}", nameof(pattern), e);
        }

        return pattern;
    }

    private static string Short(string shortId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(shortId);
        return shortId;
    }
}
