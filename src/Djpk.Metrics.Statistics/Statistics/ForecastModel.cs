namespace Djpk.Metrics.Statistics;

/// <summary>Names the model a forecast used.</summary>
/// <remarks>The default value is <see cref="None"/>.</remarks>
public enum ForecastModel
{
    /// <summary>No model: the forecast is undefined.</summary>
    None = 0,

    /// <summary>The least-squares line of <see cref="MonthlySeries.Trend"/>, extended; used with 3 to 23 months of history.</summary>
    LinearTrend = 1,

    /// <summary>The same month of the last year plus the mean year-on-year difference (seasonal naive with drift); used with 24 months or more.</summary>
    SeasonalNaiveWithDrift = 2,
}
