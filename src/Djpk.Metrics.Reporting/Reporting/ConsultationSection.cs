using System.Collections.Immutable;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Reporting;

/// <summary>The consultations of the monthly report: the month's total, its changes, the year to date and each channel.</summary>
/// <remarks>Immutable. Without a consultation log the section is not available and says so.</remarks>
public sealed class ConsultationSection
{
    internal ConsultationSection(
        bool isAvailable, long? total, long? previousMonth, long? sameMonthLastYear, long? yearToDate,
        PeriodRange yearMonths, ImmutableArray<ChannelSection> channels)
    {
        IsAvailable = isAvailable;
        Total = total;
        PreviousMonth = previousMonth;
        SameMonthLastYear = sameMonthLastYear;
        YearToDate = yearToDate;
        YearMonths = yearMonths;
        Channels = channels;
    }

    /// <summary>Gets a value indicating whether a consultation log was supplied.</summary>
    public bool IsAvailable { get; }

    /// <summary>Gets the consultations of the month over every consultation channel.</summary>
    public long? Total { get; }

    /// <summary>Gets the consultations of the previous month.</summary>
    public long? PreviousMonth { get; }

    /// <summary>Gets the consultations of the same month a year earlier.</summary>
    public long? SameMonthLastYear { get; }

    /// <summary>Gets the change from the previous month.</summary>
    public PercentChange? MonthOnMonth => PreviousMonth is long previous && Total is long current ? PercentChange.Between(previous, current) : null;

    /// <summary>Gets the change from the same month a year earlier.</summary>
    public PercentChange? YearOnYear => SameMonthLastYear is long previous && Total is long current ? PercentChange.Between(previous, current) : null;

    /// <summary>Gets the consultations from January to the report's month.</summary>
    public long? YearToDate { get; }

    /// <summary>Gets the months from January to the report's month.</summary>
    public PeriodRange YearMonths { get; }

    /// <summary>Gets the consultation channels, in catalog order.</summary>
    public ImmutableArray<ChannelSection> Channels { get; }
}
