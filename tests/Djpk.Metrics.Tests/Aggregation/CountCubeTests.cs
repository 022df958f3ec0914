using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Djpk.Metrics.Tests.Aggregation;

public class CountCubeTests
{
    private static readonly InteractionLog Log = new InteractionLogBuilder(DjpkProfile.Catalog)
        .Add(new Consultation(Instant.FromUtc(2023, 11, 30, 17, 0), DjpkChannels.Phone, DjpkSegments.Pemda, new Topic("DBH"), new UserKey(1)))
        .Add(new Consultation(Instant.FromUtc(2023, 12, 5, 1, 0), DjpkChannels.Phone, DjpkSegments.Pemda, new Topic("DBH"), new UserKey(1)))
        .Add(new Consultation(Instant.FromUtc(2023, 12, 6, 1, 0), DjpkChannels.WhatsApp, DjpkSegments.Akademisi, Topic.Unspecified, new UserKey(2)))
        .Build();

    internal static CountCube Sample { get; } = new Aggregator(ReportingCalendar.Jakarta).Count(
        Log,
        AggregationRequest.PerPeriod(PeriodGrain.Month).Within(PeriodRange.MonthsOf(2023)).By(AggregationDimensions.Channel | AggregationDimensions.Topic)
            .ForSegments(DjpkSegments.Pemda, DjpkSegments.Akademisi));

    [Property(Arbitrary = [typeof(LogCases)], MaxTest = 150)]
    public Property WriteTo_ReadFrom_RoundTripsAnyCube(LogCase c, bool filtered)
    {
        return Prop.When(c.Records.Length > 0, () =>
        {
            CountCube cube = new Aggregator(c.Calendar).Count(c.Log(), Request(c, filtered));
            return CubeAssert.Same(cube, RoundTrip(cube));
        });
    }

    [Property(Arbitrary = [typeof(LogCases)], MaxTest = 100)]
    public Property ReadFrom_PartsWrittenApart_MergeToTheWhole(LogCase c)
    {
        InteractionLog[] parts = [.. c.Parts().Where(p => p.Length > 0).Select(LogCase.Build)];
        return Prop.When(parts.Length > 0, () =>
        {
            var aggregator = new Aggregator(c.Calendar);
            AggregationRequest request = Request(c, filtered: false);
            CountCube merged = CountCube.Merge(parts.Select(p => RoundTrip(aggregator.Count(p, request))));
            return CubeAssert.Same(aggregator.Count(c.Log(), request), merged);
        });
    }

    [Fact]
    public void ReadFrom_EmptyLogWithRange_RoundTripsWithoutSpan()
    {
        CountCube cube = new Aggregator(ReportingCalendar.ForZone("Europe/London")).Count(
            InteractionLog.Empty, AggregationRequest.PerPeriod(PeriodGrain.Day).Within(new PeriodRange(ReportingPeriod.Day(new LocalDate(2024, 3, 1)), ReportingPeriod.Day(new LocalDate(2024, 3, 31)))));
        CountCube read = RoundTrip(cube);

        Assert.True(CubeAssert.Same(cube, read));
        Assert.Null(read.Earliest);
    }

    [Fact]
    public void ReadFrom_TwoCubesInOneStream_ReadsEachAndStopsAfterIt()
    {
        var stream = new MemoryStream();
        Sample.WriteTo(stream);
        Sample.WriteTo(stream);
        stream.Position = 0;

        Assert.True(CubeAssert.Same(Sample, CountCube.ReadFrom(stream)));
        Assert.True(CubeAssert.Same(Sample, CountCube.ReadFrom(stream)));
        Assert.Equal(stream.Length, stream.Position);
    }

    [Fact]
    public void ReadFrom_AnyByteChanged_ThrowsInvalidData()
    {
        byte[] bytes = Bytes(Sample);
        for (int i = 0; i < bytes.Length; i++)
        {
            foreach (byte mask in (byte[])[0x01, 0x80, 0xFF])
            {
                byte[] corrupted = [.. bytes];
                corrupted[i] ^= mask;
                Assert.Throws<InvalidDataException>(() => CountCube.ReadFrom(new MemoryStream(corrupted)));
            }
        }
    }

    [Fact]
    public void ReadFrom_TruncatedAtAnyLength_ThrowsInvalidData()
    {
        byte[] bytes = Bytes(Sample);
        for (int length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => CountCube.ReadFrom(new MemoryStream(bytes, 0, length)));
            Assert.Throws<InvalidDataException>(() => CountCube.ReadFrom(new ForwardOnlyStream(bytes[..length])));
        }
    }

    [Fact]
    public void ReadFrom_OtherVersionOrKind_ThrowsWithTheFix()
    {
        byte[] bytes = Bytes(Sample);
        bytes[8] = 2;
        Assert.Contains("version 2", Assert.Throws<InvalidDataException>(() => CountCube.ReadFrom(new MemoryStream(bytes))).Message, StringComparison.Ordinal);

        var users = new MemoryStream();
        new Aggregator(ReportingCalendar.Jakarta).CountDistinctUsers(Log, AggregationRequest.PerPeriod(PeriodGrain.Month)).WriteTo(users);
        users.Position = 0;
        Assert.Contains("DistinctUserCube.ReadFrom", Assert.Throws<InvalidDataException>(() => CountCube.ReadFrom(users)).Message, StringComparison.Ordinal);

        Assert.Contains("DJPKCUBE", Assert.Throws<InvalidDataException>(() => CountCube.ReadFrom(new MemoryStream("{\"measure\":1}"u8.ToArray()))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFrom_NullStream_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => CountCube.ReadFrom(null!));
        Assert.Throws<ArgumentNullException>(() => Sample.WriteTo(null!));
    }

    internal static AggregationRequest Request(LogCase c, bool filtered)
    {
        AggregationRequest request = AggregationRequest.PerPeriod(c.Grain).By(c.Dimensions);
        return filtered ? request.ForChannels(DjpkChannels.WhatsApp, DjpkChannels.Phone).ForSegments(DjpkSegments.Pemda) : request;
    }

    private static byte[] Bytes(CountCube cube)
    {
        var stream = new MemoryStream();
        cube.WriteTo(stream);
        return stream.ToArray();
    }

    private static CountCube RoundTrip(CountCube cube) => CountCube.ReadFrom(new MemoryStream(Bytes(cube)));
}
