using System.Globalization;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Statistics;

/// <summary>The forecast of one future month: a point value and a prediction interval.</summary>
/// <remarks>
/// <para>Immutable. Values are counts, so the point and the lower bound are never below zero.</para>
/// <para>The default value is the forecast 0 in [0, 0] at level 0 for the day 0001-01-01; forecasts never produce it.</para>
/// </remarks>
public readonly record struct ForecastPoint
{
    internal ForecastPoint(ReportingPeriod month, decimal value, ConfidenceInterval interval)
    {
        Month = month;
        Value = value;
        Interval = interval;
    }

    /// <summary>Gets the forecast month.</summary>
    public ReportingPeriod Month { get; }

    /// <summary>Gets the forecast value, unrounded.</summary>
    public decimal Value { get; }

    /// <summary>Gets the prediction interval: where the month's value will fall with the interval's probability, if the model holds.</summary>
    public ConfidenceInterval Interval { get; }

    /// <summary>Returns the invariant text form, such as <c>2024-01: 112.4 [60.2, 164.6] (95%)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Month}: {Value} {Interval}");
}
