using Djpk.Metrics.Formatting;

namespace Djpk.Metrics.Complaints;

/// <summary>What a report knows of a complaint category: its names in Indonesian and English.</summary>
/// <remarks>Immutable.</remarks>
public sealed class ComplaintCategoryInfo
{
    /// <summary>Creates the description of <paramref name="category"/>.</summary>
    /// <param name="category">The category.</param>
    /// <param name="indonesianName">The name in Indonesian, such as "Keluhan Layanan".</param>
    /// <param name="englishName">The name in English, such as "Service complaints".</param>
    /// <exception cref="ArgumentException"><paramref name="category"/> is the default value, or a name is blank.</exception>
    public ComplaintCategoryInfo(ComplaintCategory category, string indonesianName, string englishName)
    {
        if (category.IsDefault)
        {
            throw new ArgumentException("The category must have an id.", nameof(category));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(indonesianName);
        ArgumentException.ThrowIfNullOrWhiteSpace(englishName);
        Category = category;
        IndonesianName = indonesianName;
        EnglishName = englishName;
    }

    /// <summary>Gets the category.</summary>
    public ComplaintCategory Category { get; }

    /// <summary>Gets the name in Indonesian.</summary>
    public string IndonesianName { get; }

    /// <summary>Gets the name in English.</summary>
    public string EnglishName { get; }

    /// <summary>Returns the name in <paramref name="language"/>.</summary>
    /// <param name="language">The report language.</param>
    /// <returns>The Indonesian or English name.</returns>
    public string NameIn(ReportLanguage language) => language == ReportLanguage.English ? EnglishName : IndonesianName;

    /// <summary>Returns the category's id.</summary>
    /// <returns>The id, such as "pengaduan".</returns>
    public override string ToString() => Category.Id;
}
