using Djpk.Metrics.Periods;
using Djpk.Metrics.Verification;

namespace Djpk.Metrics.Tests.Vocabulary;

/// <summary>A metric's kind is what its creator declared, never its id's spelling; the Try forms answer without exceptions.</summary>
public class DeclaredKindAndTryFormTests
{
    [Theory]
    [InlineData("instagram.followersGained")] // followers gained in a month add up: a flow, whatever the word "followers" suggests
    [InlineData("complaints.separate")]        // "rate" inside "separate" once made this a ratio
    [InlineData("reach-campaign.count")]
    public void Metric_WithoutADeclaredKind_IsAFlow(string id) => Assert.Equal(MetricKind.Flow, new Metric(id).Kind);

    [Fact]
    public void Metric_DeclaredKind_IsKept()
    {
        Assert.Equal(MetricKind.Stock, new Metric("instagram.followersGained", MetricKind.Stock).Kind);
        Assert.Equal(MetricKind.Stock, Metric.Followers(DjpkChannels.Instagram).Kind);
        Assert.Equal(MetricKind.Unique, Metric.ReachTotal(DjpkChannels.Instagram).Kind);
        Assert.Equal(MetricKind.Ratio, Metric.ReachAverage(DjpkChannels.Instagram).Kind);
        Assert.Equal(MetricKind.Unique, Metric.Users.Kind);
        Assert.Equal(MetricKind.Flow, Metric.Consultations.Kind);
        Assert.Equal(MetricKind.Flow, default(Metric).Kind);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Metric("x", (MetricKind)9));
    }

    [Fact]
    public void PublishedReportJson_ClaimsOfAccountFollowers_AreStocksAndAStatedKindWins()
    {
        const string json = """
            [
              {"id": "a", "metric": "instagram.followers", "period": "2023-12", "kind": "total", "value": 5},
              {"id": "b", "metric": "instagram.followersGained", "period": "2023-12", "kind": "total", "value": 5},
              {"id": "c", "metric": "tiktok.viewers", "metricKind": "unique", "period": "2023-12", "kind": "total", "value": 5}
            ]
            """;
        MetricKind[] kinds = [.. PublishedReportJson.ReadClaims(json).Select(c => c.Metric.Kind)];
        Assert.Equal([MetricKind.Stock, MetricKind.Flow, MetricKind.Unique], kinds);
    }

    [Theory]
    [InlineData("whatsapp", true)]
    [InlineData("hai-kemenkeu", true)]
    [InlineData("WhatsApp", false)]
    [InlineData("-x", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void ChannelAndSegmentTryCreate_AcceptExactlyTheValidIds(string? id, bool valid)
    {
        Assert.Equal(valid, Channel.TryCreate(id, out Channel channel));
        Assert.Equal(valid ? id : string.Empty, channel.Id);
        Assert.Equal(valid, UserSegment.TryCreate(id, out UserSegment segment));
        Assert.Equal(valid ? id : string.Empty, segment.Id);
    }

    [Theory]
    [InlineData("  Dana Desa ", true, "Dana Desa")]
    [InlineData("   ", false, "")]
    [InlineData("a\u0001b", false, "")]
    [InlineData(null, false, "")]
    public void TopicTryCreate_TrimsAndRejectsWhatTheConstructorRejects(string? name, bool valid, string expected)
    {
        Assert.Equal(valid, Topic.TryCreate(name, out Topic topic));
        Assert.Equal(expected, topic.Name);
        Assert.Equal(valid, Record.Exception(() => new Topic(name!)) is null);
    }

    [Fact]
    public void TopicTryCreate_NameOfMaxLengthPlusOne_IsRejected()
    {
        Assert.True(Topic.TryCreate(new string('a', Topic.MaxLength), out _));
        Assert.False(Topic.TryCreate(new string('a', Topic.MaxLength + 1), out _));
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(-24, false)] // 0001-12 minus 24 months is before year 1
    [InlineData(-11, true)]
    [InlineData(-12, false)]
    public void ReportingPeriodTryPlusPeriods_AgreesWithPlusPeriods(int count, bool valid)
    {
        ReportingPeriod month = ReportingPeriod.Month(1, 12);
        Assert.Equal(valid, month.TryPlusPeriods(count, out ReportingPeriod moved));
        if (valid)
        {
            Assert.Equal(month.PlusPeriods(count), moved);
        }
        else
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => month.PlusPeriods(count));
        }
    }
}
