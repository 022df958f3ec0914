using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace Djpk.Metrics.Aggregation;

/// <summary>The JSON shape of an aggregate: its axes, then one cell per period with data and member combination.</summary>
internal sealed record AggregateDocument(
    string Measure,
    string Zone,
    string Grain,
    IReadOnlyList<string> Dimensions,
    Instant? Earliest,
    Instant? Latest,
    IReadOnlyList<PeriodDocument> Periods,
    IReadOnlyList<CellDocument> Cells,
    int? Version = null,
    IReadOnlyList<string>? Channels = null,
    IReadOnlyList<string>? Segments = null,
    IReadOnlyList<string>? Topics = null,
    IReadOnlyList<string>? ChannelFilter = null,
    IReadOnlyList<string>? SegmentFilter = null);

/// <summary>A period of the axis and whether the data reaches it.</summary>
internal sealed record PeriodDocument(string Period, bool HasData);

/// <summary>One cell: a period, the members of the dimensions broken down by, its count and, for distinct users, the users' keys in ascending order.</summary>
internal sealed record CellDocument(string Period, string? Channel, string? Segment, string? Topic, long Count, IReadOnlyList<long>? Users = null);

/// <summary>The source-generated serializer of aggregate documents: no reflection, no polymorphism, no type names.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(AggregateDocument))]
internal sealed partial class AggregateJsonContext : JsonSerializerContext
{
    /// <summary>Gets the context with NodaTime's ISO instant converter.</summary>
    public static AggregateJsonContext WithNodaTime { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Converters = { new Json.InstantJsonConverter() },
    });
}
