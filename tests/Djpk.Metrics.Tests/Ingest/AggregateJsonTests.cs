using System.Text.Json;
using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Tests.Aggregation;
using Djpk.Metrics.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Djpk.Metrics.Tests.Serialization;

public partial class AggregateJsonTests
{
    private static readonly InteractionLog Log = new InteractionLogBuilder(DjpkProfile.Catalog)
        .Add(new Consultation(Instant.FromUtc(2023, 11, 30, 17, 0), DjpkChannels.Phone, DjpkSegments.Pemda, new Topic("DBH"), new UserKey(1)))
        .Add(new Consultation(Instant.FromUtc(2023, 12, 5, 1, 0), DjpkChannels.Phone, DjpkSegments.Pemda, new Topic("DBH"), new UserKey(1)))
        .Add(new Consultation(Instant.FromUtc(2023, 12, 6, 1, 0), DjpkChannels.WhatsApp, DjpkSegments.Akademisi, Topic.Unspecified, new UserKey(2)))
        .Build();

    [Fact]
    public void Serialize_CountCube_WritesAxesAndEveryCellOfPeriodsWithData()
    {
        CountCube cube = new Aggregator(ReportingCalendar.Jakarta).Count(
            Log, AggregationRequest.PerPeriod(PeriodGrain.Month).Within(PeriodRange.MonthsOf(2023)).By(AggregationDimensions.Channel));
        using JsonDocument json = JsonDocument.Parse(AggregateJson.Render(cube));
        JsonElement root = json.RootElement;

        Assert.Equal("consultations", root.GetProperty("measure").GetString());
        Assert.Equal("Asia/Jakarta", root.GetProperty("zone").GetString());
        Assert.Equal("Month", root.GetProperty("grain").GetString());
        Assert.Equal(["channel"], root.GetProperty("dimensions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("2023-11-30T17:00:00Z", root.GetProperty("earliest").GetString());
        Assert.Equal(12, root.GetProperty("periods").GetArrayLength());
        Assert.Equal(
            [.. Enumerable.Repeat(false, 11), true],
            root.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("hasData").GetBoolean()));
        JsonElement[] cells = [.. root.GetProperty("cells").EnumerateArray()];
        Assert.Equal(DjpkProfile.Catalog.Channels.Length, cells.Length); // December only; every channel, zeros included
        Assert.Equal(2, cells.Single(c => c.GetProperty("channel").GetString() == "phone").GetProperty("count").GetInt64());
        Assert.All(cells, c => Assert.False(c.TryGetProperty("segment", out _)));
        Assert.Equal(cube.Total(), cells.Sum(c => c.GetProperty("count").GetInt64()));
    }

    [Fact]
    public void Write_DistinctUserCube_CountsUsersPerCell()
    {
        DistinctUserCube cube = new Aggregator(ReportingCalendar.Jakarta).CountDistinctUsers(
            Log, AggregationRequest.PerPeriod(PeriodGrain.Month).By(AggregationDimensions.Segment));
        var stream = new MemoryStream();
        AggregateJson.Write(cube, stream);
        using JsonDocument json = JsonDocument.Parse(stream.ToArray());
        JsonElement root = json.RootElement;

        Assert.Equal("distinctUsers", root.GetProperty("measure").GetString());
        Assert.Equal(["2023-12"], root.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("period").GetString()));
        Assert.Equal(
            [("akademisi", 1L), ("pemda", 1), ("kementerian-lembaga", 0), ("lainnya", 0)],
            root.GetProperty("cells").EnumerateArray().Select(c => (c.GetProperty("segment").GetString()!, c.GetProperty("count").GetInt64())));
    }

    [Property(Arbitrary = [typeof(LogCases)], MaxTest = 100)]
    public Property ReadCountCube_RoundTripsAnyCube(LogCase c, bool filtered)
    {
        return Prop.When(c.Records.Length > 0, () =>
        {
            CountCube cube = new Aggregator(c.Calendar).Count(c.Log(), CountCubeTests.Request(c, filtered));
            var stream = new MemoryStream();
            AggregateJson.Write(cube, stream);
            stream.Position = 0;
            return CubeAssert.Same(cube, AggregateJson.ReadCountCube(stream)) && CubeAssert.Same(cube, AggregateJson.ParseCountCube(AggregateJson.Render(cube)));
        });
    }

    [Property(Arbitrary = [typeof(LogCases)], MaxTest = 100)]
    public Property ReadDistinctUserCube_PartsRenderedApart_MergeToTheWhole(LogCase c, bool filtered)
    {
        InteractionLog[] parts = [.. c.Parts().Where(p => p.Length > 0).Select(LogCase.Build)];
        return Prop.When(parts.Length > 0, () =>
        {
            var aggregator = new Aggregator(c.Calendar);
            AggregationRequest request = CountCubeTests.Request(c, filtered);
            DistinctUserCube whole = aggregator.CountDistinctUsers(c.Log(), request);
            DistinctUserCube merged = DistinctUserCube.Merge(parts.Select(p => AggregateJson.ParseDistinctUserCube(AggregateJson.Render(aggregator.CountDistinctUsers(p, request)))));
            return CubeAssert.Same(whole, AggregateJson.ParseDistinctUserCube(AggregateJson.Render(whole))) && CubeAssert.Same(whole, merged);
        });
    }

    [Fact]
    public void ReadDistinctUserCube_CountDocument_ThrowsWithTheFix()
    {
        string json = AggregateJson.Render(CountCubeTests.Sample);

        Assert.Contains("ReadCountCube", Assert.Throws<InvalidDataException>(() => AggregateJson.ParseDistinctUserCube(json)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[1, 2]")]
    [InlineData("{\"measure\": \"consultations\", \"zone\": \"Asia/Jakarta\", \"grain\": \"Month\", \"dimensions\": [], \"periods\": [], \"cells\": []}")]
    public void ParseCountCube_NotACompleteDocument_ThrowsInvalidData(string json) =>
        Assert.Throws<InvalidDataException>(() => AggregateJson.ParseCountCube(json));

    [Fact]
    public void ParseCountCube_TamperedDocument_ThrowsInvalidData()
    {
        string json = AggregateJson.Render(CountCubeTests.Sample);
        string[] tampered =
        [
            json.Replace("\"Month\"", "\"2\"", StringComparison.Ordinal),
            json.Replace("\"Asia/Jakarta\"", "\"Mars/Olympus\"", StringComparison.Ordinal),
            json.Replace("\"hasData\": true", "\"hasData\": false", StringComparison.Ordinal),
            json.Replace("\"count\": 2", "\"count\": -2", StringComparison.Ordinal),
            json.Replace("\"2023-12\"", "\"2023-11\"", StringComparison.Ordinal),
            json.Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal),
            json.Replace("\"channel\": \"phone\"", "\"channel\": \"fax\"", StringComparison.Ordinal),
        ];

        Assert.All(tampered, t => Assert.NotEqual(json, t));
        Assert.All(tampered, t => Assert.Throws<InvalidDataException>(() => AggregateJson.ParseCountCube(t)));
    }
}
