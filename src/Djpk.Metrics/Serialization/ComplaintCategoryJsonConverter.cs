using System.Text.Json;
using System.Text.Json.Serialization;
using Djpk.Metrics.Complaints;
using Djpk.Metrics.Json;

namespace Djpk.Metrics.Serialization;

/// <summary>Converts a <see cref="ComplaintCategory"/> to and from its id, such as "keluhan-layanan".</summary>
/// <remarks>Immutable. The default value (no id) is written as <c>null</c> and read back from <c>null</c>; any other value round-trips through its id.</remarks>
public sealed class ComplaintCategoryJsonConverter : JsonConverter<ComplaintCategory>
{
    /// <summary>Gets <see langword="true"/>: <c>null</c> is read as the default value.</summary>
    public override bool HandleNull => true;

    /// <summary>Reads a complaint category from its id.</summary>
    /// <param name="reader">The reader, at a string or null token.</param>
    /// <param name="typeToConvert">The type, <see cref="ComplaintCategory"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The complaint category; the default value for <c>null</c>.</returns>
    /// <exception cref="JsonException">The token is neither a string nor null, or the string is not a valid id.</exception>
    public override ComplaintCategory Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        StableIdJson.Read<ComplaintCategory>(ref reader, ComplaintCategory.TryCreate, "complaint category", "keluhan-layanan");

    /// <summary>Writes <paramref name="value"/> as its id, or <c>null</c> for the default value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The complaint category.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    public override void Write(Utf8JsonWriter writer, ComplaintCategory value, JsonSerializerOptions options) =>
        StableIdJson.Write(writer, value.IsDefault, value.Id);

    /// <summary>Reads a complaint category used as a property name, such as a key of a dictionary.</summary>
    /// <param name="reader">The reader, at a property name.</param>
    /// <param name="typeToConvert">The type, <see cref="ComplaintCategory"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The complaint category.</returns>
    /// <exception cref="JsonException">The name is not a valid id.</exception>
    public override ComplaintCategory ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        StableIdJson.ReadKey<ComplaintCategory>(ref reader, ComplaintCategory.TryCreate, "complaint category", "keluhan-layanan");

    /// <summary>Writes a complaint category as a property name, such as a key of a dictionary.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The complaint category; not the default value.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is the default value, which has no id to use as a key.</exception>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, ComplaintCategory value, JsonSerializerOptions options) =>
        StableIdJson.WriteKey(writer, value.IsDefault, value.Id, nameof(ComplaintCategory));
}
