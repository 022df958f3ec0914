using Djpk.Metrics.Formatting;

namespace Djpk.Metrics;

/// <summary>What a <see cref="Catalog"/> knows of a user segment: its names and whom it includes.</summary>
/// <remarks>Immutable.</remarks>
public sealed class UserSegmentInfo
{
    /// <summary>Creates the description of <paramref name="segment"/>.</summary>
    /// <param name="segment">The segment.</param>
    /// <param name="indonesianName">The name in Indonesian, such as "Kementerian/Lembaga".</param>
    /// <param name="englishName">The name in English, such as "Ministries and agencies".</param>
    /// <param name="includes">Whom the segment includes, in the report's words.</param>
    /// <exception cref="ArgumentException"><paramref name="segment"/> is the default value, or a name or <paramref name="includes"/> is blank.</exception>
    public UserSegmentInfo(UserSegment segment, string indonesianName, string englishName, string includes)
    {
        if (segment.IsDefault)
        {
            throw new ArgumentException("The segment must have an id.", nameof(segment));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(indonesianName);
        ArgumentException.ThrowIfNullOrWhiteSpace(englishName);
        ArgumentException.ThrowIfNullOrWhiteSpace(includes);
        Segment = segment;
        IndonesianName = indonesianName;
        EnglishName = englishName;
        Includes = includes;
    }

    /// <summary>Gets the segment.</summary>
    public UserSegment Segment { get; }

    /// <summary>Gets the name in Indonesian.</summary>
    public string IndonesianName { get; }

    /// <summary>Gets the name in English.</summary>
    public string EnglishName { get; }

    /// <summary>Gets whom the segment includes, in the report's words.</summary>
    public string Includes { get; }

    /// <summary>Returns the name in <paramref name="language"/>.</summary>
    /// <param name="language">The report language.</param>
    /// <returns>The Indonesian or English name.</returns>
    public string NameIn(ReportLanguage language) => language == ReportLanguage.English ? EnglishName : IndonesianName;

    /// <summary>Returns the segment's id.</summary>
    /// <returns>The id, such as "pemda".</returns>
    public override string ToString() => Segment.Id;
}
