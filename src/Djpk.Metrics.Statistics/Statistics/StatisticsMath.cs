using MathNet.Numerics.Distributions;

namespace Djpk.Metrics.Statistics;

/// <summary>The boundary to MathNet.Numerics and the exact helpers the statistics share: double stays in here.</summary>
internal static class StatisticsMath
{
    /// <summary>Throws unless <paramref name="level"/> is strictly between 0 and 1.</summary>
    public static void ValidateLevel(decimal level)
    {
        if (level <= 0m || level >= 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "A confidence level is a fraction strictly between 0 and 1, such as 0.95.");
        }
    }

    /// <summary>Returns the two-sided quantile of Student's t distribution: P(|T| ≤ q) = <paramref name="level"/>.</summary>
    public static double StudentTQuantile(decimal level, int degreesOfFreedom)
    {
        double p = 0.5 + ((double)level / 2.0);
        double q = StudentT.InvCDF(0.0, 1.0, degreesOfFreedom, p);
        if (!double.IsFinite(q) || q < 0)
        {
            throw new InvalidOperationException("MathNet returned a non-finite t quantile for a valid level and degrees of freedom.");
        }

        return q;
    }

    /// <summary>Converts a double from MathNet or System.Math to a decimal; <see langword="null"/> when it is NaN, infinite or beyond decimal's range.</summary>
    public static decimal? ToDecimal(double value) =>
        double.IsFinite(value) && Math.Abs(value) < 7.9e27 ? (decimal)value : null;

    /// <summary>Returns the half-width q·√<paramref name="variance"/>; exactly zero when the variance is exactly zero.</summary>
    public static decimal? HalfWidth(double quantile, double variance)
    {
        if (variance <= 0.0)
        {
            return 0m;
        }

        return ToDecimal(quantile * Math.Sqrt(variance));
    }

    /// <summary>Returns the median of <paramref name="values"/> exactly, sorting a copy (never the caller's array).</summary>
    public static decimal Median(ReadOnlySpan<decimal> values)
    {
        decimal[] copy = values.ToArray();
        Array.Sort(copy);
        int middle = copy.Length / 2;
        return copy.Length % 2 == 1 ? copy[middle] : (copy[middle - 1] + copy[middle]) / 2m;
    }
}
