using System.Collections.Immutable;
using System.Globalization;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Statistics;

/// <summary>A forecast of the months after a series, with prediction intervals and the model that made it.</summary>
/// <remarks>
/// <para>Immutable. With <see cref="SeasonalMinimumMonths"/> months or more the model is
/// <see cref="ForecastModel.SeasonalNaiveWithDrift"/>: month t + h is forecast as the same month of the last observed year plus k times
/// the mean year-on-year difference d (k = ⌈h / 12⌉), with the interval ± t·s·√(k(1 + k/m)), where s is the standard deviation of the
/// m year-on-year differences and t has m − 1 degrees of freedom. With fewer months the model is
/// <see cref="ForecastModel.LinearTrend"/>: the fitted line, with the interval ± t·s·√(1 + 1/n + (x − x̄)²/Sxx) and n − 2 degrees of freedom.</para>
/// <para>A constant series forecasts exactly that constant with a zero-width interval under both models. Values are counts, so points and
/// bounds below zero are raised to zero.</para>
/// </remarks>
public sealed class SeriesForecast
{
    /// <summary>The fewest months of history for the seasonal model: two full years, so every calendar month has a year-on-year difference.</summary>
    public const int SeasonalMinimumMonths = 24;

    /// <summary>The most months one forecast may reach ahead.</summary>
    public const int MaximumHorizon = 120;

    private SeriesForecast(PeriodRange history, decimal level, ForecastModel model, InsufficientDataReason reason, ImmutableArray<ForecastPoint> points)
    {
        History = history;
        Level = level;
        Model = model;
        Reason = reason;
        Points = points;
    }

    /// <summary>Gets the months the forecast is based on.</summary>
    public PeriodRange History { get; }

    /// <summary>Gets the probability of the prediction intervals, such as 0,95.</summary>
    public decimal Level { get; }

    /// <summary>Gets the model used: seasonal from <see cref="SeasonalMinimumMonths"/> months of history, a linear trend below that; <see cref="ForecastModel.None"/> when undefined.</summary>
    public ForecastModel Model { get; }

    /// <summary>Gets why the forecast is undefined, or <see cref="InsufficientDataReason.None"/> when it is defined.</summary>
    public InsufficientDataReason Reason { get; }

    /// <summary>Gets a value indicating whether the forecast could be computed.</summary>
    public bool IsDefined => Reason == InsufficientDataReason.None;

    /// <summary>Gets the forecast months, in order, starting with the month after <see cref="History"/>; empty when undefined.</summary>
    public IReadOnlyList<ForecastPoint> Points { get; }

    /// <summary>Returns the invariant text form, such as <c>LinearTrend from 2023-01..2023-12: 2024-01: 112.4 [60.2, 164.6] (95%)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => IsDefined
        ? string.Create(CultureInfo.InvariantCulture, $"{Model} from {History.First}..{History.Last}: {string.Join("; ", Points)}")
        : string.Create(CultureInfo.InvariantCulture, $"{History.First}..{History.Last}: undefined ({Reason})");

    internal static SeriesForecast Create(MonthlySeries series, int months, decimal level)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(months, MaximumHorizon);
        StatisticsMath.ValidateLevel(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(series.Last.Index, ReportingPeriod.MaxIndex(PeriodGrain.Month) - months, nameof(months));
        if (series.Count < LinearTrend.MinimumMonths)
        {
            return Undefined(series, level, InsufficientDataReason.TooFewPoints);
        }

        if (series.HasGaps)
        {
            return Undefined(series, level, InsufficientDataReason.Gaps);
        }

        try
        {
            return series.Count >= SeasonalMinimumMonths ? Seasonal(series, months, level) : Trend(series, months, level);
        }
        catch (OverflowException)
        {
            return Undefined(series, level, InsufficientDataReason.OutOfRange);
        }
    }

    private static SeriesForecast Trend(MonthlySeries series, int months, decimal level)
    {
        LinearTrend trend = series.Trend(level);
        if (!trend.IsDefined)
        {
            return Undefined(series, level, trend.Reason);
        }

        int n = series.Count;
        double meanX = (n - 1) / 2.0;
        double sxx = (double)n * (((double)n * n) - 1) / 12.0;
        double variance = trend.ResidualSumOfSquares / (n - 2);
        double quantile = StatisticsMath.StudentTQuantile(level, n - 2);
        var points = ImmutableArray.CreateBuilder<ForecastPoint>(months);
        for (int h = 1; h <= months; h++)
        {
            int x = n - 1 + h;
            decimal value = trend.Intercept!.Value + (trend.Slope!.Value * x);
            double spread = variance * (1.0 + (1.0 / n) + ((x - meanX) * (x - meanX) / sxx));
            points.Add(Point(series.Last.PlusPeriods(h), value, quantile, spread, level));
        }

        return new SeriesForecast(series.Periods, level, ForecastModel.LinearTrend, InsufficientDataReason.None, points.MoveToImmutable());
    }

    private static SeriesForecast Seasonal(MonthlySeries series, int months, decimal level)
    {
        int n = series.Count;
        int m = n - 12;
        Int128 sum = 0;
        for (int i = 12; i < n; i++)
        {
            sum += series.ValueOrZero(i) - series.ValueOrZero(i - 12);
        }

        decimal drift = (decimal)sum / m;
        double squares = 0.0;
        for (int i = 12; i < n; i++)
        {
            double deviation = (double)(series.ValueOrZero(i) - series.ValueOrZero(i - 12) - drift);
            squares += deviation * deviation;
        }

        double variance = squares / (m - 1);
        double quantile = StatisticsMath.StudentTQuantile(level, m - 1);
        var points = ImmutableArray.CreateBuilder<ForecastPoint>(months);
        for (int h = 1; h <= months; h++)
        {
            int years = (h + 11) / 12;
            decimal value = series.ValueOrZero(n - 1 + h - (12 * years)) + (years * drift);
            double spread = variance * years * (1.0 + ((double)years / m));
            points.Add(Point(series.Last.PlusPeriods(h), value, quantile, spread, level));
        }

        return new SeriesForecast(series.Periods, level, ForecastModel.SeasonalNaiveWithDrift, InsufficientDataReason.None, points.MoveToImmutable());
    }

    private static ForecastPoint Point(ReportingPeriod month, decimal value, double quantile, double variance, decimal level)
    {
        decimal half = StatisticsMath.HalfWidth(quantile, variance) ?? throw new OverflowException("The prediction interval does not fit in a decimal.");
        decimal point = Math.Max(value, 0m);
        var interval = new ConfidenceInterval(Math.Max(value - half, 0m), Math.Max(value + half, 0m), level);
        return new ForecastPoint(month, point, interval);
    }

    private static SeriesForecast Undefined(MonthlySeries series, decimal level, InsufficientDataReason reason) =>
        new(series.Periods, level, ForecastModel.None, reason, []);
}
