using Djpk.Metrics.Comparison;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Social;
using NodaTime;

namespace Djpk.Metrics.Tests.Social;

public class AverageReachTests
{
    [Fact]
    public void FromTotal_KeepsItsNumberOfPosts()
    {
        AverageReach reach = AverageReach.FromTotal(72_037, 27);
        Assert.Equal(72_037, reach.Total);
        Assert.Equal(27, reach.Posts);
        Assert.Equal(2_668m, reach.Round(0, RoundingRule.HalfAwayFromZero));
        Assert.Equal(2_668.03m, reach.Round(2, RoundingRule.TowardZero));
        Assert.Equal("2668.04 over 27 posts", reach.ToString());
    }

    [Fact]
    public void NoPosts_IsUndefined()
    {
        Assert.Null(AverageReach.FromTotal(0, 0).Value);
        Assert.Null(default(AverageReach).Round(0, RoundingRule.TowardZero));
        Assert.Equal("no posts", default(AverageReach).ToString());
    }

    [Fact]
    public void FromStatedAverage_HasNoTotal()
    {
        AverageReach reach = AverageReach.FromStatedAverage(4_112m, 35);
        Assert.Null(reach.Total);
        Assert.Equal(4_112m, reach.Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => AverageReach.FromStatedAverage(1m, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AverageReach.FromTotal(-1, 3));
    }
}

public class FollowerSeriesTests
{
    private static readonly long?[] Twitter2023 = [16600, 16729, 16816, 16818, 16818, 16818, 16778, 16751, 16750, 16775, 16726, 16718];

    [Fact]
    public void MonthEnds_GiveNetChangesGrowthAndExtremes()
    {
        FollowerSeries series = FollowerSeries.FromMonthEnds(ReportingPeriod.Month(2023, 1), Twitter2023);
        Assert.Equal(16_718, series.ValueAt(ReportingPeriod.Month(2023, 12)));
        Assert.Null(series.NetChange(ReportingPeriod.Month(2023, 1)));
        Assert.Equal(129, series.NetChange(ReportingPeriod.Month(2023, 2)));
        Assert.Equal(-8, series.NetChange(ReportingPeriod.Month(2023, 12)));
        Assert.Equal((ReportingPeriod.Month(2023, 2), 129L), series.BestMonth());
        Assert.Equal((ReportingPeriod.Month(2023, 11), -49L), series.WorstMonth());
        Assert.Equal(0.7m, series.Growth(ReportingPeriod.Month(2023, 1), ReportingPeriod.Month(2023, 12))!.Value.ToPercent(1, RoundingRule.TowardZero));
        Assert.Throws<ArgumentOutOfRangeException>(() => series.ValueAt(ReportingPeriod.Month(2024, 1)));
    }

    [Fact]
    public void MissingMonth_IsNotZero()
    {
        FollowerSeries series = FollowerSeries.FromMonthEnds(ReportingPeriod.Month(2023, 1), [100, null, 130]);
        Assert.Null(series.ValueAt(ReportingPeriod.Month(2023, 2)));
        Assert.Null(series.NetChange(ReportingPeriod.Month(2023, 2)));
        Assert.Null(series.NetChange(ReportingPeriod.Month(2023, 3)));
        Assert.Null(series.BestMonth());
        Assert.Null(series.Growth(ReportingPeriod.Month(2023, 1), ReportingPeriod.Month(2023, 2)));
    }

    [Fact]
    public void FromSnapshots_TakesEachMonthsLatestValue()
    {
        SocialSnapshot[] snapshots =
        [
            new(DjpkChannels.Twitter, "DJPK", new LocalDate(2023, 1, 15), followers: 10),
            new(DjpkChannels.Twitter, "DJPK", new LocalDate(2023, 1, 31), followers: 12),
            new(DjpkChannels.Twitter, "DJPK", new LocalDate(2023, 3, 31), followers: 20),
            new(DjpkChannels.Twitter, "DJPK", new LocalDate(2023, 3, 2), profileVisits: 7),
        ];
        FollowerSeries series = FollowerSeries.FromSnapshots(snapshots.Reverse(), PeriodRange.Between(ReportingPeriod.Month(2023, 1), ReportingPeriod.Month(2023, 3)));
        Assert.Equal([12, null, 20], series.Values);
        Assert.Throws<ArgumentException>(() => FollowerSeries.FromSnapshots(
            [.. snapshots, new SocialSnapshot(DjpkChannels.Facebook, "DJPK", new LocalDate(2023, 1, 31), followers: 1)], PeriodRange.MonthsOf(2023)));
    }

    [Fact]
    public void Factories_ValidateTheirInput()
    {
        Assert.Throws<ArgumentException>(() => FollowerSeries.FromMonthEnds(ReportingPeriod.OfYear(2023), [1]));
        Assert.Throws<ArgumentException>(() => FollowerSeries.FromMonthEnds(ReportingPeriod.Month(2023, 1), []));
        Assert.Throws<ArgumentOutOfRangeException>(() => FollowerSeries.FromMonthEnds(ReportingPeriod.Month(2023, 1), [-1]));
        Assert.Throws<ArgumentException>(() => new SocialSnapshot(default, "x", new LocalDate(2023, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SocialSnapshot(DjpkChannels.Twitter, "x", new LocalDate(2023, 1, 1), followers: -5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SocialSnapshot(DjpkChannels.Instagram, "x", new LocalDate(2023, 1, 1), posts: 27, feedPosts: 20, storyPosts: 8));
        var split = new SocialSnapshot(DjpkChannels.Instagram, "x", new LocalDate(2023, 1, 1), posts: 27, feedPosts: 20, storyPosts: 7);
        Assert.Equal((20L, 7L), (split.FeedPosts!.Value, split.StoryPosts!.Value));
    }
}
