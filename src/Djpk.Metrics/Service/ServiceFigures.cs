using System.Globalization;
using Djpk.Metrics.Comparison;

namespace Djpk.Metrics.Service;

/// <summary>The service metrics of one cell (a period, or a period and a channel, segment, topic or agent): each a value with its numerator and denominator or its sample size.</summary>
/// <remarks>
/// <para>Immutable and mergeable: <see cref="Merge"/> of the figures of parts is the figures of the whole (for
/// <see cref="FirstContactResolution"/>, when no case is split between the parts). Every rate is a <see cref="Share"/>,
/// undefined when its denominator is zero; every time is a <see cref="DurationDistribution"/>, empty when nothing was
/// measured. The rules of each figure are in <c>docs/service-metrics.md</c>.</para>
/// </remarks>
public sealed class ServiceFigures
{
    private readonly ServiceCounts _counts;

    internal ServiceFigures(ServiceAccumulator a)
    {
        _counts = a.Counts;
        ResponseTime = a.Response.ToDistribution();
        WorkingResponseTime = a.WorkingResponse.ToDistribution();
        HandleTime = a.Handle.ToDistribution();
        MinSatisfactionResponses = a.MinSatisfactionResponses;
    }

    /// <summary>Gets the contacts that arrived in the cell.</summary>
    public long Contacts => _counts.Contacts;

    /// <summary>Gets the contacts with a recorded outcome, the denominator of <see cref="AnswerRate"/> and <see cref="AbandonmentRate"/>.</summary>
    public long WithOutcome => _counts.WithOutcome;

    /// <summary>Gets the contacts answered: with a first response and not abandoned.</summary>
    public long Answered => _counts.Answered;

    /// <summary>Gets the answered contacts with a recorded outcome.</summary>
    public long AnsweredWithOutcome => _counts.AnsweredWithOutcome;

    /// <summary>Gets the contacts whose outcome is abandoned.</summary>
    public long Abandoned => _counts.Abandoned;

    /// <summary>Gets the abandoned contacts that ended within the short-abandon threshold of their arrival.</summary>
    public long ShortAbandoned => _counts.ShortAbandoned;

    /// <summary>Gets the answered contacts of channels with a target whose response time could be measured as the target says.</summary>
    public long TargetedAnswered => _counts.TargetedAnswered;

    /// <summary>Gets the abandoned contacts of channels with a target.</summary>
    public long TargetedAbandoned => _counts.TargetedAbandoned;

    /// <summary>Gets the short abandons of channels with a target.</summary>
    public long TargetedShortAbandoned => _counts.TargetedShortAbandoned;

    /// <summary>Gets the answered contacts that met their channel's target, the numerator of every <see cref="ServiceLevel"/>.</summary>
    public long WithinTarget => _counts.WithinTarget;

    /// <summary>Gets the answered contacts whose working time could not be measured: their span reaches a year the holiday calendar does not cover.</summary>
    public long WorkingTimeUnknown => _counts.WorkingTimeUnknown;

    /// <summary>Gets the response times of the answered contacts in calendar time: first response − arrival. Its mean is the average speed of answer.</summary>
    public DurationDistribution ResponseTime { get; }

    /// <summary>Gets the response times in working time, when the settings have a working-time calendar; empty otherwise.</summary>
    public DurationDistribution WorkingResponseTime { get; }

    /// <summary>Gets the handle times of answered contacts with an end: end − first response.</summary>
    public DurationDistribution HandleTime { get; }

    /// <summary>Gets the cases whose first contact is in the cell and that had an answered contact with a recorded outcome.</summary>
    public long ResolvableCases => _counts.ResolvableCases;

    /// <summary>Gets those cases settled at the first contact: one contact only, answered, outcome resolved.</summary>
    public long ResolvedAtFirstContact => _counts.ResolvedAtFirstContact;

    /// <summary>Gets the contacts still open at the end of the period (arrived before it, not ended before it); <see langword="null"/> when the log has no end column.</summary>
    public long? OpenAtPeriodEnd => _counts.HasBacklog ? _counts.OpenAtPeriodEnd : null;

    /// <summary>Gets the satisfaction scores given.</summary>
    public long SatisfactionResponses => _counts.SatisfactionResponses;

    /// <summary>Gets the sum of the satisfaction scores.</summary>
    public long SatisfactionTotal => _counts.SatisfactionTotal;

    /// <summary>Gets the scores of 4 or 5.</summary>
    public long Satisfied => _counts.Satisfied;

    /// <summary>Gets the fewest responses the settings consider enough for an unflagged satisfaction figure.</summary>
    public int MinSatisfactionResponses { get; }

    internal ServiceCounts Counts => _counts;

    /// <summary>Gets the average speed of answer: the mean of <see cref="ResponseTime"/>; <see langword="null"/> when nothing was answered.</summary>
    public NodaTime.Duration? AverageSpeedOfAnswer => ResponseTime.Mean;

    /// <summary>Gets the share of contacts with an outcome that were answered.</summary>
    public Share AnswerRate => new(AnsweredWithOutcome, WithOutcome);

    /// <summary>Gets the share of contacts with an outcome that were abandoned.</summary>
    public Share AbandonmentRate => new(Abandoned, WithOutcome);

    /// <summary>Gets the share of resolvable cases settled at the first contact (first-contact resolution).</summary>
    public Share FirstContactResolution => new(ResolvedAtFirstContact, ResolvableCases);

    /// <summary>Gets the share of scores of 4 or 5 (CSAT).</summary>
    public Share Csat => new(Satisfied, SatisfactionResponses);

    /// <summary>Gets the mean satisfaction score, 1 to 5; <see langword="null"/> when no score was given.</summary>
    public decimal? MeanSatisfaction => SatisfactionResponses == 0 ? null : (decimal)SatisfactionTotal / SatisfactionResponses;

    /// <summary>Gets a value indicating whether the satisfaction figures rest on fewer than <see cref="MinSatisfactionResponses"/> responses (and at least one): print them with the count, flagged.</summary>
    public bool HasFewSatisfactionResponses => SatisfactionResponses > 0 && SatisfactionResponses < MinSatisfactionResponses;

    /// <summary>Returns the service level under <paramref name="definition"/>: answered within target over the definition's denominator.</summary>
    /// <param name="definition">Which contacts the denominator counts.</param>
    /// <returns>The share; undefined when the denominator is zero (no channel of the cell has a target, or nothing was offered).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="definition"/> is not defined.</exception>
    public Share ServiceLevel(ServiceLevelDefinition definition) => definition switch
    {
        ServiceLevelDefinition.AnsweredOnly => new(WithinTarget, TargetedAnswered),
        ServiceLevelDefinition.AbandonedIncluded => new(WithinTarget, checked(TargetedAnswered + TargetedAbandoned)),
        ServiceLevelDefinition.ShortAbandonsExcluded => new(WithinTarget, checked(TargetedAnswered + TargetedAbandoned - TargetedShortAbandoned)),
        _ => throw new ArgumentOutOfRangeException(nameof(definition), definition, "The definition must be AnsweredOnly, AbandonedIncluded or ShortAbandonsExcluded."),
    };

    /// <summary>Returns the figures of both cells together.</summary>
    /// <param name="other">The other figures, computed under the same settings.</param>
    /// <returns>The merged figures.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The figures were computed at different resolutions or satisfaction minimums.</exception>
    /// <exception cref="OverflowException">A merged count exceeds <see cref="long.MaxValue"/>.</exception>
    public ServiceFigures Merge(ServiceFigures other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.ResponseTime.Resolution != ResponseTime.Resolution || other.ResponseTime.SignificantBits != ResponseTime.SignificantBits || other.MinSatisfactionResponses != MinSatisfactionResponses)
        {
            throw new ArgumentException("Figures computed under different settings (resolution or satisfaction minimum) cannot be merged.", nameof(other));
        }

        var sum = new ServiceAccumulator(ResponseTime.Resolution, ResponseTime.SignificantBits, MinSatisfactionResponses);
        sum.Add(this);
        sum.Add(other);
        return new ServiceFigures(sum);
    }

    /// <summary>Returns the main figures as invariant text, such as <c>120 contacts, 110 answered, ASA 00:00:42, SL(AbandonedIncluded) 81/118</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Contacts} contacts, {Answered} answered, {Abandoned} abandoned, response {ResponseTime}, SL(AbandonedIncluded) {WithinTarget}/{TargetedAnswered + TargetedAbandoned}, CSAT {Satisfied}/{SatisfactionResponses}");
}
