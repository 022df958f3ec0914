using Djpk.Metrics.Formatting;

namespace Djpk.Metrics;

/// <summary>What a <see cref="Catalog"/> knows of a channel: its names in Indonesian and English and its kind.</summary>
/// <remarks>Immutable.</remarks>
public sealed class ChannelInfo
{
    /// <summary>Creates the description of <paramref name="channel"/>.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="indonesianName">The name in Indonesian, such as "Telepon Dering DJPK".</param>
    /// <param name="englishName">The name in English, such as "DJPK phone line".</param>
    /// <param name="kind">What the channel is for.</param>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is the default value, or a name is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined.</exception>
    public ChannelInfo(Channel channel, string indonesianName, string englishName, ChannelKind kind)
    {
        if (channel.IsDefault)
        {
            throw new ArgumentException("The channel must have an id.", nameof(channel));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(indonesianName);
        ArgumentException.ThrowIfNullOrWhiteSpace(englishName);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "The kind must be one of the defined ChannelKind values.");
        }

        Channel = channel;
        IndonesianName = indonesianName;
        EnglishName = englishName;
        Kind = kind;
    }

    /// <summary>Gets the channel.</summary>
    public Channel Channel { get; }

    /// <summary>Gets the name in Indonesian.</summary>
    public string IndonesianName { get; }

    /// <summary>Gets the name in English.</summary>
    public string EnglishName { get; }

    /// <summary>Gets what the channel is for.</summary>
    public ChannelKind Kind { get; }

    /// <summary>Returns the name in <paramref name="language"/>.</summary>
    /// <param name="language">The report language.</param>
    /// <returns>The Indonesian or English name.</returns>
    public string NameIn(ReportLanguage language) => language == ReportLanguage.English ? EnglishName : IndonesianName;

    /// <summary>Returns the channel's id.</summary>
    /// <returns>The id, such as "phone".</returns>
    public override string ToString() => Channel.Id;
}
