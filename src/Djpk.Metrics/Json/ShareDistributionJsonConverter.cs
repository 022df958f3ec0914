using System.Text.Json;
using System.Text.Json.Serialization;
using Djpk.Metrics.Comparison;

namespace Djpk.Metrics.Json;

/// <summary>Converts a <see cref="ShareDistribution"/> to and from an object of its counts, its allocation and each cell's percentages.</summary>
/// <remarks>
/// <para>Immutable. The schema, for the counts 1 and 2 by largest remainder at 0 decimals:
/// <c>{"total":3,"decimals":0,"method":"largestRemainder","rule":"halfAwayFromZero","sum":100,"shares":[{"count":1,"exact":33.333333333333333333333333333,"rounded":33,"allocated":33},{"count":2,"exact":66.666666666666666666666666667,"rounded":67,"allocated":67}]}</c>.
/// <c>exact</c> is the unrounded percentage, <c>rounded</c> the cell rounded on its own, <c>allocated</c> the published
/// percentage; all three and <c>sum</c> are <c>null</c> when the total is zero. <c>method</c> is <c>"largestRemainder"</c>
/// or <c>"roundEach"</c>; <c>rule</c> is a <see cref="RoundingRule"/> in camelCase.</para>
/// <para>Reading takes each cell's <c>count</c>, <c>decimals</c>, <c>method</c> and <c>rule</c> and allocates again with
/// <see cref="ShareAllocation.Allocate"/>, so the percentages read are those the library computes; the derived properties
/// and unknown properties are ignored.</para>
/// </remarks>
public sealed class ShareDistributionJsonConverter : JsonConverter<ShareDistribution>
{
    private const string What = "A share distribution";

    /// <summary>Reads a distribution from its counts and allocation.</summary>
    /// <param name="reader">The reader, at the start of an object.</param>
    /// <param name="typeToConvert">The type, <see cref="ShareDistribution"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="JsonException">The value is not an object, lacks <c>shares</c>, <c>decimals</c>, <c>method</c> or <c>rule</c>, or the counts cannot be allocated (none, negative, too many decimals, or a sum beyond 64 bits).</exception>
    public override ShareDistribution Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonText.StartObject(ref reader, What);
        List<long>? counts = null;
        int? decimals = null;
        ShareAllocationMethod? method = null;
        RoundingRule? rule = null;
        while (true)
        {
            JsonText.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            string property = reader.GetString()!;
            JsonText.Next(ref reader);
            switch (property)
            {
                case "decimals": decimals = JsonText.ReadInt32(ref reader, property); break;
                case "method": method = JsonText.ReadEnum<ShareAllocationMethod>(ref reader, property); break;
                case "rule": rule = JsonText.ReadEnum<RoundingRule>(ref reader, property); break;
                case "shares": counts = ReadCounts(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        List<long> c = counts ?? throw JsonText.Missing(What, "shares");
        try
        {
            return ShareAllocation.Allocate(
                c.ToArray(),
                decimals ?? throw JsonText.Missing(What, "decimals"),
                method ?? throw JsonText.Missing(What, "method"),
                rule ?? throw JsonText.Missing(What, "rule"));
        }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            throw new JsonException($"{What} must have at least one non-negative count, 0 to {Rounding.MaxDecimals} decimals and counts that sum to at most Int64.MaxValue: {e.Message}", e);
        }
    }

    /// <summary>Writes <paramref name="value"/> as its counts, allocation and percentages.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The distribution.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    public override void Write(Utf8JsonWriter writer, ShareDistribution value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteNumber("total", value.Total);
        writer.WriteNumber("decimals", value.Decimals);
        writer.WriteString("method", JsonText.Name(value.Method));
        writer.WriteString("rule", JsonText.Name(value.Rule));
        JsonText.WriteNumber(writer, "sum", value.Sum);
        writer.WriteStartArray("shares");
        foreach (AllocatedShare share in value.Shares)
        {
            writer.WriteStartObject();
            writer.WriteNumber("count", share.Count);
            JsonText.WriteNumber(writer, "exact", share.Exact);
            JsonText.WriteNumber(writer, "rounded", share.Rounded);
            JsonText.WriteNumber(writer, "allocated", share.Allocated);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static List<long> ReadCounts(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"'shares' must be an array of objects with a 'count'; found {JsonText.Describe(ref reader)}.");
        }

        var counts = new List<long>();
        while (true)
        {
            JsonText.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return counts;
            }

            JsonText.StartObject(ref reader, "A share");
            long? count = null;
            while (true)
            {
                JsonText.Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                string property = reader.GetString()!;
                JsonText.Next(ref reader);
                if (property == "count")
                {
                    count = JsonText.ReadInt64(ref reader, property);
                }
                else
                {
                    reader.Skip();
                }
            }

            counts.Add(count ?? throw JsonText.Missing("A share", "count"));
        }
    }
}
