namespace Djpk.Metrics.Tool;

/// <summary>A failure the tool reports as one line on stderr with its exit code, never as a stack trace.</summary>
internal sealed class ToolException : Exception
{
    public ToolException()
    {
    }

    public ToolException(string message)
        : base(message)
    {
    }

    public ToolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    private ToolException(int exitCode, string message)
        : base(message) => ExitCode = exitCode;

    /// <summary>Gets the exit code the tool returns.</summary>
    public int ExitCode { get; } = ExitCodes.DataProblem;

    /// <summary>Creates a usage error (exit code 2).</summary>
    public static ToolException Usage(string message) => new(ExitCodes.Usage, message);

    /// <summary>Creates a data problem (exit code 1).</summary>
    public static ToolException DataProblem(string message) => new(ExitCodes.DataProblem, message);
}
