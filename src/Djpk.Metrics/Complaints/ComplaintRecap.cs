using System.Collections.Immutable;
using Djpk.Metrics.Periods;
using NodaTime;

namespace Djpk.Metrics.Complaints;

/// <summary>A period's complaints by category: received, resolved, open at the end.</summary>
/// <remarks>Immutable. Every category is present, with zeros where it had no complaint.</remarks>
public sealed class ComplaintRecap
{
    private ComplaintRecap(ReportingPeriod period, ImmutableArray<ComplaintCounts> categories)
    {
        Period = period;
        Categories = categories;
    }

    /// <summary>Gets the period.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>Gets one row per category, in the order of <see cref="ComplaintCategory"/>.</summary>
    public ImmutableArray<ComplaintCounts> Categories { get; }

    /// <summary>Gets the totals over all categories.</summary>
    public (long Received, long Resolved, long OpenAtEnd) Total =>
        (Categories.Sum(c => c.Received), Categories.Sum(c => c.Resolved), Categories.Sum(c => c.OpenAtEnd));

    /// <summary>Builds the recap of <paramref name="period"/>.</summary>
    /// <param name="complaints">All complaints known.</param>
    /// <param name="period">The period, such as a month or a year.</param>
    /// <param name="asOf">The last day to take into account, such as the end of the report's month for a year-to-date recap; the period's end when <see langword="null"/>.</param>
    /// <returns>The recap.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaints"/> is <see langword="null"/>.</exception>
    public static ComplaintRecap For(IEnumerable<Complaint> complaints, ReportingPeriod period, LocalDate? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(complaints);
        LocalDate end = asOf is LocalDate day && day < period.End ? day : period.End;
        Complaint[] all = [.. complaints];
        ImmutableArray<ComplaintCounts> rows =
        [
            .. Enum.GetValues<ComplaintCategory>().Select(category =>
            {
                Complaint[] ofCategory = [.. all.Where(c => c.Category == category)];
                return new ComplaintCounts(
                    category,
                    ofCategory.LongCount(c => period.Contains(c.Received) && c.Received <= end),
                    ofCategory.LongCount(c => c.Resolved is LocalDate r && period.Contains(r) && r <= end),
                    ofCategory.LongCount(c => c.Received <= end && (c.Resolved is null || c.Resolved > end)));
            }),
        ];
        return new ComplaintRecap(period, rows);
    }
}
