using System.Globalization;

namespace Djpk.Metrics.Ingest;

/// <summary>One row a log reader rejected: where it is, which column, why.</summary>
/// <remarks>Immutable. The default value is a rejection of line 0 for an invalid timestamp with no message.</remarks>
public readonly record struct IngestRejection
{
    /// <summary>Creates a rejection.</summary>
    /// <param name="line">The 1-based line (JSON Lines) or row (CSV, header = row 1; database, first row = 1).</param>
    /// <param name="column">The field or column at fault; empty when the whole line is.</param>
    /// <param name="reason">Why the row was rejected.</param>
    /// <param name="message">One sentence stating the rule the row broke.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="line"/> is less than 1.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="column"/> or <paramref name="message"/> is <see langword="null"/>.</exception>
    public IngestRejection(long line, string column, RejectionReason reason, string message)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(line, 1);
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(message);
        Line = line;
        Column = column;
        Reason = reason;
        Message = message;
    }

    /// <summary>Gets the 1-based line (JSON Lines) or row (CSV counts the header as row 1; a database reader counts its first row as 1).</summary>
    public long Line { get; }

    /// <summary>Gets the field or column at fault; empty when the whole line is.</summary>
    public string Column => field ?? string.Empty;

    /// <summary>Gets why the row was rejected.</summary>
    public RejectionReason Reason { get; }

    /// <summary>Gets one sentence stating the rule the row broke.</summary>
    public string Message => field ?? string.Empty;

    /// <summary>Returns the invariant text form, such as <c>line 12, timestamp: MissingOffset: …</c>.</summary>
    /// <returns>The rejection as text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"line {Line}{(Column.Length > 0 ? ", " + Column : string.Empty)}: {Reason}: {Message}");
}
