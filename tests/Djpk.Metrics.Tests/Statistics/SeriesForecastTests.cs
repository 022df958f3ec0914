using Djpk.Metrics.Periods;
using Djpk.Metrics.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Djpk.Metrics.Tests.Statistics;

public class SeriesForecastTests
{
    private static readonly ReportingPeriod January2023 = ReportingPeriod.Month(2023, 1);

    [Fact]
    public void Forecast_PhoneSeries_UsesTheTrendModel()
    {
        // ŷ(12) = 6991/78 + 12·131/143 = 100,62; half-width t(0,975; 10)·s·√(1 + 1/12 + 6,5²/143) = 2,228139 · 28,6856 · 1,174218 = 75,05.
        SeriesForecast forecast = PhoneSeries.Of2023.Forecast();
        Assert.Equal(ForecastModel.LinearTrend, forecast.Model);
        ForecastPoint january = Assert.Single(forecast.Points);
        Assert.Equal(ReportingPeriod.Month(2024, 1), january.Month);
        Assert.Equal(100.6212, (double)january.Value, 4);
        Assert.Equal(75.0508, (double)(january.Interval.Upper - january.Value), 4);
        Assert.Equal(0.95m, january.Interval.Level);
    }

    [Fact]
    public void Forecast_TwoYears_UsesTheSeasonalModel()
    {
        // Year 2 = year 1 + 10 every month, except one month at + 14: drift 10⅓, differences spread s = 1,1547.
        long[] first = [50, 60, 70, 80, 90, 100, 110, 100, 90, 80, 70, 60];
        long[] second = [.. first.Select((v, i) => v + (i == 0 ? 14 : 10))];
        SeriesForecast forecast = MonthlySeries.FromValues(January2023, [.. first, .. second]).Forecast(13);
        Assert.Equal(ForecastModel.SeasonalNaiveWithDrift, forecast.Model);
        Assert.Equal(13, forecast.Points.Count);
        decimal drift = 124m / 12m;
        Assert.Equal(64m + drift, forecast.Points[0].Value);          // January 2025 from January 2024 (64)
        Assert.Equal(70m + drift, forecast.Points[1].Value);          // February 2025 from February 2024
        Assert.Equal(64m + (2m * drift), forecast.Points[12].Value);  // January 2026: two years ahead
        Assert.True(forecast.Points[12].Interval.Width > forecast.Points[0].Interval.Width);
    }

    [Fact]
    public void Forecast_Undefined_SaysWhy()
    {
        Assert.Equal(InsufficientDataReason.TooFewPoints, MonthlySeries.FromValues(January2023, [1, 2]).Forecast().Reason);
        SeriesForecast gaps = MonthlySeries.FromCounts(January2023, [1, 2, null, 4]).Forecast();
        Assert.Equal(InsufficientDataReason.Gaps, gaps.Reason);
        Assert.Equal(ForecastModel.None, gaps.Model);
        Assert.Empty(gaps.Points);
        Assert.Throws<ArgumentOutOfRangeException>(() => PhoneSeries.Of2023.Forecast(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PhoneSeries.Of2023.Forecast(121));
    }

    [Fact]
    public void Forecast_FallingSeries_NeverGoesBelowZero()
    {
        SeriesForecast forecast = MonthlySeries.FromValues(January2023, [30, 20, 10]).Forecast(3);
        Assert.All(forecast.Points, p => Assert.True(p.Value >= 0m && p.Interval.Lower >= 0m));
        Assert.Equal(0m, forecast.Points[2].Value);
    }

    [Property(MaxTest = 200)]
    public Property Forecast_Constant_IsThatConstantWithZeroWidth()
    {
        Gen<(long Value, int Months, int Horizon)> cases =
            from value in Gen.Frequency((4, Gen.Choose(0, 100_000).Select(i => (long)i)), (1, Gen.Elements(long.MaxValue, long.MaxValue / 3, 1L << 60)))
            from months in Gen.Choose(3, 50)
            from horizon in Gen.Choose(1, 30)
            select (value, months, horizon);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            SeriesForecast forecast = MonthlySeries.FromValues(January2023, Enumerable.Repeat(c.Value, c.Months)).Forecast(c.Horizon);
            Assert.Equal(c.Months >= 24 ? ForecastModel.SeasonalNaiveWithDrift : ForecastModel.LinearTrend, forecast.Model);
            Assert.Equal(c.Horizon, forecast.Points.Count);
            Assert.All(forecast.Points, p =>
            {
                Assert.Equal(c.Value, p.Value);
                Assert.Equal(0m, p.Interval.Width);
            });
        });
    }
}
