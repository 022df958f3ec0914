using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Djpk.Metrics.Json;

/// <summary>A set of converters, and the resolver of the contract of each type they convert: no reflection over members, AOT-safe.</summary>
internal sealed class ConverterTypeInfoResolver : IJsonTypeInfoResolver
{
    private readonly Dictionary<Type, Func<JsonSerializerOptions, JsonTypeInfo>> _types = [];
    private readonly List<JsonConverter> _converters = [];

    /// <summary>Gets the converters, in the order they were added.</summary>
    public IReadOnlyList<JsonConverter> Converters => _converters;

    /// <summary>Adds the converter of <typeparamref name="T"/>.</summary>
    public ConverterTypeInfoResolver Add<T>(JsonConverter<T> converter)
    {
        _converters.Add(converter);
        _types[typeof(T)] = options => JsonMetadataServices.CreateValueInfo<T>(options, converter);
        return this;
    }

    /// <summary>Adds a camelCase string converter of the enum <typeparamref name="TEnum"/>; integer values are not read.</summary>
    public ConverterTypeInfoResolver AddEnum<TEnum>()
        where TEnum : struct, Enum
    {
        var factory = new JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
        _converters.Add(factory);
        _types[typeof(TEnum)] = options => JsonMetadataServices.CreateValueInfo<TEnum>(options, (JsonConverter<TEnum>)factory.CreateConverter(typeof(TEnum), options));
        return this;
    }

    /// <inheritdoc/>
    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
        _types.TryGetValue(type, out Func<JsonSerializerOptions, JsonTypeInfo>? create) ? create(options) : null;
}
