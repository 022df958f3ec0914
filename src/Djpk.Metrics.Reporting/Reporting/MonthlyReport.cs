using System.Collections.Immutable;
using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Complaints;
using Djpk.Metrics.InformationRequests;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Service;
using Djpk.Metrics.Social;
using Djpk.Metrics.Statistics;

using Djpk.Metrics.Formatting;
namespace Djpk.Metrics.Reporting;

/// <summary>The monthly report of a public-information service, built from data: website, consultations, users, channels, social media, PPID and complaints.</summary>
/// <remarks>
/// <para>Immutable. Build it with <see cref="Build"/>, then render it as Indonesian or English text
/// (<see cref="RenderText"/>), Markdown tables (<see cref="RenderMarkdown"/>) or JSON (<see cref="RenderJson"/>).</para>
/// <para>Figures stay exact in the model; the settings' rounding rules apply once, when a figure is written.</para>
/// </remarks>
public sealed class MonthlyReport
{
    private MonthlyReport(
        ReportingPeriod month, ReportProfile profile, Catalog catalog, WebsiteSection website, ConsultationSection consultations,
        SegmentSection segments, ImmutableArray<SocialSection> social, InformationRequestSection requests, ComplaintSection complaints,
        ImmutableArray<ReportNote> notes, ServiceSection service)
    {
        Service = service;
        Month = month;
        Profile = profile;
        Catalog = catalog;
        Website = website;
        Consultations = consultations;
        Segments = segments;
        Social = social;
        InformationRequests = requests;
        Complaints = complaints;
        Notes = notes;
    }

    /// <summary>Gets the report's month.</summary>
    public ReportingPeriod Month { get; }

    /// <summary>Gets the profile the report was built with: catalog, settings and wording.</summary>
    public ReportProfile Profile { get; }

    /// <summary>Gets the zone, rounding rules and language: the profile's settings.</summary>
    public ReportSettings Settings => Profile.Settings;

    /// <summary>Gets the catalog of channel and segment names.</summary>
    public Catalog Catalog { get; }

    /// <summary>Gets the website section.</summary>
    public WebsiteSection Website { get; }

    /// <summary>Gets the consultations section, with one entry per consultation channel.</summary>
    public ConsultationSection Consultations { get; }

    /// <summary>Gets the service-quality section: per channel answer and abandonment rates, service level, response and handle times, resolution, backlog and satisfaction; not available (and not written) when the log has no service columns.</summary>
    public ServiceSection Service { get; }

    /// <summary>Gets the users by segment over the year to date.</summary>
    public SegmentSection Segments { get; }

    /// <summary>Gets one section per social-media account that has snapshots.</summary>
    public ImmutableArray<SocialSection> Social { get; }

    /// <summary>Gets the PPID public-information requests section.</summary>
    public InformationRequestSection InformationRequests { get; }

    /// <summary>Gets the complaints section.</summary>
    public ComplaintSection Complaints { get; }

    /// <summary>Gets the notes printed at the end.</summary>
    public ImmutableArray<ReportNote> Notes { get; }

    /// <summary>Builds the report of <paramref name="month"/> from <paramref name="inputs"/> under <paramref name="profile"/>.</summary>
    /// <param name="month">The report's month.</param>
    /// <param name="inputs">The data; a missing input gives a section that says so.</param>
    /// <param name="profile">The catalog, settings and wording, such as DJPK's <c>DjpkProfile.Profile</c>.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> or <paramref name="profile"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="month"/> is not a month.</exception>
    /// <exception cref="InvalidOperationException">The log has service columns and the settings' <see cref="ReportSettings.ServiceSettings"/> give a channel of the log a working-time target without a working-time calendar.</exception>
    public static MonthlyReport Build(ReportingPeriod month, ReportInputs inputs, ReportProfile profile)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(profile);
        ReportSettings settings = profile.Settings;
        if (month.Grain != PeriodGrain.Month)
        {
            throw new ArgumentException("A monthly report is built for a month.", nameof(month));
        }

        Catalog catalog = inputs.Consultations?.Catalog ?? profile.Catalog;
        PeriodRange yearMonths = new(ReportingPeriod.Month(month.Year, 1), month);
        (ConsultationSection consultations, SegmentSection segments) = BuildConsultations(month, yearMonths, inputs.Consultations, catalog, settings);
        return new MonthlyReport(
            month,
            profile,
            catalog,
            BuildWebsite(month, inputs),
            consultations,
            segments,
            BuildSocial(month, yearMonths, inputs, catalog),
            BuildRequests(month, inputs, settings),
            BuildComplaints(month, inputs, settings),
            inputs.Notes,
            BuildService(month, inputs.Consultations, catalog, settings));
    }

    /// <summary>Returns the report as text, with sentences in the style of DJPK's published report.</summary>
    /// <param name="language">The language; the settings' language when <see langword="null"/>.</param>
    /// <returns>The text, identical on every host.</returns>
    public string RenderText(ReportLanguage? language = null) => new ReportWriter(this, language ?? Settings.Language).Text();

    /// <summary>Returns the report as Markdown: a heading per section, sentences and tables.</summary>
    /// <param name="language">The language; the settings' language when <see langword="null"/>.</param>
    /// <returns>The Markdown, identical on every host.</returns>
    public string RenderMarkdown(ReportLanguage? language = null) => new ReportWriter(this, language ?? Settings.Language).Markdown();

    /// <summary>Returns the report model as indented JSON: exact counts, and percentages both unrounded and as published.</summary>
    /// <returns>The JSON document.</returns>
    public string RenderJson() => MonthlyReportJson.Serialize(this);

    private static (ConsultationSection, SegmentSection) BuildConsultations(
        ReportingPeriod month, PeriodRange yearMonths, InteractionLog? log, Catalog catalog, ReportSettings settings)
    {
        if (log is null)
        {
            return (new ConsultationSection(false, null, null, null, null, yearMonths, []), new SegmentSection(false, month.Year, [], null, null));
        }

        ChannelInfo[] channels = [.. catalog.Channels.Where(c => c.Kind == ChannelKind.Consultation)];
        ReportingPeriod previous = month.Previous();
        ReportingPeriod lastYear = month.SameLastYear();
        ReportingPeriod first = month.TryPlusPeriods(-(SeriesForecast.SeasonalMinimumMonths - 1), out ReportingPeriod back) ? back : ReportingPeriod.Month(1, 1);
        first = lastYear < first ? lastYear : first;
        var aggregator = new Aggregator(settings.Calendar);
        CountCube cube = aggregator.Count(log, AggregationRequest.PerPeriod(PeriodGrain.Month)
            .Within(new PeriodRange(first, month))
            .By(AggregationDimensions.Channel | AggregationDimensions.Topic)
            .ForChannels(channels.Select(c => c.Channel)));

        long? total = cube.Count(month);
        MonthlySeries? yearSeries(Channel channel) =>
            MonthlySeries.FromCounts(yearMonths.First, yearMonths.Select(m => cube.Count(m, channel))).Trim() is { Count: >= AnomalyScan.MinimumMonths } series
                ? series
                : null;
        ImmutableArray<ChannelSection> channelSections =
        [
            .. channels.Select(info => (Info: info, Year: yearSeries(info.Channel))).Select(c => new ChannelSection(
                c.Info,
                cube.Count(month, c.Info.Channel),
                cube.Count(previous, c.Info.Channel),
                cube.Count(lastYear, c.Info.Channel),
                total is long t && cube.Count(month, c.Info.Channel) is long part ? Share.Of(part, t) : null,
                [.. cube.TopTopics(month, c.Info.Channel, settings.TopTopics) ?? []],
                [.. yearMonths.Select(m => cube.Count(m, c.Info.Channel))],
                settings.ChannelChangeDecimals.TryGetValue(c.Info.Channel, out int own) ? own : settings.ChangeDecimals,
                c.Year?.Trend(),
                c.Year?.Anomalies(),
                History(cube, first, month, c.Info.Channel)?.Forecast())),
        ];
        var consultations = new ConsultationSection(
            true, total, cube.Count(previous), cube.Count(lastYear), cube.CountBetween(yearMonths.First, yearMonths.Last), yearMonths, channelSections);

        DistinctUserCube users = aggregator.CountDistinctUsers(log, AggregationRequest.PerPeriod(PeriodGrain.Month)
            .Within(yearMonths)
            .By(AggregationDimensions.Segment)
            .ForChannels(channels.Select(c => c.Channel)));
        long?[] perSegment = [.. catalog.Segments.Select(s => users.CountBetween(yearMonths.First, month, segment: s.Segment))];
        SegmentSection segments;
        if (perSegment.Length == 0 || perSegment.Any(u => u is null))
        {
            segments = new SegmentSection(true, month.Year, [], null, users.HasData(month) ? users.CountBetween(yearMonths.First, month) : null);
        }
        else
        {
            long[] counts = [.. perSegment.Select(u => u!.Value)];
            ShareDistribution distribution = ShareAllocation.Allocate(counts, settings.ShareDecimals, settings.SegmentShareMethod, settings.SegmentShareRule);
            segments = new SegmentSection(
                true,
                month.Year,
                [.. catalog.Segments.Select((s, i) => new SegmentUsers(s, counts[i], distribution.Shares[i]))],
                distribution,
                users.CountBetween(yearMonths.First, month));
        }

        return (consultations, segments);
    }

    // The log's columns that make a service-quality section: without one of them there is nothing to say about service.
    private const ServiceColumns SectionColumns = ServiceColumns.FirstResponse | ServiceColumns.Outcome | ServiceColumns.Satisfaction;

    private static ServiceSection BuildService(ReportingPeriod month, InteractionLog? log, Catalog catalog, ReportSettings settings)
    {
        ServiceSettings service = settings.ServiceSettings;
        bool working = service.WorkingTime is not null;
        if (log is null || (log.ServiceColumns & SectionColumns) == ServiceColumns.None || !month.TryPlusPeriods(-1, out ReportingPeriod previous))
        {
            return new ServiceSection(false, log?.ServiceColumns ?? ServiceColumns.None, settings.ServiceLevelDefinition, [], null, null, working);
        }

        ServiceCube cube = ServiceMetrics.Measure(log, settings.Calendar, PeriodGrain.Month, ServiceBreakdown.Channel, service, new PeriodRange(previous, month));
        ImmutableArray<ChannelServiceSection> channels =
        [
            .. catalog.Channels.Where(c => c.Kind == ChannelKind.Consultation)
                .Select(c => new ChannelServiceSection(
                    c,
                    service.Targets.TryGetValue(c.Channel, out ServiceTarget target) ? target : null,
                    settings.ServiceLevelDefinition,
                    cube.Of(month, c.Channel),
                    cube.Of(previous, c.Channel)))
                .Where(c => c.Month.Contacts > 0 || c.PreviousMonth.Contacts > 0),
        ];
        return new ServiceSection(
            true, log.ServiceColumns, settings.ServiceLevelDefinition, channels,
            RepeatContacts.Of(log, settings.Calendar, month), RepeatContacts.Of(log, settings.Calendar, previous), working);
    }

    // The channel's months with data up to the report's month, from at most 24 months back; null when fewer than a trend needs.
    private static MonthlySeries? History(CountCube cube, ReportingPeriod first, ReportingPeriod month, Channel channel)
    {
        PeriodRange months = new(first, month);
        MonthlySeries? series = MonthlySeries.FromCounts(first, months.Select(m => cube.Count(m, channel))).Trim();
        return series is { Count: >= LinearTrend.MinimumMonths, HasGaps: false } && series.Last == month ? series : null;
    }

    private static WebsiteSection BuildWebsite(ReportingPeriod month, ReportInputs inputs) =>
        inputs.Website is { } website
            ? new WebsiteSection(true, website.Visits(month), website.Visits(month.SameLastYear()), website.TopPages(month))
            : new WebsiteSection(false, null, null, []);

    private static ImmutableArray<SocialSection> BuildSocial(ReportingPeriod month, PeriodRange yearMonths, ReportInputs inputs, Catalog catalog)
    {
        var sections = ImmutableArray.CreateBuilder<SocialSection>();
        foreach (IGrouping<(Channel Platform, string Account), SocialSnapshot> account in inputs.Social
            .GroupBy(s => (s.Platform, s.Account))
            .OrderBy(g => catalog.Contains(g.Key.Platform) ? catalog.Channels.IndexOf(catalog.Describe(g.Key.Platform)) : int.MaxValue)
            .ThenBy(g => g.Key.Account, StringComparer.Ordinal))
        {
            SocialSnapshot? latest = account.Where(s => month.Contains(s.Date)).OrderBy(s => s.Date).LastOrDefault();
            ChannelInfo info = catalog.Contains(account.Key.Platform)
                ? catalog.Describe(account.Key.Platform)
                : new ChannelInfo(account.Key.Platform, account.Key.Platform.Id, account.Key.Platform.Id, ChannelKind.Social);
            sections.Add(new SocialSection(info, account.Key.Account, latest, FollowerSeries.FromSnapshots(account, yearMonths), month));
        }

        return sections.ToImmutable();
    }

    private static InformationRequestSection BuildRequests(ReportingPeriod month, ReportInputs inputs, ReportSettings settings)
    {
        if (inputs.InformationRequests is not { } requests)
        {
            return new InformationRequestSection(false, null, null);
        }

        return new InformationRequestSection(
            true,
            InformationRequestRecap.For(requests, month, settings.WorkingDays),
            InformationRequestRecap.For(requests, ReportingPeriod.OfYear(month.Year), settings.WorkingDays, month.End));
    }

    private static ComplaintSection BuildComplaints(ReportingPeriod month, ReportInputs inputs, ReportSettings settings)
    {
        if (inputs.Complaints is not { } complaints)
        {
            return new ComplaintSection(false, null, null);
        }

        ComplaintCategory[] listed = [.. settings.ComplaintCategories.Select(c => c.Category)];
        return new ComplaintSection(
            true, ComplaintRecap.For(complaints, month, categories: listed), ComplaintRecap.For(complaints, ReportingPeriod.OfYear(month.Year), month.End, listed));
    }
}
