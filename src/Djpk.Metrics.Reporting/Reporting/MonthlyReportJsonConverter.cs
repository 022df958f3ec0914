using System.Text.Json;
using System.Text.Json.Serialization;

namespace Djpk.Metrics.Reporting;

/// <summary>Writes a <see cref="MonthlyReport"/> as the document of <see cref="MonthlyReport.RenderJson"/>.</summary>
/// <remarks>Immutable. Writing only: the schema is the report model's (docs/monthly-report.md, "JSON"); a report is built
/// from its inputs, not read back from its JSON.</remarks>
public sealed class MonthlyReportJsonConverter : JsonConverter<MonthlyReport>
{
    /// <summary>Throws: a report is not read back from JSON.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="typeToConvert">The type, <see cref="MonthlyReport"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always: build the report again with <see cref="MonthlyReport.Build"/> from its inputs.</exception>
    public override MonthlyReport Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A MonthlyReport is written as JSON but not read back; build it again with MonthlyReport.Build from its inputs.");

    /// <summary>Writes <paramref name="value"/> as the report model's JSON document.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The report.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    public override void Write(Utf8JsonWriter writer, MonthlyReport value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteRawValue(value.RenderJson());
    }
}
