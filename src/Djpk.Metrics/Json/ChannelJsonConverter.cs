using System.Text.Json;
using System.Text.Json.Serialization;

namespace Djpk.Metrics.Json;

/// <summary>Converts a <see cref="Channel"/> to and from its id, such as "whatsapp".</summary>
/// <remarks>Immutable. The default value (no id) is written as <c>null</c> and read back from <c>null</c>; any other value round-trips through its id.</remarks>
public sealed class ChannelJsonConverter : JsonConverter<Channel>
{
    /// <summary>Gets <see langword="true"/>: <c>null</c> is read as the default value.</summary>
    public override bool HandleNull => true;

    /// <summary>Reads a channel from its id.</summary>
    /// <param name="reader">The reader, at a string or null token.</param>
    /// <param name="typeToConvert">The type, <see cref="Channel"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The channel; the default value for <c>null</c>.</returns>
    /// <exception cref="JsonException">The token is neither a string nor null, or the string is not a valid id.</exception>
    public override Channel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        StableIdJson.Read<Channel>(ref reader, Channel.TryCreate, "channel", "whatsapp");

    /// <summary>Writes <paramref name="value"/> as its id, or <c>null</c> for the default value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The channel.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    public override void Write(Utf8JsonWriter writer, Channel value, JsonSerializerOptions options) =>
        StableIdJson.Write(writer, value.IsDefault, value.Id);

    /// <summary>Reads a channel used as a property name, such as a key of a dictionary.</summary>
    /// <param name="reader">The reader, at a property name.</param>
    /// <param name="typeToConvert">The type, <see cref="Channel"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The channel.</returns>
    /// <exception cref="JsonException">The name is not a valid id.</exception>
    public override Channel ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        StableIdJson.ReadKey<Channel>(ref reader, Channel.TryCreate, "channel", "whatsapp");

    /// <summary>Writes a channel as a property name, such as a key of a dictionary.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The channel; not the default value.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is the default value, which has no id to use as a key.</exception>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, Channel value, JsonSerializerOptions options) =>
        StableIdJson.WriteKey(writer, value.IsDefault, value.Id, nameof(Channel));
}
