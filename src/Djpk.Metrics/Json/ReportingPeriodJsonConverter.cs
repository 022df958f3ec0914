using System.Text.Json;
using System.Text.Json.Serialization;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Json;

/// <summary>Converts a <see cref="ReportingPeriod"/> to and from its invariant text, such as "2023-12", "2023-W52", "2023-Q4", "2023-12-31" or "2023".</summary>
/// <remarks>Immutable. Writes <see cref="ReportingPeriod.ToString"/> and reads with <see cref="ReportingPeriod.TryParse"/>, so every period round-trips.</remarks>
public sealed class ReportingPeriodJsonConverter : JsonConverter<ReportingPeriod>
{
    /// <summary>Reads a period from its invariant text.</summary>
    /// <param name="reader">The reader, at a string token.</param>
    /// <param name="typeToConvert">The type, <see cref="ReportingPeriod"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The period.</returns>
    /// <exception cref="JsonException">The token is not a string, or the string is not a period in one of the invariant forms.</exception>
    public override ReportingPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return ReportingPeriod.TryParse(text, out ReportingPeriod period)
            ? period
            : throw new JsonException($"A reporting period must be a string such as \"2023-12-31\", \"2023-W52\", \"2023-12\", \"2023-Q4\" or \"2023\"; found {JsonText.Describe(ref reader)}.");
    }

    /// <summary>Writes <paramref name="value"/> as its invariant text.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The period.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    public override void Write(Utf8JsonWriter writer, ReportingPeriod value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }

    /// <summary>Reads a period used as a property name, such as a key of a dictionary.</summary>
    /// <param name="reader">The reader, at a property name.</param>
    /// <param name="typeToConvert">The type, <see cref="ReportingPeriod"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The period.</returns>
    /// <exception cref="JsonException">The name is not a period in one of the invariant forms.</exception>
    public override ReportingPeriod ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReportingPeriod.TryParse(reader.GetString(), out ReportingPeriod period)
            ? period
            : throw new JsonException($"A reporting period key must be such as \"2023-12\" or \"2023-Q4\"; found {JsonText.Describe(ref reader)}.");

    /// <summary>Writes a period as a property name, such as a key of a dictionary.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The period.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, ReportingPeriod value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.ToString());
    }
}
