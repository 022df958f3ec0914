using System.Collections.Immutable;

namespace Djpk.Metrics.Logs;

/// <summary>The optional service columns of a log, each empty when the log lacks it.</summary>
/// <remarks>
/// Missing values inside a present column: <see cref="NoTime"/> for an instant, outcome code 0 (codes are 1-based
/// indexes into <see cref="OutcomeIds"/> otherwise), agent or case code -1, satisfaction 0. Agent and case codes index
/// the sorted <see cref="AgentKeys"/> and <see cref="CaseKeys"/>, as user codes index the user keys.
/// </remarks>
internal sealed class ServiceData
{
    /// <summary>The stored value of an instant a record does not have.</summary>
    public const long NoTime = long.MinValue;

    public static ServiceData None { get; } = new(default, default, [], default, default, default, default, default, default);

    public ServiceData(
        ReadOnlyMemory<long> responses,
        ReadOnlyMemory<long> ends,
        ImmutableArray<Outcome> outcomeIds,
        ReadOnlyMemory<byte> outcomes,
        ReadOnlyMemory<int> agents,
        ReadOnlyMemory<long> agentKeys,
        ReadOnlyMemory<int> cases,
        ReadOnlyMemory<long> caseKeys,
        ReadOnlyMemory<byte> satisfaction)
    {
        Responses = responses;
        Ends = ends;
        OutcomeIds = outcomeIds;
        Outcomes = outcomes;
        Agents = agents;
        AgentKeys = agentKeys;
        Cases = cases;
        CaseKeys = caseKeys;
        Satisfaction = satisfaction;
        Columns = (responses.IsEmpty ? 0 : ServiceColumns.FirstResponse)
            | (ends.IsEmpty ? 0 : ServiceColumns.End)
            | (outcomes.IsEmpty ? 0 : ServiceColumns.Outcome)
            | (agents.IsEmpty ? 0 : ServiceColumns.Agent)
            | (cases.IsEmpty ? 0 : ServiceColumns.Case)
            | (satisfaction.IsEmpty ? 0 : ServiceColumns.Satisfaction);
    }

    public ServiceColumns Columns { get; }

    public ReadOnlyMemory<long> Responses { get; }

    public ReadOnlyMemory<long> Ends { get; }

    public ImmutableArray<Outcome> OutcomeIds { get; }

    public ReadOnlyMemory<byte> Outcomes { get; }

    public ReadOnlyMemory<int> Agents { get; }

    public ReadOnlyMemory<long> AgentKeys { get; }

    public ReadOnlyMemory<int> Cases { get; }

    public ReadOnlyMemory<long> CaseKeys { get; }

    public ReadOnlyMemory<byte> Satisfaction { get; }

    /// <summary>Gets the bytes the present columns and tables take.</summary>
    public long Bytes =>
        ((long)Responses.Length * sizeof(long)) + ((long)Ends.Length * sizeof(long)) + Outcomes.Length
        + ((long)Agents.Length * sizeof(int)) + ((long)AgentKeys.Length * sizeof(long))
        + ((long)Cases.Length * sizeof(int)) + ((long)CaseKeys.Length * sizeof(long)) + Satisfaction.Length;
}
