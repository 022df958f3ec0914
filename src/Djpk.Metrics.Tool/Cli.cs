using System.CommandLine;
using System.CommandLine.Help;

namespace Djpk.Metrics.Tool;

/// <summary>The <c>djpk-metrics</c> command line: builds the commands, runs one, and turns every failure into one line on stderr and an exit code.</summary>
internal static class Cli
{
    /// <summary>Runs the tool with <paramref name="args"/>, writing to <paramref name="output"/> and <paramref name="error"/>.</summary>
    /// <returns>0 on success, 1 for data problems, 2 for usage errors.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error, bool outputIsTerminal = false, bool errorIsTerminal = false)
    {
        var console = new ToolConsole(output, error, outputIsTerminal, errorIsTerminal);
        RootCommand root = CreateRoot(console);
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            string command = parse.CommandResult.Command == root ? string.Empty : " " + parse.CommandResult.Command.Name;
            error.WriteLine($"djpk-metrics: {OneLine(parse.Errors[0].Message)} (see 'djpk-metrics{command} --help')");
            return ExitCodes.Usage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (ToolException e)
        {
            error.WriteLine($"djpk-metrics: {OneLine(e.Message)}");
            return e.ExitCode;
        }
#pragma warning disable CA1031 // The tool's promise: one line on stderr, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error.WriteLine($"djpk-metrics: {e.GetType().Name}: {OneLine(e.Message)}");
            return ExitCodes.DataProblem;
        }
    }

    // A message with line breaks or tabs (System.CommandLine lists the allowed values on lines of their own) on one line.
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Creates the root command and its four commands.</summary>
    public static RootCommand CreateRoot(ToolConsole console)
    {
        var root = new RootCommand(Help.Root);
        root.Subcommands.Add(IngestCommand.Create(console));
        root.Subcommands.Add(ReportCommand.Create(console));
        root.Subcommands.Add(AggregateCommand.Create(console));
        root.Subcommands.Add(VerifyCommand.Create(console));
        return root;
    }
}
