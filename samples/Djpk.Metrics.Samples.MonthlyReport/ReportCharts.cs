using Djpk.Metrics.Reporting;

namespace Djpk.Metrics.Samples.ReportSample;

/// <summary>Draws the report's charts as PNG files.</summary>
internal static class ReportCharts
{
    public static IEnumerable<string> Write(MonthlyReport report, string directory)
    {
        _ = report;
        _ = directory;
        return [];
    }
}
