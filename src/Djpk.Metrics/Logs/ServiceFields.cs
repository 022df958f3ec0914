namespace Djpk.Metrics.Logs;

/// <summary>The service fields of one record as a reader hands them to the builder: instants in Unix ticks (<see cref="ServiceData.NoTime"/> when absent), keys as raw values.</summary>
internal readonly record struct ServiceFields(long Response, long End, Outcome? Outcome, long? Agent, long? Case, byte Satisfaction)
{
    /// <summary>Gets the fields of a record that has none.</summary>
    public static ServiceFields None { get; } = new(ServiceData.NoTime, ServiceData.NoTime, null, null, null, 0);

    /// <summary>Gets whether any field is present.</summary>
    public bool Any => Response != ServiceData.NoTime || End != ServiceData.NoTime || Outcome is not null || Agent is not null || Case is not null || Satisfaction != 0;

    /// <summary>Returns the service fields of <paramref name="consultation"/>.</summary>
    public static ServiceFields Of(in Consultation consultation) => new(
        consultation.FirstResponse is { } response ? response.ToUnixTimeTicks() : ServiceData.NoTime,
        consultation.End is { } end ? end.ToUnixTimeTicks() : ServiceData.NoTime,
        consultation.Outcome,
        consultation.Agent?.Value,
        consultation.Case?.Value,
        (byte)(consultation.Satisfaction ?? 0));
}
