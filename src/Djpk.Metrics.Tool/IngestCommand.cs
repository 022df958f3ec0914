using System.CommandLine;
using Djpk.Metrics.Csv;
using Djpk.Metrics.Ingest;

namespace Djpk.Metrics.Tool;

/// <summary>The <c>ingest</c> command: reads logs, prints their ingest report and optionally writes the accepted rows.</summary>
internal static class IngestCommand
{
    public static Command Create(ToolConsole console)
    {
        var files = new Argument<string[]>("FILE") { Description = "The log files (CSV, JSON Lines or Excel .xlsx).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out") { Description = "Write the accepted rows to this file (.csv or .jsonl), losslessly.", HelpName = "PATH" };
        var profile = ToolOptions.Profile();
        var reading = new LogReadingOptions(IngestPolicy.Collect, "--format");
        var command = new Command("ingest", Help.Ingest);
        command.Arguments.Add(files);
        command.Options.Add(output);
        command.Options.Add(profile);
        reading.AddTo(command);
        command.SetAction(parse =>
        {
            LogReadSettings settings = reading.Resolve(parse, ToolProfile.Resolve(parse.GetValue(profile)));
            string[] paths = parse.GetValue(files) ?? [];
            string? outPath = parse.GetValue(output);
            if (outPath is not null && LogLoader.FormatOf(outPath, null) is not ("csv" or "jsonl"))
            {
                throw ToolException.Usage($"--out: '{outPath}' must end in .csv or .jsonl (the tool writes no workbooks).");
            }

            LoadedLogs loaded = LogLoader.Load(paths, settings, console, failOnRejections: false);
            foreach ((string file, IngestReport report) in loaded.Reports)
            {
                if (loaded.Reports.Count > 1)
                {
                    console.Output.WriteLine(file);
                }

                console.Output.WriteLine(report.ToString());
                foreach (IngestRejection rejection in report.Rejections)
                {
                    console.Output.WriteLine("  " + rejection);
                }

                if (report.Rejections.Length < report.Rejected)
                {
                    console.Output.WriteLine($"  … {report.Rejected - report.Rejections.Length} more rejections not listed");
                }
            }

            if (outPath is { } path)
            {
                Write(loaded, path, settings);
                console.Error.WriteLine($"wrote {loaded.Log.Count} accepted rows to {path}");
            }

            return settings.Policy == IngestPolicy.Strict && loaded.Rejected > 0 ? ExitCodes.DataProblem : ExitCodes.Success;
        });
        return command;
    }

    private static void Write(LoadedLogs loaded, string path, LogReadSettings settings)
    {
        string format = LogLoader.FormatOf(path, null);
        using FileStream stream = File.Create(path);
        if (format == "csv")
        {
            using var writer = new StreamWriter(stream);
            CsvLogWriter.Write(loaded.Log, writer, settings.Delimiter, settings.Options.LocalZone);
        }
        else
        {
            JsonLinesLogWriter.Write(loaded.Log, stream, settings.Options.LocalZone);
        }
    }
}
