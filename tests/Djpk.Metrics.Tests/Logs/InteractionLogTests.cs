using Djpk.Metrics.Logs;
using NodaTime;

namespace Djpk.Metrics.Tests.Logs;

public partial class InteractionLogTests
{
    private static readonly Instant Noon = Instant.FromUtc(2023, 12, 4, 5, 0);

    [Fact]
    public void Build_KeepsEveryRecordAndItsFields()
    {
        Consultation[] records =
        [
            new(Noon, DjpkChannels.WhatsApp, DjpkSegments.Pemda, new Topic("DBH"), new UserKey(7)),
            new(Noon + Duration.FromHours(1), DjpkChannels.Phone, DjpkSegments.Akademisi, new Topic("Reservasi"), new UserKey(-3)),
            new(Noon - Duration.FromDays(40), DjpkChannels.WhatsApp, DjpkSegments.Pemda, new Topic("DBH"), new UserKey(7)),
            new(Noon, DjpkChannels.Email, DjpkSegments.Lainnya, Topic.Unspecified, new UserKey(100)),
        ];
        InteractionLog log = new InteractionLogBuilder(DjpkProfile.Catalog).AddRange(records.AsSpan()).Build();

        Assert.Equal(records, log);
        Assert.Equal(4, log.Count);
        Assert.Equal([new Topic("DBH"), new Topic("Reservasi"), Topic.Unspecified], log.Topics.ToArray());
        Assert.Equal(3, log.DistinctUsers);
        Assert.Equal(Noon - Duration.FromDays(40), log.Earliest);
        Assert.Equal(Noon + Duration.FromHours(1), log.Latest);
        Assert.Equal((4 * 16) + (3 * 8), log.ColumnBytes);
        Assert.Same(DjpkProfile.Catalog, log.Catalog);
    }

    [Fact]
    public void Timestamps_AreKeptToTheTick_AndFinerPartsTruncatedTowardThePast()
    {
        Instant precise = Noon + Duration.FromNanoseconds(150);
        InteractionLog log = new InteractionLogBuilder(DjpkProfile.Catalog)
            .Add(new Consultation(precise, DjpkChannels.Phone, DjpkSegments.Pemda, default, default))
            .Add(new Consultation(Instant.FromUnixTimeTicks(-1), DjpkChannels.Phone, DjpkSegments.Pemda, default, default))
            .Build();
        Assert.Equal(Noon + Duration.FromNanoseconds(100), log[0].Timestamp);
        Assert.Equal(Instant.FromUnixTimeTicks(-1), log[1].Timestamp);
    }

    [Fact]
    public void Add_ChannelOutsideCatalog_ThrowsAndNamesTheFix()
    {
        var builder = new InteractionLogBuilder(DjpkProfile.Catalog);
        var error = Assert.Throws<ArgumentException>(() => builder.Add(new Consultation(Noon, new Channel("tiktok"), DjpkSegments.Pemda, default, default)));
        Assert.Contains("Catalog.WithChannel", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => builder.Add(new Consultation(Noon, DjpkChannels.Phone, new UserSegment("media"), default, default)));
        Assert.Equal(0, builder.Count);
    }

    [Fact]
    public void ExtendedCatalog_AcceptsNewChannel()
    {
        Catalog catalog = DjpkProfile.Catalog.WithChannel(new ChannelInfo(new Channel("tiktok"), "TikTok DJPK", "DJPK TikTok", ChannelKind.Social));
        InteractionLog log = new InteractionLogBuilder(catalog)
            .Add(new Consultation(Noon, new Channel("tiktok"), DjpkSegments.Pemda, default, default))
            .Build();
        Assert.Equal(new Channel("tiktok"), log[0].Channel);
    }

    [Fact]
    public void Build_EmptiesTheBuilderForReuse()
    {
        var builder = new InteractionLogBuilder(DjpkProfile.Catalog);
        builder.AddRange(Enumerable.Repeat(new Consultation(Noon, DjpkChannels.Phone, DjpkSegments.Pemda, default, new UserKey(1)), 3));
        InteractionLog first = builder.Build();
        Assert.Equal(0, builder.Count);
        InteractionLog second = builder.Add(new Consultation(Noon, DjpkChannels.Email, DjpkSegments.Pemda, default, new UserKey(2))).Build();
        Assert.Equal(3, first.Count);
        Assert.Single(second);
        Assert.Equal(new UserKey(2), second[0].User);
    }

    [Fact]
    public void Empty_HasNoSpan()
    {
        Assert.Empty(InteractionLog.Empty);
        Assert.Null(InteractionLog.Empty.Earliest);
        Assert.Null(InteractionLog.Empty.Latest);
        Assert.Throws<ArgumentOutOfRangeException>(() => InteractionLog.Empty[0]);
    }

    [Fact]
    public void Consultation_RequiresChannelAndSegment()
    {
        Assert.Throws<ArgumentException>(() => new Consultation(Noon, default, DjpkSegments.Pemda, default, default));
        Assert.Throws<ArgumentException>(() => new Consultation(Noon, DjpkChannels.Phone, default, default, default));
        Assert.Equal("2023-12-04T05:00:00Z phone pemda \"DBH\" user 42",
            new Consultation(Noon, DjpkChannels.Phone, DjpkSegments.Pemda, new Topic("DBH"), new UserKey(42)).ToString());
    }

    [Fact]
    public void Build_TooManyTopics_Throws()
    {
        var builder = new InteractionLogBuilder(DjpkProfile.Catalog);
        for (int i = 0; i < InteractionLogBuilder.MaxTopics; i++)
        {
            builder.Add(new Consultation(Noon, DjpkChannels.Phone, DjpkSegments.Pemda, new Topic($"T{i}"), default));
        }

        Assert.Throws<ArgumentException>(() => builder.Add(new Consultation(Noon, DjpkChannels.Phone, DjpkSegments.Pemda, new Topic("one more"), default)));
    }
}
