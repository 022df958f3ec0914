using Djpk.Metrics.Logs;

namespace Djpk.Metrics.Ingest;

/// <summary>Where a row parser puts what it read: the sink itself (a sequential read) or a block's <see cref="ParsedRows"/> (a parallel one, replayed into the sink in order).</summary>
internal interface IRowTarget
{
    /// <summary>Counts a blank line.</summary>
    void CountBlank();

    /// <summary>Rejects the row at <paramref name="line"/> for one problem.</summary>
    void Reject(long line, string column, RejectionReason reason, string message);

    /// <summary>Rejects a row for its problems.</summary>
    void Reject(IngestRejection rejection);

    /// <summary>Accepts a row whose fields are read and checked; the sink still checks its id for a repeat and the log's limits.</summary>
    /// <remarks>The arguments are the row's fields as <see cref="RecordSink.Accept(long, long, int, bool, int, bool, Topic, long, UInt128?, string, bool, ReadOnlySpan{char}, in ServiceFields)"/> takes them; the id text, as the input wrote it, is for the message of a later duplicate (empty without an id).</remarks>
    void Accept(long line, long unixTicks, int channel, bool channelMapped, int segment, bool segmentMapped, Topic topic, long user, UInt128? id, string idColumn, bool resolved, ReadOnlySpan<char> idText, in ServiceFields service);
}
