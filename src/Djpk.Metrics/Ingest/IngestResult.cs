using Djpk.Metrics.Logs;

namespace Djpk.Metrics.Ingest;

/// <summary>What a log reader returns: the log of the accepted rows and the report of the whole read.</summary>
/// <remarks>Immutable.</remarks>
public sealed class IngestResult
{
    internal IngestResult(InteractionLog log, IngestReport report)
    {
        Log = log;
        Report = report;
    }

    /// <summary>Gets the log of the accepted rows, in input order.</summary>
    public InteractionLog Log { get; }

    /// <summary>Gets the account of the read: rows read, accepted, rejected and why.</summary>
    public IngestReport Report { get; }
}
