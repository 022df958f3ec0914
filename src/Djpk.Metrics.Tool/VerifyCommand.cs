using System.CommandLine;
using System.Text.Json;
using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Profiles;
using Djpk.Metrics.Verification;

namespace Djpk.Metrics.Tool;

/// <summary>The <c>verify</c> command: checks the claims of a report's text against stated figures or against the logs themselves.</summary>
internal static class VerifyCommand
{
    public static Command Create(ToolConsole console)
    {
        var text = new Option<string>("--text") { Description = "The report's text (UTF-8), Indonesian.", HelpName = "FILE", Required = true };
        var figures = new Option<string?>("--figures") { Description = "The figures to check against: a published-report JSON file (see docs/verifying-claims.md).", HelpName = "FILE" };
        var logs = new Option<string[]>("--log")
        {
            Description = "Check against the counts of these logs instead (repeatable; needs --month).",
            HelpName = "FILE",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        var month = ToolOptions.Month(required: false);
        month.Description = "The report's month, e.g. 2023-12 (required with --log; with --figures, default the file's report.period).";
        var language = ToolOptions.Language();
        var failOnClaims = new Option<bool>("--fail-on-claims") { Description = "Exit with code 1 when a claim fails." };
        var output = ToolOptions.Out();
        var reading = new LogReadingOptions(IngestPolicy.Strict);

        var command = new Command("verify", Help.Verify);
        foreach (Option option in new Option[] { text, figures, logs, month, language, failOnClaims, output })
        {
            command.Options.Add(option);
        }

        reading.AddTo(command);
        command.SetAction(parse =>
        {
            string? figuresPath = parse.GetValue(figures);
            string[] logPaths = parse.GetValue(logs) ?? [];
            if ((figuresPath is null) == (logPaths.Length == 0))
            {
                throw ToolException.Usage("verify needs either --figures FILE or --log FILE… --month YYYY-MM.");
            }

            string report = ReadText(parse.GetValue(text)!);
            FigureTable table;
            ReportingPeriod period;
            if (figuresPath is not null)
            {
                string json = ReadText(figuresPath);
                period = parse.GetValue(month) is { } m ? ToolOptions.ParseMonth(m) : PeriodOf(json, figuresPath);
                try
                {
                    table = PublishedReportJson.ReadFigures(json);
                }
                catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException or KeyNotFoundException)
                {
                    throw ToolException.DataProblem($"{figuresPath}: {e.Message}");
                }
            }
            else
            {
                period = parse.GetValue(month) is { } m
                    ? ToolOptions.ParseMonth(m)
                    : throw ToolException.Usage("--month is required with --log.");
                LoadedLogs loaded = LogLoader.Load(logPaths, reading.Resolve(parse), console);
                var aggregator = new Aggregator(ReportingCalendar.Jakarta);
                AggregationRequest monthly = AggregationRequest.PerPeriod(PeriodGrain.Month);
                FigureTableBuilder builder = new FigureTableBuilder()
                    .AddConsultations(aggregator.Count(loaded.Log, monthly.By(AggregationDimensions.Channel)))
                    .AddUsers(aggregator.CountDistinctUsers(loaded.Log, monthly.By(AggregationDimensions.Segment)));
                if (loaded.Log.ServiceColumns != Logs.ServiceColumns.None && loaded.Log.Count > 0)
                {
                    // Claims about service quality are checked against the log's service figures, under DJPK's targets.
                    Reporting.ReportSettings settings = DjpkProfile.Settings;
                    builder.AddService(
                        Service.ServiceMetrics.Measure(loaded.Log, ReportingCalendar.Jakarta, PeriodGrain.Month, Service.ServiceBreakdown.Channel, settings.ServiceSettings),
                        settings.ServiceLevelDefinition);
                    builder.AddRepeatContacts(Service.RepeatContacts.Of(loaded.Log, ReportingCalendar.Jakarta, period));
                }

                table = builder.Build();
            }

            VerificationReport verification = ClaimVerifier.Verify(DjpkProfile.ClaimExtractor.Extract(report, period), table);
            ToolOptions.Write(console, parse.GetValue(output), verification.Render(ToolOptions.ParseLanguage(parse.GetValue(language))));
            return parse.GetValue(failOnClaims) && verification.FailCount > 0 ? ExitCodes.DataProblem : ExitCodes.Success;
        });
        return command;
    }

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            throw ToolException.Usage($"'{path}' does not exist.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ToolException.DataProblem($"cannot read '{path}': {e.Message}");
        }
    }

    private static ReportingPeriod PeriodOf(string json, string path)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            if (document.RootElement.TryGetProperty("report", out JsonElement report)
                && report.TryGetProperty("period", out JsonElement period)
                && ReportingPeriod.TryParse(period.GetString(), out ReportingPeriod value))
            {
                return value;
            }
        }
        catch (JsonException e)
        {
            throw ToolException.DataProblem($"{path}: {e.Message}");
        }

        throw ToolException.Usage($"{path} states no report.period; add --month YYYY-MM.");
    }
}
