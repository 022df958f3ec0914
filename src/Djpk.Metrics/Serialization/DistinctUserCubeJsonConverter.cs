using System.Text.Json;
using System.Text.Json.Serialization;
using Djpk.Metrics.Aggregation;

namespace Djpk.Metrics.Serialization;

/// <summary>Writes a <see cref="DistinctUserCube"/> as its cells: the document of <see cref="AggregateJson"/>.</summary>
/// <remarks>Immutable. Writing only: the document names the measure, zone, grain, dimensions, the span of the data, the
/// period axis with <c>hasData</c>, and one cell per period with data and member combination (see <see cref="AggregateJson"/>).</remarks>
public sealed class DistinctUserCubeJsonConverter : JsonConverter<DistinctUserCube>
{
    /// <summary>Throws: a cube is not read back from JSON.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="typeToConvert">The type, <see cref="DistinctUserCube"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always: a cube is written as its cells but not read back; aggregate the log again instead.</exception>
    public override DistinctUserCube Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A DistinctUserCube is written as its cells but not read back from JSON; aggregate the log again instead.");

    /// <summary>Writes <paramref name="value"/> as its cells.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The cube.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    public override void Write(Utf8JsonWriter writer, DistinctUserCube value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteRawValue(AggregateJson.Render(value));
    }
}
