namespace Djpk.Metrics.Tool;

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The data has problems: rows rejected under a strict policy, or failing claims with --fail-on-claims.</summary>
    public const int DataProblem = 1;

    /// <summary>The command line is wrong: an unknown option, a missing value, a value out of range.</summary>
    public const int Usage = 2;
}
