using System.Collections.Immutable;
using System.Globalization;

namespace Djpk.Metrics.Ingest;

/// <summary>One row a log reader rejected: where it is, and every problem found in it (the first one's column, reason and message also directly).</summary>
/// <remarks>Immutable. The default value is a rejection of line 0 for an invalid timestamp with no message and no problems.</remarks>
public readonly record struct IngestRejection
{
    private readonly ImmutableArray<IngestProblem> _problems;

    /// <summary>Creates a rejection with one problem.</summary>
    /// <param name="line">The 1-based line (JSON Lines) or row (CSV, header = row 1; database, first row = 1).</param>
    /// <param name="column">The field or column at fault; empty when the whole line is.</param>
    /// <param name="reason">Why the row was rejected.</param>
    /// <param name="message">One sentence stating the rule the row broke.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="line"/> is less than 1.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="column"/> or <paramref name="message"/> is <see langword="null"/>.</exception>
    public IngestRejection(long line, string column, RejectionReason reason, string message)
        : this(line, [new IngestProblem(column, reason, message)])
    {
    }

    /// <summary>Creates a rejection with every problem found in the row, in column order.</summary>
    /// <param name="line">The 1-based line (JSON Lines) or row (CSV, header = row 1; database, first row = 1).</param>
    /// <param name="problems">The problems, at least one.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="line"/> is less than 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty or default.</exception>
    public IngestRejection(long line, ImmutableArray<IngestProblem> problems)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(line, 1);
        if (problems.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A rejection must have at least one problem.", nameof(problems));
        }

        Line = line;
        _problems = problems;
    }

    /// <summary>Gets the 1-based line (JSON Lines) or row (CSV counts the header as row 1; a database reader counts its first row as 1).</summary>
    public long Line { get; }

    /// <summary>Gets the field or column of the first problem; empty when the whole line is at fault.</summary>
    public string Column => _problems.IsDefaultOrEmpty ? string.Empty : _problems[0].Column;

    /// <summary>Gets the reason of the first problem; the row is counted under it in <see cref="IngestReport.RejectedFor"/>.</summary>
    public RejectionReason Reason => _problems.IsDefaultOrEmpty ? default : _problems[0].Reason;

    /// <summary>Gets the message of the first problem: one sentence stating the rule the row broke.</summary>
    public string Message => _problems.IsDefaultOrEmpty ? string.Empty : _problems[0].Message;

    /// <summary>Gets every problem found in the row, in column order; empty only for the default value.</summary>
    public ImmutableArray<IngestProblem> Problems => _problems.IsDefault ? [] : _problems;

    /// <summary>Returns whether one of the row's problems has <paramref name="reason"/>.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns><see langword="true"/> when a problem has it.</returns>
    public bool Has(RejectionReason reason)
    {
        foreach (IngestProblem problem in Problems)
        {
            if (problem.Reason == reason)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the invariant text form, such as <c>line 12, timestamp: MissingOffset: …</c>, with every further problem after <c>; </c>.</summary>
    /// <returns>The rejection as text.</returns>
    public override string ToString()
    {
        string first = string.Create(CultureInfo.InvariantCulture, $"line {Line}{(Column.Length > 0 ? ", " + Column : string.Empty)}: {Reason}: {Message}");
        return Problems.Length <= 1 ? first : first + "; " + string.Join("; ", Problems.Skip(1));
    }

    /// <summary>Returns whether the two rejections have the same line and the same problems.</summary>
    /// <param name="other">The rejection to compare with.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(IngestRejection other) => Line == other.Line && Problems.SequenceEqual(other.Problems);

    /// <summary>Returns a hash of the line and the first problem.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Line, Column, Reason, Message);
}
