using System.Text.Json;
using System.Text.Json.Serialization;

namespace Djpk.Metrics.Json;

/// <summary>Converts a <see cref="UserSegment"/> to and from its id, such as "pemda".</summary>
/// <remarks>Immutable. The default value (no id) is written as <c>null</c> and read back from <c>null</c>; any other value round-trips through its id.</remarks>
public sealed class UserSegmentJsonConverter : JsonConverter<UserSegment>
{
    /// <summary>Gets <see langword="true"/>: <c>null</c> is read as the default value.</summary>
    public override bool HandleNull => true;

    /// <summary>Reads a user segment from its id.</summary>
    /// <param name="reader">The reader, at a string or null token.</param>
    /// <param name="typeToConvert">The type, <see cref="UserSegment"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The user segment; the default value for <c>null</c>.</returns>
    /// <exception cref="JsonException">The token is neither a string nor null, or the string is not a valid id.</exception>
    public override UserSegment Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        StableIdJson.Read<UserSegment>(ref reader, UserSegment.TryCreate, "user segment", "pemda");

    /// <summary>Writes <paramref name="value"/> as its id, or <c>null</c> for the default value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The user segment.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    public override void Write(Utf8JsonWriter writer, UserSegment value, JsonSerializerOptions options) =>
        StableIdJson.Write(writer, value.IsDefault, value.Id);

    /// <summary>Reads a user segment used as a property name, such as a key of a dictionary.</summary>
    /// <param name="reader">The reader, at a property name.</param>
    /// <param name="typeToConvert">The type, <see cref="UserSegment"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The user segment.</returns>
    /// <exception cref="JsonException">The name is not a valid id.</exception>
    public override UserSegment ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        StableIdJson.ReadKey<UserSegment>(ref reader, UserSegment.TryCreate, "user segment", "pemda");

    /// <summary>Writes a user segment as a property name, such as a key of a dictionary.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The user segment; not the default value.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is the default value, which has no id to use as a key.</exception>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, UserSegment value, JsonSerializerOptions options) =>
        StableIdJson.WriteKey(writer, value.IsDefault, value.Id, nameof(UserSegment));
}
