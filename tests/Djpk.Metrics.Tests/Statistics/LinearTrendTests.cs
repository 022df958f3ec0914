using Djpk.Metrics.Comparison;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics;

namespace Djpk.Metrics.Tests.Statistics;

public class LinearTrendTests
{
    private static readonly ReportingPeriod January2023 = ReportingPeriod.Month(2023, 1);

    [Fact]
    public void Trend_PhoneSeries_MatchesHandComputation()
    {
        // n = 12, Σy = 1136, Σxy = 6379: slope = (12·6379 − 66·1136) / (144·143/12) = 1572 / 1716 = 131/143; intercept = (1136 − 66·131/143) / 12 = 6991/78.
        LinearTrend trend = PhoneSeries.Of2023.Trend();
        Assert.True(trend.IsDefined);
        Assert.Equal(1572m / 1716m, trend.Slope);
        Assert.Equal(89.62820512820512820513m, Math.Round(trend.Intercept!.Value, 20));
        Assert.Equal(0.0143744, (double)trend.RSquared!.Value, 6);           // 1 − SSE/SST = 1 − 8228,66/8348,67
        // Half-width t(0,975; 10) · √(SSE / 10 / 143) = 2,228139 · 2,398814 = 5,344890.
        ConfidenceInterval interval = trend.SlopeInterval!.Value;
        Assert.Equal(-4.428806, (double)interval.Lower, 5);
        Assert.Equal(6.260974, (double)interval.Upper, 5);
        Assert.Equal(0.95m, interval.Level);
        Assert.Equal(ChangeDirection.Increase, trend.Direction);
        Assert.False(trend.IsSignificant);
    }

    [Fact]
    public void Trend_PhoneSeries_AgreesWithMathNetFitLine()
    {
        double[] x = [.. Enumerable.Range(0, 12).Select(i => (double)i)];
        double[] y = [.. PhoneSeries.Year2023.Select(v => (double)v)];
        (double intercept, double slope) = Fit.Line(x, y);
        LinearTrend trend = PhoneSeries.Of2023.Trend();
        Assert.Equal(slope, (double)trend.Slope!.Value, 10);
        Assert.Equal(intercept, (double)trend.Intercept!.Value, 10);
        Assert.Equal(GoodnessOfFit.RSquared(x.Select(v => intercept + (slope * v)), y), (double)trend.RSquared!.Value, 10);
    }

    [Fact]
    public void Trend_NinetyPercent_IsNarrowerThanNinetyFive()
    {
        ConfidenceInterval ninety = PhoneSeries.Of2023.Trend(0.90m).SlopeInterval!.Value;
        ConfidenceInterval ninetyFive = PhoneSeries.Of2023.Trend().SlopeInterval!.Value;
        Assert.True(ninety.Width < ninetyFive.Width);
        Assert.Throws<ArgumentOutOfRangeException>(() => PhoneSeries.Of2023.Trend(1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => PhoneSeries.Of2023.Trend(0m));
    }

    [Theory]
    [InlineData(new long[] { 5 }, InsufficientDataReason.TooFewPoints)]
    [InlineData(new long[] { 5, 7 }, InsufficientDataReason.TooFewPoints)]
    public void Trend_TooFewMonths_IsUndefined(long[] values, InsufficientDataReason expected)
    {
        LinearTrend trend = MonthlySeries.FromValues(January2023, values).Trend();
        Assert.Equal(expected, trend.Reason);
        Assert.Null(trend.Slope);
        Assert.Null(trend.SlopeInterval);
        Assert.Contains("undefined (TooFewPoints)", trend.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Trend_Gap_IsUndefined() =>
        Assert.Equal(InsufficientDataReason.Gaps, MonthlySeries.FromCounts(January2023, [1, 2, null, 4]).Trend().Reason);

    [Fact]
    public void Trend_Constant_IsFlatWithoutRSquared()
    {
        LinearTrend trend = MonthlySeries.FromValues(January2023, [7, 7, 7, 7]).Trend();
        Assert.True(trend.IsDefined);
        Assert.Equal(0m, trend.Slope);
        Assert.Equal(7m, trend.Intercept);
        Assert.Null(trend.RSquared);
        Assert.Equal(0m, trend.SlopeInterval!.Value.Width);
        Assert.Equal(ChangeDirection.Unchanged, trend.Direction);
    }

    [Fact]
    public void Trend_HugeValues_AreExact()
    {
        // slope = Σ(x − 1,5)·y / Sxx = (−1,5·M + 0,5·M) / 5 = −M/5, exactly, with M = long.MaxValue.
        LinearTrend trend = MonthlySeries.FromValues(January2023, [long.MaxValue, 0, long.MaxValue, 0]).Trend();
        Assert.True(trend.IsDefined);
        Assert.Equal(-(decimal)long.MaxValue / 5m, trend.Slope);
        Assert.Equal((decimal)long.MaxValue * 0.8m, trend.Intercept);
        Assert.False(trend.IsSignificant);
    }

    [Property(Arbitrary = [typeof(SeriesCases)], MaxTest = 300)]
    public void Trend_ExactlyLinear_IsExact(LinearCase line)
    {
        LinearTrend trend = MonthlySeries.FromValues(January2023, line.Values).Trend();
        Assert.Equal(line.Slope, trend.Slope);
        Assert.Equal(line.Intercept, trend.Intercept);
        Assert.Equal(line.Slope == 0 ? null : 1m, trend.RSquared);
        Assert.Equal(0m, trend.SlopeInterval!.Value.Width);
        Assert.Equal(line.Slope != 0, trend.IsSignificant);
    }

    [Property(MaxTest = 200)]
    public Property Trend_AddingAConstant_ChangesOnlyTheIntercept()
    {
        Gen<(long[] Values, long Shift)> cases =
            from n in Gen.Choose(3, 40)
            from values in Gen.ArrayOf(Gen.Choose(0, 5000).Select(i => (long)i), n)
            from shift in Gen.Choose(1, 1_000_000).Select(i => (long)i)
            select (values, shift);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            LinearTrend before = MonthlySeries.FromValues(January2023, c.Values).Trend();
            LinearTrend after = MonthlySeries.FromValues(January2023, c.Values.Select(v => v + c.Shift)).Trend();
            Assert.Equal(before.Slope, after.Slope);
            Assert.True(Math.Abs(before.Intercept!.Value + c.Shift - after.Intercept!.Value) < 1e-18m, "the intercept moves by the shift, to decimal's 28 digits");
            Assert.Equal(before.RSquared is null, after.RSquared is null);
            // Within a relative 1e-9: rounding both to 9 places fails when they straddle a rounding boundary.
            AssertClose((double)(before.RSquared ?? 0m), (double)(after.RSquared ?? 0m));
            AssertClose((double)before.SlopeInterval!.Value.Width, (double)after.SlopeInterval!.Value.Width);
        });
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{actual} is not within a relative 1e-9 of {expected}");
}
