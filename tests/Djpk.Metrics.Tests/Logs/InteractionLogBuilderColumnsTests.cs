using Djpk.Metrics.Logs;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Djpk.Metrics.Tests.Logs;

public class InteractionLogBuilderColumnsTests
{
    private static readonly Catalog Catalog = DjpkProfile.Catalog;

    private sealed record Columns(long[] Ticks, byte[] Channels, byte[] Segments, ushort[] TopicCodes, Topic[] Topics, long[] Users);

    private static Columns Generate(Random random, int count, Topic[] topics)
    {
        long[] ticks = [.. Enumerable.Range(0, count).Select(_ => random.NextInt64(Instant.FromUtc(1990, 1, 1, 0, 0).ToUnixTimeTicks(), Instant.FromUtc(2040, 1, 1, 0, 0).ToUnixTimeTicks()))];
        byte[] channels = [.. Enumerable.Range(0, count).Select(_ => (byte)random.Next(Catalog.Channels.Length))];
        byte[] segments = [.. Enumerable.Range(0, count).Select(_ => (byte)random.Next(Catalog.Segments.Length))];
        ushort[] topicCodes = [.. Enumerable.Range(0, count).Select(_ => (ushort)random.Next(topics.Length))];
        long[] users = [.. Enumerable.Range(0, count).Select(_ => random.Next(3) == 0 ? random.NextInt64() : random.Next(count / 3 + 1))];
        return new Columns(ticks, channels, segments, topicCodes, topics, users);
    }

    // The oracle: the same records through the record-at-a-time Add, which shares no code with the bulk copy.
    private static InteractionLog OneByOne(IEnumerable<Columns> parts)
    {
        var builder = new InteractionLogBuilder(Catalog);
        foreach (Columns c in parts)
        {
            for (int i = 0; i < c.Ticks.Length; i++)
            {
                builder.Add(new Consultation(
                    Instant.FromUnixTimeTicks(c.Ticks[i]), Catalog.Channels[c.Channels[i]].Channel, Catalog.Segments[c.Segments[i]].Segment, c.Topics[c.TopicCodes[i]], new UserKey(c.Users[i])));
            }
        }

        return builder.Build();
    }

    private static InteractionLogBuilder AddAll(InteractionLogBuilder builder, Columns c) =>
        builder.AddColumns(c.Ticks, c.Channels, c.Segments, c.TopicCodes, c.Topics, c.Users);

    [Property(MaxTest = 40)]
    public Property AddColumns_AnyParts_SameLogAsAddingEachRecord(int seed)
    {
        var random = new Random(seed);
        Topic[] pool = [Topic.Unspecified, .. Enumerable.Range(0, 40).Select(i => new Topic($"topik-{i}"))];
        Columns[] parts = [.. Enumerable.Range(0, 1 + random.Next(3)).Select(_ =>
        {
            // Each part has its own dictionary: a random subset of the pool in random order, sometimes with repeats.
            Topic[] topics = [.. Enumerable.Range(0, 1 + random.Next(12)).Select(_ => pool[random.Next(pool.Length)])];
            return Generate(random, random.Next(3) == 0 ? random.Next(0, 50) : random.Next(4000, 20_000), topics);
        })];

        var builder = new InteractionLogBuilder(Catalog);
        foreach (Columns part in parts)
        {
            AddAll(builder, part);
        }

        InteractionLog bulk = builder.Build();
        InteractionLog expected = OneByOne(parts);
        return bulk.SequenceEqual(expected).Label("records")
            .And(bulk.Topics.SequenceEqual(expected.Topics)).Label("topics")
            .And(bulk.DistinctUsers == expected.DistinctUsers).Label("distinct users")
            .And(bulk.IsChronological == expected.IsChronological).Label("chronological")
            .And(bulk.Earliest == expected.Earliest && bulk.Latest == expected.Latest).Label("span");
    }

    [Fact]
    public void AddColumns_AfterAdd_KeepsTheRecordsInOrder()
    {
        var random = new Random(7);
        Columns part = Generate(random, 3000, [new Topic("dana-desa"), Topic.Unspecified]);
        Assert.Equal(DjpkChannels.Email, Catalog.Channels[Catalog.IndexOf(DjpkChannels.Email)].Channel);
        Assert.Equal(DjpkSegments.Pemda, Catalog.Segments[Catalog.IndexOf(DjpkSegments.Pemda)].Segment);
        var first = new Consultation(Instant.FromUtc(2023, 12, 1, 8, 0), DjpkChannels.Email, DjpkSegments.Pemda, new Topic("tkd"), new UserKey(5));
        var builder = new InteractionLogBuilder(Catalog).Add(first);

        InteractionLog log = AddAll(builder, part).Build();

        Assert.Equal(3001, log.Count);
        Assert.Equal(first, log[0]);
        InteractionLog rest = OneByOne([part]);
        Assert.Equal([new Topic("tkd"), .. rest.Topics], log.Topics.ToArray());
        Assert.Equal(rest.ToArray(), log.Skip(1).ToArray());
    }

    [Fact]
    public void AddColumns_ChannelCodeOutsideTheCatalog_ThrowsNamingThePositionAndAddsNothing()
    {
        Columns part = Generate(new Random(3), 100, [Topic.Unspecified]);
        part.Channels[37] = (byte)Catalog.Channels.Length;
        var builder = new InteractionLogBuilder(Catalog);

        ArgumentException error = Assert.Throws<ArgumentException>(() => AddAll(builder, part));

        Assert.Equal("channelCodes", error.ParamName);
        Assert.Contains("at position 37", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, builder.Count);
    }

    [Fact]
    public void AddColumns_SegmentCodeOutsideTheCatalog_Throws()
    {
        Columns part = Generate(new Random(4), 10, [Topic.Unspecified]);
        part.Segments[9] = 255;

        ArgumentException error = Assert.Throws<ArgumentException>(() => AddAll(new InteractionLogBuilder(Catalog), part));

        Assert.Equal("segmentCodes", error.ParamName);
        Assert.Contains("at position 9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddColumns_TopicCodeWithoutATopic_ThrowsAndAddsNothing()
    {
        Columns part = Generate(new Random(5), 10, [Topic.Unspecified, new Topic("pajak")]);
        part.TopicCodes[0] = 2;
        var builder = new InteractionLogBuilder(Catalog);

        ArgumentException error = Assert.Throws<ArgumentException>(() => AddAll(builder, part));

        Assert.Equal("topicCodes", error.ParamName);
        Assert.Contains("codes run from 0 to 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, builder.Count);
        Assert.Empty(builder.Build().Topics);
    }

    [Fact]
    public void AddColumns_RecordsWithoutTopics_Throws()
    {
        Columns part = Generate(new Random(5), 10, [Topic.Unspecified]);

        ArgumentException error = Assert.Throws<ArgumentException>(() => new InteractionLogBuilder(Catalog).AddColumns(part.Ticks, part.Channels, part.Segments, part.TopicCodes, [], part.Users));

        Assert.Equal("topics", error.ParamName);
    }

    [Fact]
    public void AddColumns_TimeOutsideTheInstantRange_Throws()
    {
        Columns part = Generate(new Random(6), 10, [Topic.Unspecified]);
        part.Ticks[4] = long.MaxValue;

        ArgumentException error = Assert.Throws<ArgumentException>(() => AddAll(new InteractionLogBuilder(Catalog), part));

        Assert.Equal("unixTicks", error.ParamName);
        Assert.Contains("at position 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddColumns_ColumnsOfDifferentLengths_Throws()
    {
        Columns part = Generate(new Random(8), 10, [Topic.Unspecified]);

        ArgumentException error = Assert.Throws<ArgumentException>(() =>
            new InteractionLogBuilder(Catalog).AddColumns(part.Ticks, part.Channels, part.Segments, part.TopicCodes, part.Topics, part.Users.AsSpan(0, 9)));

        Assert.Contains("9 (users)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddColumns_TooManyDistinctTopics_ThrowsAndAddsNothing()
    {
        var builder = new InteractionLogBuilder(Catalog);
        builder.Add(new Consultation(Instant.FromUtc(2023, 1, 1, 0, 0), DjpkChannels.Phone, DjpkSegments.Pemda, new Topic("lama"), new UserKey(1)));
        int n = InteractionLogBuilder.MaxTopics;
        Topic[] topics = [.. Enumerable.Range(0, n).Select(i => new Topic($"t{i}"))];
        ushort[] codes = [.. Enumerable.Range(0, n).Select(i => (ushort)i)];

        ArgumentException error = Assert.Throws<ArgumentException>(() => builder.AddColumns(new long[n], new byte[n], new byte[n], codes, topics, new long[n]));

        Assert.Equal("topics", error.ParamName);
        Assert.Equal(1, builder.Count);
        Assert.Equal([new Topic("lama")], builder.Build().Topics.ToArray());
    }

    [Fact]
    public void AddColumns_TopicNoRecordUses_IsNotATopicOfTheLog()
    {
        InteractionLog log = new InteractionLogBuilder(Catalog).AddColumns([0L, 1L], [0, 0], [0, 0], [2, 2], [new Topic("a"), new Topic("b"), new Topic("c")], [1L, 2L]).Build();

        Assert.Equal([new Topic("c")], log.Topics.ToArray());
    }

    [Fact]
    public void IndexOf_ChannelOrSegmentNotInTheCatalog_MinusOne()
    {
        Assert.Equal(-1, Catalog.IndexOf(new Channel("merpati-pos")));
        Assert.Equal(-1, Catalog.IndexOf(new UserSegment("wisatawan")));
    }

    [Fact]
    public void AddColumns_NoRecords_LeavesTheBuilderEmpty()
    {
        var builder = new InteractionLogBuilder(Catalog).AddColumns([], [], [], [], [], []);

        Assert.Equal(0, builder.Count);
        Assert.Empty(builder.Build());
    }
}
