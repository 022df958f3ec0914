using Djpk.Metrics.Formatting;
namespace Djpk.Metrics.Reporting;

/// <summary>A note printed at the end of a report, in both languages, such as which figures are synthetic.</summary>
/// <remarks>Immutable.</remarks>
public readonly record struct ReportNote
{
    /// <summary>Creates a note.</summary>
    /// <param name="indonesian">The note in Indonesian.</param>
    /// <param name="english">The note in English.</param>
    /// <exception cref="ArgumentException">A text is blank.</exception>
    public ReportNote(string indonesian, string english)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indonesian);
        ArgumentException.ThrowIfNullOrWhiteSpace(english);
        Indonesian = indonesian;
        English = english;
    }

    /// <summary>Gets the note in Indonesian.</summary>
    public string Indonesian { get; }

    /// <summary>Gets the note in English.</summary>
    public string English { get; }

    /// <summary>Returns the note in <paramref name="language"/>.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The text.</returns>
    public string In(ReportLanguage language) => language == ReportLanguage.English ? English : Indonesian;

    /// <summary>Returns the English text.</summary>
    /// <returns>The note.</returns>
    public override string ToString() => English;
}
