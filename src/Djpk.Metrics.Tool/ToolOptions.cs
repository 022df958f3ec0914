using System.CommandLine;
using System.Text;
using Djpk.Metrics.Formatting;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Tool;

/// <summary>Options several commands share (other than the log-reading flags), and their parsing.</summary>
internal static class ToolOptions
{
    public static Option<string[]> Logs() => new("--log")
    {
        Description = "A log file: CSV, JSON Lines or an Excel workbook (.xlsx), by its extension (repeatable; the files are combined).",
        HelpName = "FILE",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = true,
        Required = true,
    };

    public static Option<string?> Month(bool required) => new("--month")
    {
        Description = "The report's month, e.g. 2023-12.",
        HelpName = "YYYY-MM",
        Required = required,
    };

    public static Option<string> Language()
    {
        var option = new Option<string>("--lang") { Description = "The language: id (Indonesian) or en (English).", HelpName = "id|en", DefaultValueFactory = _ => "id" };
        option.AcceptOnlyFromAmong("id", "en");
        return option;
    }

    public static Option<string> Profile() => new("--profile")
    {
        Description = "The profile whose catalog, export aliases and zone read the logs (and, in report, whose settings and wording write it): djpk (built in), or a profile file (JSON; see docs/tool.md).",
        HelpName = "djpk|FILE",
        DefaultValueFactory = _ => "djpk",
    };

    public static Option<string?> Out() => new("--out") { Description = "Write to this file instead of standard output.", HelpName = "PATH" };

    public static ReportingPeriod ParseMonth(string? text) =>
        ReportingPeriod.TryParse(text, out ReportingPeriod period) && period.Grain == PeriodGrain.Month
            ? period
            : throw ToolException.Usage($"--month: '{text}' is not a month such as 2023-12.");

    public static ReportLanguage ParseLanguage(string? text) => text == "en" ? ReportLanguage.English : ReportLanguage.Indonesian;

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> (UTF-8, no BOM) or, when it is null, to the console's output.</summary>
    public static void Write(ToolConsole console, string? path, string text)
    {
        if (path is null)
        {
            console.Output.Write(text);
            return;
        }

        try
        {
            File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ToolException.DataProblem($"cannot write '{path}': {e.Message}");
        }

        console.Error.WriteLine($"wrote {path}");
    }
}
