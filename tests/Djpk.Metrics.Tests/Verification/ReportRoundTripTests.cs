using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Reporting;
using Djpk.Metrics.Social;
using Djpk.Metrics.Verification;
using Djpk.Metrics.Web;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Djpk.Metrics.Tests.Verification;

/// <summary>
/// The law "render, extract, verify": every claim the monthly report's Indonesian text makes is found by the extractor and
/// holds against figures counted straight from the generated records — the generator's own tallies, not the aggregator's.
/// </summary>
public class ReportRoundTripTests
{
    private static readonly Channel[] Channels = [DjpkChannels.WhatsApp, DjpkChannels.Phone, DjpkChannels.Email, DjpkChannels.HaiKemenkeu, DjpkChannels.LiveChat];
    private static readonly UserSegment[] Segments = [DjpkSegments.Akademisi, DjpkSegments.Pemda, DjpkSegments.KementerianLembaga, DjpkSegments.Lainnya];
    private static readonly Channel[] Accounts = [DjpkChannels.Twitter, DjpkChannels.Facebook];

    [Property(MaxTest = 60)]
    public Property RenderText_ThenExtract_ThenVerify_EveryClaimHolds(int seed, byte monthByte)
    {
        int reportMonth = (monthByte % 12) + 1;
        Generated generated = Generate(seed, ReportingPeriod.Month(2025, reportMonth));
        MonthlyReport report = MonthlyReport.Build(generated.Month, generated.Inputs, DjpkProfile.Profile);
        string text = new ReportWriter(report, ReportLanguage.Indonesian).Text();

        Claim[] claims = [.. DjpkProfile.ClaimExtractor.Extract(text, generated.Month)];
        VerificationReport verification = ClaimVerifier.Verify(claims, generated.Figures);

        string[] notHolding = [.. verification.Results.Where(r => r.Verdict != Verdict.Holds).Select(r => $"{r} {r.Claim} | {r.Claim.Quote}")];
        bool everyChannelClaimed = Channels.All(c => claims.Any(k => k.Kind == ClaimKind.Total && k.Channel == c));
        bool countsClaimed = claims.Any(k => k.Id == "total-count") && claims.Any(k => k.Kind == ClaimKind.Share && k.Segment is not null);
        return (notHolding.Length == 0 && everyChannelClaimed && countsClaimed)
            .Label($"seed {seed}, month {generated.Month}: {claims.Length} claims; not holding: {string.Join(" || ", notHolding)}; every channel's count claimed: {everyChannelClaimed}; counts and segment shares claimed: {countsClaimed}");
    }

    [Fact]
    public void RenderText_WhenUsersAppearInTwoSegments_SaysSoAndItsSharesHold()
    {
        Generated generated = Generate(11, ReportingPeriod.Month(2025, 12));
        MonthlyReport report = MonthlyReport.Build(generated.Month, generated.Inputs, DjpkProfile.Profile);
        string text = new ReportWriter(report, ReportLanguage.Indonesian).Text();
        long distinct = generated.Figures.Find(Metric.Users, ReportingPeriod.OfYear(2025))!.Value;
        long sum = Segments.Sum(s => generated.Figures.Find(Metric.Users, ReportingPeriod.OfYear(2025), segment: s)!.Value);

        Assert.True(sum > distinct, $"the generator should make users appear in two segments: {sum} vs {distinct}");
        Assert.False(report.Segments.SegmentsPartitionUsers);
        Assert.Equal((sum, distinct), (report.Segments.SumOfSegmentUsers, report.Segments.DistinctUsers));
        Assert.Contains("Sebagian pengguna tercatat di lebih dari satu segmen", text, StringComparison.Ordinal);
        Claim[] shares = [.. DjpkProfile.ClaimExtractor.Extract(text, generated.Month).Where(c => c.Kind == ClaimKind.Share && c.Segment is not null)];
        Assert.Equal(4, shares.Length);
        Assert.All(ClaimVerifier.Verify(shares, generated.Figures).Results, r => Assert.Equal(Verdict.Holds, r.Verdict));
    }

    [Fact]
    public void RenderText_OfAGeneratedDecember_YieldsEveryKindOfClaimTheReportWrites()
    {
        Generated generated = Generate(7, ReportingPeriod.Month(2025, 12));
        MonthlyReport report = MonthlyReport.Build(generated.Month, generated.Inputs, DjpkProfile.Profile);
        Claim[] claims = [.. DjpkProfile.ClaimExtractor.Extract(new ReportWriter(report, ReportLanguage.Indonesian).Text(), generated.Month)];

        Assert.Contains(claims, c => c.Id == "total-count-2" && c.Kind == ClaimKind.Total && c.Period == ReportingPeriod.OfYear(2025));
        Assert.Contains(claims, c => c.Id == "twitter-followers-vs-2025-01" && c.Against == ReportingPeriod.Month(2025, 1));
        Assert.Contains(claims, c => c.Id == "website-yoy" && c.StatedPrevious == generated.Figures.Find(Metric.WebsiteVisits, ReportingPeriod.Month(2024, 12)));
        Assert.Equal(4, claims.Count(c => c.Kind == ClaimKind.Share && c.Segment is not null && c.StatedCurrent is not null));
        Assert.All(ClaimVerifier.Verify(claims, generated.Figures).Results, r => Assert.Equal(Verdict.Holds, r.Verdict));
    }

    // Records for every month from January 2024 to the report month: per month and channel a random count (zero now and
    // then); a quarter of the records come from a returning user, who may come back as another segment, so the segments need
    // not partition the users. The figure table is the generator's own tally (sets of user keys per year and segment).
    private static Generated Generate(int seed, ReportingPeriod month, bool reuseUsers = true)
    {
        var random = new Random(seed);
        DateTimeZone jakarta = DateTimeZoneProviders.Tzdb["Asia/Jakarta"];
        var builder = new InteractionLogBuilder(DjpkProfile.Catalog);
        var figures = new FigureTableBuilder();
        var consultations = new Dictionary<(ReportingPeriod, Channel?), long>();
        var users = new Dictionary<(int Year, UserSegment? Segment), HashSet<long>>();
        var website = WebsiteTraffic.Empty;
        var social = new List<SocialSnapshot>();
        long user = 0;
        for (ReportingPeriod m = ReportingPeriod.Month(2024, 1); m <= month; m = m.Next())
        {
            foreach (Channel channel in Channels)
            {
                int count = random.Next(5) == 0 ? 0 : random.Next(1, 80);
                for (int i = 0; i < count; i++)
                {
                    UserSegment segment = Segments[random.Next(Segments.Length)];
                    LocalDateTime local = m.Start.PlusDays(random.Next(m.End.Day)).At(new LocalTime(random.Next(24), random.Next(60)));
                    long key = reuseUsers && user > 0 && random.Next(4) == 0 ? random.NextInt64(1, user + 1) : ++user; // a returning user, maybe in another segment
                    builder.Add(new Consultation(local.InZoneLeniently(jakarta).ToInstant(), channel, segment, new Topic("Topik " + random.Next(6)), new UserKey(key)));
                    Users((m.Year, segment), users).Add(key);
                    Users((m.Year, null), users).Add(key);
                }

                Bump(consultations, (m, channel), count);
                Bump(consultations, (m, null), count);
                Bump(consultations, (ReportingPeriod.OfYear(m.Year), channel), count);
                Bump(consultations, (ReportingPeriod.OfYear(m.Year), null), count);
            }

            long visits = random.Next(10_000, 100_000);
            website = website.WithVisits(m, visits);
            figures.Add(Metric.WebsiteVisits, m, visits);
            foreach (Channel account in Accounts)
            {
                long followers = 10_000 + random.Next(5_000);
                social.Add(new SocialSnapshot(account, "@" + account.Id, m.End, followers: followers));
                figures.Add(Metric.Followers(account), m, followers);
            }
        }

        foreach (((ReportingPeriod period, Channel? channel), long count) in consultations)
        {
            figures.Add(Metric.Consultations, period, count, channel);
        }

        foreach (((int year, UserSegment? segment), HashSet<long> distinct) in users)
        {
            figures.Add(Metric.Users, ReportingPeriod.OfYear(year), distinct.Count, segment: segment);
        }

        ReportInputs inputs = ReportInputs.Empty.WithConsultations(builder.Build()).WithSocial(social).WithWebsite(website);
        return new Generated(month, inputs, figures.Build());
    }

    private static HashSet<long> Users((int, UserSegment?) key, Dictionary<(int, UserSegment?), HashSet<long>> sets) =>
        sets.TryGetValue(key, out HashSet<long>? set) ? set : sets[key] = [];

    private static void Bump<TKey>(Dictionary<TKey, long> counts, TKey key, long by = 1)
        where TKey : notnull => counts[key] = counts.GetValueOrDefault(key) + by;

    private sealed record Generated(ReportingPeriod Month, ReportInputs Inputs, FigureTable Figures);
}
