namespace Djpk.Metrics.Logs;

/// <summary>The optional service columns a log holds, beside the time, channel, segment, topic and user every log has.</summary>
/// <remarks>A log has a column when at least one of its records has the field; a column it lacks takes no memory and no file space. The default value is <see cref="None"/>.</remarks>
[Flags]
public enum ServiceColumns
{
    /// <summary>No service column.</summary>
    None = 0,

    /// <summary>The first-response instant (<see cref="Consultation.FirstResponse"/>), 8 bytes a record.</summary>
    FirstResponse = 1,

    /// <summary>The end or resolution instant (<see cref="Consultation.End"/>), 8 bytes a record.</summary>
    End = 2,

    /// <summary>The outcome (<see cref="Consultation.Outcome"/>), 1 byte a record.</summary>
    Outcome = 4,

    /// <summary>The agent (<see cref="Consultation.Agent"/>), 4 bytes a record and 8 a distinct agent.</summary>
    Agent = 8,

    /// <summary>The case (<see cref="Consultation.Case"/>), 4 bytes a record and 8 a distinct case.</summary>
    Case = 16,

    /// <summary>The satisfaction score (<see cref="Consultation.Satisfaction"/>), 1 byte a record.</summary>
    Satisfaction = 32,
}
