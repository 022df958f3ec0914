namespace Djpk.Metrics.Ingest;

/// <summary>What a log reader does with a row it cannot accept.</summary>
public enum IngestPolicy
{
    /// <summary>Stops at the first bad row and throws an <see cref="InvalidDataException"/> that names its line or row.</summary>
    Strict = 0,

    /// <summary>Goes on past bad rows: counts every rejection and keeps the first details in the <see cref="IngestReport"/>.</summary>
    Collect = 1,
}
