using Djpk.Metrics.Complaints;

namespace Djpk.Metrics.Reporting;

/// <summary>The complaints of the monthly report, by category: the month and the year to date.</summary>
/// <remarks>Immutable. Without complaints the section is not available.</remarks>
public sealed class ComplaintSection
{
    internal ComplaintSection(bool isAvailable, ComplaintRecap? month, ComplaintRecap? yearToDate)
    {
        IsAvailable = isAvailable;
        Month = month;
        YearToDate = yearToDate;
    }

    /// <summary>Gets a value indicating whether complaints were supplied.</summary>
    public bool IsAvailable { get; }

    /// <summary>Gets the recap of the report's month.</summary>
    public ComplaintRecap? Month { get; }

    /// <summary>Gets the recap from January to the end of the report's month.</summary>
    public ComplaintRecap? YearToDate { get; }
}
