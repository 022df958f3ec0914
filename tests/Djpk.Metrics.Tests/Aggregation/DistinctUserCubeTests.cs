using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Djpk.Metrics.Tests.Aggregation;

public class DistinctUserCubeTests
{
    // Keys at the ends of the range and around zero: the first key is zig-zag coded, the gaps may exceed long.MaxValue.
    private static readonly InteractionLog Log = new InteractionLogBuilder(DjpkProfile.Catalog)
        .Add(new Consultation(Instant.FromUtc(2023, 11, 30, 17, 0), DjpkChannels.Phone, DjpkSegments.Pemda, new Topic("DBH"), new UserKey(long.MinValue)))
        .Add(new Consultation(Instant.FromUtc(2023, 12, 5, 1, 0), DjpkChannels.Phone, DjpkSegments.Pemda, new Topic("DBH"), new UserKey(long.MaxValue)))
        .Add(new Consultation(Instant.FromUtc(2023, 12, 5, 2, 0), DjpkChannels.Phone, DjpkSegments.Pemda, new Topic("DBH"), new UserKey(-1)))
        .Add(new Consultation(Instant.FromUtc(2023, 12, 6, 1, 0), DjpkChannels.WhatsApp, DjpkSegments.Akademisi, Topic.Unspecified, new UserKey(0)))
        .Add(new Consultation(Instant.FromUtc(2023, 12, 6, 1, 0).PlusNanoseconds(0), DjpkChannels.WhatsApp, DjpkSegments.Akademisi, Topic.Unspecified, new UserKey(1)))
        .Build();

    private static readonly DistinctUserCube Sample = new Aggregator(ReportingCalendar.Jakarta).CountDistinctUsers(
        Log, AggregationRequest.PerPeriod(PeriodGrain.Month).Within(PeriodRange.MonthsOf(2023)).By(AggregationDimensions.Channel | AggregationDimensions.Segment));

    [Property(Arbitrary = [typeof(LogCases)], MaxTest = 150)]
    public Property WriteTo_ReadFrom_RoundTripsAnyCube(LogCase c, bool filtered)
    {
        return Prop.When(c.Records.Length > 0, () =>
        {
            DistinctUserCube cube = new Aggregator(c.Calendar).CountDistinctUsers(c.Log(), CountCubeTests.Request(c, filtered));
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
            AggregationRequest request = CountCubeTests.Request(c, filtered: false);
            DistinctUserCube merged = DistinctUserCube.Merge(parts.Select(p => RoundTrip(aggregator.CountDistinctUsers(p, request))));
            DistinctUserCube whole = aggregator.CountDistinctUsers(c.Log(), request);
            return CubeAssert.Same(whole, merged)
                && whole.CountBetween(whole.Periods.First, whole.Periods.Last) == merged.CountBetween(whole.Periods.First, whole.Periods.Last);
        });
    }

    [Fact]
    public void WriteTo_ReadFrom_ExtremeKeys_RoundTrip()
    {
        DistinctUserCube read = RoundTrip(Sample);

        Assert.True(CubeAssert.Same(Sample, read));
        Assert.Equal(
            [new UserKey(long.MinValue), new UserKey(-1), new UserKey(0), new UserKey(1), new UserKey(long.MaxValue)],
            read.Users(ReportingPeriod.Month(2023, 12))!);
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
                Assert.Throws<InvalidDataException>(() => DistinctUserCube.ReadFrom(new MemoryStream(corrupted)));
            }
        }
    }

    [Fact]
    public void ReadFrom_TruncatedAtAnyLength_ThrowsInvalidData()
    {
        byte[] bytes = Bytes(Sample);
        for (int length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => DistinctUserCube.ReadFrom(new MemoryStream(bytes, 0, length)));
            Assert.Throws<InvalidDataException>(() => DistinctUserCube.ReadFrom(new ForwardOnlyStream(bytes[..length])));
        }
    }

    [Fact]
    public void ReadFrom_CountCube_ThrowsWithTheFix()
    {
        var stream = new MemoryStream();
        CountCubeTests.Sample.WriteTo(stream);
        stream.Position = 0;

        Assert.Contains("CountCube.ReadFrom", Assert.Throws<InvalidDataException>(() => DistinctUserCube.ReadFrom(stream)).Message, StringComparison.Ordinal);
    }

    private static byte[] Bytes(DistinctUserCube cube)
    {
        var stream = new MemoryStream();
        cube.WriteTo(stream);
        return stream.ToArray();
    }

    private static DistinctUserCube RoundTrip(DistinctUserCube cube) => DistinctUserCube.ReadFrom(new MemoryStream(Bytes(cube)));
}
