using System.Text.Json;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Serialization;
using NodaTime;

namespace Djpk.Metrics.Tests.Json;

public class ReportingPeriodJsonConverterTests
{
    public static TheoryData<string> Texts => ["2023-12", "2023-W52", "2023-Q4", "2023-12-31", "2023", "2020-W53", "0001-01"];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Serialize_EveryGrain_WritesTheTextAndReadsBackEqual(string text)
    {
        ReportingPeriod period = ReportingPeriod.Parse(text);

        string json = JsonSerializer.Serialize(period, DjpkJson.Options);

        Assert.Equal("\"" + text + "\"", json);
        Assert.Equal(period, JsonSerializer.Deserialize<ReportingPeriod>(json, DjpkJson.Options));
    }

    [Fact]
    public void Serialize_Month_IsItsTextNotNodaTimeInternals() =>
        Assert.Equal("\"2023-12\"", JsonSerializer.Serialize(ReportingPeriod.Month(2023, 12), DjpkJson.Options));

    [Fact]
    public void Serialize_Day_IsTheIsoDate() =>
        Assert.Equal("\"2023-12-31\"", JsonSerializer.Serialize(ReportingPeriod.Day(new LocalDate(2023, 12, 31)), DjpkJson.Options));

    [Theory]
    [InlineData("\"2023-13\"")]
    [InlineData("\"Desember 2023\"")]
    [InlineData("202312")]
    [InlineData("null")]
    public void Deserialize_NotAPeriod_ThrowsJsonExceptionNamingTheForms(string json)
    {
        JsonException e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ReportingPeriod>(json, DjpkJson.Options));
        Assert.Contains("2023-W52", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_DictionaryKeyedByPeriod_UsesTheTextAsKeyAndReadsBack()
    {
        var options = DjpkJson.AddConverters(new JsonSerializerOptions());
        var counts = new Dictionary<ReportingPeriod, long> { [ReportingPeriod.Month(2023, 11)] = 1271, [ReportingPeriod.Month(2023, 12)] = 1469 };

        string json = JsonSerializer.Serialize(counts, options);

        Assert.Equal("""{"2023-11":1271,"2023-12":1469}""", json);
        Assert.Equal(counts, JsonSerializer.Deserialize<Dictionary<ReportingPeriod, long>>(json, options));
    }
}
