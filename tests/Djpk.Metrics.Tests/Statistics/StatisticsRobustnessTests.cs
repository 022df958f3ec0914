using Djpk.Metrics.Periods;
using Djpk.Metrics.Reporting;
using Djpk.Metrics.Statistics;
using FsCheck.Xunit;

namespace Djpk.Metrics.Tests.Statistics;

/// <summary>Hard inputs — one point, constant, huge values, gaps — give typed results: no exception, no reordering, nothing undefined left unexplained.</summary>
public class StatisticsRobustnessTests
{
    private static readonly ReportingPeriod January2023 = ReportingPeriod.Month(2023, 1);

    [Property(Arbitrary = [typeof(SeriesCases)], MaxTest = 400)]
    public void EveryStatistic_HardCases_IsTypedAndConsistent(SeriesCase c)
    {
        long?[] input = [.. c.Values];
        var series = MonthlySeries.FromCounts(January2023, input);

        LinearTrend trend = series.Trend();
        Assert.Equal(trend.IsDefined, trend.Slope is not null && trend.Intercept is not null && trend.SlopeInterval is not null);
        Assert.True(trend.IsDefined || trend.Reason != InsufficientDataReason.None);
        Assert.True(trend.RSquared is null or >= 0m and <= 1m);

        AnomalyScan scan = series.Anomalies();
        Assert.Equal(scan.IsDefined ? series.Count : 0, scan.Points.Count);
        Assert.True(scan.IsDefined || scan.Reason != InsufficientDataReason.None);

        SeriesForecast forecast = series.Forecast(3);
        Assert.Equal(forecast.IsDefined ? 3 : 0, forecast.Points.Count);
        Assert.All(forecast.Points, p => Assert.True(p.Interval.Lower <= p.Value && p.Value <= p.Interval.Upper));

        Assert.Equal(series.Count, series.MovingAverage(3).Count);
        Assert.Equal(series.Count, series.MovingAverage(12).Count);
        Assert.Equal(series.Count, series.YearOnYear().Count);
        if (series.Count > 1)
        {
            GrowthRate growth = series.CompoundGrowth(series.First, series.Last);
            Assert.Equal(growth.IsDefined, growth.MonthlyRate is not null);
        }

        foreach (ReportFormatter formatter in new[] { ReportFormatter.Indonesian, ReportFormatter.English })
        {
            Assert.NotEmpty(SeriesNarrative.TrendSentence("S", trend, formatter));
            Assert.NotEmpty(SeriesNarrative.AnomalyCallouts("S", scan, formatter));
            Assert.NotEmpty(SeriesNarrative.ForecastSentence("S", forecast, formatter));
        }

        Assert.Equal(c.Values, input);   // never reordered, never written
    }

    [Property(MaxTest = 200)]
    public void Analyses_DoNotReorderOrKeepTheCallersArray(long[] raw)
    {
        long[] values = [.. raw.Select(v => v == long.MinValue ? 0 : Math.Abs(v))];
        if (values.Length == 0)
        {
            return;
        }

        long[] before = [.. values];
        var series = MonthlySeries.FromValues(January2023, values);
        _ = series.Anomalies();
        _ = series.Trend();
        _ = series.Forecast();
        Assert.Equal(before, values);
        if (values.Length > 0)
        {
            values[0] = values[0] == 1 ? 2 : 1;
            Assert.Equal(before[0], series.Values[0]);
        }
    }
}
