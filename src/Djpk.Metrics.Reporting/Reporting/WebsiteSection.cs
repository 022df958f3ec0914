using System.Collections.Immutable;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Web;

namespace Djpk.Metrics.Reporting;

/// <summary>The website in the monthly report: visits, their change from a year earlier, and the most-visited pages.</summary>
/// <remarks>Immutable. Without website traffic the section is not available.</remarks>
public sealed class WebsiteSection
{
    internal WebsiteSection(bool isAvailable, long? visits, long? visitsLastYear, ImmutableArray<PageVisits> topPages)
    {
        IsAvailable = isAvailable;
        Visits = visits;
        VisitsLastYear = visitsLastYear;
        TopPages = topPages;
    }

    /// <summary>Gets a value indicating whether website traffic was supplied.</summary>
    public bool IsAvailable { get; }

    /// <summary>Gets the month's visits.</summary>
    public long? Visits { get; }

    /// <summary>Gets the visits of the same month a year earlier.</summary>
    public long? VisitsLastYear { get; }

    /// <summary>Gets the change from the same month a year earlier.</summary>
    public PercentChange? YearOnYear => VisitsLastYear is long previous && Visits is long current ? PercentChange.Between(previous, current) : null;

    /// <summary>Gets the month's most-visited pages, ranked.</summary>
    public ImmutableArray<PageVisits> TopPages { get; }
}
