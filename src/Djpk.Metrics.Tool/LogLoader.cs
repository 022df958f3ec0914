using Djpk.Metrics.Csv;
using Djpk.Metrics.Excel;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Logs;
using Spectre.Console;

namespace Djpk.Metrics.Tool;

/// <summary>Reads log files (CSV, JSON Lines or Excel workbooks) with the settings of the shared reading flags.</summary>
internal static class LogLoader
{
    private const long ProgressThreshold = 4 * 1024 * 1024;

    /// <summary>Gets the format of <paramref name="path"/>: the one asked for, else its extension's.</summary>
    /// <exception cref="ToolException">Neither says csv, jsonl or xlsx.</exception>
    public static string FormatOf(string path, string? requested)
    {
        if (requested is not null)
        {
            return requested;
        }

        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" or ".tsv" or ".txt" => "csv",
            ".jsonl" or ".ndjson" or ".json" => "jsonl",
            ".xlsx" or ".xlsm" => "xlsx",
            ".xls" => throw ToolException.Usage($"'{path}' is an old Excel workbook (.xls); save it as .xlsx (Excel workbook) and read that."),
            _ => throw ToolException.Usage($"cannot tell the format of '{path}' from its extension; name the format (csv, jsonl or xlsx) with --format in ingest, --input-format elsewhere."),
        };
    }

    /// <summary>Reads every file, showing progress on a terminal for large files, and combines the accepted rows.</summary>
    /// <exception cref="ToolException">A file is missing or unreadable, or (under a strict policy) rows were rejected.</exception>
    public static LoadedLogs Load(IReadOnlyList<string> files, LogReadSettings settings, ToolConsole console, bool failOnRejections = true)
    {
        if (settings.Sheet is not null && !files.Any(f => FormatOf(f, settings.Format) == "xlsx"))
        {
            throw ToolException.Usage("--sheet chooses the worksheet of .xlsx files, and no file is one.");
        }

        var reports = new List<(string, IngestReport)>();
        var logs = new List<InteractionLog>();
        foreach (string file in files)
        {
            IngestResult result = Read(file, settings, console);
            reports.Add((file, result.Report));
            logs.Add(result.Log);
        }

        var loaded = new LoadedLogs(logs.Count == 1 ? logs[0] : Combine(logs, settings), reports);
        if (failOnRejections && settings.Policy == IngestPolicy.Strict && loaded.Rejected > 0)
        {
            (string file, IngestReport report) = reports.First(r => r.Item2.Rejected > 0);
            string first = report.Rejections.Length > 0 ? $"; first: {report.Rejections[0]}" : string.Empty;
            throw ToolException.DataProblem($"{file}: {report}{first} (--policy collect skips rejected rows; 'djpk-metrics ingest' lists them).");
        }

        return loaded;
    }

    private static InteractionLog Combine(List<InteractionLog> logs, LogReadSettings settings)
    {
        var builder = new InteractionLogBuilder(settings.Options.Catalog);
        foreach (InteractionLog log in logs)
        {
            builder.AddRange(log);
        }

        return builder.Build();
    }

    private static IngestResult Read(string file, LogReadSettings settings, ToolConsole console)
    {
        string format = FormatOf(file, settings.Format);
        if (!File.Exists(file))
        {
            throw ToolException.Usage($"'{file}' does not exist.");
        }

        long length = new FileInfo(file).Length;
        if (!console.ErrorIsTerminal || length < ProgressThreshold || format == "xlsx") // the workbook reader reports rows, not bytes
        {
            return ReadFile(file, format, settings, null);
        }

        IngestResult? result = null;
        console.Err.Progress().AutoClear(true).Start(context =>
        {
            ProgressTask task = context.AddTask(Markup.Escape(Path.GetFileName(file)), maxValue: length);
            result = ReadFile(file, format, settings, new Progress<IngestProgress>(p => task.Value = p.Bytes));
            task.Value = length;
        });
        return result!;
    }

    private static IngestResult ReadFile(string file, string format, LogReadSettings settings, IProgress<IngestProgress>? progress)
    {
        try
        {
            using FileStream stream = File.OpenRead(file);
            return format switch
            {
                "csv" => CsvLogReader.Read(stream, settings.Options, settings.Delimiter, settings.Columns, progress),
                "xlsx" => ExcelLogReader.Read(stream, settings.Options, settings.Sheet ?? ExcelSheet.First, settings.Columns),
                _ => ReadJsonLines(stream, settings, progress),
            };
        }
        catch (InvalidDataException e)
        {
            throw ToolException.DataProblem($"{file}: {e.Message}");
        }
        catch (IOException e)
        {
            throw ToolException.DataProblem($"{file}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw ToolException.DataProblem($"{file}: {e.Message}");
        }
    }

    private static IngestResult ReadJsonLines(Stream stream, LogReadSettings settings, IProgress<IngestProgress>? progress) =>
        JsonLinesLogReader.Read(stream, settings.Options, settings.Columns, progress);
}
