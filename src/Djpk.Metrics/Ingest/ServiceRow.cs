using Djpk.Metrics.Logs;

namespace Djpk.Metrics.Ingest;

/// <summary>The service fields read so far from one row, as a reader collects them before the order check.</summary>
internal struct ServiceRow
{
    /// <summary>The first response in Unix ticks, or <see cref="ServiceData.NoTime"/>.</summary>
    public long Response;

    /// <summary>The end in Unix ticks, or <see cref="ServiceData.NoTime"/>.</summary>
    public long End;

    public Outcome? Outcome;

    public long? Agent;

    public long? Case;

    /// <summary>The score 1 to 5, or 0 for none.</summary>
    public byte Satisfaction;

    /// <summary>Whether an instant's skipped or repeated local time was resolved by the policy.</summary>
    public bool Resolved;

    /// <summary>Gets a row with no service field.</summary>
    public static ServiceRow Empty => new() { Response = ServiceData.NoTime, End = ServiceData.NoTime };

    public readonly ServiceFields Fields => new(Response, End, Outcome, Agent, Case, Satisfaction);
}
