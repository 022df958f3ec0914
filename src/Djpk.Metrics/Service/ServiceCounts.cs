namespace Djpk.Metrics.Service;

/// <summary>The counts of one cell of service metrics, summed field by field when cells merge.</summary>
internal struct ServiceCounts
{
    public long Contacts;
    public long WithOutcome;
    public long Answered;
    public long AnsweredWithOutcome;
    public long Abandoned;
    public long ShortAbandoned;
    public long TargetedAnswered;
    public long TargetedAbandoned;
    public long TargetedShortAbandoned;
    public long WithinTarget;
    public long WorkingTimeUnknown;
    public long ResolvableCases;
    public long ResolvedAtFirstContact;
    public long OpenAtPeriodEnd;
    public long SatisfactionResponses;
    public long SatisfactionTotal;
    public long Satisfied;
    public bool HasBacklog;

    /// <summary>Adds <paramref name="other"/>'s counts, checked.</summary>
    public void Add(in ServiceCounts other)
    {
        Contacts = checked(Contacts + other.Contacts);
        WithOutcome = checked(WithOutcome + other.WithOutcome);
        Answered = checked(Answered + other.Answered);
        AnsweredWithOutcome = checked(AnsweredWithOutcome + other.AnsweredWithOutcome);
        Abandoned = checked(Abandoned + other.Abandoned);
        ShortAbandoned = checked(ShortAbandoned + other.ShortAbandoned);
        TargetedAnswered = checked(TargetedAnswered + other.TargetedAnswered);
        TargetedAbandoned = checked(TargetedAbandoned + other.TargetedAbandoned);
        TargetedShortAbandoned = checked(TargetedShortAbandoned + other.TargetedShortAbandoned);
        WithinTarget = checked(WithinTarget + other.WithinTarget);
        WorkingTimeUnknown = checked(WorkingTimeUnknown + other.WorkingTimeUnknown);
        ResolvableCases = checked(ResolvableCases + other.ResolvableCases);
        ResolvedAtFirstContact = checked(ResolvedAtFirstContact + other.ResolvedAtFirstContact);
        OpenAtPeriodEnd = checked(OpenAtPeriodEnd + other.OpenAtPeriodEnd);
        SatisfactionResponses = checked(SatisfactionResponses + other.SatisfactionResponses);
        SatisfactionTotal = checked(SatisfactionTotal + other.SatisfactionTotal);
        Satisfied = checked(Satisfied + other.Satisfied);
        HasBacklog |= other.HasBacklog;
    }
}
