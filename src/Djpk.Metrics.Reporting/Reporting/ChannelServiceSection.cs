using Djpk.Metrics.Comparison;
using Djpk.Metrics.Service;

namespace Djpk.Metrics.Reporting;

/// <summary>The service quality of one consultation channel in the report's month and the month before.</summary>
/// <remarks>Immutable. Every rate is a <see cref="Share"/>, undefined when its denominator is 0; every change is <see langword="null"/> or undefined when a side is.</remarks>
public sealed class ChannelServiceSection
{
    internal ChannelServiceSection(ChannelInfo info, ServiceTarget? target, ServiceLevelDefinition definition, ServiceFigures month, ServiceFigures previousMonth)
    {
        Info = info;
        Target = target;
        Definition = definition;
        Month = month;
        PreviousMonth = previousMonth;
    }

    /// <summary>Gets the channel and its names.</summary>
    public ChannelInfo Info { get; }

    /// <summary>Gets the channel's service target; <see langword="null"/> when the settings give it none (then there is no service level).</summary>
    public ServiceTarget? Target { get; }

    /// <summary>Gets the definition of <see cref="ServiceLevel"/>.</summary>
    public ServiceLevelDefinition Definition { get; }

    /// <summary>Gets the figures of the report's month.</summary>
    public ServiceFigures Month { get; }

    /// <summary>Gets the figures of the previous month.</summary>
    public ServiceFigures PreviousMonth { get; }

    /// <summary>Gets the contacts of the month.</summary>
    public long Contacts => Month.Contacts;

    /// <summary>Gets the change of the contacts from the previous month.</summary>
    public PercentChange ContactsChange => PercentChange.Between(PreviousMonth.Contacts, Month.Contacts);

    /// <summary>Gets the service level of the month under <see cref="Definition"/>.</summary>
    public Share ServiceLevel => Month.ServiceLevel(Definition);

    /// <summary>Gets the change of the answer rate from the previous month, in percentage points.</summary>
    public PercentagePointChange AnswerRateChange => PercentagePointChange.Between(PreviousMonth.AnswerRate, Month.AnswerRate);

    /// <summary>Gets the change of the abandonment rate from the previous month, in percentage points.</summary>
    public PercentagePointChange AbandonmentRateChange => PercentagePointChange.Between(PreviousMonth.AbandonmentRate, Month.AbandonmentRate);

    /// <summary>Gets the change of the service level from the previous month, in percentage points.</summary>
    public PercentagePointChange ServiceLevelChange => PercentagePointChange.Between(PreviousMonth.ServiceLevel(Definition), ServiceLevel);

    /// <summary>Gets the change of first-contact resolution from the previous month, in percentage points.</summary>
    public PercentagePointChange FirstContactResolutionChange => PercentagePointChange.Between(PreviousMonth.FirstContactResolution, Month.FirstContactResolution);

    /// <summary>Gets the change of CSAT from the previous month, in percentage points.</summary>
    public PercentagePointChange CsatChange => PercentagePointChange.Between(PreviousMonth.Csat, Month.Csat);
}
