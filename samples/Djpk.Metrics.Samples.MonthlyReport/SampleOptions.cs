using Djpk.Metrics.Reporting;

namespace Djpk.Metrics.Samples.ReportSample;

/// <summary>The sample's command line: --lang id|en, --json, --out DIR.</summary>
/// <remarks>--verify checks a report's claims: the text of --text (default: the published December 2023 report) against the figures of --figures (default: the figures it states).</remarks>
internal sealed record SampleOptions(ReportLanguage Language, bool Json, string? OutputDirectory, bool Verify, string? TextPath, string? FiguresPath, string? Error, bool Service = false)
{
    public const string Usage = "usage: Djpk.Metrics.Samples.MonthlyReport [--lang id|en] [--json] [--out DIR] | --service [--lang id|en] [--json] | --verify [--text REPORT.txt] [--figures FIGURES.json] [--lang id|en]";

    public static SampleOptions Parse(string[] args)
    {
        var options = new SampleOptions(ReportLanguage.Indonesian, false, null, false, null, null, null);
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--lang" when i + 1 < args.Length && args[i + 1] is "id" or "en":
                    options = options with { Language = args[++i] == "en" ? ReportLanguage.English : ReportLanguage.Indonesian };
                    break;
                case "--json":
                    options = options with { Json = true };
                    break;
                case "--out" when i + 1 < args.Length:
                    options = options with { OutputDirectory = args[++i] };
                    break;
                case "--service":
                    options = options with { Service = true };
                    break;
                case "--verify":
                    options = options with { Verify = true };
                    break;
                case "--text" when i + 1 < args.Length:
                    options = options with { TextPath = args[++i] };
                    break;
                case "--figures" when i + 1 < args.Length:
                    options = options with { FiguresPath = args[++i] };
                    break;
                default:
                    return options with { Error = $"unknown or incomplete option '{args[i]}'" };
            }
        }

        return options;
    }
}
