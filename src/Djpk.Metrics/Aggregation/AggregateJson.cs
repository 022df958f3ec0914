using System.Text.Json;

namespace Djpk.Metrics.Aggregation;

/// <summary>Writes aggregate results (consultation counts, distinct users) as JSON, through a source-generated serializer.</summary>
/// <remarks>
/// <para>The document names the measure (<c>consultations</c> or <c>distinctUsers</c>), the zone, the grain, the
/// dimensions, the span of the data (<c>earliest</c>, <c>latest</c> as ISO instants), every period of the axis with
/// <c>hasData</c>, and one cell per period with data and member combination — zeros included, members of dimensions
/// not broken down by left out. A period without data has no cells: a missing period is not a zero.</para>
/// <para>Distinct-user cells are the exact users of that one cell; they do not add up across cells or periods.</para>
/// </remarks>
public static class AggregateJson
{
    /// <summary>Writes <paramref name="cube"/> as indented UTF-8 JSON to <paramref name="stream"/>; the stream stays open.</summary>
    /// <param name="cube">The consultation counts or distinct users.</param>
    /// <param name="stream">The output.</param>
    /// <exception cref="ArgumentNullException"><paramref name="cube"/> or <paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    public static void Write(IAggregateCube cube, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonSerializer.Serialize(stream, Document(cube), AggregateJsonContext.WithNodaTime.AggregateDocument);
    }

    /// <summary>Returns <paramref name="cube"/> as indented JSON text.</summary>
    /// <param name="cube">The consultation counts or distinct users.</param>
    /// <returns>The JSON document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cube"/> is <see langword="null"/>.</exception>
    public static string Render(IAggregateCube cube) => JsonSerializer.Serialize(Document(cube), AggregateJsonContext.WithNodaTime.AggregateDocument);

    // One cell per period with data and member combination, read through the cubes' shared shape.
    private static AggregateDocument Document(IAggregateCube cube)
    {
        ArgumentNullException.ThrowIfNull(cube);
        Channel?[] channels = cube.Channels.IsEmpty ? [null] : [.. cube.Channels.Select(c => (Channel?)c)];
        UserSegment?[] segments = cube.Segments.IsEmpty ? [null] : [.. cube.Segments.Select(s => (UserSegment?)s)];
        Topic?[] topics = cube.Topics.IsEmpty ? [null] : [.. cube.Topics.Select(t => (Topic?)t)];
        var cells = new List<CellDocument>();
        foreach (var period in cube.Periods.Where(cube.HasData))
        {
            foreach (Channel? channel in channels)
            {
                foreach (UserSegment? segment in segments)
                {
                    foreach (Topic? topic in topics)
                    {
                        cells.Add(new CellDocument(period.ToString(), channel?.Id, segment?.Id, topic?.Name, cube.Count(period, channel, segment, topic)!.Value));
                    }
                }
            }
        }

        return new AggregateDocument(
            cube.Kind == MetricKind.Unique ? "distinctUsers" : "consultations", cube.Calendar.Zone.Id, cube.Periods.Grain.ToString(),
            DimensionNames(cube.Dimensions), cube.Earliest, cube.Latest,
            [.. cube.Periods.Select(p => new PeriodDocument(p.ToString(), cube.HasData(p)))], cells);
    }

    private static string[] DimensionNames(AggregationDimensions dimensions) =>
        [.. new[] { AggregationDimensions.Channel, AggregationDimensions.Segment, AggregationDimensions.Topic }
            .Where(d => dimensions.HasFlag(d))
            .Select(d => d == AggregationDimensions.Channel ? "channel" : d == AggregationDimensions.Segment ? "segment" : "topic")];
}
