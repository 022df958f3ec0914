namespace Djpk.Metrics.Ingest;

/// <summary>What a reader does with a local time (a timestamp without an offset) that the zone skips or repeats, as at a daylight-saving change.</summary>
/// <remarks>Every row resolved by <see cref="Earlier"/> or <see cref="Later"/> is counted in <see cref="IngestReport.ResolvedLocalTimes"/>. Asia/Jakarta has no such times.</remarks>
public enum LocalTimeResolution
{
    /// <summary>Rejects the row as <see cref="RejectionReason.InvalidTimestamp"/>: the default, nothing is guessed.</summary>
    Reject = 0,

    /// <summary>Takes the earlier of two repeated instants; a skipped time is shifted forward by the length of the gap (the clock time it would have been without the jump).</summary>
    Earlier = 1,

    /// <summary>Takes the later of two repeated instants; a skipped time is shifted forward by the length of the gap (the clock time it would have been without the jump).</summary>
    Later = 2,
}
