using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Djpk.Metrics.Json;

/// <summary>Converts an <see cref="Instant"/> to and from its ISO-8601 text in UTC, such as "2023-12-31T17:00:00Z".</summary>
/// <remarks>Immutable. Writes NodaTime's extended ISO pattern (fractional seconds only when present) and reads the same pattern.</remarks>
public sealed class InstantJsonConverter : JsonConverter<Instant>
{
    /// <summary>Reads an instant from an ISO-8601 UTC string.</summary>
    /// <param name="reader">The reader, at a string token.</param>
    /// <param name="typeToConvert">The type, <see cref="Instant"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The instant.</returns>
    /// <exception cref="JsonException">The token is not a string, or the string is not an ISO-8601 instant in UTC.</exception>
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("An instant must be an ISO-8601 string in UTC, such as \"2023-12-31T17:00:00Z\".");
        }

        ParseResult<Instant> result = InstantPattern.ExtendedIso.Parse(reader.GetString()!);
        return result.Success
            ? result.Value
            : throw new JsonException($"'{reader.GetString()}' is not an ISO-8601 instant in UTC, such as \"2023-12-31T17:00:00Z\".");
    }

    /// <summary>Writes <paramref name="value"/> as an ISO-8601 UTC string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The instant.</param>
    /// <param name="options">The serializer options.</param>
    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
    }
}
