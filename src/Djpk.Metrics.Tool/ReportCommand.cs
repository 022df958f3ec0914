using System.CommandLine;
using System.Globalization;
using Djpk.Metrics.Formatting;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Reporting;

namespace Djpk.Metrics.Tool;

/// <summary>The <c>report</c> command: the monthly report of the user's own logs and side inputs.</summary>
internal static class ReportCommand
{
    public static Command Create(ToolConsole console)
    {
        var logs = ToolOptions.Logs();
        var month = ToolOptions.Month(required: true);
        var social = new Option<string?>("--social") { Description = "Social-media snapshots, a JSON file (see docs/tool.md).", HelpName = "FILE" };
        var website = new Option<string?>("--website") { Description = "Website visits and top pages, a JSON file.", HelpName = "FILE" };
        var requests = new Option<string?>("--requests") { Description = "Information requests (PPID), a JSON file.", HelpName = "FILE" };
        var complaints = new Option<string?>("--complaints") { Description = "Complaints, a JSON file.", HelpName = "FILE" };
        var profile = ToolOptions.Profile();
        profile.Description = "The report profile: djpk (built in), or a profile file (JSON: another agency's channels, segments, export aliases, settings, wording and holidays; see docs/tool.md).";
        var language = ToolOptions.Language();
        var format = new Option<string>("--format") { Description = "The rendering.", HelpName = "text|md|json|html", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "md", "json", "html");
        var output = ToolOptions.Out();
        var reading = new LogReadingOptions(IngestPolicy.Strict);

        var command = new Command("report", Help.Report);
        foreach (Option option in new Option[] { logs, month, social, website, requests, complaints, profile, language, format, output })
        {
            command.Options.Add(option);
        }

        reading.AddTo(command);
        command.SetAction(parse =>
        {
            ReportingPeriod period = ToolOptions.ParseMonth(parse.GetValue(month));
            ToolProfile used = ToolProfile.Resolve(parse.GetValue(profile));
            string rendering = parse.GetValue(format) ?? "text";

            // --lang wins; without it, the profile's language (a profile file may say "en").
            ReportLanguage lang = parse.GetResult(language) is { Implicit: false }
                ? ToolOptions.ParseLanguage(parse.GetValue(language))
                : used.Report.Settings.Language;
            LogReadSettings settings = reading.Resolve(parse, used);
            LoadedLogs loaded = LogLoader.Load(parse.GetValue(logs) ?? [], settings, console);

            ReportInputs inputs = ReportInputs.Empty.WithConsultations(loaded.Log);
            if (parse.GetValue(social) is { } socialPath)
            {
                inputs = inputs.WithSocial(SideInputs.Social(socialPath));
            }

            if (parse.GetValue(website) is { } websitePath)
            {
                inputs = inputs.WithWebsite(SideInputs.Website(websitePath));
            }

            if (parse.GetValue(requests) is { } requestsPath)
            {
                inputs = inputs.WithInformationRequests(SideInputs.Requests(requestsPath));
            }

            if (parse.GetValue(complaints) is { } complaintsPath)
            {
                inputs = inputs.WithComplaints(SideInputs.Complaints(complaintsPath));
            }

            if (loaded.Rejected > 0)
            {
                string reasons = string.Join("; ", loaded.Reports.Where(r => r.Report.Rejected > 0).Select(r => $"{Path.GetFileName(r.File)}: {r.Report}"));
                inputs = inputs.WithNote(new ReportNote(
                    string.Create(CultureInfo.InvariantCulture, $"{loaded.Rejected} baris ditolak saat memuat data ({reasons})."),
                    string.Create(CultureInfo.InvariantCulture, $"{loaded.Rejected} rows were rejected when the data was loaded ({reasons}).")));
            }

            MonthlyReport report = MonthlyReport.Build(period, inputs, used.Report.WithLanguage(lang));
            string text = rendering switch
            {
                "md" => report.RenderMarkdown(),
                "json" => report.RenderJson() + "\n",
                "html" => HtmlReport.Render(report, lang),
                _ => report.RenderText(),
            };
            ToolOptions.Write(console, parse.GetValue(output), text);
            return ExitCodes.Success;
        });
        return command;
    }
}
