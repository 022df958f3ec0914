using System.Collections.Immutable;
using Djpk.Metrics.Periods;
using NodaTime;

namespace Djpk.Metrics.Complaints;

/// <summary>A period's complaints by category: received, resolved, open at the end.</summary>
/// <remarks>Immutable. Every category asked for is present, in the order asked, with zeros where it had no complaint; then
/// every other category that occurs in the complaints, in the ordinal order of its id.</remarks>
public sealed class ComplaintRecap
{
    private ComplaintRecap(ReportingPeriod period, ImmutableArray<ComplaintCounts> categories)
    {
        Period = period;
        Categories = categories;
    }

    /// <summary>Gets the period.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>Gets one row per category: those asked for in their order, then any other category of the complaints by id.</summary>
    public ImmutableArray<ComplaintCounts> Categories { get; }

    /// <summary>Gets the totals over all categories.</summary>
    public (long Received, long Resolved, long OpenAtEnd) Total =>
        (Categories.Sum(c => c.Received), Categories.Sum(c => c.Resolved), Categories.Sum(c => c.OpenAtEnd));

    /// <summary>Builds the recap of <paramref name="period"/>.</summary>
    /// <param name="complaints">All complaints known.</param>
    /// <param name="period">The period, such as a month or a year.</param>
    /// <param name="asOf">The last day to take into account, such as the end of the report's month for a year-to-date recap; the period's end when <see langword="null"/>.</param>
    /// <param name="categories">The categories to list even without complaints, in the order to list them, such as a profile's; none when <see langword="null"/>.</param>
    /// <returns>The recap.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaints"/> is <see langword="null"/>, or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="categories"/> holds the default value or a category twice.</exception>
    public static ComplaintRecap For(IEnumerable<Complaint> complaints, ReportingPeriod period, LocalDate? asOf = null, IEnumerable<ComplaintCategory>? categories = null)
    {
        ArgumentNullException.ThrowIfNull(complaints);
        LocalDate end = asOf is LocalDate day && day < period.End ? day : period.End;
        Complaint[] all = [.. complaints];
        if (Array.IndexOf(all, null) >= 0)
        {
            throw new ArgumentNullException(nameof(complaints), "The complaints must not hold null.");
        }

        var order = new List<ComplaintCategory>();
        var listed = new HashSet<ComplaintCategory>();
        foreach (ComplaintCategory category in categories ?? [])
        {
            if (category.IsDefault || !listed.Add(category))
            {
                throw new ArgumentException($"The categories to list must be distinct ids; '{category}' is {(category.IsDefault ? "the default value" : "listed twice")}.", nameof(categories));
            }

            order.Add(category);
        }

        order.AddRange(all.Select(c => c.Category).Where(c => !listed.Contains(c)).Distinct().Order());
        ImmutableArray<ComplaintCounts> rows =
        [
            .. order.Select(category =>
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
