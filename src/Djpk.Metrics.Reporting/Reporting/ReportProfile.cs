using Djpk.Metrics.Formatting;

namespace Djpk.Metrics.Reporting;

/// <summary>What one agency's monthly report knows: its name, its catalog of channels and segments, its settings and its wording.</summary>
/// <remarks>
/// <para>Immutable: each <c>With…</c> method returns a new profile. Agency knowledge is data here, never literals in the
/// report: another agency builds its own profile from its catalog, <see cref="ReportSettings"/> and a
/// <see cref="ReportWording"/> with its own title and names, and its report carries none of DJPK's words.
/// DJPK's own profile is <c>Djpk.Metrics.Profiles.DjpkProfile.Profile</c>.</para>
/// </remarks>
public sealed class ReportProfile
{
    /// <summary>Creates a profile.</summary>
    /// <param name="name">A short name, such as "djpk".</param>
    /// <param name="catalog">The channels and segments its logs use.</param>
    /// <param name="settings">The zone, rounding, language and working days.</param>
    /// <param name="wording">The report's templates, such as <see cref="ReportWording.Default"/> with the agency's title.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    public ReportProfile(string name, Catalog catalog, ReportSettings settings, ReportWording wording)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(wording);
        Name = name;
        Catalog = catalog;
        Settings = settings;
        Wording = wording;
    }

    /// <summary>Gets the profile's short name.</summary>
    public string Name { get; }

    /// <summary>Gets the channels and segments the profile's logs use.</summary>
    public Catalog Catalog { get; }

    /// <summary>Gets the zone, rounding rules, language and working days of the report.</summary>
    public ReportSettings Settings { get; }

    /// <summary>Gets the report's templates.</summary>
    public ReportWording Wording { get; }

    /// <summary>Returns a copy with <paramref name="settings"/>.</summary>
    /// <param name="settings">The settings.</param>
    /// <returns>The new profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is <see langword="null"/>.</exception>
    public ReportProfile WithSettings(ReportSettings settings) => new(Name, Catalog, settings, Wording);

    /// <summary>Returns a copy that writes in <paramref name="language"/>.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The new profile.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="language"/> is not defined.</exception>
    public ReportProfile WithLanguage(ReportLanguage language) => WithSettings(Settings.WithLanguage(language));

    /// <summary>Returns a copy with <paramref name="wording"/>.</summary>
    /// <param name="wording">The templates.</param>
    /// <returns>The new profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="wording"/> is <see langword="null"/>.</exception>
    public ReportProfile WithWording(ReportWording wording) => new(Name, Catalog, Settings, wording);

    /// <summary>Returns a copy with <paramref name="catalog"/>.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The new profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is <see langword="null"/>.</exception>
    public ReportProfile WithCatalog(Catalog catalog) => new(Name, catalog, Settings, Wording);

    /// <summary>Returns the profile's name.</summary>
    /// <returns>The name, such as "djpk".</returns>
    public override string ToString() => Name;
}
