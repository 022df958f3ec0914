using System.Globalization;
using System.Text.Json;
using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Serialization;
using Djpk.Metrics.Tests.Support;
using NodaTime;

namespace Djpk.Metrics.Tests.Serialization;

public class DjpkJsonTests
{
    private static readonly InteractionLog Log = new InteractionLogBuilder(DjpkProfile.Catalog)
        .Add(new Consultation(Instant.FromUtc(2023, 11, 30, 17, 0), DjpkChannels.Phone, DjpkSegments.Pemda, new Topic("DBH"), new UserKey(1)))
        .Add(new Consultation(Instant.FromUtc(2023, 12, 6, 1, 0), DjpkChannels.WhatsApp, DjpkSegments.Akademisi, Topic.Unspecified, new UserKey(2)))
        .Build();

    private sealed record Line(ReportingPeriod Period, Channel Channel, PercentChange Change, RoundingRule Rule, Instant At);

    [Fact]
    public void Serialize_Instant_IsIsoUtcAndReadsBack()
    {
        Instant at = Instant.FromUtc(2023, 12, 31, 17, 0);

        string json = JsonSerializer.Serialize(at, DjpkJson.Options);

        Assert.Equal("\"2023-12-31T17:00:00Z\"", json);
        Assert.Equal(at, JsonSerializer.Deserialize<Instant>(json, DjpkJson.Options));
    }

    [Theory]
    [InlineData(RoundingRule.HalfAwayFromZero, "\"halfAwayFromZero\"")]
    [InlineData(RoundingRule.TowardZero, "\"towardZero\"")]
    public void Serialize_Enum_IsCamelCaseStringAndReadsBack(RoundingRule rule, string expected)
    {
        Assert.Equal(expected, JsonSerializer.Serialize(rule, DjpkJson.Options));
        Assert.Equal(rule, JsonSerializer.Deserialize<RoundingRule>(expected, DjpkJson.Options));
    }

    [Fact]
    public void Serialize_DirectionAndGrain_AreCamelCaseStrings()
    {
        Assert.Equal("\"increase\"", JsonSerializer.Serialize(ChangeDirection.Increase, DjpkJson.Options));
        Assert.Equal("\"month\"", JsonSerializer.Serialize(PeriodGrain.Month, DjpkJson.Options));
        Assert.Equal("\"channel, segment\"", JsonSerializer.Serialize(AggregationDimensions.Channel | AggregationDimensions.Segment, DjpkJson.Options));
    }

    [Fact]
    public void Deserialize_EnumAsNumber_ThrowsJsonException() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<RoundingRule>("1", DjpkJson.Options));

    [Fact]
    public void Options_IsReadOnly() => Assert.True(DjpkJson.Options.IsReadOnly);

    [Fact]
    public void Options_TypeNotOfTheLibrary_ThrowsNotSupported() =>
        Assert.ThrowsAny<NotSupportedException>(() => JsonSerializer.Serialize(new Line(default, default, default, default, default), DjpkJson.Options));

    [Fact]
    public void AddConverters_CallersRecord_WritesEveryMemberInItsDocumentedForm()
    {
        JsonSerializerOptions options = DjpkJson.AddConverters(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var line = new Line(ReportingPeriod.Month(2023, 12), DjpkChannels.Phone, PercentChange.Between(103, 149), RoundingRule.TowardZero, Instant.FromUtc(2023, 12, 31, 17, 0));

        string json = JsonSerializer.Serialize(line, options);

        Assert.Equal(
            """{"period":"2023-12","channel":"phone","change":{"previous":103,"current":149,"signed":false,"difference":46,"direction":"increase","percent":44.660194174757281553398058252},"rule":"towardZero","at":"2023-12-31T17:00:00Z"}""",
            json);
        Assert.Equal(line, JsonSerializer.Deserialize<Line>(json, options));
    }

    [Fact]
    public void AddConverters_NullOptions_ThrowsArgumentNull() =>
        Assert.Throws<ArgumentNullException>(() => DjpkJson.AddConverters(null!));

    [Fact]
    public void AddConverters_UsedOptions_ThrowsInvalidOperationSayingToAddFirst()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        _ = JsonSerializer.Serialize(1, options);

        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => DjpkJson.AddConverters(options));
        Assert.Contains("before the options are first used", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_CountCube_IsItsCellsAsAggregateJsonWritesThem()
    {
        CountCube cube = new Aggregator(ReportingCalendar.Jakarta).Count(
            Log, AggregationRequest.PerPeriod(PeriodGrain.Month).Within(PeriodRange.MonthsOf(2023)).By(AggregationDimensions.Channel));

        using JsonDocument json = JsonDocument.Parse(JsonSerializer.Serialize(cube, DjpkJson.Options));
        using JsonDocument expected = JsonDocument.Parse(AggregateJson.Render(cube));

        Assert.True(JsonElement.DeepEquals(expected.RootElement, json.RootElement));
        Assert.Equal(cube.Total(), json.RootElement.GetProperty("cells").EnumerateArray().Sum(c => c.GetProperty("count").GetInt64()));
    }

    [Fact]
    public void Serialize_DistinctUserCube_IsItsCells()
    {
        DistinctUserCube cube = new Aggregator(ReportingCalendar.Jakarta).CountDistinctUsers(
            Log, AggregationRequest.PerPeriod(PeriodGrain.Month).Within(PeriodRange.MonthsOf(2023)));

        using JsonDocument json = JsonDocument.Parse(JsonSerializer.Serialize(cube, DjpkJson.Options));

        Assert.Equal("distinctUsers", json.RootElement.GetProperty("measure").GetString());
    }

    [Fact]
    public void Deserialize_CountCube_ThrowsNotSupportedSayingToAggregateAgain()
    {
        NotSupportedException e = Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<CountCube>("{}", DjpkJson.Options));
        Assert.Contains("aggregate the log again", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id-ID")]
    [InlineData("tr-TR")]
    [InlineData("ar-SA")]
    public void Serialize_UnderAnyCulture_IsInvariant(string culture)
    {
        string expected = JsonSerializer.Serialize(ShareAllocation.RoundEach([1, 2], 1, RoundingRule.HalfToEven), DjpkJson.Options);
        using var scope = new CultureScope(CultureInfo.GetCultureInfo(culture));

        Assert.Equal(expected, JsonSerializer.Serialize(ShareAllocation.RoundEach([1, 2], 1, RoundingRule.HalfToEven), DjpkJson.Options));
        Assert.Contains("\"allocated\":33.3", expected, StringComparison.Ordinal);
        Assert.Equal("\"2023-W52\"", JsonSerializer.Serialize(ReportingPeriod.Week(2023, 52), DjpkJson.Options));
    }
}
