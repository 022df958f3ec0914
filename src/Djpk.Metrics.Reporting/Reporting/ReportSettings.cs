using System.Collections.Immutable;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Complaints;
using Djpk.Metrics.InformationRequests;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Service;

using Djpk.Metrics.Formatting;
namespace Djpk.Metrics.Reporting;

/// <summary>How a monthly report is computed and written: zone, rounding of changes and shares, language, thresholds.</summary>
/// <remarks>
/// <para>Immutable: each <c>With…</c> method returns a new value. <see cref="ReportSettings(ReportingCalendar)"/> gives neutral
/// defaults: changes and shares to one decimal rounded half away from zero, segment shares by largest remainder, Indonesian
/// text, three top topics, no "significant" wording and no working-day calendar (so no on-time share of information
/// requests). A profile sets its own conventions; DJPK's are <c>Djpk.Metrics.Profiles.DjpkProfile.Settings</c>.</para>
/// </remarks>
public sealed class ReportSettings
{
    private ReportSettings(
        ReportingCalendar calendar, ReportLanguage language, RoundingRule changeRule, int changeDecimals, int smallChangeDecimals,
        decimal smallChangeBelowPercent, RoundingRule channelShareRule, int shareDecimals, ShareAllocationMethod segmentShareMethod,
        RoundingRule segmentShareRule, int topTopics, decimal? significantChangePercent, WorkingDayCalendar? workingDays,
        ImmutableDictionary<Channel, int> channelChangeDecimals, ImmutableArray<ComplaintCategoryInfo> complaintCategories,
        ServiceSettings serviceSettings, ServiceLevelDefinition serviceLevelDefinition)
    {
        ServiceSettings = serviceSettings;
        ServiceLevelDefinition = serviceLevelDefinition;
        ChannelChangeDecimals = channelChangeDecimals;
        ComplaintCategories = complaintCategories;
        Calendar = calendar;
        Language = language;
        ChangeRule = changeRule;
        ChangeDecimals = changeDecimals;
        SmallChangeDecimals = smallChangeDecimals;
        SmallChangeBelowPercent = smallChangeBelowPercent;
        ChannelShareRule = channelShareRule;
        ShareDecimals = shareDecimals;
        SegmentShareMethod = segmentShareMethod;
        SegmentShareRule = segmentShareRule;
        TopTopics = topTopics;
        SignificantChangePercent = significantChangePercent;
        WorkingDays = workingDays;
    }

    /// <summary>Creates neutral settings whose months are bounded in <paramref name="calendar"/>'s zone.</summary>
    /// <param name="calendar">The calendar, such as <see cref="ReportingCalendar.Jakarta"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    public ReportSettings(ReportingCalendar calendar)
        : this(
            calendar ?? throw new ArgumentNullException(nameof(calendar)), ReportLanguage.Indonesian, RoundingRule.HalfAwayFromZero, 1, 1, 0m,
            RoundingRule.HalfAwayFromZero, 1, ShareAllocationMethod.LargestRemainder, RoundingRule.HalfAwayFromZero, 3, null, null,
            ImmutableDictionary<Channel, int>.Empty, [], ServiceSettings.Default, ServiceLevelDefinition.AbandonedIncluded)
    {
    }

    /// <summary>Gets the zone whose local midnights bound the months.</summary>
    public ReportingCalendar Calendar { get; }

    /// <summary>Gets the language of the text.</summary>
    public ReportLanguage Language { get; }

    /// <summary>Gets the rounding rule of percent changes.</summary>
    public RoundingRule ChangeRule { get; }

    /// <summary>Gets the decimals of a percent change.</summary>
    public int ChangeDecimals { get; }

    /// <summary>Gets the decimals of a percent change smaller than <see cref="SmallChangeBelowPercent"/> in magnitude.</summary>
    public int SmallChangeDecimals { get; }

    /// <summary>Gets the magnitude below which a change is written with <see cref="SmallChangeDecimals"/> decimals.</summary>
    public decimal SmallChangeBelowPercent { get; }

    /// <summary>Gets the rounding rule of a channel's share of the month.</summary>
    public RoundingRule ChannelShareRule { get; }

    /// <summary>Gets the decimals of shares.</summary>
    public int ShareDecimals { get; }

    /// <summary>Gets how the user-segment shares are allocated.</summary>
    public ShareAllocationMethod SegmentShareMethod { get; }

    /// <summary>Gets the rounding rule of segment shares when each is rounded on its own.</summary>
    public RoundingRule SegmentShareRule { get; }

    /// <summary>Gets how many top topics a channel section lists.</summary>
    public int TopTopics { get; }

    /// <summary>Gets the increase, in percent, from which the text says "meningkat signifikan" instead of a figure; <see langword="null"/> never says so.</summary>
    public decimal? SignificantChangePercent { get; }

    /// <summary>Gets the working days for information-request deadlines; <see langword="null"/> leaves the on-time share undefined.</summary>
    public WorkingDayCalendar? WorkingDays { get; }

    /// <summary>Gets the channels whose changes are printed with their own number of decimals, such as DJPK's e-mail section ("naik 46,5%").</summary>
    public ImmutableDictionary<Channel, int> ChannelChangeDecimals { get; }

    /// <summary>Returns a copy that writes in <paramref name="language"/>.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The new settings.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="language"/> is not defined.</exception>
    public ReportSettings WithLanguage(ReportLanguage language)
    {
        _ = ReportFormatter.For(language);
        return Copy(language: language);
    }

    /// <summary>Returns a copy whose months are bounded in <paramref name="calendar"/>'s zone.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <returns>The new settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    public ReportSettings WithCalendar(ReportingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Copy(calendar: calendar);
    }

    /// <summary>Returns a copy that rounds changes under <paramref name="rule"/>.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="decimals">The decimals of a change.</param>
    /// <param name="smallChangeDecimals">The decimals of a change below <paramref name="smallChangeBelowPercent"/>.</param>
    /// <param name="smallChangeBelowPercent">The magnitude, in percent, below which a change gets <paramref name="smallChangeDecimals"/>.</param>
    /// <returns>The new settings.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The rule is not defined, a decimals count is out of range, or the threshold is negative.</exception>
    public ReportSettings WithChangeRounding(RoundingRule rule, int decimals, int smallChangeDecimals, decimal smallChangeBelowPercent)
    {
        Rounding.ValidateRule(rule);
        Rounding.ValidateDecimals(decimals);
        Rounding.ValidateDecimals(smallChangeDecimals);
        ArgumentOutOfRangeException.ThrowIfNegative(smallChangeBelowPercent);
        return Copy(changeRule: rule, changeDecimals: decimals, smallChangeDecimals: smallChangeDecimals, smallChangeBelowPercent: smallChangeBelowPercent);
    }

    /// <summary>Returns a copy that rounds shares with <paramref name="decimals"/> decimals, channel shares under <paramref name="channelShareRule"/> and segment shares by <paramref name="segmentShareMethod"/>.</summary>
    /// <param name="decimals">The decimals of every share.</param>
    /// <param name="channelShareRule">The rule of a channel's share of the month.</param>
    /// <param name="segmentShareMethod">How segment shares are allocated.</param>
    /// <param name="segmentShareRule">The rule of segment shares rounded one by one.</param>
    /// <returns>The new settings.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A rule or method is not defined, or <paramref name="decimals"/> is out of range.</exception>
    public ReportSettings WithShareRounding(int decimals, RoundingRule channelShareRule, ShareAllocationMethod segmentShareMethod, RoundingRule segmentShareRule)
    {
        Rounding.ValidateDecimals(decimals);
        Rounding.ValidateRule(channelShareRule);
        Rounding.ValidateRule(segmentShareRule);
        if (!Enum.IsDefined(segmentShareMethod))
        {
            throw new ArgumentOutOfRangeException(nameof(segmentShareMethod), segmentShareMethod, "The method must be one of the defined ShareAllocationMethod values.");
        }

        return Copy(channelShareRule: channelShareRule, shareDecimals: decimals, segmentShareMethod: segmentShareMethod, segmentShareRule: segmentShareRule);
    }

    /// <summary>Returns a copy that lists <paramref name="count"/> top topics per channel.</summary>
    /// <param name="count">How many topics, 0 or more.</param>
    /// <returns>The new settings.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public ReportSettings WithTopTopics(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Copy(topTopics: count);
    }

    /// <summary>Returns a copy that calls an increase of at least <paramref name="percent"/> "significant".</summary>
    /// <param name="percent">The threshold in percent, positive.</param>
    /// <returns>The new settings.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is not positive.</exception>
    public ReportSettings WithSignificantChange(decimal percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percent);
        return Copy(significantChangePercent: percent);
    }

    /// <summary>Returns a copy that computes request deadlines with <paramref name="workingDays"/>.</summary>
    /// <param name="workingDays">The working-day calendar.</param>
    /// <returns>The new settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="workingDays"/> is <see langword="null"/>.</exception>
    public ReportSettings WithWorkingDays(WorkingDayCalendar workingDays)
    {
        ArgumentNullException.ThrowIfNull(workingDays);
        return Copy(workingDays: workingDays);
    }

    /// <summary>Returns a copy that prints the changes of <paramref name="channel"/>'s section with <paramref name="decimals"/> decimals, whatever their magnitude.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="decimals">The decimals, 0 to 10.</param>
    /// <returns>The new settings.</returns>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is the default value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is out of range.</exception>
    public ReportSettings WithChannelChangeDecimals(Channel channel, int decimals)
    {
        if (channel.IsDefault)
        {
            throw new ArgumentException("The channel must have an id.", nameof(channel));
        }

        Rounding.ValidateDecimals(decimals);
        return Copy(channelChangeDecimals: ChannelChangeDecimals.SetItem(channel, decimals));
    }

    /// <summary>Gets the complaint categories the report lists, in order, with their names; a category the complaints use that
    /// is not here is listed after them, named by its id.</summary>
    public ImmutableArray<ComplaintCategoryInfo> ComplaintCategories { get; }

    /// <summary>Returns a copy that lists <paramref name="category"/> after the complaint categories already listed, with zeros when it has no complaint.</summary>
    /// <param name="category">The category and its names.</param>
    /// <returns>The new settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="category"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The category is listed already.</exception>
    public ReportSettings WithComplaintCategory(ComplaintCategoryInfo category)
    {
        ArgumentNullException.ThrowIfNull(category);
        if (ComplaintCategories.Any(c => c.Category == category.Category))
        {
            throw new ArgumentException($"The complaint category '{category.Category}' is listed already; list each category once.", nameof(category));
        }

        return Copy(complaintCategories: ComplaintCategories.Add(category));
    }

    /// <summary>Gets the service targets, thresholds and working-time calendar of the service-quality section; <see cref="ServiceSettings.Default"/> (no targets) unless set.</summary>
    public ServiceSettings ServiceSettings { get; }

    /// <summary>Gets which contacts the service level of the service-quality section counts in its denominator; <see cref="ServiceLevelDefinition.AbandonedIncluded"/> unless set.</summary>
    public ServiceLevelDefinition ServiceLevelDefinition { get; }

    /// <summary>Returns a copy whose service-quality section measures under <paramref name="settings"/>.</summary>
    /// <param name="settings">The targets per channel, thresholds and working-time calendar.</param>
    /// <returns>The new settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is <see langword="null"/>.</exception>
    public ReportSettings WithServiceSettings(ServiceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Copy(serviceSettings: settings);
    }

    /// <summary>Returns a copy whose service-quality section prints the service level under <paramref name="definition"/>.</summary>
    /// <param name="definition">Which contacts the denominator counts.</param>
    /// <returns>The new settings.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="definition"/> is not defined.</exception>
    public ReportSettings WithServiceLevelDefinition(ServiceLevelDefinition definition)
    {
        if (!Enum.IsDefined(definition))
        {
            throw new ArgumentOutOfRangeException(nameof(definition), definition, "The definition must be AnsweredOnly, AbandonedIncluded or ShortAbandonsExcluded.");
        }

        return Copy(serviceLevelDefinition: definition);
    }

    /// <summary>Returns the decimals a change is published with: the channel's own, else the decimals its magnitude calls for.</summary>
    /// <param name="change">The change.</param>
    /// <param name="channel">The channel whose section prints it, if any.</param>
    /// <returns>The decimals; <see cref="ChangeDecimals"/> when the change is undefined.</returns>
    public int ChangeDecimalsFor(PercentChange change, Channel? channel = null) =>
        channel is Channel c && ChannelChangeDecimals.TryGetValue(c, out int own) ? own
        : change.Percent is decimal exact && Math.Abs(exact) < SmallChangeBelowPercent ? SmallChangeDecimals
        : ChangeDecimals;

    /// <summary>Returns the published percent of <paramref name="change"/>: rounded once under <see cref="ChangeRule"/>, with <see cref="ChangeDecimalsFor"/> decimals.</summary>
    /// <param name="change">The change.</param>
    /// <param name="channel">The channel whose section prints it, if any.</param>
    /// <returns>The signed percent; <see langword="null"/> when the change is undefined.</returns>
    public decimal? PublishedPercent(PercentChange change, Channel? channel = null) =>
        change.Percent is not null ? change.ToPercent(ChangeDecimalsFor(change, channel), ChangeRule) : null;

    // A copy with the given settings changed; arguments are validated by the public With… methods.
    private ReportSettings Copy(
        ReportingCalendar? calendar = null, ReportLanguage? language = null, RoundingRule? changeRule = null, int? changeDecimals = null,
        int? smallChangeDecimals = null, decimal? smallChangeBelowPercent = null, RoundingRule? channelShareRule = null, int? shareDecimals = null,
        ShareAllocationMethod? segmentShareMethod = null, RoundingRule? segmentShareRule = null, int? topTopics = null,
        decimal? significantChangePercent = null, WorkingDayCalendar? workingDays = null, ImmutableDictionary<Channel, int>? channelChangeDecimals = null,
        ImmutableArray<ComplaintCategoryInfo>? complaintCategories = null, ServiceSettings? serviceSettings = null,
        ServiceLevelDefinition? serviceLevelDefinition = null) =>
        new(
            calendar ?? Calendar, language ?? Language, changeRule ?? ChangeRule, changeDecimals ?? ChangeDecimals,
            smallChangeDecimals ?? SmallChangeDecimals, smallChangeBelowPercent ?? SmallChangeBelowPercent, channelShareRule ?? ChannelShareRule,
            shareDecimals ?? ShareDecimals, segmentShareMethod ?? SegmentShareMethod, segmentShareRule ?? SegmentShareRule, topTopics ?? TopTopics,
            significantChangePercent ?? SignificantChangePercent, workingDays ?? WorkingDays, channelChangeDecimals ?? ChannelChangeDecimals,
            complaintCategories ?? ComplaintCategories, serviceSettings ?? ServiceSettings, serviceLevelDefinition ?? ServiceLevelDefinition);
}
