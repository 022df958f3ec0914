using System.Text.Json;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Reporting;
using Djpk.Metrics.Tests.Support;

namespace Djpk.Metrics.Tests.Comparison;

/// <summary>Reproduces every percentage the December 2023 report prints from the counts it states.</summary>
public class PublishedReportTests
{
    public static TheoryData<string> PercentChangeClaims() =>
        ClaimIds(c => c.GetProperty("kind").GetString() == "percentChange" && c.TryGetProperty("value", out _)
            && c.GetProperty("metric").GetString() == "consultations" && c.GetProperty("id").GetString() != "email-mom");

    public static TheoryData<string> ChannelShareClaims() =>
        ClaimIds(c => c.GetProperty("kind").GetString() == "share" && c.OptionalString("of") == "consultations");

    public static TheoryData<string> DirectionOnlyClaims() =>
        ClaimIds(c => c.GetProperty("kind").GetString() == "percentChange" && !c.TryGetProperty("value", out _));

    [Theory]
    [MemberData(nameof(PercentChangeClaims))]
    public void PercentChange_TruncatedAtStatedPrecision_ReproducesClaim(string id)
    {
        JsonElement claim = PublishedReport.Claim(id);
        PercentChange change = ChangeOf(claim);
        decimal stated = claim.GetProperty("value").GetDecimal();

        decimal? published = change.ToPercent(stated.Scale, RoundingRule.TowardZero);

        Assert.Equal(stated, Math.Abs(published!.Value));
        Assert.Equal(ExpectedDirection(claim), change.Direction);
    }

    [Fact]
    public void PercentChangeClaims_CoverEveryConsultationChangeWithAValueButEmail()
    {
        string[] ids = ((IEnumerable<object[]>)PercentChangeClaims()).Select(row => (string)row[0]).ToArray();
        Assert.Equal(["total-yoy", "total-mom", "whatsapp-mom", "whatsapp-yoy", "phone-mom", "phone-yoy", "hai-yoy", "livechat-mom", "email-yoy"], ids);
    }

    [Fact]
    public void WebsiteClaim_HasNoCountToReproduce()
    {
        JsonElement claim = PublishedReport.Claim("website-yoy");
        Assert.Equal("website.visits", claim.GetProperty("metric").GetString());
        Assert.DoesNotContain(
            PublishedReport.Root.GetProperty("website").GetProperty("visits").EnumerateArray(),
            v => v.GetProperty("period").GetString() == "2023-12");
    }

    [Theory]
    [MemberData(nameof(DirectionOnlyClaims))]
    public void DirectionOnlyClaim_HasTheStatedDirection(string id)
    {
        JsonElement claim = PublishedReport.Claim(id);
        Assert.Equal(ExpectedDirection(claim), ChangeOf(claim).Direction);
    }

    [Fact]
    public void LiveChatYearOnYear_IsTheSignificantIncrease() =>
        Assert.Equal(400m, ChangeOf(PublishedReport.Claim("livechat-yoy")).ToPercent(0, RoundingRule.TowardZero));

    [Fact]
    public void EmailMonthOnMonth_IsMinus11Point89_AndThePrintedFigureDividesByTheNewValue()
    {
        JsonElement claim = PublishedReport.Claim("email-mom");
        PercentChange change = ChangeOf(claim);
        Assert.Equal(-11.89m, change.ToPercent(2, RoundingRule.HalfAwayFromZero));
        Assert.NotEqual(13.5m, Math.Abs(change.ToPercent(1, RoundingRule.TowardZero)!.Value));
        Assert.NotEqual(13.5m, Math.Abs(change.ToPercent(1, RoundingRule.HalfAwayFromZero)!.Value));

        // 13,5% is the difference (17) over the new value (126): 13,49…% rounded at one decimal.
        decimal stated = ReportFormatter.Indonesian.ParsePercent("13,5%");
        Assert.Equal(stated, Share.Of(change.Previous - change.Current, change.Current).ToPercent(1, RoundingRule.HalfAwayFromZero));
    }

    [Theory]
    [MemberData(nameof(ChannelShareClaims))]
    public void ChannelShare_TruncatedShareOfMonth_ReproducesClaim(string id)
    {
        JsonElement claim = PublishedReport.Claim(id);
        long part = PublishedReport.Consultations(claim.GetProperty("channel").GetString(), claim.GetProperty("period").GetString()!)!.Value;
        long total = PublishedReport.Consultations(null, claim.GetProperty("period").GetString()!)!.Value;
        decimal stated = claim.GetProperty("value").GetDecimal();

        Assert.Equal(stated, Share.Of(part, total).ToPercent(stated.Scale, RoundingRule.TowardZero));
    }

    [Fact]
    public void MonthTotal_IsSumOfChannels()
    {
        string[] channels = ["whatsapp", "phone", "email", "hai-kemenkeu", "live-chat"];
        foreach (string period in new[] { "2023-12" })
        {
            long sum = channels.Sum(c => PublishedReport.Consultations(c, period)!.Value);
            Assert.Equal(PublishedReport.Consultations(null, period), sum);
        }
    }

    [Fact]
    public void SegmentShares_LargestRemainder_ReproduceEveryClaim()
    {
        (string Segment, long Users)[] segments = PublishedReport.UsersBySegment();
        ShareDistribution distribution = ShareAllocation.LargestRemainder(segments.Select(s => s.Users).ToArray(), 0);
        JsonElement[] claims = PublishedReport.Claims.Where(c => c.OptionalString("of") == "users").ToArray();

        Assert.Equal(4, claims.Length);
        foreach (JsonElement claim in claims)
        {
            int index = Array.FindIndex(segments, s => s.Segment == claim.GetProperty("segment").GetString());
            Assert.Equal(claim.GetProperty("value").GetDecimal(), distribution.Shares[index].Allocated);
        }

        // Truncating them instead, as the report does with its changes, would give 3 + 78 + 5 + 12 = 98.
        Assert.Equal(98m, ShareAllocation.RoundEach(segments.Select(s => s.Users), 0, RoundingRule.TowardZero).Sum);
    }

    private static PercentChange ChangeOf(JsonElement claim)
    {
        string? channel = claim.OptionalString("channel");
        long current = PublishedReport.Consultations(channel, claim.GetProperty("period").GetString()!)!.Value;
        long previous = PublishedReport.Consultations(channel, claim.GetProperty("against").GetString()!)!.Value;
        return PercentChange.Between(previous, current);
    }

    private static ChangeDirection ExpectedDirection(JsonElement claim) =>
        claim.GetProperty("direction").GetString() == "up" ? ChangeDirection.Increase : ChangeDirection.Decrease;

    private static TheoryData<string> ClaimIds(Func<JsonElement, bool> predicate)
    {
        var data = new TheoryData<string>();
        foreach (JsonElement claim in PublishedReport.Claims.Where(predicate))
        {
            data.Add(claim.GetProperty("id").GetString()!);
        }

        return data;
    }
}
