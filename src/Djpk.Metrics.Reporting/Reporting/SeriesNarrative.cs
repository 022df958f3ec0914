using System.Globalization;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Reporting;
using NodaTime;

using Djpk.Metrics.Formatting;
using Djpk.Metrics.Statistics;
namespace Djpk.Metrics.Reporting;

/// <summary>Writes the report's sentences about a monthly series — its trend, its unusual months and its forecast — in Indonesian or English.</summary>
/// <remarks>
/// <para>Every number goes through the <see cref="ReportFormatter"/>, so the text is the same on every host. Sentences round once, half
/// away from zero: slopes and their intervals to 1 decimal, R² and scores to 2 decimals, forecasts and their intervals to whole counts.</para>
/// <para>An undefined statistic gives a sentence that says why, never an exception.</para>
/// </remarks>
public static class SeriesNarrative
{
    /// <summary>Writes the trend sentence, such as "Telepon, Januari 2023–Desember 2023: tren naik rata-rata 2,1 per bulan (…)".</summary>
    /// <param name="seriesName">The series' name as the report prints it, such as "Telepon".</param>
    /// <param name="trend">The trend, from <see cref="MonthlySeries.Trend"/>.</param>
    /// <param name="formatter">The language and number format.</param>
    /// <returns>One sentence with the slope per month, its confidence interval, R² and whether the trend is statistically significant.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static string TrendSentence(string seriesName, LinearTrend trend, ReportFormatter formatter)
    {
        ArgumentNullException.ThrowIfNull(seriesName);
        ArgumentNullException.ThrowIfNull(trend);
        ArgumentNullException.ThrowIfNull(formatter);
        bool id = formatter.Language == ReportLanguage.Indonesian;
        string span = Span(trend.Months, formatter);
        if (!trend.IsDefined)
        {
            return id
                ? $"Tren {seriesName}, {span}, tidak dapat dihitung: {Why(trend.Reason, formatter)}."
                : $"The trend of {seriesName}, {span}, cannot be computed: {Why(trend.Reason, formatter)}.";
        }

        decimal slope = Round(trend.Slope!.Value, 1);
        ConfidenceInterval interval = trend.SlopeInterval!.Value;
        string level = formatter.FormatPercent(Normalize(trend.Level * 100m));
        string lower = formatter.FormatNumber(Round(interval.Lower, 1));
        string upper = formatter.FormatNumber(Round(interval.Upper, 1));
        string rSquared = trend.RSquared is decimal r
            ? "R² " + formatter.FormatNumber(Round(r, 2))
            : (id ? "R² tidak terdefinisi karena nilainya konstan" : "R² undefined because the values are constant");
        string direction = (trend.Direction, id) switch
        {
            (ChangeDirection.Increase, true) => "naik rata-rata " + formatter.FormatNumber(Math.Abs(slope)) + " per bulan",
            (ChangeDirection.Decrease, true) => "turun rata-rata " + formatter.FormatNumber(Math.Abs(slope)) + " per bulan",
            (_, true) => "datar",
            (ChangeDirection.Increase, false) => "up " + formatter.FormatNumber(Math.Abs(slope)) + " a month on average",
            (ChangeDirection.Decrease, false) => "down " + formatter.FormatNumber(Math.Abs(slope)) + " a month on average",
            _ => "flat",
        };
        string significance = (trend.IsSignificant, id) switch
        {
            (true, true) => "signifikan secara statistik",
            (false, true) => "tidak signifikan secara statistik",
            (true, false) => "statistically significant",
            _ => "not statistically significant",
        };
        return id
            ? $"{seriesName}, {span}: tren {direction} (selang kepercayaan {level} untuk kemiringan: {lower} hingga {upper}; {rSquared}), {significance}."
            : $"{seriesName}, {span}: trend {direction} ({level} confidence interval of the slope: {lower} to {upper}; {rSquared}), {significance}.";
    }

    /// <summary>Writes the one-line reason for a month, as in "Desember 2023: 149, tertinggi di 2023; median 94".</summary>
    /// <param name="point">A month of an anomaly scan.</param>
    /// <param name="formatter">The language and number format.</param>
    /// <returns>The month, its value, where it stands in its year (highest, lowest, above or below the median) and the median.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="formatter"/> is <see langword="null"/>.</exception>
    public static string Reason(AnomalyPoint point, ReportFormatter formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        bool id = formatter.Language == ReportLanguage.Indonesian;
        string year = point.Month.Year.ToString(CultureInfo.InvariantCulture);
        string standing = (point.IsHighestOfYear, point.IsLowestOfYear, point.Value > point.Median, id) switch
        {
            (true, _, _, true) => "tertinggi di " + year,
            (true, _, _, false) => "the highest of " + year,
            (_, true, _, true) => "terendah di " + year,
            (_, true, _, false) => "the lowest of " + year,
            (_, _, true, true) => "di atas median",
            (_, _, true, false) => "above the median",
            (_, _, false, true) => "tidak di atas median",
            _ => "not above the median",
        };
        return $"{Month(point.Month, formatter)}: {formatter.FormatCount(point.Value)}, {standing}; median {formatter.FormatNumber(Normalize(point.Median))}";
    }

    /// <summary>Writes the anomaly call-outs: one sentence per flagged month, or one sentence saying that no month is unusual and which came closest.</summary>
    /// <param name="seriesName">The series' name as the report prints it, such as "Telepon".</param>
    /// <param name="scan">The scan, from <see cref="MonthlySeries.Anomalies"/>.</param>
    /// <param name="formatter">The language and number format.</param>
    /// <returns>At least one sentence; each gives the reason, the modified z-score and the threshold.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> AnomalyCallouts(string seriesName, AnomalyScan scan, ReportFormatter formatter)
    {
        ArgumentNullException.ThrowIfNull(seriesName);
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(formatter);
        bool id = formatter.Language == ReportLanguage.Indonesian;
        string span = Span(scan.Months, formatter);
        if (!scan.IsDefined)
        {
            return [id
                ? $"Bulan yang tidak biasa pada {seriesName}, {span}, tidak dapat dicari: {Why(scan.Reason, formatter)}."
                : $"Unusual months of {seriesName}, {span}, cannot be identified: {Why(scan.Reason, formatter)}."];
        }

        string threshold = formatter.FormatNumber(Normalize(scan.Threshold));
        IReadOnlyList<AnomalyPoint> flagged = scan.Flagged;
        if (flagged.Count == 0)
        {
            AnomalyPoint closest = scan.MostExtreme!.Value;
            return [id
                ? $"{seriesName}, {span}: tidak ada bulan yang tidak biasa (skor z termodifikasi di atas {threshold}); yang paling jauh dari median adalah {Reason(closest, formatter)} (skor {Score(closest, formatter)})."
                : $"{seriesName}, {span}: no unusual month (modified z-score beyond {threshold}); the farthest from the median is {Reason(closest, formatter)} (score {Score(closest, formatter)})."];
        }

        return [.. flagged.Select(p => id
            ? $"{seriesName} tidak biasa pada {Reason(p, formatter)} (skor z termodifikasi {Score(p, formatter)}, ambang {threshold})."
            : $"{seriesName} was unusual in {Reason(p, formatter)} (modified z-score {Score(p, formatter)}, threshold {threshold}).")];
    }

    /// <summary>Writes the forecast sentence: each forecast month with its prediction interval, the model used and why.</summary>
    /// <param name="seriesName">The series' name as the report prints it, such as "Telepon".</param>
    /// <param name="forecast">The forecast, from <see cref="MonthlySeries.Forecast"/>.</param>
    /// <param name="formatter">The language and number format.</param>
    /// <returns>One sentence.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static string ForecastSentence(string seriesName, SeriesForecast forecast, ReportFormatter formatter)
    {
        ArgumentNullException.ThrowIfNull(seriesName);
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(formatter);
        bool id = formatter.Language == ReportLanguage.Indonesian;
        if (!forecast.IsDefined)
        {
            return id
                ? $"Perkiraan {seriesName} tidak dapat dibuat: {Why(forecast.Reason, formatter)}."
                : $"No forecast of {seriesName} can be made: {Why(forecast.Reason, formatter)}.";
        }

        string level = formatter.FormatPercent(Normalize(forecast.Level * 100m));
        string months = formatter.FormatCount(forecast.History.Count);
        string points = string.Join("; ", forecast.Points.Select(p =>
            $"{Month(p.Month, formatter)}: {formatter.FormatNumber(Round(p.Value, 0))} ({formatter.FormatNumber(Round(p.Interval.Lower, 0))}–{formatter.FormatNumber(Round(p.Interval.Upper, 0))})"));
        string model = (forecast.Model, id) switch
        {
            (ForecastModel.SeasonalNaiveWithDrift, true) => $"model musiman (bulan yang sama tahun lalu ditambah rata-rata perubahan tahunan), karena tersedia {months} bulan data (minimal 24)",
            (ForecastModel.SeasonalNaiveWithDrift, false) => $"seasonal model (the same month last year plus the mean year-on-year change), because {months} months of history are available (24 or more)",
            (_, true) => $"model tren linear, karena baru tersedia {months} bulan data (model musiman memerlukan 24)",
            _ => $"linear trend model, because only {months} months of history are available (the seasonal model needs 24)",
        };
        return id
            ? $"Perkiraan {seriesName} (selang prediksi {level}): {points}; {model}."
            : $"Forecast of {seriesName} ({level} prediction interval): {points}; {model}.";
    }

    private static string Score(AnomalyPoint point, ReportFormatter formatter) => formatter.FormatNumber(Round(point.Score, 2));

    private static string Why(InsufficientDataReason reason, ReportFormatter formatter) => (reason, formatter.Language == ReportLanguage.Indonesian) switch
    {
        (InsufficientDataReason.TooFewPoints, true) => "jumlah bulan data terlalu sedikit",
        (InsufficientDataReason.TooFewPoints, false) => "too few months of data",
        (InsufficientDataReason.Gaps, true) => "ada bulan tanpa data",
        (InsufficientDataReason.Gaps, false) => "a month has no data",
        (InsufficientDataReason.NoSpread, true) => "nilainya tidak cukup bervariasi (setidaknya separuh bulan sama dengan median)",
        (InsufficientDataReason.NoSpread, false) => "the values do not vary enough (at least half the months equal the median)",
        (InsufficientDataReason.ZeroBase, true) => "nilai awalnya nol",
        (InsufficientDataReason.ZeroBase, false) => "the starting value is zero",
        (_, true) => "nilainya terlalu besar untuk dihitung secara tepat",
        _ => "the values are too large to compute exactly",
    };

    private static string Span(PeriodRange months, ReportFormatter formatter) =>
        months.Count == 1 ? Month(months.First, formatter) : Month(months.First, formatter) + "–" + Month(months.Last, formatter);

    private static string Month(ReportingPeriod month, ReportFormatter formatter) =>
        formatter.FormatMonth(new YearMonth(month.Start.Year, month.Start.Month));

    private static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    // Drops trailing zeros of the scale: 95,00 becomes 95 and 94,50 becomes 94,5.
    private static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;
}
