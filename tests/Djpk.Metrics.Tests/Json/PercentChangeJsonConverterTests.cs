using System.Globalization;
using System.Text.Json;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Serialization;
using Djpk.Metrics.Tests.Support;

namespace Djpk.Metrics.Tests.Json;

public class PercentChangeJsonConverterTests
{
    [Fact]
    public void Serialize_PhoneChange_WritesTheDocumentedSchema() =>
        Assert.Equal(
            """{"previous":103,"current":149,"signed":false,"difference":46,"direction":"increase","percent":44.660194174757281553398058252}""",
            JsonSerializer.Serialize(PercentChange.Between(103, 149), DjpkJson.Options));

    [Fact]
    public void Serialize_FromZero_HasNullPercentAndADirection() =>
        Assert.Equal(
            """{"previous":0,"current":20,"signed":false,"difference":20,"direction":"increase","percent":null}""",
            JsonSerializer.Serialize(PercentChange.Between(0, 20), DjpkJson.Options));

    [Theory]
    [InlineData(103, 149, false)]
    [InlineData(0, 0, false)]
    [InlineData(0, 20, false)]
    [InlineData(143, 126, false)]
    [InlineData(-10, -5, true)]
    [InlineData(10, -5, true)]
    public void Deserialize_SerializedChange_IsEqual(long previous, long current, bool isSigned)
    {
        PercentChange change = isSigned ? PercentChange.BetweenSigned(previous, current) : PercentChange.Between(previous, current);

        PercentChange read = JsonSerializer.Deserialize<PercentChange>(JsonSerializer.Serialize(change, DjpkJson.Options), DjpkJson.Options);

        Assert.Equal(change, read);
        Assert.Equal(change.IsSigned, read.IsSigned);
    }

    [Fact]
    public void Deserialize_CountsOnly_RecomputesTheRest() =>
        Assert.Equal(PercentChange.Between(48, 56), JsonSerializer.Deserialize<PercentChange>("""{"current":56,"previous":48}""", DjpkJson.Options));

    [Theory]
    [InlineData("""{"previous":1}""", "'current'")]
    [InlineData("""{"previous":-1,"current":2}""", "signed")]
    [InlineData("""{"previous":"1","current":2}""", "'previous' must be an integer")]
    [InlineData("[1,2]", "object")]
    public void Deserialize_InvalidDocument_ThrowsJsonExceptionStatingTheRule(string json, string expected)
    {
        JsonException e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PercentChange>(json, DjpkJson.Options));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_UnderIndonesianCulture_IsInvariant()
    {
        using var scope = new CultureScope(CultureInfo.GetCultureInfo("id-ID"));
        Assert.Contains("\"percent\":16.666666666666666666666666667", JsonSerializer.Serialize(PercentChange.Between(48, 56), DjpkJson.Options), StringComparison.Ordinal);
    }
}
