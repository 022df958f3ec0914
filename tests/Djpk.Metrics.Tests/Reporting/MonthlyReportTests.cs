using System.Text.Json;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Reporting;
using Djpk.Metrics.Samples.ReportSample;
using Djpk.Metrics.Tests.Support;

namespace Djpk.Metrics.Tests.Reporting;

/// <summary>Runs the December 2023 pipeline (raw log → report) and checks every figure the published report states.</summary>
public class MonthlyReportTests
{
    private static readonly Lazy<MonthlyReport> Seed = new(() =>
        MonthlyReport.Build(December2023.Month, December2023.Inputs(FixturePath), DjpkProfile.Profile));

    private static string FixturePath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "djpk-report-2023-12.json");

    private static MonthlyReport Report => Seed.Value;

    [Fact]
    public void Consultations_ReproduceEveryChannelCountOfTheReport()
    {
        foreach (JsonElement row in PublishedReport.Root.GetProperty("consultations").GetProperty("byChannelMonth").EnumerateArray())
        {
            ChannelSection channel = Report.Consultations.Channels.Single(c => c.Info.Channel.Id == row.GetProperty("channel").GetString());
            string period = row.GetProperty("period").GetString()!;
            long? actual = period switch
            {
                "2023-12" => channel.Count,
                "2023-11" => channel.PreviousMonth,
                "2022-12" => channel.SameMonthLastYear,
                _ => channel.YearSeries[int.Parse(period[5..], System.Globalization.CultureInfo.InvariantCulture) - 1],
            };
            Assert.True(row.GetProperty("count").GetInt64() == actual, $"{channel.Info.Channel} {period}: expected {row.GetProperty("count")}, got {actual}");
        }
    }

    [Fact]
    public void Consultations_ReproduceTheTotals()
    {
        Assert.Equal(PublishedReport.Consultations(null, "2023-12"), Report.Consultations.Total);
        Assert.Equal(PublishedReport.Consultations(null, "2023-11"), Report.Consultations.PreviousMonth);
        Assert.Equal(PublishedReport.Consultations(null, "2022-12"), Report.Consultations.SameMonthLastYear);
        Assert.Equal(PublishedReport.Consultations(null, "2023"), Report.Consultations.YearToDate);
        Assert.Equal(12m, Report.Settings.PublishedPercent(Report.Consultations.YearOnYear!.Value));
        Assert.Equal(15m, Report.Settings.PublishedPercent(Report.Consultations.MonthOnMonth!.Value));
    }

    [Fact]
    public void Segments_ReproduceUsersAndShares()
    {
        (string Segment, long Users)[] expected = PublishedReport.UsersBySegment();
        Assert.Equal(expected.Select(e => e.Segment), Report.Segments.Segments.Select(s => s.Info.Segment.Id));
        Assert.Equal(expected.Select(e => e.Users), Report.Segments.Segments.Select(s => s.Users));
        Assert.Equal([3m, 78m, 6m, 13m], Report.Segments.Segments.Select(s => s.Share.Allocated!.Value));
        Assert.Equal(16_256, Report.Segments.DistinctUsers);
    }

    [Fact]
    public void TopTopics_ReproduceTheReportsRankings()
    {
        ChannelSection phone = Report.Consultations.Channels.Single(c => c.Info.Channel == DjpkChannels.Phone);
        Assert.Equal(["Reservasi: 37", "DBH: 17", "DAK Non Fisik: 12"], phone.TopTopics.Select(t => t.ToString()));
        foreach (JsonElement ranking in PublishedReport.Root.GetProperty("consultations").GetProperty("topTopics").EnumerateArray().Where(r => r.TryGetProperty("ranked", out _)))
        {
            ChannelSection channel = Report.Consultations.Channels.Single(c => c.Info.Channel.Id == ranking.GetProperty("channel").GetString());
            string[] expected = [.. ranking.GetProperty("ranked").EnumerateArray().Select(t => t.GetString()!)];
            Assert.Equal(
                expected.Take(channel.TopTopics.Length).Select(t => t.ToUpperInvariant()),
                channel.TopTopics.Select(t => t.Topic.Name.ToUpperInvariant()));
        }
    }

    [Fact]
    public void ChannelShares_AndChanges_MatchTheClaimsThatHold()
    {
        ChannelSection Channel(string id) => Report.Consultations.Channels.Single(c => c.Info.Channel.Id == id);
        Assert.Equal(3m, Channel("hai-kemenkeu").Share!.Value.ToPercent(0, RoundingRule.TowardZero));
        Assert.Equal(1m, Channel("live-chat").Share!.Value.ToPercent(0, RoundingRule.TowardZero));
        Assert.Equal(8m, Channel("email").Share!.Value.ToPercent(0, RoundingRule.TowardZero));
        Assert.Equal(44m, Report.Settings.PublishedPercent(Channel("phone").MonthOnMonth!.Value));
        Assert.Equal(4.9m, Report.Settings.PublishedPercent(Channel("whatsapp").YearOnYear!.Value));
        Assert.Equal(-11m, Report.Settings.PublishedPercent(Channel("email").MonthOnMonth!.Value)); // the report's "13,5%" does not hold
    }

    [Fact]
    public void SocialWebsiteAndPpid_ReproduceTheReportsFigures()
    {
        SocialSection instagram = Report.Social.Single(s => s.Info.Channel == DjpkChannels.Instagram);
        Assert.Equal(116_894, instagram.Snapshot!.Followers);
        Assert.Equal(72_037, instagram.Snapshot.Reach!.Value.Total);
        Assert.Equal(2_668m, instagram.Snapshot.Reach.Value.Round(0, RoundingRule.HalfAwayFromZero));
        Assert.Equal(1_872, instagram.Snapshot.VillageGovernmentFollowers);
        Assert.Equal(2, instagram.Snapshot.NewVillageGovernmentFollowers);

        foreach ((string name, Channel platform) in new[] { ("twitter", DjpkChannels.Twitter), ("facebook", DjpkChannels.Facebook) })
        {
            SocialSection section = Report.Social.Single(s => s.Info.Channel == platform);
            JsonElement expected = PublishedReport.Root.GetProperty("social").GetProperty(name);
            Assert.Equal(expected.GetProperty("followersMonthEnd2023").EnumerateArray().Select(v => (long?)v.GetInt64()), section.Followers.Values);
            Assert.Equal(expected.GetProperty("snapshot").GetProperty("followers").GetInt64(), section.Snapshot!.Followers);
            Assert.Equal(35, section.Snapshot.Contents);
        }

        Assert.Equal(1_663, Report.Social.Single(s => s.Info.Channel == DjpkChannels.Twitter).Snapshot!.ProfileVisits);
        Assert.Equal(4_112m, Report.Social.Single(s => s.Info.Channel == DjpkChannels.Facebook).Snapshot!.Reach!.Value.Value);
        Assert.Equal(93_598, Report.Website.VisitsLastYear);
        Assert.Equal(["Portal Data", "Halaman Utama", "Rincian DD 2024"], Report.Website.TopPages.Select(p => p.Page));
        Assert.Equal(162, Report.InformationRequests.YearToDate!.Received);
        Assert.Equal("penelitian", Report.InformationRequests.YearToDate.ByPurpose[0].Purpose);
    }

    [Fact]
    public void IndonesianText_FollowsTheReportsSentences()
    {
        string text = Report.RenderText();
        Assert.Contains("Jumlah konsultasi di bulan Desember 2023 meningkat 12% dibandingkan bulan Desember 2022 (1.305 konsultasi).", text, StringComparison.Ordinal);
        Assert.Contains("Jika dibandingkan dengan jumlah konsultasi di bulan November 2023 (1.271 konsultasi), jumlah konsultasi di bulan Desember 2023 meningkat 15%.", text, StringComparison.Ordinal);
        Assert.Contains("sebanyak 18.008 konsultasi", text, StringComparison.Ordinal);
        Assert.Contains("melalui WhatsApp DJPK sebanyak 1.118 atau meningkat 13% dibandingkan bulan sebelumnya (988 layanan)", text, StringComparison.Ordinal);
        Assert.Contains("meningkat 4,9%", text, StringComparison.Ordinal);
        Assert.Contains("Jika dibandingkan dengan Desember 2022 (4 layanan), jumlah konsultasi melalui Live Chat DJPK meningkat signifikan.", text, StringComparison.Ordinal);
        Assert.Contains("Pemda 12.724 pengguna (78%)", text, StringComparison.Ordinal);
        Assert.Contains("Topik konsultasi terbanyak: Reservasi (37), DBH (17), dan DAK Non Fisik (12).", text, StringComparison.Ordinal);
        Assert.Contains("Per 31 Desember 2023, akun @ditjenpk memiliki 116.894 pengikut.", text, StringComparison.Ordinal);
        Assert.Contains("berjumlah 162 permohonan", text, StringComparison.Ordinal);
        Assert.Contains("sintetis", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EnglishText_And_Markdown_AreWritten()
    {
        string english = Report.RenderText(ReportLanguage.English);
        Assert.Contains("Consultations in December 2023 increased by 12% compared with December 2022 (1,305 consultations).", english, StringComparison.Ordinal);
        Assert.Contains("Local governments 12,724 users (78%)", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Desember", english, StringComparison.Ordinal);

        string markdown = Report.RenderMarkdown();
        Assert.StartsWith("# Laporan Layanan Informasi DJPK — Desember 2023", markdown, StringComparison.Ordinal);
        Assert.Contains("| Telepon Dering DJPK | 149 | 10% | 103 | +44% | 102 | +46% |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Total | 1.469 | 100% | 1.271 | +15% | 1.305 | +12% |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_IsTheModelWithExactAndPublishedValues()
    {
        using JsonDocument json = JsonDocument.Parse(Report.RenderJson());
        JsonElement root = json.RootElement;
        Assert.Equal("2023-12", root.GetProperty("month").GetString());
        Assert.Equal("Asia/Jakarta", root.GetProperty("zone").GetString());
        JsonElement phone = root.GetProperty("consultations").GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "phone");
        Assert.Equal(149, phone.GetProperty("count").GetInt64());
        Assert.Equal(44m, phone.GetProperty("monthOnMonth").GetProperty("publishedPercent").GetDecimal());
        Assert.StartsWith("44.66", phone.GetProperty("monthOnMonth").GetProperty("exactPercent").GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(18_008, root.GetProperty("consultations").GetProperty("yearToDate").GetInt64());
        Assert.Equal(100m, root.GetProperty("segments").GetProperty("sumOfPublishedShares").GetDecimal());
    }

    [Fact]
    public void Rendering_IsIdenticalUnderAnyCulture()
    {
        string expected = Report.RenderText() + Report.RenderMarkdown(ReportLanguage.English) + Report.RenderJson();
        foreach (string culture in new[] { "tr-TR", "ar-SA", "id-ID", "fr-FR", "th-TH" })
        {
            using var scope = new CultureScope(new System.Globalization.CultureInfo(culture));
            Assert.Equal(expected, Report.RenderText() + Report.RenderMarkdown(ReportLanguage.English) + Report.RenderJson());
        }
    }

    [Fact]
    public void MissingInputs_GiveSectionsThatSaySo()
    {
        MonthlyReport empty = MonthlyReport.Build(December2023.Month, ReportInputs.Empty, DjpkProfile.Profile);
        Assert.False(empty.Consultations.IsAvailable);
        Assert.False(empty.Website.IsAvailable);
        Assert.False(empty.InformationRequests.IsAvailable);
        Assert.False(empty.Complaints.IsAvailable);
        Assert.Null(empty.Consultations.Total);
        Assert.Empty(empty.Social);
        string text = empty.RenderText();
        Assert.Contains("Data konsultasi tidak tersedia untuk laporan ini.", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" 0 konsultasi", text, StringComparison.Ordinal);
        Assert.Contains("No consultation data was supplied for this report.", empty.RenderText(ReportLanguage.English), StringComparison.Ordinal);
        using JsonDocument json = JsonDocument.Parse(empty.RenderJson());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("consultations").GetProperty("total").ValueKind);
    }

    [Fact]
    public void Build_RejectsAPeriodThatIsNotAMonth() =>
        Assert.Throws<ArgumentException>(() => MonthlyReport.Build(Djpk.Metrics.Periods.ReportingPeriod.OfYear(2023), ReportInputs.Empty, DjpkProfile.Profile));

    [Fact]
    public void Settings_ValidateAndApplyTheirRules()
    {
        ReportSettings settings = DjpkProfile.Settings.WithChangeRounding(RoundingRule.HalfAwayFromZero, 1, 2, 5m)
            .WithShareRounding(1, RoundingRule.HalfAwayFromZero, ShareAllocationMethod.RoundEach, RoundingRule.HalfToEven)
            .WithTopTopics(5).WithSignificantChange(50m).WithLanguage(ReportLanguage.English)
            .WithCalendar(Djpk.Metrics.Periods.ReportingCalendar.ForZone("Asia/Makassar")).WithWorkingDays(DjpkProfile.WorkingDays);
        Assert.Equal(44.7m, settings.PublishedPercent(PercentChange.Between(103, 149)));
        Assert.Equal(4.98m, settings.PublishedPercent(PercentChange.Between(1065, 1118)));
        Assert.Null(settings.PublishedPercent(PercentChange.Between(0, 3)));
        Assert.Equal(5, settings.TopTopics);
        Assert.Equal(ReportLanguage.English, settings.Language);
        Assert.Throws<ArgumentOutOfRangeException>(() => DjpkProfile.Settings.WithTopTopics(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DjpkProfile.Settings.WithSignificantChange(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DjpkProfile.Settings.WithLanguage((ReportLanguage)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => DjpkProfile.Settings.WithShareRounding(0, RoundingRule.TowardZero, (ShareAllocationMethod)4, RoundingRule.TowardZero));
        Assert.Throws<ArgumentNullException>(() => DjpkProfile.Settings.WithCalendar(null!));
    }
}
