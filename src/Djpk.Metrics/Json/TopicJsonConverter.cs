using System.Text.Json;
using System.Text.Json.Serialization;

namespace Djpk.Metrics.Json;

/// <summary>Converts a <see cref="Topic"/> to and from its name, such as "Reservasi".</summary>
/// <remarks>Immutable. <see cref="Topic.Unspecified"/> (the default value) is written as <c>null</c> and read back from
/// <c>null</c>; any other topic round-trips through its name.</remarks>
public sealed class TopicJsonConverter : JsonConverter<Topic>
{
    /// <summary>Gets <see langword="true"/>: <c>null</c> is read as <see cref="Topic.Unspecified"/>.</summary>
    public override bool HandleNull => true;

    /// <summary>Reads a topic from its name.</summary>
    /// <param name="reader">The reader, at a string or null token.</param>
    /// <param name="typeToConvert">The type, <see cref="Topic"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The topic; <see cref="Topic.Unspecified"/> for <c>null</c>.</returns>
    /// <exception cref="JsonException">The token is neither a string nor null, or the name is blank, too long or holds a control character.</exception>
    public override Topic Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return Topic.Unspecified;
        }

        string? name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return Topic.TryCreate(name, out Topic topic)
            ? topic
            : throw new JsonException($"A topic must be null or a name of 1 to {Topic.MaxLength} characters with no control characters, such as \"Reservasi\"; found {JsonText.Describe(ref reader)}.");
    }

    /// <summary>Writes <paramref name="value"/> as its name, or <c>null</c> for <see cref="Topic.Unspecified"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The topic.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    public override void Write(Utf8JsonWriter writer, Topic value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.IsUnspecified)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value.Name);
        }
    }
}
