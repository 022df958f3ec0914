using Djpk.Metrics.Reporting;
using Djpk.Metrics.Tests.Support;

namespace Djpk.Metrics.Tests.Vocabulary;

public class ChannelTests
{
    [Theory]
    [InlineData("whatsapp")]
    [InlineData("hai-kemenkeu")]
    [InlineData("tiktok")]
    [InlineData("x2")]
    public void Constructor_ValidId_KeepsIt(string id) => Assert.Equal(id, new Channel(id).Id);

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("WhatsApp")]
    [InlineData("-phone")]
    [InlineData("phone-")]
    [InlineData("live--chat")]
    [InlineData("live chat")]
    [InlineData("télépone")]
    public void Constructor_InvalidId_Throws(string id) => Assert.ThrowsAny<ArgumentException>(() => new Channel(id));

    [Fact]
    public void Equality_And_Ordering_AreOrdinalOnId()
    {
        ContractAssert.Equality(DjpkChannels.WhatsApp, new Channel("whatsapp"), DjpkChannels.Phone);
        Assert.True(DjpkChannels.Email < DjpkChannels.Phone);
        Assert.True(DjpkChannels.Phone > DjpkChannels.Email);
        Assert.True(DjpkChannels.Phone <= new Channel("phone"));
        Assert.True(DjpkChannels.Phone >= new Channel("phone"));
    }

    [Fact]
    public void Default_HasNoId()
    {
        Assert.True(default(Channel).IsDefault);
        Assert.Equal(string.Empty, default(Channel).Id);
        Assert.NotEqual(default, DjpkChannels.WhatsApp);
        Assert.Equal(0, default(Channel).GetHashCode());
    }
}

public class UserSegmentTests
{
    [Fact]
    public void WellKnownSegments_HaveTheReportIds() =>
        Assert.Equal(["akademisi", "pemda", "kementerian-lembaga", "lainnya"],
            new[] { DjpkSegments.Akademisi, DjpkSegments.Pemda, DjpkSegments.KementerianLembaga, DjpkSegments.Lainnya }.Select(s => s.ToString()));

    [Fact]
    public void Equality_And_Ordering_AreOrdinalOnId()
    {
        ContractAssert.Equality(DjpkSegments.Pemda, new UserSegment("pemda"), DjpkSegments.Lainnya);
        Assert.True(DjpkSegments.Akademisi < DjpkSegments.Pemda);
        Assert.True(default(UserSegment).IsDefault);
        Assert.Throws<ArgumentException>(() => new UserSegment("Pemda"));
    }
}

public class TopicTests
{
    [Fact]
    public void Constructor_TrimsName()
    {
        Assert.Equal("DAK Non Fisik", new Topic("  DAK Non Fisik ").Name);
        ContractAssert.Equality(new Topic("DBH"), new Topic(" DBH"), new Topic("dbh"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a\u0000b")]
    public void Constructor_InvalidName_Throws(string name) => Assert.ThrowsAny<ArgumentException>(() => new Topic(name));

    [Fact]
    public void Constructor_TooLong_Throws() => Assert.Throws<ArgumentException>(() => new Topic(new string('x', Topic.MaxLength + 1)));

    [Fact]
    public void Unspecified_IsDefaultAndSortsFirst()
    {
        Assert.True(Topic.Unspecified.IsUnspecified);
        Assert.Equal(default, Topic.Unspecified);
        Assert.True(Topic.Unspecified < new Topic("A"));
        Assert.True(new Topic("B") > new Topic("A"));
        Assert.True(new Topic("A") <= new Topic("A") && new Topic("A") >= new Topic("A"));
    }
}

public class UserKeyTests
{
    [Fact]
    public void FromText_IsStableAcrossRunsAndMachines()
    {
        Assert.Equal(UserKey.FromText("+62 812 0000 0001"), UserKey.FromText("+62 812 0000 0001"));
        Assert.NotEqual(UserKey.FromText("+62 812 0000 0001"), UserKey.FromText("+62 812 0000 0002"));
        Assert.Equal(PinnedKeyOfEmptyText, UserKey.FromText(string.Empty).Value); // XXH3-64 of no bytes, seed 0
    }

    [Fact]
    public void Ordering_FollowsValue()
    {
        Assert.True(new UserKey(1) < new UserKey(2));
        Assert.True(new UserKey(2) > new UserKey(1));
        Assert.True(new UserKey(2) >= new UserKey(2) && new UserKey(2) <= new UserKey(2));
        Assert.Equal("-5", new UserKey(-5).ToString());
        Assert.Throws<ArgumentNullException>(() => UserKey.FromText(null!));
    }

    private const long PinnedKeyOfEmptyText = 0x2D06800538D394C2;
}

public class CatalogTests
{
    [Fact]
    public void Djpk_HasTheReportChannelsAndSegmentsInCodeOrder()
    {
        Assert.Equal(
            ["whatsapp", "phone", "email", "hai-kemenkeu", "live-chat", "website", "instagram", "twitter", "facebook", "ppid"],
            DjpkProfile.Catalog.Channels.Select(c => c.Channel.Id));
        Assert.Equal(["akademisi", "pemda", "kementerian-lembaga", "lainnya"], DjpkProfile.Catalog.Segments.Select(s => s.Segment.Id));
        Assert.Equal("Telepon Dering DJPK", DjpkProfile.Catalog.Describe(DjpkChannels.Phone).NameIn(ReportLanguage.Indonesian));
        Assert.Equal(ChannelKind.Social, DjpkProfile.Catalog.Describe(DjpkChannels.Instagram).Kind);
        Assert.Equal("Guru, mahasiswa dan siswa sekolah", DjpkProfile.Catalog.Describe(DjpkSegments.Akademisi).Includes);
        Assert.Equal("Local governments", DjpkProfile.Catalog.Describe(DjpkSegments.Pemda).NameIn(ReportLanguage.English));
    }

    [Fact]
    public void WithChannel_AppendsWithoutChangingExistingCodes()
    {
        var tiktok = new ChannelInfo(new Channel("tiktok"), "TikTok DJPK", "DJPK TikTok", ChannelKind.Social);
        Catalog extended = DjpkProfile.Catalog.WithChannel(tiktok);
        Assert.Equal(11, extended.Channels.Length);
        Assert.Same(tiktok, extended.Channels[^1]);
        Assert.Equal(DjpkProfile.Catalog.Channels, extended.Channels.Take(10));
        Assert.False(DjpkProfile.Catalog.Contains(tiktok.Channel));
        Assert.True(extended.Contains(tiktok.Channel));
        Assert.Equal("tiktok", tiktok.ToString());
    }

    [Fact]
    public void WithSegment_Appends()
    {
        var media = new UserSegmentInfo(new UserSegment("media"), "Media", "Media", "Wartawan");
        Catalog extended = Catalog.Empty.WithSegment(media);
        Assert.Single(extended.Segments);
        Assert.Equal("media", media.ToString());
        Assert.Equal("Media", media.NameIn(ReportLanguage.English));
    }

    [Fact]
    public void Duplicates_And_Unknowns_Throw()
    {
        Assert.Throws<ArgumentException>(() => DjpkProfile.Catalog.WithChannel(DjpkProfile.Catalog.Channels[0]));
        Assert.Throws<ArgumentException>(() => DjpkProfile.Catalog.WithSegment(DjpkProfile.Catalog.Segments[0]));
        Assert.Throws<ArgumentException>(() => DjpkProfile.Catalog.Describe(new Channel("tiktok")));
        Assert.Throws<ArgumentException>(() => DjpkProfile.Catalog.Describe(new UserSegment("media")));
        Assert.Throws<ArgumentException>(() => new ChannelInfo(default, "a", "b", ChannelKind.Web));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChannelInfo(DjpkChannels.Phone, "a", "b", (ChannelKind)9));
        Assert.Throws<ArgumentException>(() => new UserSegmentInfo(default, "a", "b", "c"));
    }

    [Fact]
    public void WithChannel_BeyondMaxEntries_Throws()
    {
        Catalog catalog = Catalog.Empty;
        for (int i = 0; i < Catalog.MaxEntries; i++)
        {
            catalog = catalog.WithChannel(new ChannelInfo(new Channel($"c{i}"), "n", "n", ChannelKind.Consultation));
        }

        Assert.Throws<ArgumentException>(() => catalog.WithChannel(new ChannelInfo(new Channel("one-more"), "n", "n", ChannelKind.Consultation)));
    }
}
