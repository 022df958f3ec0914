using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Djpk.Metrics.Reporting;
using Djpk.Metrics.Samples.ReportSample;
using Djpk.Metrics.Tests.Support;
using Djpk.Metrics.Tool;

namespace Djpk.Metrics.Tests.Tool;

/// <summary>The HTML report: self-contained, its figures equal the model's, and it renders in a real browser (headless Chromium).</summary>
/// <remarks>
/// The browser test needs Debian's <c>chromium</c>; without it the test returns early, unless DJPK_REQUIRE_CHROMIUM=1 (set by CI)
/// makes that a failure. DJPK_SCREENSHOT_OUT=PATH keeps its screenshot (docs/december-2023-report.png).
/// </remarks>
public sealed partial class HtmlReportTests
{
    [Fact]
    public void Render_SyntheticServiceLog_HasTheServiceSectionAndItsTable()
    {
        MonthlyReport report = MonthlyReport.Build(
            SyntheticServiceLog.Month, ReportInputs.Empty.WithConsultations(SyntheticServiceLog.Generate(300)), Djpk.Metrics.Profiles.DjpkProfile.Profile);

        string html = HtmlReport.Render(report, ReportLanguage.Indonesian);

        Assert.Contains(">Kualitas Layanan</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<th>Tingkat jawab</th>", html, StringComparison.Ordinal);
        Assert.Contains("dijawab dalam 20 detik", html, StringComparison.Ordinal);
    }

    private static readonly Lazy<MonthlyReport> December = new(() =>
        MonthlyReport.Build(December2023.Month, December2023.Inputs(Path.Combine(AppContext.BaseDirectory, "Fixtures", "djpk-report-2023-12.json")), DjpkProfile.Profile));

    [Theory]
    [InlineData(ReportLanguage.Indonesian, "Grafik")]
    [InlineData(ReportLanguage.English, "Charts")]
    public void Render_December2023_IsSelfContainedWithTheModelsFigures(ReportLanguage language, string charts)
    {
        string html = HtmlReport.Render(December.Value, language);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains($"<h2>{charts}</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ExpectedFigures(December.Value, language), Figures(html));
        Assert.True(Regex.Count(html, "<svg ") >= 4, "the report has charts of channels, shares, segments and followers");
        Assert.Contains("<table>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_December2023_InHeadlessChromium_DomHasTheModelsFiguresAndTheScreenshotIsNotBlank()
    {
        string? chromium = FindChromium();
        if (chromium is null)
        {
            Assert.True(Environment.GetEnvironmentVariable("DJPK_REQUIRE_CHROMIUM") != "1", "chromium is not installed (apt-get install -y chromium)");
            return;
        }

        string directory = Directory.CreateTempSubdirectory("djpk-html-").FullName;
        try
        {
            string page = Path.Combine(directory, "report.html");
            File.WriteAllText(page, HtmlReport.Render(December.Value, ReportLanguage.Indonesian));
            string url = new Uri(page).AbsoluteUri;

            (string dom, string log) = RunChromium(chromium, directory, "--dump-dom", url);
            Assert.Equal(ExpectedFigures(December.Value, ReportLanguage.Indonesian), Figures(dom));
            Assert.Contains("Laporan Layanan Informasi DJPK", dom, StringComparison.Ordinal);
            Assert.DoesNotContain("Uncaught", log, StringComparison.Ordinal);

            string png = Path.Combine(directory, "report.png");
            RunChromium(chromium, directory, $"--screenshot={png}", "--window-size=1100,1800", url);
            AssertNotBlank(PngImage.Decode(File.ReadAllBytes(png)));
            if (Environment.GetEnvironmentVariable("DJPK_SCREENSHOT_OUT") is { Length: > 0 } keep)
            {
                File.Copy(png, keep, overwrite: true);   // how docs/december-2023-report.png is made
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // The screenshot, decoded: a meaningful share of it is not the page's background, it has the many colours of text and
    // charts, and the bars and lines of the charts are there in their own colours (the first four of SvgCharts' palette).
    private static void AssertNotBlank(PngImage image)
    {
        Assert.Equal((1100, 1800), (image.Width, image.Height));
        var histogram = new Dictionary<uint, int>();
        foreach (uint pixel in image.Pixels)
        {
            histogram[pixel] = histogram.GetValueOrDefault(pixel) + 1;
        }

        uint background = image[0, 0];
        Assert.Equal(0xFFFFFFFFu, background);   // the report's white page
        double drawn = 1 - ((double)histogram[background] / image.Pixels.Length);
        Assert.True(drawn > 0.03, string.Create(CultureInfo.InvariantCulture, $"only {drawn:P1} of the screenshot differs from the background: blank?"));
        Assert.True(histogram.Count >= 64, string.Create(CultureInfo.InvariantCulture, $"the screenshot has {histogram.Count} distinct colours: blank or unstyled?"));
        foreach (uint chart in ChartColours)
        {
            int near = histogram.Where(p => Near(p.Key, chart)).Sum(p => p.Value);
            Assert.True(near >= 400, string.Create(CultureInfo.InvariantCulture, $"the chart colour #{chart >> 8:x6} covers {near} pixels: are the charts drawn?"));
        }
    }

    private static readonly uint[] ChartColours = [0x1f5fa8ff, 0xe0782bff, 0x2e9b5fff, 0xb8344fff];

    // Within 6 levels in each of red, green and blue: rendering may shift a solid colour slightly.
    private static bool Near(uint pixel, uint colour) =>
        Math.Abs((int)(pixel >> 24) - (int)(colour >> 24)) <= 6
        && Math.Abs((int)((pixel >> 16) & 0xff) - (int)((colour >> 16) & 0xff)) <= 6
        && Math.Abs((int)((pixel >> 8) & 0xff) - (int)((colour >> 8) & 0xff)) <= 6;

    // data-figure="id">value< pairs, in document order.
    private static List<(string Id, string Value)> Figures(string html) =>
        [.. FigurePattern().Matches(html).Select(m => (m.Groups[1].Value, m.Groups[2].Value))];

    private static List<(string Id, string Value)> ExpectedFigures(MonthlyReport report, ReportLanguage language)
    {
        ReportFormatter format = language == ReportLanguage.English ? ReportFormatter.English : ReportFormatter.Indonesian;
        var figures = new List<(string, string)>();
        void Add(string id, long? value)
        {
            if (value is long v)
            {
                figures.Add((id, format.FormatCount(v)));
            }
        }

        Add("consultations.total", report.Consultations.Total);
        Add("consultations.previousMonth", report.Consultations.PreviousMonth);
        Add("consultations.sameMonthLastYear", report.Consultations.SameMonthLastYear);
        Add("consultations.yearToDate", report.Consultations.YearToDate);
        Add("users", report.Segments.DistinctUsers);
        Add("website.visits", report.Website.Visits);
        return figures;
    }

    private static string? FindChromium() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .SelectMany(d => new[] { Path.Combine(d, "chromium"), Path.Combine(d, "chromium-browser") })
            .FirstOrDefault(File.Exists);

    private static (string Output, string Error) RunChromium(string chromium, string profile, params string[] args)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", $"--user-data-dir={Path.Combine(profile, "chromium")}", "--enable-logging=stderr", .. args])
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish in 90 s");
        }

        return (output.Result, error.Result);
    }

    [GeneratedRegex("data-figure=\"([^\"]+)\">([^<]*)<", RegexOptions.CultureInvariant)]
    private static partial Regex FigurePattern();
}
