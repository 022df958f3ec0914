using Spectre.Console;

namespace Djpk.Metrics.Tool;

/// <summary>Where a command writes: its output (stdout or a file), its errors, and Spectre.Console views of both.</summary>
/// <remarks>Colours, tables with box drawing and progress bars are used only on a terminal; redirected output is plain text.</remarks>
internal sealed class ToolConsole
{
    public ToolConsole(TextWriter output, TextWriter error, bool outputIsTerminal, bool errorIsTerminal)
    {
        Output = output;
        Error = error;
        OutputIsTerminal = outputIsTerminal;
        ErrorIsTerminal = errorIsTerminal;
        Out = Create(output, outputIsTerminal);
        Err = Create(error, errorIsTerminal);
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public bool OutputIsTerminal { get; }

    public bool ErrorIsTerminal { get; }

    /// <summary>Gets a Spectre console over <see cref="Output"/>.</summary>
    public IAnsiConsole Out { get; }

    /// <summary>Gets a Spectre console over <see cref="Error"/>, for progress.</summary>
    public IAnsiConsole Err { get; }

    /// <summary>Renders <paramref name="renderable"/> as text for the output: with colours and box drawing on a terminal, plain otherwise.</summary>
    public string Render(Spectre.Console.Rendering.IRenderable renderable)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Create(writer, OutputIsTerminal).Write(renderable);
        return writer.ToString();
    }

    private static IAnsiConsole Create(TextWriter writer, bool isTerminal)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!isTerminal)
        {
            console.Profile.Width = 160;
        }

        return console;
    }
}
