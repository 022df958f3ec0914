using System.Collections.Immutable;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Web;

/// <summary>Visits to the website per month and the most-visited pages, ranked.</summary>
/// <remarks>Immutable: <see cref="WithVisits"/> and <see cref="WithTopPages"/> return a new value. A month without a figure is missing, not zero.</remarks>
public sealed class WebsiteTraffic
{
    private readonly ImmutableDictionary<ReportingPeriod, long> _visits;
    private readonly ImmutableDictionary<ReportingPeriod, ImmutableArray<PageVisits>> _topPages;

    private WebsiteTraffic(ImmutableDictionary<ReportingPeriod, long> visits, ImmutableDictionary<ReportingPeriod, ImmutableArray<PageVisits>> topPages)
    {
        _visits = visits;
        _topPages = topPages;
    }

    /// <summary>Gets traffic with no figures.</summary>
    public static WebsiteTraffic Empty { get; } = new(ImmutableDictionary<ReportingPeriod, long>.Empty, ImmutableDictionary<ReportingPeriod, ImmutableArray<PageVisits>>.Empty);

    /// <summary>Returns a copy with <paramref name="visits"/> visits in <paramref name="month"/>.</summary>
    /// <param name="month">The month.</param>
    /// <param name="visits">The visits.</param>
    /// <returns>The new traffic.</returns>
    /// <exception cref="ArgumentException"><paramref name="month"/> is not a month.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="visits"/> is negative.</exception>
    public WebsiteTraffic WithVisits(ReportingPeriod month, long visits)
    {
        RequireMonth(month);
        ArgumentOutOfRangeException.ThrowIfNegative(visits);
        return new WebsiteTraffic(_visits.SetItem(month, visits), _topPages);
    }

    /// <summary>Returns a copy with the most-visited pages of <paramref name="month"/>: ranked by visits where every page has them, else in the order given.</summary>
    /// <param name="month">The month.</param>
    /// <param name="pages">The pages, most visited first when they have no counts.</param>
    /// <returns>The new traffic.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pages"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="month"/> is not a month.</exception>
    public WebsiteTraffic WithTopPages(ReportingPeriod month, IEnumerable<PageVisits> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        RequireMonth(month);
        PageVisits[] given = [.. pages];
        ImmutableArray<PageVisits> ranked = given.All(p => p.Visits is not null)
            ? [.. given.OrderByDescending(p => p.Visits).ThenBy(p => p.Page, StringComparer.Ordinal)]
            : [.. given];
        return new WebsiteTraffic(_visits, _topPages.SetItem(month, ranked));
    }

    /// <summary>Returns the visits in <paramref name="month"/>.</summary>
    /// <param name="month">The month.</param>
    /// <returns>The visits; <see langword="null"/> when not known.</returns>
    public long? Visits(ReportingPeriod month) => _visits.TryGetValue(month, out long visits) ? visits : null;

    /// <summary>Returns the change in visits from the same month a year earlier.</summary>
    /// <param name="month">The month.</param>
    /// <returns>The change; <see langword="null"/> when either month's visits are not known.</returns>
    public PercentChange? YearOnYear(ReportingPeriod month) =>
        Visits(month.SameLastYear()) is long previous && Visits(month) is long current ? PercentChange.Between(previous, current) : null;

    /// <summary>Returns the most-visited pages of <paramref name="month"/>, ranked.</summary>
    /// <param name="month">The month.</param>
    /// <returns>The pages; empty when not known.</returns>
    public ImmutableArray<PageVisits> TopPages(ReportingPeriod month) => _topPages.TryGetValue(month, out ImmutableArray<PageVisits> pages) ? pages : [];

    private static void RequireMonth(ReportingPeriod month)
    {
        if (month.Grain != PeriodGrain.Month)
        {
            throw new ArgumentException("Website traffic is recorded by month.", nameof(month));
        }
    }
}
