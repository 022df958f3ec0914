namespace Djpk.Metrics;

/// <summary>Says what a channel is for: consultations, a website, a social-media account or information requests.</summary>
/// <remarks>The default value is <see cref="Consultation"/>.</remarks>
public enum ChannelKind
{
    /// <summary>A channel where the public asks and an agent answers (WhatsApp, phone, e-mail, HAI Kemenkeu, live chat).</summary>
    Consultation = 0,

    /// <summary>A website whose visits are counted.</summary>
    Web = 1,

    /// <summary>A social-media account whose followers, reach and posts are followed.</summary>
    Social = 2,

    /// <summary>A desk for formal public-information requests (PPID).</summary>
    InformationRequest = 3,
}
