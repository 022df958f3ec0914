using System.Text.Json;

namespace Djpk.Metrics.Json;

/// <summary>What the converters of id types (<see cref="Channel"/>, <see cref="UserSegment"/>, complaint categories) share:
/// the id as a JSON string or property name, <c>null</c> for the default value, and one error message per rule.</summary>
internal static class StableIdJson
{
    /// <summary>Creates a value from an id, as the id type's <c>TryCreate</c> does.</summary>
    public delegate bool TryCreate<T>(string? id, out T value);

    /// <summary>Reads an id string, or <c>null</c> as the default value.</summary>
    public static T Read<T>(ref Utf8JsonReader reader, TryCreate<T> create, string noun, string example)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return default!;
        }

        string? id = reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName ? reader.GetString() : null;
        return create(id, out T value)
            ? value
            : throw new JsonException($"A {noun} must be an id of 1 to 64 lower-case ASCII letters, digits and single inner hyphens, such as \"{example}\"; found {JsonText.Describe(ref reader)}.");
    }

    /// <summary>Writes the id, or <c>null</c> for the default value.</summary>
    public static void Write(Utf8JsonWriter writer, bool isDefault, string id)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (isDefault)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(id);
        }
    }

    /// <summary>Reads an id used as a property name.</summary>
    public static T ReadKey<T>(ref Utf8JsonReader reader, TryCreate<T> create, string noun, string example) =>
        create(reader.GetString(), out T value)
            ? value
            : throw new JsonException($"A key must be a {noun} id such as \"{example}\"; found {JsonText.Describe(ref reader)}.");

    /// <summary>Writes the id as a property name; the default value has none.</summary>
    public static void WriteKey(Utf8JsonWriter writer, bool isDefault, string id, string typeName, string paramName = "value")
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (isDefault)
        {
            throw new ArgumentException($"The default {typeName} has no id and cannot be a key; use a {typeName} created from an id.", paramName);
        }

        writer.WritePropertyName(id);
    }
}
