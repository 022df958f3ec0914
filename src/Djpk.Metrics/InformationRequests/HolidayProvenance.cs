namespace Djpk.Metrics.InformationRequests;

/// <summary>Says where one year of a <see cref="WorkingDayCalendar"/> comes from: the decree it follows and whether it was checked against that decree's text.</summary>
/// <remarks>Immutable. It is read from the <c>country</c>, <c>year</c>, <c>source</c>, <c>checkedAgainstOfficialText</c> and
/// <c>note</c> fields of a holiday file (see <see cref="WorkingDayCalendar.Parse(string)"/>); a report that uses a year whose
/// <see cref="CheckedAgainstOfficialText"/> is <see langword="false"/> should say so.</remarks>
public sealed class HolidayProvenance
{
    internal HolidayProvenance(string country, int year, string source, bool checkedAgainstOfficialText, string? note)
    {
        Country = country;
        Year = year;
        Source = source;
        CheckedAgainstOfficialText = checkedAgainstOfficialText;
        Note = note;
    }

    /// <summary>Gets the ISO 3166-1 alpha-2 code of the country, such as "ID".</summary>
    public string Country { get; }

    /// <summary>Gets the year the holidays are for.</summary>
    public int Year { get; }

    /// <summary>Gets the decree or other source the holidays follow, as precisely as the file names it.</summary>
    public string Source { get; }

    /// <summary>Gets a value indicating whether someone compared the holidays with the official text of <see cref="Source"/>.</summary>
    public bool CheckedAgainstOfficialText { get; }

    /// <summary>Gets what is uncertain or special about the year, such as a later amendment or estimated lunar dates; <see langword="null"/> when the file has no note.</summary>
    public string? Note { get; }

    /// <summary>Returns the invariant text form, such as <c>ID 2025: SKB … (not checked against the official text)</c>.</summary>
    /// <returns>The country, year, source and check state.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Country} {Year}: {Source} ({(CheckedAgainstOfficialText ? "checked" : "not checked")} against the official text)");
}
