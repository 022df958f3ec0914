using System.Collections.Immutable;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Service;

namespace Djpk.Metrics.Reporting;

/// <summary>The service quality of the monthly report: answer and abandonment rates, service level, response and handle times, first-contact resolution, backlog and satisfaction per consultation channel.</summary>
/// <remarks>
/// <para>Immutable. The section exists only when the consultation log has service columns (a first response, an outcome or
/// a satisfaction score, <see cref="ServiceColumns"/>); otherwise <see cref="IsAvailable"/> is <see langword="false"/> and the
/// report says nothing about service quality.</para>
/// </remarks>
public sealed class ServiceSection
{
    internal ServiceSection(
        bool isAvailable, ServiceColumns columns, ServiceLevelDefinition definition, ImmutableArray<ChannelServiceSection> channels,
        RepeatContactRate? repeatContacts, RepeatContactRate? repeatContactsPreviousMonth, bool hasWorkingTime)
    {
        IsAvailable = isAvailable;
        Columns = columns;
        Definition = definition;
        Channels = channels;
        RepeatContacts = repeatContacts;
        RepeatContactsPreviousMonth = repeatContactsPreviousMonth;
        HasWorkingTime = hasWorkingTime;
    }

    /// <summary>Gets a value indicating whether the log has service columns, so the report has the section.</summary>
    public bool IsAvailable { get; }

    /// <summary>Gets the service columns the log has.</summary>
    public ServiceColumns Columns { get; }

    /// <summary>Gets the definition of the service level the section prints.</summary>
    public ServiceLevelDefinition Definition { get; }

    /// <summary>Gets a value indicating whether the settings have a working-time calendar, so working-time response times are printed.</summary>
    public bool HasWorkingTime { get; }

    /// <summary>Gets one entry per consultation channel of the catalog, in catalog order.</summary>
    public ImmutableArray<ChannelServiceSection> Channels { get; }

    /// <summary>Gets the repeat-contact rate (7 days, any channel) of the report's month; <see langword="null"/> when the section is not available.</summary>
    public RepeatContactRate? RepeatContacts { get; }

    /// <summary>Gets the repeat-contact rate of the previous month; <see langword="null"/> when the section is not available.</summary>
    public RepeatContactRate? RepeatContactsPreviousMonth { get; }

    /// <summary>Gets the change of the repeat-contact rate from the previous month in percentage points; <see langword="null"/> when a rate is missing.</summary>
    public Comparison.PercentagePointChange? RepeatContactsChange =>
        RepeatContacts is RepeatContactRate now && RepeatContactsPreviousMonth is RepeatContactRate then
            ? Comparison.PercentagePointChange.Between(then.Share, now.Share)
            : null;
}
