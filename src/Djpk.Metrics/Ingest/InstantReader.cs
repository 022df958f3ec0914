namespace Djpk.Metrics.Ingest;

/// <summary>Reads a non-text cell as an instant, the way a reader reads its timestamp cells.</summary>
internal delegate bool InstantReader(object value, out long unixTicks, out bool resolved, out RejectionReason reason, out string message);
