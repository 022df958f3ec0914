using Djpk.Metrics.Reporting;

namespace Djpk.Metrics.Samples.ReportSample;

/// <summary>The sample's command line: --lang id|en, --json, --out DIR.</summary>
internal sealed record SampleOptions(ReportLanguage Language, bool Json, string? OutputDirectory, string? Error)
{
    public const string Usage = "usage: Djpk.Metrics.Samples.MonthlyReport [--lang id|en] [--json] [--out DIR]";

    public static SampleOptions Parse(string[] args)
    {
        var options = new SampleOptions(ReportLanguage.Indonesian, false, null, null);
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
                default:
                    return options with { Error = $"unknown or incomplete option '{args[i]}'" };
            }
        }

        return options;
    }
}
