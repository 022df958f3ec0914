using Djpk.Metrics.Reporting;

namespace Djpk.Metrics.Tool;

/// <summary>Renders a monthly report as one self-contained HTML file.</summary>
internal static class HtmlReport
{
    public static string Render(MonthlyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        throw ToolException.Usage("--format html is not available in this version of the tool yet; use text, md or json.");
    }
}
