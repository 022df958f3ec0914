using System.Globalization;
using System.Text.Json;

namespace Djpk.Metrics.Json;

/// <summary>What the converters share: token descriptions for error messages, camelCase enum names, strict property reads.</summary>
internal static class JsonText
{
    /// <summary>Describes the current token for an error message, such as <c>"2023-13"</c> or <c>a Number</c>.</summary>
    public static string Describe(ref Utf8JsonReader reader) => reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName
        ? "\"" + reader.GetString() + "\""
        : "a " + reader.TokenType.ToString();

    /// <summary>Returns the camelCase name of an enum value, such as "halfAwayFromZero".</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>Reads a camelCase enum name; the numeric form and unknown names are rejected.</summary>
    public static TEnum ReadEnum<TEnum>(ref Utf8JsonReader reader, string property)
        where TEnum : struct, Enum
    {
        if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
        {
            string text = reader.GetString()!;
            foreach (TEnum value in Enum.GetValues<TEnum>())
            {
                if (string.Equals(Name(value), text, StringComparison.Ordinal))
                {
                    return value;
                }
            }
        }

        string names = string.Join(", ", Enum.GetValues<TEnum>().Select(v => "\"" + Name(v) + "\""));
        throw new JsonException($"'{property}' must be one of {names}; found {Describe(ref reader)}.");
    }

    /// <summary>Moves to the next token and checks that the input does not end.</summary>
    public static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The JSON ended inside an object; complete the object.");
        }
    }

    /// <summary>Checks that the reader is at the start of an object.</summary>
    public static void StartObject(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"{what} must be a JSON object; found {Describe(ref reader)}.");
        }
    }

    /// <summary>Reads an integer count.</summary>
    public static long ReadInt64(ref Utf8JsonReader reader, string property) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long value)
            ? value
            : throw new JsonException($"'{property}' must be an integer; found {Describe(ref reader)}.");

    /// <summary>Reads an integer.</summary>
    public static int ReadInt32(ref Utf8JsonReader reader, string property) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int value)
            ? value
            : throw new JsonException($"'{property}' must be an integer; found {Describe(ref reader)}.");

    /// <summary>Reads a Boolean.</summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader, string property) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw new JsonException($"'{property}' must be true or false; found {Describe(ref reader)}."),
    };

    /// <summary>Reads a string.</summary>
    public static string ReadString(ref Utf8JsonReader reader, string property) =>
        reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : throw new JsonException($"'{property}' must be a string; found {Describe(ref reader)}.");

    /// <summary>Writes a nullable decimal as a number or null.</summary>
    public static void WriteNumber(Utf8JsonWriter writer, string property, decimal? value)
    {
        if (value is decimal d)
        {
            writer.WriteNumber(property, d);
        }
        else
        {
            writer.WriteNull(property);
        }
    }

    /// <summary>Creates the message for a required property that is missing.</summary>
    public static JsonException Missing(string what, string property) =>
        new($"{what} must have the property '{property}'; add it.");

    /// <summary>Formats an integer for a message.</summary>
    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
