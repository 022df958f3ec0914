using System.Text.Json;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Serialization;

namespace Djpk.Metrics.Tests.Json;

public class ShareDistributionJsonConverterTests
{
    [Fact]
    public void Serialize_LargestRemainder_WritesTheDocumentedSchema() =>
        Assert.Equal(
            """{"total":3,"decimals":0,"method":"largestRemainder","rule":"halfAwayFromZero","sum":100,"shares":[{"count":1,"exact":33.333333333333333333333333333,"rounded":33,"allocated":33},{"count":2,"exact":66.666666666666666666666666667,"rounded":67,"allocated":67}]}""",
            JsonSerializer.Serialize(ShareAllocation.LargestRemainder([1, 2], 0), DjpkJson.Options));

    [Fact]
    public void Serialize_ZeroTotal_HasNullPercentages() =>
        Assert.Equal(
            """{"total":0,"decimals":1,"method":"roundEach","rule":"towardZero","sum":null,"shares":[{"count":0,"exact":null,"rounded":null,"allocated":null}]}""",
            JsonSerializer.Serialize(ShareAllocation.RoundEach([0], 1, RoundingRule.TowardZero), DjpkJson.Options));

    public static TheoryData<ShareDistribution> Distributions => new()
    {
        ShareAllocation.LargestRemainder([568, 12724, 923, 2041], 0),
        ShareAllocation.RoundEach([568, 12724, 923, 2041], 1, RoundingRule.TowardZero),
        ShareAllocation.RoundEach([1, 1, 1], 2, RoundingRule.HalfToEven),
        ShareAllocation.LargestRemainder([0, 0], 0),
    };

    [Theory]
    [MemberData(nameof(Distributions))]
    public void Deserialize_SerializedDistribution_IsEqual(ShareDistribution distribution)
    {
        string json = JsonSerializer.Serialize(distribution, DjpkJson.Options);

        ShareDistribution read = JsonSerializer.Deserialize<ShareDistribution>(json, DjpkJson.Options)!;

        Assert.Equal(distribution.Shares.ToArray(), read.Shares.ToArray()); // ImmutableArray equality compares references
        Assert.Equal((distribution.Total, distribution.Decimals, distribution.Method, distribution.Rule, distribution.Sum), (read.Total, read.Decimals, read.Method, read.Rule, read.Sum));
        Assert.Equal(json, JsonSerializer.Serialize(read, DjpkJson.Options));
    }

    [Theory]
    [InlineData("""{"decimals":0,"method":"largestRemainder","rule":"towardZero"}""", "'shares'")]
    [InlineData("""{"decimals":0,"method":"largestRemainder","rule":"towardZero","shares":[]}""", "at least one")]
    [InlineData("""{"decimals":0,"method":"LargestRemainder","rule":"towardZero","shares":[{"count":1}]}""", "\"largestRemainder\"")]
    [InlineData("""{"decimals":0,"method":1,"rule":"towardZero","shares":[{"count":1}]}""", "'method' must be one of")]
    [InlineData("""{"decimals":11,"method":"roundEach","rule":"towardZero","shares":[{"count":1}]}""", "decimals")]
    [InlineData("""{"decimals":0,"method":"roundEach","rule":"towardZero","shares":[{"count":-1}]}""", "non-negative")]
    public void Deserialize_InvalidDocument_ThrowsJsonExceptionStatingTheRule(string json, string expected)
    {
        JsonException e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ShareDistribution>(json, DjpkJson.Options));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
