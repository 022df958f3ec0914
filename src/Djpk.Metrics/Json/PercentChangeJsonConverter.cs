using System.Text.Json;
using System.Text.Json.Serialization;
using Djpk.Metrics.Comparison;

namespace Djpk.Metrics.Json;

/// <summary>Converts a <see cref="PercentChange"/> to and from an object of its counts and derived values.</summary>
/// <remarks>
/// <para>Immutable. The schema, for phone consultations 103 → 149:
/// <c>{"previous":103,"current":149,"signed":false,"difference":46,"direction":"increase","percent":44.660194174757281553398058252}</c>.
/// <c>percent</c> is exact (not rounded) and <c>null</c> when the change is undefined (from zero); <c>direction</c> is
/// <c>"increase"</c>, <c>"decrease"</c> or <c>"unchanged"</c>.</para>
/// <para>Reading needs only <c>previous</c> and <c>current</c> (and <c>signed</c> for a change of signed values, default
/// <see langword="false"/>); the derived properties are recomputed, so they are ignored, as are unknown properties.</para>
/// </remarks>
public sealed class PercentChangeJsonConverter : JsonConverter<PercentChange>
{
    private const string What = "A percent change";

    /// <summary>Reads a change from its counts.</summary>
    /// <param name="reader">The reader, at the start of an object.</param>
    /// <param name="typeToConvert">The type, <see cref="PercentChange"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The change.</returns>
    /// <exception cref="JsonException">The value is not an object, lacks <c>previous</c> or <c>current</c>, or its counts are not valid for the change (negative counts need <c>"signed": true</c>).</exception>
    public override PercentChange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonText.StartObject(ref reader, What);
        long? previous = null, current = null;
        bool signed = false;
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
                case "previous": previous = JsonText.ReadInt64(ref reader, property); break;
                case "current": current = JsonText.ReadInt64(ref reader, property); break;
                case "signed": signed = JsonText.ReadBoolean(ref reader, property); break;
                default: reader.Skip(); break;
            }
        }

        long p = previous ?? throw JsonText.Missing(What, "previous");
        long c = current ?? throw JsonText.Missing(What, "current");
        try
        {
            return signed ? PercentChange.BetweenSigned(p, c) : PercentChange.Between(p, c);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new JsonException($"{What} from {JsonText.Invariant(p)} to {JsonText.Invariant(c)} is not valid: counts are non-negative, and a change of signed values needs \"signed\": true.", e);
        }
    }

    /// <summary>Writes <paramref name="value"/> as its counts and derived values.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The change.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    public override void Write(Utf8JsonWriter writer, PercentChange value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("previous", value.Previous);
        writer.WriteNumber("current", value.Current);
        writer.WriteBoolean("signed", value.IsSigned);
        writer.WriteNumber("difference", value.Difference);
        writer.WriteString("direction", JsonText.Name(value.Direction));
        JsonText.WriteNumber(writer, "percent", value.Percent);
        writer.WriteEndObject();
    }
}
