using Djpk.Metrics.Comparison;
using Djpk.Metrics.Reporting;
using ScottPlot;

namespace Djpk.Metrics.Samples.ReportSample;

/// <summary>Draws the report's charts as PNG files with ScottPlot: phone per month, followers per month, shares by segment and by channel.</summary>
internal static class ReportCharts
{
    private const int Width = 900;
    private const int Height = 500;

    private static ReportFormatter Formatter { get; set; } = ReportFormatter.Indonesian;

    public static IEnumerable<string> Write(MonthlyReport report, string directory)
    {
        bool id = report.Settings.Language == ReportLanguage.Indonesian;
        ReportFormatter format = ReportFormatter.For(report.Settings.Language);
        Formatter = format;
        string[] months = [.. report.Consultations.YearMonths.Select(m => format.FormatMonthAbbreviation(m.Start.Month))];
        int year = report.Month.Year;

        if (report.Consultations.Channels.FirstOrDefault(c => c.Info.Channel == DjpkChannels.Phone) is { } phone)
        {
            yield return Bars(
                Path.Combine(directory, "phone-per-month.png"),
                id ? $"Konsultasi telepon per bulan, {year}" : $"Phone consultations per month, {year}",
                months,
                [.. phone.YearSeries.Select(v => (double)(v ?? 0))]);
        }

        foreach (var social in report.Social.Where(s => s.Followers.Values.Count(v => v is not null) > 1))
        {
            string name = social.Info.Channel.Id;
            yield return Line(
                Path.Combine(directory, $"{name}-followers-per-month.png"),
                id ? $"Pengikut {social.Info.NameIn(ReportLanguage.Indonesian)} per akhir bulan, {year}" : $"{social.Info.NameIn(ReportLanguage.English)} followers at each month's end, {year}",
                [.. social.Followers.Periods.Select(m => format.FormatMonthAbbreviation(m.Start.Month))],
                [.. social.Followers.Values.Select(v => v is long f ? (double)f : double.NaN)]);
        }

        if (!report.Segments.Segments.IsEmpty)
        {
            yield return Bars(
                Path.Combine(directory, "shares-by-segment.png"),
                id ? $"Pengguna per segmen, {year} (%)" : $"Users by segment, {year} (%)",
                [.. report.Segments.Segments.Select(s => s.Info.NameIn(report.Settings.Language))],
                [.. report.Segments.Segments.Select(s => (double)(s.Share.Allocated ?? 0m))]);
        }

        if (report.Consultations.Channels.Any(c => c.Share is { IsDefined: true }))
        {
            yield return Bars(
                Path.Combine(directory, "shares-by-channel.png"),
                id ? $"Porsi konsultasi per kanal, {format.FormatMonth(report.Month.Start.ToYearMonth())} (%)" : $"Consultations by channel, {format.FormatMonth(report.Month.Start.ToYearMonth())} (%)",
                [.. report.Consultations.Channels.Select(c => c.Info.NameIn(report.Settings.Language))],
                [.. report.Consultations.Channels.Select(c => (double)(c.Share?.Percent is decimal p ? Rounding.Round(p, 1, RoundingRule.HalfAwayFromZero) : 0m))]);
        }
    }

    private static string Bars(string path, string title, string[] labels, double[] values)
    {
        var plot = new Plot();
        var bars = plot.Add.Bars(values);
        for (int i = 0; i < bars.Bars.Count; i++)
        {
            bars.Bars[i].Label = Formatter.FormatNumber(Rounding.Round((decimal)values[i], values[i] % 1 == 0 ? 0 : 1, RoundingRule.HalfAwayFromZero));
        }

        bars.ValueLabelStyle.FontSize = 14;
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, labels.Length).Select(i => (double)i)], labels);
        plot.Axes.Margins(bottom: 0, top: 0.15);
        plot.Title(title);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = value => Formatter.FormatNumber(Rounding.Round((decimal)value, 0, RoundingRule.HalfAwayFromZero)),
        };
        plot.SavePng(path, Width, Height);
        return path;
    }

    private static string Line(string path, string title, string[] labels, double[] values)
    {
        var plot = new Plot();
        double[] xs = [.. Enumerable.Range(0, values.Length).Select(i => (double)i)];
        var line = plot.Add.Scatter(xs, values);
        line.LineWidth = 2;
        line.MarkerSize = 7;
        plot.Axes.Bottom.SetTicks(xs, labels);
        plot.Title(title);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = value => Formatter.FormatNumber(Rounding.Round((decimal)value, 0, RoundingRule.HalfAwayFromZero)),
        };
        plot.SavePng(path, Width, Height);
        return path;
    }
}
