using System.Text.Json;
using Djpk.Metrics.Serialization;

namespace Djpk.Metrics.Tests.Json;

public class ChannelJsonConverterTests
{
    [Fact]
    public void Serialize_Channel_WritesItsIdAndReadsBackEqual()
    {
        string json = JsonSerializer.Serialize(DjpkChannels.HaiKemenkeu, DjpkJson.Options);

        Assert.Equal("\"hai-kemenkeu\"", json);
        Assert.Equal(DjpkChannels.HaiKemenkeu, JsonSerializer.Deserialize<Channel>(json, DjpkJson.Options));
    }

    [Fact]
    public void Serialize_Default_IsNullAndNullReadsBackAsDefault()
    {
        Assert.Equal("null", JsonSerializer.Serialize(default(Channel), DjpkJson.Options));
        Assert.True(JsonSerializer.Deserialize<Channel>("null", DjpkJson.Options).IsDefault);
    }

    [Theory]
    [InlineData("\"WhatsApp\"")]
    [InlineData("\"\"")]
    [InlineData("3")]
    public void Deserialize_InvalidId_ThrowsJsonExceptionStatingTheRule(string json)
    {
        JsonException e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Channel>(json, DjpkJson.Options));
        Assert.Contains("lower-case", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_DictionaryKeyedByChannel_UsesTheIdAsKey()
    {
        var options = DjpkJson.AddConverters(new JsonSerializerOptions());
        var counts = new Dictionary<Channel, long> { [DjpkChannels.Phone] = 149 };

        string json = JsonSerializer.Serialize(counts, options);

        Assert.Equal("""{"phone":149}""", json);
        Assert.Equal(counts, JsonSerializer.Deserialize<Dictionary<Channel, long>>(json, options));
    }
}

public class UserSegmentJsonConverterTests
{
    [Fact]
    public void Serialize_Segment_WritesItsIdAndReadsBackEqual()
    {
        string json = JsonSerializer.Serialize(DjpkSegments.Pemda, DjpkJson.Options);

        Assert.Equal("\"pemda\"", json);
        Assert.Equal(DjpkSegments.Pemda, JsonSerializer.Deserialize<UserSegment>(json, DjpkJson.Options));
    }

    [Fact]
    public void Deserialize_Null_IsTheDefault() =>
        Assert.True(JsonSerializer.Deserialize<UserSegment>("null", DjpkJson.Options).IsDefault);

    [Fact]
    public void Deserialize_InvalidId_ThrowsJsonException() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<UserSegment>("\"Pemda Kab.\"", DjpkJson.Options));
}

public class TopicJsonConverterTests
{
    [Fact]
    public void Serialize_Topic_WritesItsNameAndReadsBackEqual()
    {
        var topic = new Topic("DAK Non Fisik");

        string json = JsonSerializer.Serialize(topic, DjpkJson.Options);

        Assert.Equal("\"DAK Non Fisik\"", json);
        Assert.Equal(topic, JsonSerializer.Deserialize<Topic>(json, DjpkJson.Options));
    }

    [Fact]
    public void Serialize_Unspecified_IsNullAndReadsBackUnspecified()
    {
        Assert.Equal("null", JsonSerializer.Serialize(Topic.Unspecified, DjpkJson.Options));
        Assert.True(JsonSerializer.Deserialize<Topic>("null", DjpkJson.Options).IsUnspecified);
    }

    [Theory]
    [InlineData("\"   \"")]
    [InlineData("\"a\\u0001b\"")]
    [InlineData("true")]
    public void Deserialize_InvalidName_ThrowsJsonException(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Topic>(json, DjpkJson.Options));
}
