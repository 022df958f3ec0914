using Djpk.Metrics.Reporting;
using Djpk.Metrics.Samples.ReportSample;
using Djpk.Metrics.Verification;

// Rebuilds DJPK's December 2023 report from a raw consultation log and snapshots, and prints it.
//   dotnet run --project samples/Djpk.Metrics.Samples.MonthlyReport                 Indonesian text
//   dotnet run --project samples/Djpk.Metrics.Samples.MonthlyReport -- --lang en     English text
//   dotnet run --project samples/Djpk.Metrics.Samples.MonthlyReport -- --json        the report model as JSON
//   dotnet run --project samples/Djpk.Metrics.Samples.MonthlyReport -- --out DIR     report.md and PNG charts in DIR
//   dotnet run --project samples/Djpk.Metrics.Samples.MonthlyReport -- --verify      checks the published report's claims
//   dotnet run --project samples/Djpk.Metrics.Samples.MonthlyReport -- --service     the service-quality section, on synthetic data
var options = SampleOptions.Parse(args);
if (options.Error is { } error)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(SampleOptions.Usage);
    return 2;
}

string figures = Path.Combine(AppContext.BaseDirectory, "Data", "djpk-report-2023-12.json");
if (options.Verify)
{
    // The published text's claims, checked against the figures the report states (or a user's text and figures).
    string text = File.ReadAllText(options.TextPath ?? Path.Combine(AppContext.BaseDirectory, "Data", "djpk-report-2023-12.txt"));
    FigureTable data = PublishedReportJson.ReadFigures(File.ReadAllText(options.FiguresPath ?? figures));
    VerificationReport verification = ClaimVerifier.Verify(DjpkProfile.ClaimExtractor.Extract(text, December2023.Month), data);
    Console.Write(verification.Render(options.Language));
    return 0;
}

if (options.Service)
{
    // The service-quality section needs service columns (first response, outcome, satisfaction), which the published
    // December 2023 data does not have: this report is built from a synthetic log, and says so.
    ReportInputs synthetic = ReportInputs.Empty
        .WithConsultations(SyntheticServiceLog.Generate())
        .WithNote(new ReportNote(
            "Data sintetis: konsultasi dan angka kualitas layanan pada laporan ini dibangkitkan acak (seed tetap), bukan data DJPK.",
            "Synthetic data: the consultations and service-quality figures of this report are randomly generated (fixed seed), not DJPK's data."));
    MonthlyReport service = MonthlyReport.Build(SyntheticServiceLog.Month, synthetic, DjpkProfile.Profile.WithLanguage(options.Language));
    Console.WriteLine(options.Language == ReportLanguage.English ? "[synthetic data]" : "[data sintetis]");
    Console.Write(options.Json ? service.RenderJson() + "\n" : service.RenderText());
    return 0;
}

ReportProfile profile = DjpkProfile.Profile.WithLanguage(options.Language);
MonthlyReport report = MonthlyReport.Build(December2023.Month, December2023.Inputs(figures), profile);

if (options.Json)
{
    Console.WriteLine(report.RenderJson());
}
else
{
    Console.Write(report.RenderText());
}

if (options.OutputDirectory is { } directory)
{
    Directory.CreateDirectory(directory);
    File.WriteAllText(Path.Combine(directory, "report.md"), report.RenderMarkdown());
    foreach (string chart in ReportCharts.Write(report, directory))
    {
        Console.Error.WriteLine($"wrote {chart}");
    }

    Console.Error.WriteLine($"wrote {Path.Combine(directory, "report.md")}");
}

return 0;
