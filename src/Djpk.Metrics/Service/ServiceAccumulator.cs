using NodaTime;

namespace Djpk.Metrics.Service;

/// <summary>The running counts of one cell while a log is measured; becomes <see cref="ServiceFigures"/>. Not thread-safe.</summary>
internal sealed class ServiceAccumulator
{
    public ServiceAccumulator(Duration resolution, int significantBits, int minSatisfactionResponses)
    {
        Response = new DurationCounter(resolution, significantBits);
        WorkingResponse = new DurationCounter(resolution, significantBits);
        Handle = new DurationCounter(resolution, significantBits);
        MinSatisfactionResponses = minSatisfactionResponses;
    }

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
    public bool HasBacklog;
    public long OpenAtPeriodEnd;
    public long SatisfactionResponses;
    public long SatisfactionTotal;
    public long Satisfied;

    public DurationCounter Response { get; }

    public DurationCounter WorkingResponse { get; }

    public DurationCounter Handle { get; }

    public int MinSatisfactionResponses { get; }

    public void Add(ServiceFigures f)
    {
        Contacts = checked(Contacts + f.Contacts);
        WithOutcome = checked(WithOutcome + f.WithOutcome);
        Answered = checked(Answered + f.Answered);
        AnsweredWithOutcome = checked(AnsweredWithOutcome + f.AnsweredWithOutcome);
        Abandoned = checked(Abandoned + f.Abandoned);
        ShortAbandoned = checked(ShortAbandoned + f.ShortAbandoned);
        TargetedAnswered = checked(TargetedAnswered + f.TargetedAnswered);
        TargetedAbandoned = checked(TargetedAbandoned + f.TargetedAbandoned);
        TargetedShortAbandoned = checked(TargetedShortAbandoned + f.TargetedShortAbandoned);
        WithinTarget = checked(WithinTarget + f.WithinTarget);
        WorkingTimeUnknown = checked(WorkingTimeUnknown + f.WorkingTimeUnknown);
        ResolvableCases = checked(ResolvableCases + f.ResolvableCases);
        ResolvedAtFirstContact = checked(ResolvedAtFirstContact + f.ResolvedAtFirstContact);
        if (f.OpenAtPeriodEnd is { } open)
        {
            HasBacklog = true;
            OpenAtPeriodEnd = checked(OpenAtPeriodEnd + open);
        }

        SatisfactionResponses = checked(SatisfactionResponses + f.SatisfactionResponses);
        SatisfactionTotal = checked(SatisfactionTotal + f.SatisfactionTotal);
        Satisfied = checked(Satisfied + f.Satisfied);
        Response.Add(f.ResponseTime);
        WorkingResponse.Add(f.WorkingResponseTime);
        Handle.Add(f.HandleTime);
    }

    public void Add(ServiceAccumulator a)
    {
        Contacts = checked(Contacts + a.Contacts);
        WithOutcome = checked(WithOutcome + a.WithOutcome);
        Answered = checked(Answered + a.Answered);
        AnsweredWithOutcome = checked(AnsweredWithOutcome + a.AnsweredWithOutcome);
        Abandoned = checked(Abandoned + a.Abandoned);
        ShortAbandoned = checked(ShortAbandoned + a.ShortAbandoned);
        TargetedAnswered = checked(TargetedAnswered + a.TargetedAnswered);
        TargetedAbandoned = checked(TargetedAbandoned + a.TargetedAbandoned);
        TargetedShortAbandoned = checked(TargetedShortAbandoned + a.TargetedShortAbandoned);
        WithinTarget = checked(WithinTarget + a.WithinTarget);
        WorkingTimeUnknown = checked(WorkingTimeUnknown + a.WorkingTimeUnknown);
        ResolvableCases = checked(ResolvableCases + a.ResolvableCases);
        ResolvedAtFirstContact = checked(ResolvedAtFirstContact + a.ResolvedAtFirstContact);
        HasBacklog |= a.HasBacklog;
        OpenAtPeriodEnd = checked(OpenAtPeriodEnd + a.OpenAtPeriodEnd);
        SatisfactionResponses = checked(SatisfactionResponses + a.SatisfactionResponses);
        SatisfactionTotal = checked(SatisfactionTotal + a.SatisfactionTotal);
        Satisfied = checked(Satisfied + a.Satisfied);
        Response.Add(a.Response);
        WorkingResponse.Add(a.WorkingResponse);
        Handle.Add(a.Handle);
    }
}
