using System.Globalization;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Reporting;
using Djpk.Metrics.Statistics;
using Djpk.Metrics.Tests.Support;

namespace Djpk.Metrics.Tests.Statistics;

public class SeriesNarrativeTests
{
    [Fact]
    public void Reason_December2023_ReadsAsTheIssueSays()
    {
        AnomalyPoint december = PhoneSeries.Of2023.Anomalies().Points[11];
        Assert.Equal("Desember 2023: 149, tertinggi di 2023; median 94", SeriesNarrative.Reason(december, ReportFormatter.Indonesian));
        Assert.Equal("December 2023: 149, the highest of 2023; median 94", SeriesNarrative.Reason(december, ReportFormatter.English));
    }

    [Fact]
    public void TrendSentence_PhoneSeries_IndonesianAndEnglish()
    {
        LinearTrend trend = PhoneSeries.Of2023.Trend();
        Assert.Equal(
            "Telepon, Januari 2023–Desember 2023: tren naik rata-rata 0,9 per bulan (selang kepercayaan 95% untuk kemiringan: -4,4 hingga 6,3; R² 0,01), tidak signifikan secara statistik.",
            SeriesNarrative.TrendSentence("Telepon", trend, ReportFormatter.Indonesian));
        Assert.Equal(
            "Phone, January 2023–December 2023: trend up 0.9 a month on average (95% confidence interval of the slope: -4.4 to 6.3; R² 0.01), not statistically significant.",
            SeriesNarrative.TrendSentence("Phone", trend, ReportFormatter.English));
    }

    [Fact]
    public void AnomalyCallouts_NoFlag_NamesTheFarthestMonth()
    {
        AnomalyScan scan = PhoneSeries.Of2023.Anomalies();
        Assert.Equal(
            ["Telepon, Januari 2023–Desember 2023: tidak ada bulan yang tidak biasa (skor z termodifikasi di atas 3,5); yang paling jauh dari median adalah Desember 2023: 149, tertinggi di 2023; median 94 (skor 2,56)."],
            SeriesNarrative.AnomalyCallouts("Telepon", scan, ReportFormatter.Indonesian));
        Assert.Equal(
            ["Phone, January 2023–December 2023: no unusual month (modified z-score beyond 3.5); the farthest from the median is December 2023: 149, the highest of 2023; median 94 (score 2.56)."],
            SeriesNarrative.AnomalyCallouts("Phone", scan, ReportFormatter.English));
    }

    [Fact]
    public void AnomalyCallouts_Flagged_OneSentencePerMonth()
    {
        AnomalyScan scan = PhoneSeries.Of2023.Anomalies(2.5m);
        Assert.Equal(
            ["Telepon tidak biasa pada Desember 2023: 149, tertinggi di 2023; median 94 (skor z termodifikasi 2,56, ambang 2,5)."],
            SeriesNarrative.AnomalyCallouts("Telepon", scan, ReportFormatter.Indonesian));
        Assert.Equal(
            ["Phone was unusual in December 2023: 149, the highest of 2023; median 94 (modified z-score 2.56, threshold 2.5)."],
            SeriesNarrative.AnomalyCallouts("Phone", scan, ReportFormatter.English));
    }

    [Fact]
    public void ForecastSentence_PhoneSeries_SaysModelAndWhy()
    {
        SeriesForecast forecast = PhoneSeries.Of2023.Forecast();
        Assert.Equal(
            "Perkiraan Telepon (selang prediksi 95%): Januari 2024: 101 (26–176); model tren linear, karena baru tersedia 12 bulan data (model musiman memerlukan 24).",
            SeriesNarrative.ForecastSentence("Telepon", forecast, ReportFormatter.Indonesian));
        Assert.Equal(
            "Forecast of Phone (95% prediction interval): January 2024: 101 (26–176); linear trend model, because only 12 months of history are available (the seasonal model needs 24).",
            SeriesNarrative.ForecastSentence("Phone", forecast, ReportFormatter.English));
    }

    [Fact]
    public void Sentences_Undefined_SayWhy()
    {
        var series = MonthlySeries.FromCounts(ReportingPeriod.Month(2023, 1), [1, null, 3, 4, 5]);
        Assert.Equal(
            "Tren Live Chat, Januari 2023–Mei 2023, tidak dapat dihitung: ada bulan tanpa data.",
            SeriesNarrative.TrendSentence("Live Chat", series.Trend(), ReportFormatter.Indonesian));
        Assert.Equal(
            ["Unusual months of Live Chat, January 2023–May 2023, cannot be identified: a month has no data."],
            SeriesNarrative.AnomalyCallouts("Live Chat", series.Anomalies(), ReportFormatter.English));
        Assert.Equal(
            "No forecast of Live Chat can be made: a month has no data.",
            SeriesNarrative.ForecastSentence("Live Chat", series.Forecast(), ReportFormatter.English));
        Assert.Equal(
            "X, January 2023–April 2023: trend flat (95% confidence interval of the slope: 0 to 0; R² undefined because the values are constant), not statistically significant.",
            SeriesNarrative.TrendSentence("X", MonthlySeries.FromValues(ReportingPeriod.Month(2023, 1), [4, 4, 4, 4]).Trend(), ReportFormatter.English));
    }

    [Fact]
    public void Sentences_DoNotDependOnTheHostCulture()
    {
        string expected = SeriesNarrative.TrendSentence("Telepon", PhoneSeries.Of2023.Trend(), ReportFormatter.Indonesian);
        foreach (string culture in new[] { "en-US", "de-DE", "ar-SA", "id-ID" })
        {
            using var scope = new CultureScope(CultureInfo.GetCultureInfo(culture));
            Assert.Equal(expected, SeriesNarrative.TrendSentence("Telepon", PhoneSeries.Of2023.Trend(), ReportFormatter.Indonesian));
        }
    }
}
