using Djpk.Metrics.Logs;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Djpk.Metrics.Tests.Support;

/// <summary>Generated consultations with service fields, each present or missing at random, in the rules' order (response ≥ time, end ≥ both).</summary>
public static class ServiceRecords
{
    private static readonly Channel[] Channels = [DjpkChannels.WhatsApp, DjpkChannels.Phone, DjpkChannels.Email, DjpkChannels.LiveChat];
    private static readonly UserSegment[] Segments = [DjpkSegments.Akademisi, DjpkSegments.Pemda, DjpkSegments.Lainnya];
    private static readonly Outcome[] Outcomes = [Outcome.Answered, Outcome.Abandoned, Outcome.Resolved, Outcome.Unresolved, Outcome.Transferred, new("callback")];
    private static readonly Instant Start = Instant.FromUtc(2023, 11, 1, 0, 0);

    /// <summary>Gets consultations where every service field is present with probability <c>presence</c> / 10, chosen per array.</summary>
    public static Arbitrary<Consultation[]> Arrays() => Arb.From(
        from presence in Gen.Choose(0, 10)
        from size in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Constant(1)), (8, Gen.Choose(2, 80)))
        from records in Gen.ArrayOf(Record(presence), size)
        select records);

    /// <summary>Generates one consultation whose optional fields are each present with probability <paramref name="presence"/> / 10.</summary>
    public static Gen<Consultation> Record(int presence) =>
        from minutes in Gen.Choose(0, 60 * 24 * 60)
        from ticks in Gen.Frequency((3, Gen.Constant(0L)), (1, Gen.Choose(0, 9_999_999).Select(t => (long)t)))
        from channel in Gen.Elements(Channels)
        from segment in Gen.Elements(Segments)
        from user in Gen.Choose(0, 30)
        from wait in Gen.Frequency((1, Gen.Constant(0)), (5, Gen.Choose(1, 3 * 24 * 3600)))
        from handle in Gen.Frequency((1, Gen.Constant(0)), (5, Gen.Choose(1, 4 * 3600)))
        from has in Gen.ArrayOf(Gen.Choose(0, 9).Select(d => d < presence), 7)
        from outcome in Gen.Elements(Outcomes)
        from agent in Gen.Choose(-3, 12)
        from key in Gen.Choose(0, 40)
        from score in Gen.Choose(1, 5)
        select Make(Start + Duration.FromMinutes(minutes) + Duration.FromTicks(ticks), channel, segment, user, wait, handle, has, outcome, agent, key, score);

    private static Consultation Make(Instant at, Channel channel, UserSegment segment, int user, int wait, int handle, bool[] has, Outcome outcome, int agent, int key, int score)
    {
        Instant response = at + Duration.FromSeconds(wait);
        Instant end = (has[0] ? response : at) + Duration.FromSeconds(handle);
        return new Consultation(at, channel, segment, Topic.Unspecified, new UserKey(user)) with
        {
            FirstResponse = has[0] ? response : null,
            End = has[1] ? end : null,
            Outcome = has[2] ? outcome : null,
            Agent = has[3] ? new AgentKey(agent * 1_000_003L) : null,
            Case = has[4] ? new CaseKey(key) : null,
            Satisfaction = has[5] ? score : null,
        };
    }
}
