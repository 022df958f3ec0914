namespace Djpk.Metrics.Profiles;

/// <summary>The user segments of DJPK's monthly report, by their stable ids; <see cref="DjpkProfile.Catalog"/> names and describes them.</summary>
public static class DjpkSegments
{
    /// <summary>Gets the academics segment ("akademisi").</summary>
    public static UserSegment Akademisi { get; } = new("akademisi");

    /// <summary>Gets the local-government segment ("pemda").</summary>
    public static UserSegment Pemda { get; } = new("pemda");

    /// <summary>Gets the ministries-and-agencies segment ("kementerian-lembaga").</summary>
    public static UserSegment KementerianLembaga { get; } = new("kementerian-lembaga");

    /// <summary>Gets the others segment ("lainnya").</summary>
    public static UserSegment Lainnya { get; } = new("lainnya");
}
