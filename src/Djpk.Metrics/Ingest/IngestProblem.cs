using System.Globalization;

namespace Djpk.Metrics.Ingest;

/// <summary>One problem of a rejected row: the column at fault, why, and how to fix it.</summary>
/// <remarks>Immutable. The default value is an invalid timestamp of no column with no message.</remarks>
public readonly record struct IngestProblem
{
    /// <summary>Creates a problem.</summary>
    /// <param name="column">The field or column at fault; empty when the whole line is.</param>
    /// <param name="reason">What is wrong.</param>
    /// <param name="message">One sentence stating the rule the value broke and how to fix it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="column"/> or <paramref name="message"/> is <see langword="null"/>.</exception>
    public IngestProblem(string column, RejectionReason reason, string message)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(message);
        Column = column;
        Reason = reason;
        Message = message;
    }

    /// <summary>Gets the field or column at fault; empty when the whole line is.</summary>
    public string Column => field ?? string.Empty;

    /// <summary>Gets what is wrong.</summary>
    public RejectionReason Reason { get; }

    /// <summary>Gets one sentence stating the rule the value broke and how to fix it.</summary>
    public string Message => field ?? string.Empty;

    /// <summary>Returns the invariant text form, such as <c>timestamp: InvalidTimestamp: …</c>.</summary>
    /// <returns>The problem as text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(Column.Length > 0 ? Column + ": " : string.Empty)}{Reason}: {Message}");
}
