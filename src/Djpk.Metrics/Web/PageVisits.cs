using System.Globalization;

namespace Djpk.Metrics.Web;

/// <summary>A page of the website and, when known, how many visits it had in a period.</summary>
/// <remarks>Immutable. A ranking may be published without counts ("1. Portal Data; 2. Halaman Utama"), so <see cref="Visits"/> is optional.</remarks>
public readonly record struct PageVisits
{
    /// <summary>Creates the row.</summary>
    /// <param name="page">The page's title, such as "Portal Data".</param>
    /// <param name="visits">The visits, when known.</param>
    /// <exception cref="ArgumentException"><paramref name="page"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="visits"/> is negative.</exception>
    public PageVisits(string page, long? visits = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(page);
        if (visits is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(visits), visits, "Visits must not be negative.");
        }

        Page = page;
        Visits = visits;
    }

    /// <summary>Gets the page's title.</summary>
    public string Page { get; }

    /// <summary>Gets the visits, when known.</summary>
    public long? Visits { get; }

    /// <summary>Returns the invariant text form, such as <c>Portal Data: 1200</c> or <c>Portal Data</c>.</summary>
    /// <returns>The page and its visits.</returns>
    public override string ToString() =>
        Visits is long visits ? string.Create(CultureInfo.InvariantCulture, $"{Page}: {visits}") : Page;
}
