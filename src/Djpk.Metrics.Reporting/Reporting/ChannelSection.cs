using System.Collections.Immutable;
using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Statistics;

namespace Djpk.Metrics.Reporting;

/// <summary>One consultation channel in the monthly report: its count, share of the month, changes, top topics and monthly series.</summary>
/// <remarks>Immutable. A count the data does not reach is <see langword="null"/>, and so is every change that needs it.</remarks>
public sealed class ChannelSection
{
    internal ChannelSection(
        ChannelInfo info, long? count, long? previousMonth, long? sameMonthLastYear, Share? share,
        ImmutableArray<TopicCount> topTopics, ImmutableArray<long?> yearSeries, int changeDecimals,
        LinearTrend? trend, AnomalyScan? anomalies, SeriesForecast? forecast)
    {
        ChangeDecimals = changeDecimals;
        Trend = trend;
        Anomalies = anomalies;
        Forecast = forecast;
        Info = info;
        Count = count;
        PreviousMonth = previousMonth;
        SameMonthLastYear = sameMonthLastYear;
        Share = share;
        TopTopics = topTopics;
        YearSeries = yearSeries;
    }

    /// <summary>Gets the channel and its names.</summary>
    public ChannelInfo Info { get; }

    /// <summary>Gets the consultations of the report's month.</summary>
    public long? Count { get; }

    /// <summary>Gets the consultations of the previous month.</summary>
    public long? PreviousMonth { get; }

    /// <summary>Gets the consultations of the same month a year earlier.</summary>
    public long? SameMonthLastYear { get; }

    /// <summary>Gets the channel's share of all consultations of the month.</summary>
    public Share? Share { get; }

    /// <summary>Gets the change from the previous month.</summary>
    public PercentChange? MonthOnMonth => PreviousMonth is long previous && Count is long current ? PercentChange.Between(previous, current) : null;

    /// <summary>Gets the change from the same month a year earlier.</summary>
    public PercentChange? YearOnYear => SameMonthLastYear is long previous && Count is long current ? PercentChange.Between(previous, current) : null;

    /// <summary>Gets the month's most frequent topics on this channel.</summary>
    public ImmutableArray<TopicCount> TopTopics { get; }

    /// <summary>Gets the consultations of each month from January of the report's year to the report's month.</summary>
    public ImmutableArray<long?> YearSeries { get; }

    /// <summary>Gets the decimals of the section's changes when the settings give the channel its own (DJPK's e-mail section prints "46,5%"); otherwise the report's rule by magnitude applies.</summary>
    public int ChangeDecimals { get; }

    /// <summary>Gets the linear trend of the year's months so far; <see langword="null"/> when fewer than five months have data.</summary>
    public LinearTrend? Trend { get; }

    /// <summary>Gets the scan of the year's months for unusual ones; <see langword="null"/> when fewer than five months have data.</summary>
    public AnomalyScan? Anomalies { get; }

    /// <summary>Gets the forecast of the next month from up to 24 months of history; <see langword="null"/> when the log has fewer than three months of the channel.</summary>
    public SeriesForecast? Forecast { get; }
}
