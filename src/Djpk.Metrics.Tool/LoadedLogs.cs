using Djpk.Metrics.Ingest;
using Djpk.Metrics.Logs;

namespace Djpk.Metrics.Tool;

/// <summary>The logs of a command's files, combined, with each file's ingest report.</summary>
internal sealed record LoadedLogs(InteractionLog Log, IReadOnlyList<(string File, IngestReport Report)> Reports)
{
    /// <summary>Gets the number of rejected rows over all files.</summary>
    public long Rejected => Reports.Sum(r => r.Report.Rejected);
}
