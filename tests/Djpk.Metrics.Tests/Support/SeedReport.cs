using System.Collections.Immutable;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Verification;

namespace Djpk.Metrics.Tests.Support;

/// <summary>The December 2023 report as text, claims and figures, read from the fixtures copied beside the tests.</summary>
internal static class SeedReport
{
    public static readonly ReportingPeriod Month = ReportingPeriod.Month(2023, 12);

    private static readonly Lazy<string> TextFile = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "000_44c26567354df530.txt")));

    private static readonly Lazy<string> JsonFile = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "djpk-report-2023-12.json")));

    public static string Text => TextFile.Value;

    public static string Json => JsonFile.Value;

    public static ImmutableArray<Claim> Claims() => PublishedReportJson.ReadClaims(Json);

    public static FigureTable Figures() => PublishedReportJson.ReadFigures(Json);
}
