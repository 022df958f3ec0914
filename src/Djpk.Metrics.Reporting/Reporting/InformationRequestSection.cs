using Djpk.Metrics.InformationRequests;

namespace Djpk.Metrics.Reporting;

/// <summary>The PPID public-information requests of the monthly report: the month and the year to date.</summary>
/// <remarks>Immutable. Without requests the section is not available.</remarks>
public sealed class InformationRequestSection
{
    internal InformationRequestSection(bool isAvailable, InformationRequestRecap? month, InformationRequestRecap? yearToDate)
    {
        IsAvailable = isAvailable;
        Month = month;
        YearToDate = yearToDate;
    }

    /// <summary>Gets a value indicating whether requests were supplied.</summary>
    public bool IsAvailable { get; }

    /// <summary>Gets the recap of the report's month.</summary>
    public InformationRequestRecap? Month { get; }

    /// <summary>Gets the recap from January to the end of the report's month.</summary>
    public InformationRequestRecap? YearToDate { get; }
}
