using System.Globalization;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Statistics;

/// <summary>The least-squares line through a monthly series: slope per month, intercept, R² and a confidence interval of the slope.</summary>
/// <remarks>
/// <para>Immutable. The months are numbered 0, 1, 2, … from the first month of <see cref="Months"/>, so <see cref="Intercept"/> is
/// the fitted value of the first month. Slope and intercept are computed with exact integer sums and decimal division, so an
/// exactly linear series gives its slope and intercept exactly; R² and the interval pass through <see cref="double"/>
/// (a square root and MathNet's Student t quantile with n − 2 degrees of freedom) and are converted back to decimals.</para>
/// <para>When <see cref="IsDefined"/> is <see langword="false"/>, every statistic is <see langword="null"/> and <see cref="Reason"/> says why.</para>
/// </remarks>
public sealed class LinearTrend
{
    /// <summary>The fewest months a trend needs: two give a line but no interval.</summary>
    public const int MinimumMonths = 3;

    private readonly double _residualSumOfSquares;

    private LinearTrend(PeriodRange months, decimal level, InsufficientDataReason reason)
    {
        Months = months;
        Level = level;
        Reason = reason;
    }

    private LinearTrend(PeriodRange months, decimal level, decimal slope, decimal intercept, decimal? rSquared, ConfidenceInterval slopeInterval, double residualSumOfSquares)
        : this(months, level, InsufficientDataReason.None)
    {
        Slope = slope;
        Intercept = intercept;
        RSquared = rSquared;
        SlopeInterval = slopeInterval;
        _residualSumOfSquares = residualSumOfSquares;
    }

    /// <summary>Gets the months the line was fitted to.</summary>
    public PeriodRange Months { get; }

    /// <summary>Gets the confidence level of <see cref="SlopeInterval"/>, such as 0,95.</summary>
    public decimal Level { get; }

    /// <summary>Gets why the trend is undefined, or <see cref="InsufficientDataReason.None"/> when it is defined.</summary>
    public InsufficientDataReason Reason { get; }

    /// <summary>Gets a value indicating whether the trend could be computed.</summary>
    public bool IsDefined => Reason == InsufficientDataReason.None;

    /// <summary>Gets the change of the fitted line per month; <see langword="null"/> when undefined.</summary>
    public decimal? Slope { get; }

    /// <summary>Gets the fitted value of the first month; <see langword="null"/> when undefined.</summary>
    public decimal? Intercept { get; }

    /// <summary>Gets the share of the variance the line explains, 0 to 1; <see langword="null"/> when undefined or when the series is constant (nothing to explain).</summary>
    public decimal? RSquared { get; }

    /// <summary>Gets the confidence interval of the slope at <see cref="Level"/>; <see langword="null"/> when undefined.</summary>
    public ConfidenceInterval? SlopeInterval { get; }

    /// <summary>Gets the sign of the slope: <see cref="ChangeDirection.Unchanged"/> for a flat line or an undefined trend.</summary>
    public ChangeDirection Direction => Slope switch
    {
        > 0m => ChangeDirection.Increase,
        < 0m => ChangeDirection.Decrease,
        _ => ChangeDirection.Unchanged,
    };

    /// <summary>Gets a value indicating whether the slope's interval excludes zero, that is, the trend is statistically significant at <see cref="Level"/>.</summary>
    public bool IsSignificant => SlopeInterval is { } interval && (interval.Lower > 0m || interval.Upper < 0m);

    internal int PointCount => Months.Count;

    internal double ResidualSumOfSquares => _residualSumOfSquares;

    /// <summary>Returns the invariant text form, such as <c>2023-01..2023-12: slope 2.1, intercept 90.3, R² 0.07</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => IsDefined
        ? string.Create(CultureInfo.InvariantCulture, $"{Months.First}..{Months.Last}: slope {Slope}, intercept {Intercept}, R² {(RSquared is null ? "undefined" : RSquared)}, slope {SlopeInterval}")
        : string.Create(CultureInfo.InvariantCulture, $"{Months.First}..{Months.Last}: undefined ({Reason})");

    internal static LinearTrend Fit(MonthlySeries series, decimal level)
    {
        StatisticsMath.ValidateLevel(level);
        int n = series.Count;
        if (n < MinimumMonths)
        {
            return new LinearTrend(series.Periods, level, InsufficientDataReason.TooFewPoints);
        }

        if (series.HasGaps)
        {
            return new LinearTrend(series.Periods, level, InsufficientDataReason.Gaps);
        }

        try
        {
            return FitComplete(series, level);
        }
        catch (OverflowException)
        {
            return new LinearTrend(series.Periods, level, InsufficientDataReason.OutOfRange);
        }
    }

    private static LinearTrend FitComplete(MonthlySeries series, decimal level)
    {
        int n = series.Count;
        Int128 sumX = (Int128)n * (n - 1) / 2;
        Int128 sumY = 0;
        Int128 sumXY = 0;
        bool constant = true;
        long firstValue = series.ValueOrZero(0);
        for (int i = 0; i < n; i++)
        {
            long y = series.ValueOrZero(i);
            sumY += y;
            sumXY += (Int128)i * y;
            constant &= y == firstValue;
        }

        // slope = (n·Σxy − Σx·Σy) / (n·Sxx), where n·Sxx = n²(n² − 1)/12 is an integer.
        Int128 numerator = (n * sumXY) - (sumX * sumY);
        Int128 denominator = (Int128)n * n * (((Int128)n * n) - 1) / 12;
        decimal slope = (decimal)numerator / (decimal)denominator;
        decimal intercept = ((decimal)sumY - (slope * (decimal)sumX)) / n;

        double meanY = (double)sumY / n;
        double residualSum = 0.0;
        double totalSum = 0.0;
        for (int i = 0; i < n; i++)
        {
            long y = series.ValueOrZero(i);
            double residual = (double)(y - (intercept + (slope * i)));
            residualSum += residual * residual;
            double deviation = y - meanY;
            totalSum += deviation * deviation;
        }

        decimal? rSquared = constant ? null
            : residualSum == 0.0 ? 1m
            : StatisticsMath.ToDecimal(Math.Clamp(1.0 - (residualSum / totalSum), 0.0, 1.0));

        double sxx = (double)n * (((double)n * n) - 1) / 12.0;
        double quantile = StatisticsMath.StudentTQuantile(level, n - 2);
        decimal? halfWidth = StatisticsMath.HalfWidth(quantile, residualSum / (n - 2) / sxx);
        if (halfWidth is not decimal half || (constant is false && rSquared is null))
        {
            throw new OverflowException("The trend's interval does not fit in a decimal.");
        }

        var interval = new ConfidenceInterval(slope - half, slope + half, level);
        return new LinearTrend(series.Periods, level, slope, intercept, rSquared, interval, residualSum);
    }
}
