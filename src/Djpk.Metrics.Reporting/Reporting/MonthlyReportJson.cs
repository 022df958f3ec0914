using System.Text.Json;
using System.Text.Json.Serialization;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Complaints;
using Djpk.Metrics.InformationRequests;
using Djpk.Metrics.Social;
using Djpk.Metrics.Statistics;

namespace Djpk.Metrics.Reporting;

/// <summary>Serializes a <see cref="MonthlyReport"/> through plain document records and a source-generated context (no reflection, AOT-safe).</summary>
internal static class MonthlyReportJson
{
    // Indonesian and English text stays readable: only what JSON requires is escaped.
    private static readonly ReportJsonContext Context = new(new JsonSerializerOptions(ReportJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Serialize(MonthlyReport report)
    {
        ReportSettings s = report.Settings;
        var document = new ReportDocument(
            report.Month.ToString(),
            report.Profile.Name,
            s.Calendar.Zone.Id,
            new SettingsDocument(s.ChangeRule.ToString(), s.ChangeDecimals, s.SmallChangeDecimals, s.SmallChangeBelowPercent,
                s.ChannelShareRule.ToString(), s.ShareDecimals, s.SegmentShareMethod.ToString(), s.SignificantChangePercent, s.WorkingDays?.Version,
                s.ChannelChangeDecimals.OrderBy(p => p.Key).ToDictionary(p => p.Key.Id, p => p.Value)),
            new WebsiteDocument(report.Website.IsAvailable, report.Website.Visits, report.Website.VisitsLastYear, Change(report.Website.YearOnYear, s),
                [.. report.Website.TopPages.Select(p => new PageDocument(p.Page, p.Visits))]),
            Consultations(report.Consultations, s),
            new SegmentsDocument(report.Segments.IsAvailable, report.Segments.Year, report.Segments.DistinctUsers, report.Segments.SumOfSegmentUsers, report.Segments.SegmentsPartitionUsers, report.Segments.Distribution?.Method.ToString(),
                report.Segments.Distribution?.Sum,
                [.. report.Segments.Segments.Select(u => new SegmentDocument(u.Info.Segment.Id, u.Info.IndonesianName, u.Users, u.Share.Exact, u.Share.Allocated))]),
            [.. report.Social.Select(x => Social(x, s))],
            new RequestsDocument(report.InformationRequests.IsAvailable, Recap(report.InformationRequests.Month), Recap(report.InformationRequests.YearToDate)),
            new ComplaintsDocument(report.Complaints.IsAvailable, Recap(report.Complaints.Month), Recap(report.Complaints.YearToDate)),
            [.. report.Notes.Select(n => new NoteDocument(n.Indonesian, n.English))],
            report.Service.IsAvailable ? Service(report.Service, s) : null);
        return JsonSerializer.Serialize(document, Context.ReportDocument);
    }

    private static ChangeDocument? Change(PercentChange? change, ReportSettings settings, Channel? channel = null) =>
        change is PercentChange c
            ? new ChangeDocument(c.Previous, c.Current, c.Difference, c.Direction.ToString(), c.Percent, settings.PublishedPercent(c, channel))
            : null;

    private static TrendDocument? Trend(LinearTrend? trend) => trend is null ? null : new TrendDocument(
        trend.Months.First.ToString(), trend.Months.Last.ToString(), trend.IsDefined ? null : trend.Reason.ToString(), trend.Direction.ToString(),
        trend.Slope, trend.Intercept, trend.RSquared, trend.Level, trend.SlopeInterval?.Lower, trend.SlopeInterval?.Upper, trend.IsSignificant);

    private static AnomaliesDocument? Anomalies(AnomalyScan? scan) => scan is null ? null : new AnomaliesDocument(
        scan.Months.First.ToString(), scan.Months.Last.ToString(), scan.IsDefined ? null : scan.Reason.ToString(), scan.Threshold, scan.Median,
        [.. scan.Flagged.Select(p => new AnomalyDocument(p.Month.ToString(), p.Value, p.Score))]);

    private static ForecastDocument? Forecast(SeriesForecast? forecast) => forecast is null ? null : new ForecastDocument(
        forecast.History.First.ToString(), forecast.History.Last.ToString(), forecast.IsDefined ? null : forecast.Reason.ToString(),
        forecast.IsDefined ? forecast.Model.ToString() : null, forecast.Level,
        [.. forecast.Points.Select(p => new ForecastPointDocument(p.Month.ToString(), p.Value, p.Interval.Lower, p.Interval.Upper))]);

    private static ConsultationsDocument Consultations(ConsultationSection c, ReportSettings s) => new(
        c.IsAvailable, c.Total, c.PreviousMonth, c.SameMonthLastYear, Change(c.MonthOnMonth, s), Change(c.YearOnYear, s), c.YearToDate,
        [.. c.Channels.Select(ch => new ChannelDocument(
            ch.Info.Channel.Id, ch.Info.IndonesianName, ch.Count, ch.PreviousMonth, ch.SameMonthLastYear,
            ch.Share?.Percent, ch.Share?.ToPercent(s.ShareDecimals, s.ChannelShareRule),
            Change(ch.MonthOnMonth, s, ch.Info.Channel), Change(ch.YearOnYear, s, ch.Info.Channel),
            [.. ch.TopTopics.Select(t => new TopicDocument(t.Topic.Name, t.Count))],
            [.. ch.YearSeries], Trend(ch.Trend), Anomalies(ch.Anomalies), Forecast(ch.Forecast)))]);

    private static ServiceDocument Service(ServiceSection section, ReportSettings s)
    {
        RateDocument Rate(Share now, Share? then) => new(
            now.Part, now.Total, now.Percent, now.ToPercent(s.ShareDecimals, s.ChannelShareRule), then?.Percent,
            then is Share t ? PercentagePointChange.Between(t, now).Points : null);
        static decimal? Seconds(NodaTime.Duration? d) => d is NodaTime.Duration x ? Verification.ServiceFigureMetrics.Milliseconds(x) / 1000m : null;
        static DurationDocument Times(Service.DurationDistribution d) => new(d.Count, Seconds(d.Median), Seconds(d.Percentile(0.9m)), Seconds(d.Mean));
        return new ServiceDocument(
            section.Definition.ToString(),
            section.RepeatContacts is Service.RepeatContactRate r ? Rate(r.Share, section.RepeatContactsPreviousMonth?.Share) : null,
            [.. section.Channels.Select(c => new ServiceChannelDocument(
                c.Info.Channel.Id, c.Info.IndonesianName, c.Target?.ToString(), c.Month.Contacts, c.PreviousMonth.Contacts,
                Rate(c.Month.AnswerRate, c.PreviousMonth.AnswerRate), Rate(c.Month.AbandonmentRate, c.PreviousMonth.AbandonmentRate),
                Rate(c.ServiceLevel, c.PreviousMonth.ServiceLevel(c.Definition)),
                Times(c.Month.ResponseTime), Times(c.Month.WorkingResponseTime), Times(c.Month.HandleTime),
                Rate(c.Month.FirstContactResolution, c.PreviousMonth.FirstContactResolution), c.Month.OpenAtPeriodEnd,
                Rate(c.Month.Csat, c.PreviousMonth.Csat), c.Month.HasFewSatisfactionResponses, c.Month.MeanSatisfaction))]);
    }

    private static SocialDocument Social(SocialSection x, ReportSettings s)
    {
        SocialSnapshot? snapshot = x.Snapshot;
        return new SocialDocument(
            x.Info.Channel.Id, x.Account, snapshot?.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            snapshot?.Followers, snapshot?.NewFollowers, snapshot?.Reach?.Total, snapshot?.Reach?.Posts, snapshot?.Reach?.Value,
            snapshot?.Posts, snapshot?.FeedPosts, snapshot?.StoryPosts, snapshot?.Contents, snapshot?.ProfileVisits, snapshot?.VillageGovernmentFollowers, snapshot?.NewVillageGovernmentFollowers,
            [.. x.Followers.Values], Change(x.GrowthSinceJanuary, s));
    }

    private static RecapDocument? Recap(InformationRequestRecap? recap) => recap is null ? null : new RecapDocument(
        recap.Period.ToString(), recap.Received, recap.Decided, recap.OnTime, recap.Undetermined, recap.OnTimeShare?.Percent, recap.PendingAtEnd,
        [.. recap.ByPurpose.Select(p => new PurposeDocument(p.Purpose, p.Count))],
        recap.ByOutcome.OrderBy(o => o.Key).ToDictionary(o => o.Key.ToString(), o => o.Value));

    private static ComplaintCountsDocument[]? Recap(ComplaintRecap? recap) =>
        recap is null ? null : [.. recap.Categories.Select(c => new ComplaintCountsDocument(c.Category.ToString(), c.Received, c.Resolved, c.OpenAtEnd))];
}

internal sealed record ReportDocument(
    string Month, string Profile, string Zone, SettingsDocument Settings, WebsiteDocument Website, ConsultationsDocument Consultations, SegmentsDocument Segments,
    SocialDocument[] Social, RequestsDocument InformationRequests, ComplaintsDocument Complaints, NoteDocument[] Notes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ServiceDocument? Service);

internal sealed record ServiceDocument(string Definition, RateDocument? RepeatContacts, ServiceChannelDocument[] Channels);

internal sealed record ServiceChannelDocument(
    string Channel, string Name, string? Target, long Contacts, long PreviousContacts, RateDocument AnswerRate, RateDocument AbandonmentRate,
    RateDocument ServiceLevel, DurationDocument ResponseTime, DurationDocument WorkingResponseTime, DurationDocument HandleTime,
    RateDocument FirstContactResolution, long? OpenAtEnd, RateDocument Csat, bool FewSatisfactionResponses, decimal? MeanSatisfaction);

internal sealed record RateDocument(long Part, long Whole, decimal? ExactPercent, decimal? PublishedPercent, decimal? PreviousExactPercent, decimal? ChangePoints);

internal sealed record DurationDocument(long Count, decimal? MedianSeconds, decimal? P90Seconds, decimal? MeanSeconds);

internal sealed record SettingsDocument(
    string ChangeRule, int ChangeDecimals, int SmallChangeDecimals, decimal SmallChangeBelowPercent, string ChannelShareRule, int ShareDecimals,
    string SegmentShareMethod, decimal? SignificantChangePercent, string? WorkingDays, Dictionary<string, int> ChannelChangeDecimals);

internal sealed record ChangeDocument(long Previous, long Current, long Difference, string Direction, decimal? ExactPercent, decimal? PublishedPercent);

internal sealed record WebsiteDocument(bool Available, long? Visits, long? VisitsLastYear, ChangeDocument? YearOnYear, PageDocument[] TopPages);

internal sealed record PageDocument(string Page, long? Visits);

internal sealed record ConsultationsDocument(
    bool Available, long? Total, long? PreviousMonth, long? SameMonthLastYear, ChangeDocument? MonthOnMonth, ChangeDocument? YearOnYear,
    long? YearToDate, ChannelDocument[] Channels);

internal sealed record ChannelDocument(
    string Channel, string Name, long? Count, long? PreviousMonth, long? SameMonthLastYear, decimal? ExactShare, decimal? PublishedShare,
    ChangeDocument? MonthOnMonth, ChangeDocument? YearOnYear, TopicDocument[] TopTopics, long?[] YearSeries,
    TrendDocument? Trend, AnomaliesDocument? Anomalies, ForecastDocument? Forecast);

internal sealed record TrendDocument(
    string From, string To, string? InsufficientData, string Direction, decimal? Slope, decimal? Intercept, decimal? RSquared, decimal Level,
    decimal? SlopeLower, decimal? SlopeUpper, bool Significant);

internal sealed record AnomaliesDocument(string From, string To, string? InsufficientData, decimal Threshold, decimal? Median, AnomalyDocument[] Flagged);

internal sealed record AnomalyDocument(string Month, long Value, decimal Score);

internal sealed record ForecastDocument(string From, string To, string? InsufficientData, string? Model, decimal Level, ForecastPointDocument[] Points);

internal sealed record ForecastPointDocument(string Month, decimal Value, decimal Lower, decimal Upper);

internal sealed record TopicDocument(string Topic, long Count);

internal sealed record SegmentsDocument(bool Available, int Year, long? DistinctUsers, long? SumOfSegmentUsers, bool SegmentsPartitionUsers, string? ShareMethod, decimal? SumOfPublishedShares, SegmentDocument[] Segments);

internal sealed record SegmentDocument(string Segment, string Name, long Users, decimal? ExactShare, decimal? PublishedShare);

internal sealed record SocialDocument(
    string Platform, string Account, string? Date, long? Followers, long? NewFollowers, long? ReachTotal, long? ReachPosts, decimal? ReachAverage,
    long? Posts, long? FeedPosts, long? StoryPosts, long? Contents, long? ProfileVisits, long? VillageGovernmentFollowers, long? NewVillageGovernmentFollowers,
    long?[] FollowersByMonth, ChangeDocument? GrowthSinceJanuary);

internal sealed record RequestsDocument(bool Available, RecapDocument? Month, RecapDocument? YearToDate);

internal sealed record RecapDocument(
    string Period, long Received, long Decided, long OnTime, long Undetermined, decimal? OnTimePercent, long PendingAtEnd, PurposeDocument[] ByPurpose,
    Dictionary<string, long> ByOutcome);

internal sealed record PurposeDocument(string Purpose, long Count);

internal sealed record ComplaintsDocument(bool Available, ComplaintCountsDocument[]? Month, ComplaintCountsDocument[]? YearToDate);

internal sealed record ComplaintCountsDocument(string Category, long Received, long Resolved, long OpenAtEnd);

internal sealed record NoteDocument(string Indonesian, string English);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ReportDocument))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
