namespace Djpk.Metrics.Profiles;

/// <summary>The channels of DJPK's monthly report, by their stable ids; <see cref="DjpkProfile.Catalog"/> names and describes them.</summary>
public static class DjpkChannels
{
    /// <summary>Gets the WhatsApp DJPK channel ("whatsapp").</summary>
    public static Channel WhatsApp { get; } = new("whatsapp");

    /// <summary>Gets the Telepon Dering DJPK phone line ("phone").</summary>
    public static Channel Phone { get; } = new("phone");

    /// <summary>Gets the E-mail Call Center DJPK channel ("email").</summary>
    public static Channel Email { get; } = new("email");

    /// <summary>Gets the HAI Kemenkeu contact center ("hai-kemenkeu").</summary>
    public static Channel HaiKemenkeu { get; } = new("hai-kemenkeu");

    /// <summary>Gets the Live Chat DJPK channel ("live-chat").</summary>
    public static Channel LiveChat { get; } = new("live-chat");

    /// <summary>Gets the DJPK website ("website").</summary>
    public static Channel Website { get; } = new("website");

    /// <summary>Gets the Instagram account @ditjenpk ("instagram").</summary>
    public static Channel Instagram { get; } = new("instagram");

    /// <summary>Gets the Twitter account ("twitter").</summary>
    public static Channel Twitter { get; } = new("twitter");

    /// <summary>Gets the Facebook account ("facebook").</summary>
    public static Channel Facebook { get; } = new("facebook");

    /// <summary>Gets the PPID public-information desk ("ppid").</summary>
    public static Channel Ppid { get; } = new("ppid");
}
