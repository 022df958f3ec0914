namespace Djpk.Metrics.Ingest;

/// <summary>What a reader does with a field (JSON Lines) or column (CSV, database) that the <see cref="LogColumns"/> mapping does not name.</summary>
public enum UnknownFieldPolicy
{
    /// <summary>Ignores it: the default, as exports carry columns such as an operator's name.</summary>
    Ignore = 0,

    /// <summary>Rejects it: a JSON Lines row with such a field is rejected as <see cref="RejectionReason.ExtraField"/>; a CSV header or database reader with such a column throws <see cref="InvalidDataException"/>.</summary>
    Reject = 1,
}
