using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Djpk.Metrics.Tests.Logs;

public partial class InteractionLogTests
{
    private static readonly InteractionLog Small = new InteractionLogBuilder(DjpkProfile.Catalog)
        .Add(new Consultation(Instant.FromUtc(2023, 12, 6, 1, 0), DjpkChannels.WhatsApp, DjpkSegments.Akademisi, Topic.Unspecified, new UserKey(long.MaxValue)))
        .Add(new Consultation(Instant.FromUtc(2023, 11, 30, 17, 0), DjpkChannels.Phone, DjpkSegments.Pemda, new Topic("DBH"), new UserKey(long.MinValue)))
        .Add(new Consultation(Instant.FromUtc(2023, 12, 5, 1, 0), DjpkChannels.Phone, DjpkSegments.Pemda, new Topic("DBH"), new UserKey(-1)))
        .Build();

    [Property(Arbitrary = [typeof(LogCases)], MaxTest = 100)]
    public Property Load_OfSave_GivesAnEqualLog(LogCase c, bool shuffle)
    {
        Consultation[] records = [.. c.Records];
        if (shuffle)
        {
            new Random(records.Length).Shuffle(records);
        }

        InteractionLog log = LogCase.Build(records);
        InteractionLog read = InteractionLog.Load(new MemoryStream(Bytes(log)));
        return (Same(log, read) && read.IsChronological == log.IsChronological).ToProperty();
    }

    [Fact]
    public void Open_OfSaveToAFile_AnswersLikeTheOriginal()
    {
        string path = Path.Combine(Path.GetTempPath(), $"djpk-log-{Environment.ProcessId}-{Guid.NewGuid():N}.djpklog");
        try
        {
            Small.Save(path);
            InteractionLog read = InteractionLog.Open(path);
            var aggregator = new Aggregator(ReportingCalendar.Jakarta);
            AggregationRequest request = AggregationRequest.PerPeriod(PeriodGrain.Month).By(AggregationDimensions.Channel | AggregationDimensions.Topic);

            Assert.True(Same(Small, read));
            Assert.Equal(aggregator.Count(Small, request).Cells(), aggregator.Count(read, request).Cells());
            Assert.Equal(Small.Catalog.Channels.Select(c => (c.Channel, c.IndonesianName, c.EnglishName, c.Kind)), read.Catalog.Channels.Select(c => (c.Channel, c.IndonesianName, c.EnglishName, c.Kind)));
            Assert.Equal(Small.Catalog.Segments.Select(s => (s.Segment, s.IndonesianName, s.EnglishName, s.Includes)), read.Catalog.Segments.Select(s => (s.Segment, s.IndonesianName, s.EnglishName, s.Includes)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_EmptyLog_RoundTrips() =>
        Assert.True(Same(InteractionLog.Empty, InteractionLog.Load(new MemoryStream(Bytes(InteractionLog.Empty)))));

    [Fact]
    public void Load_AnyByteChanged_ThrowsInvalidData()
    {
        byte[] bytes = Bytes(Small);
        for (int i = 0; i < bytes.Length; i++)
        {
            foreach (byte mask in (byte[])[0x01, 0x80, 0xFF])
            {
                byte[] corrupted = [.. bytes];
                corrupted[i] ^= mask;
                Assert.Throws<InvalidDataException>(() => InteractionLog.Load(new MemoryStream(corrupted)));
            }
        }
    }

    [Fact]
    public void Load_TruncatedAtAnyLength_ThrowsInvalidData()
    {
        byte[] bytes = Bytes(Small);
        for (int length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => InteractionLog.Load(new MemoryStream(bytes, 0, length)));
            Assert.Throws<InvalidDataException>(() => InteractionLog.Load(new ForwardOnlyStream(bytes[..length])));
        }
    }

    [Fact]
    public void Load_OtherVersionOrNotALog_ThrowsWithTheFix()
    {
        byte[] bytes = Bytes(Small);
        bytes[8] = 3;
        Assert.Contains("version 3", Assert.Throws<InvalidDataException>(() => InteractionLog.Load(new MemoryStream(bytes))).Message, StringComparison.Ordinal);

        var cube = new MemoryStream();
        new Aggregator(ReportingCalendar.Jakarta).Count(Small, AggregationRequest.PerPeriod(PeriodGrain.Month)).WriteTo(cube);
        cube.Position = 0;
        Assert.Contains("InteractionLog.Save", Assert.Throws<InvalidDataException>(() => InteractionLog.Load(cube)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SaveAndLoad_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => InteractionLog.Load((Stream)null!));
        Assert.Throws<ArgumentNullException>(() => InteractionLog.Load((string)null!));
        Assert.Throws<ArgumentNullException>(() => InteractionLog.Open(null!));
        Assert.Throws<ArgumentNullException>(() => Small.Save((Stream)null!));
        Assert.Throws<ArgumentNullException>(() => Small.Save((string)null!));
    }

    private static byte[] Bytes(InteractionLog log)
    {
        var stream = new MemoryStream();
        log.Save(stream);
        return stream.ToArray();
    }

    private static bool Same(InteractionLog expected, InteractionLog actual) =>
        expected.SequenceEqual(actual)
        && expected.Topics.SequenceEqual(actual.Topics)
        && expected.DistinctUsers == actual.DistinctUsers
        && expected.Catalog.Channels.Select(c => c.Channel).SequenceEqual(actual.Catalog.Channels.Select(c => c.Channel))
        && expected.Catalog.Segments.Select(s => s.Segment).SequenceEqual(actual.Catalog.Segments.Select(s => s.Segment))
        && expected.Earliest == actual.Earliest
        && expected.Latest == actual.Latest;
}
