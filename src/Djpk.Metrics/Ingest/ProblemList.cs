namespace Djpk.Metrics.Ingest;

/// <summary>The problems found so far in one row, so that a reader reports every one of them, not only the first.</summary>
/// <remarks>Not thread-safe: each reader (and each parallel parser) holds its own and clears it per row.</remarks>
internal sealed class ProblemList
{
    private readonly List<IngestProblem> _problems = [];

    public int Count => _problems.Count;

    public void Clear() => _problems.Clear();

    public void Add(string column, RejectionReason reason, string message) => _problems.Add(new IngestProblem(column, reason, message));

    public IngestRejection ToRejection(long line) => new(line, [.. _problems]);
}
