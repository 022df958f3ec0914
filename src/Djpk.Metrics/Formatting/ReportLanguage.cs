namespace Djpk.Metrics.Formatting;

/// <summary>The language a report's numbers, words and sentences are written in.</summary>
/// <remarks>The default value is <see cref="Indonesian"/>, the language of DJPK's published reports.</remarks>
public enum ReportLanguage
{
    /// <summary>Indonesian (id-ID): "18.008", "13,5%", "naik", "Desember 2023".</summary>
    Indonesian = 0,

    /// <summary>English: "18,008", "13.5%", "up", "December 2023".</summary>
    English = 1,
}
