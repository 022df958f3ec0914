using System.Collections.Immutable;
using System.Text.Json;
using Djpk.Metrics.Periods;
using NodaTime;

namespace Djpk.Metrics.Aggregation;

/// <summary>Writes aggregate results (consultation counts, distinct users) as JSON, through a source-generated serializer.</summary>
/// <remarks>
/// <para>The document names the measure (<c>consultations</c> or <c>distinctUsers</c>), the zone, the grain, the
/// dimensions, the span of the data (<c>earliest</c>, <c>latest</c> as ISO instants), every period of the axis with
/// <c>hasData</c>, and one cell per period with data and member combination — zeros included, members of dimensions
/// not broken down by left out. A period without data has no cells: a missing period is not a zero.</para>
/// <para>Distinct-user cells are the exact users of that one cell; they do not add up across cells or periods.</para>
/// <para>The document also gives its <c>version</c> (1), every member of each dimension broken down by
/// (<c>channels</c>, <c>segments</c>, <c>topics</c>), the filters (<c>channelFilter</c>, <c>segmentFilter</c>) and, in
/// each distinct-user cell, the <c>users</c>' keys in ascending order, so <see cref="ReadCountCube"/> and
/// <see cref="ReadDistinctUserCube"/> read it back to an equal cube that merges with others.</para>
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

    /// <summary>Writes <paramref name="cube"/> as indented UTF-8 JSON to <paramref name="stream"/> without blocking a thread on I/O, as ASP.NET Core's response body requires; the stream stays open.</summary>
    /// <param name="cube">The consultation counts or distinct users.</param>
    /// <param name="stream">The output; only its asynchronous write and flush methods are called.</param>
    /// <param name="cancellationToken">Cancels a pending write.</param>
    /// <returns>A task that completes when the document is written and the stream flushed; the bytes are those of <see cref="Write"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cube"/> or <paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static Task WriteAsync(IAggregateCube cube, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return JsonSerializer.SerializeAsync(stream, Document(cube), AggregateJsonContext.WithNodaTime.AggregateDocument, cancellationToken);
    }

    /// <summary>Returns <paramref name="cube"/> as indented JSON text.</summary>
    /// <param name="cube">The consultation counts or distinct users.</param>
    /// <returns>The JSON document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cube"/> is <see langword="null"/>.</exception>
    public static string Render(IAggregateCube cube) => JsonSerializer.Serialize(Document(cube), AggregateJsonContext.WithNodaTime.AggregateDocument);

    /// <summary>Reads consultation counts that <see cref="Write"/> wrote as JSON; the stream stays open.</summary>
    /// <param name="stream">The UTF-8 JSON document.</param>
    /// <returns>The cube, equal to the one written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidDataException">The stream is not such a JSON document, it holds distinct users, it lacks the member lists (written before version 1), or its axes and cells do not agree.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static CountCube ReadCountCube(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ToCountCube(Deserialize(() => JsonSerializer.Deserialize(stream, AggregateJsonContext.WithNodaTime.AggregateDocument)));
    }

    /// <summary>Parses consultation counts from JSON text that <see cref="Render"/> returned.</summary>
    /// <param name="json">The JSON document.</param>
    /// <returns>The cube, equal to the one rendered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidDataException">The text is not such a JSON document, it holds distinct users, it lacks the member lists (written before version 1), or its axes and cells do not agree.</exception>
    public static CountCube ParseCountCube(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ToCountCube(Deserialize(() => JsonSerializer.Deserialize(json, AggregateJsonContext.WithNodaTime.AggregateDocument)));
    }

    /// <summary>Reads distinct users that <see cref="Write"/> wrote as JSON; the stream stays open.</summary>
    /// <param name="stream">The UTF-8 JSON document.</param>
    /// <returns>The cube, equal to the one written, with every cell's user keys.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidDataException">The stream is not such a JSON document, it holds consultation counts, it lacks the member lists or users (written before version 1), or its axes and cells do not agree.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static DistinctUserCube ReadDistinctUserCube(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ToDistinctUserCube(Deserialize(() => JsonSerializer.Deserialize(stream, AggregateJsonContext.WithNodaTime.AggregateDocument)));
    }

    /// <summary>Parses distinct users from JSON text that <see cref="Render"/> returned.</summary>
    /// <param name="json">The JSON document.</param>
    /// <returns>The cube, equal to the one rendered, with every cell's user keys.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidDataException">The text is not such a JSON document, it holds consultation counts, it lacks the member lists or users (written before version 1), or its axes and cells do not agree.</exception>
    public static DistinctUserCube ParseDistinctUserCube(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ToDistinctUserCube(Deserialize(() => JsonSerializer.Deserialize(json, AggregateJsonContext.WithNodaTime.AggregateDocument)));
    }

    private static AggregateDocument Deserialize(Func<AggregateDocument?> read)
    {
        try
        {
            return read() ?? throw new InvalidDataException("The JSON document is null, not an aggregate: write one with AggregateJson.Write.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The text is not an aggregate JSON document: {e.Message}", e);
        }
    }

    private static CountCube ToCountCube(AggregateDocument document)
    {
        (CubeShape shape, int[] cells) = Rebuild(document, "consultations");
        var counts = new long[checked(shape.Periods.Count * shape.Cells)];
        for (int i = 0; i < cells.Length; i++)
        {
            counts[cells[i]] = document.Cells[i].Count >= 0 && document.Cells[i].Users is null
                ? document.Cells[i].Count
                : throw new InvalidDataException("A consultation count must be a non-negative count without users; the document is corrupted.");
        }

        return new CountCube(shape, counts);
    }

    private static DistinctUserCube ToDistinctUserCube(AggregateDocument document)
    {
        (CubeShape shape, int[] cells) = Rebuild(document, "distinctUsers");
        var sets = new UserSet?[checked(shape.Periods.Count * shape.Cells)];
        for (int i = 0; i < cells.Length; i++)
        {
            CellDocument cell = document.Cells[i];
            if (cell.Users is not { } users || users.Count != cell.Count)
            {
                throw new InvalidDataException("Each distinct-user cell must list its users, as many as its count (documents before version 1 do not); the document cannot be read back.");
            }

            long[] keys = [.. users];
            for (int k = 1; k < keys.Length; k++)
            {
                if (keys[k] <= keys[k - 1])
                {
                    throw new InvalidDataException("A cell's users must be distinct keys in ascending order; the document is corrupted.");
                }
            }

            sets[cells[i]] = keys.Length == 0 ? null : new UserSet(keys);
        }

        return new DistinctUserCube(shape, sets);
    }

    // The shape a document describes, and the position in the cube of each of its cells; every cell of every period with data must be there once.
    private static (CubeShape Shape, int[] Cells) Rebuild(AggregateDocument d, string measure)
    {
        if (d.Measure != measure)
        {
            throw new InvalidDataException(d.Measure switch
            {
                "consultations" => "The document holds consultation counts: read it with AggregateJson.ReadCountCube.",
                "distinctUsers" => "The document holds distinct users: read it with AggregateJson.ReadDistinctUserCube.",
                _ => $"The document's measure '{d.Measure}' is neither 'consultations' nor 'distinctUsers'.",
            });
        }

        if (d.Version != 1 || d.Channels is null || d.Segments is null || d.Topics is null || d.ChannelFilter is null || d.SegmentFilter is null
            || d.Periods is null || d.Cells is null || d.Dimensions is null)
        {
            throw new InvalidDataException("The document must be version 1 with its member and filter lists (channels, segments, topics, channelFilter, segmentFilter); write it again with this library.");
        }

        if (!Enum.TryParse(d.Grain, ignoreCase: false, out PeriodGrain grain) || !Enum.IsDefined(grain) || grain.ToString() != d.Grain)
        {
            throw new InvalidDataException($"The document's grain '{d.Grain}' is not one of Day, Week, Month, Quarter and Year.");
        }

        var periods = new ReportingPeriod[d.Periods.Count];
        for (int i = 0; i < periods.Length; i++)
        {
            if (!ReportingPeriod.TryParse(d.Periods[i].Period, out periods[i]) || periods[i].Grain != grain
                || (i > 0 && periods[i].Index != periods[i - 1].Index + 1))
            {
                throw new InvalidDataException("The document's periods must be consecutive periods of its grain.");
            }
        }

        if (periods.Length == 0)
        {
            throw new InvalidDataException("The document's period axis is empty.");
        }

        AggregationDimensions dimensions = AggregationDimensions.None;
        foreach (string name in d.Dimensions)
        {
            AggregationDimensions dimension = name switch
            {
                "channel" => AggregationDimensions.Channel,
                "segment" => AggregationDimensions.Segment,
                "topic" => AggregationDimensions.Topic,
                _ => throw new InvalidDataException($"The dimension '{name}' is not one of channel, segment and topic."),
            };
            dimensions = (dimensions & dimension) == 0 ? dimensions | dimension : throw new InvalidDataException($"The dimension '{name}' is listed twice.");
        }

        if ((d.Earliest is null) != (d.Latest is null))
        {
            throw new InvalidDataException("The document must give both earliest and latest, or neither.");
        }

        CubeShape shape = CubeFormat.Shape(
            d.Zone ?? string.Empty,
            grain,
            periods[0].Index,
            periods.Length,
            dimensions,
            Members(d.Channels, ChannelNamed),
            Members(d.Segments, SegmentNamed),
            Members(d.Topics, TopicNamed),
            Members(d.ChannelFilter, ChannelNamed),
            Members(d.SegmentFilter, SegmentNamed),
            d.Earliest is { } earliest ? new Interval(earliest, d.Latest!.Value) : null);
        for (int i = 0; i < periods.Length; i++)
        {
            if (d.Periods[i].HasData != shape.HasData(i))
            {
                throw new InvalidDataException($"The document says period {periods[i]} {(d.Periods[i].HasData ? "has" : "has no")} data, but its data span says otherwise.");
            }
        }

        Dictionary<Channel, int> channels = Positions(shape.Channels);
        Dictionary<UserSegment, int> segments = Positions(shape.Segments);
        Dictionary<Topic, int> topics = Positions(shape.Topics);
        var positions = new int[d.Cells.Count];
        var seen = new bool[checked(shape.Periods.Count * shape.Cells)];
        for (int i = 0; i < positions.Length; i++)
        {
            CellDocument cell = d.Cells[i] ?? throw new InvalidDataException("A cell of the document is null.");
            int period = ReportingPeriod.TryParse(cell.Period, out ReportingPeriod p) ? shape.Periods.IndexOf(p) : -1;
            int c = Position(cell.Channel, channels, ChannelNamed);
            int s = Position(cell.Segment, segments, SegmentNamed);
            int t = Position(cell.Topic, topics, TopicNamed);
            if (period < 0 || !shape.HasData(period) || c < 0 || s < 0 || t < 0)
            {
                throw new InvalidDataException($"A cell of {cell.Period} names a period without data or a member not on the cube's axes.");
            }

            positions[i] = (period * shape.Cells) + shape.CellOf(c, s, t);
            if (seen[positions[i]])
            {
                throw new InvalidDataException($"A cell of {cell.Period} appears twice.");
            }

            seen[positions[i]] = true;
        }

        if (positions.Length != Enumerable.Range(0, periods.Length).Count(shape.HasData) * shape.Cells)
        {
            throw new InvalidDataException("The document must have every cell of every period with data, zeros included.");
        }

        return (shape, positions);
    }

    private static Channel? ChannelNamed(string id) => Channel.TryCreate(id, out Channel channel) && channel.Id == id ? channel : null;

    private static UserSegment? SegmentNamed(string id) => UserSegment.TryCreate(id, out UserSegment segment) && segment.Id == id ? segment : null;

    private static Topic? TopicNamed(string name) =>
        name.Length == 0 ? Topic.Unspecified : Topic.TryCreate(name, out Topic topic) && topic.Name == name ? topic : null;

    private static ImmutableArray<T> Members<T>(IReadOnlyList<string> names, Func<string, T?> create)
        where T : struct =>
        [.. names.Select(name => name is not null && create(name) is T member ? member : throw new InvalidDataException($"'{name}' is not a valid member name."))];

    private static Dictionary<T, int> Positions<T>(ImmutableArray<T> members)
        where T : notnull
    {
        var positions = new Dictionary<T, int>();
        for (int i = 0; i < members.Length; i++)
        {
            positions.Add(members[i], i);
        }

        return positions;
    }

    // The member's position on its axis: 0 for a dimension not broken down by (the name must be absent), −1 when unknown.
    private static int Position<T>(string? name, Dictionary<T, int> positions, Func<string, T?> create)
        where T : struct
    {
        if (positions.Count == 0)
        {
            return name is null ? 0 : -1;
        }

        return name is not null && create(name) is T member && positions.TryGetValue(member, out int position) ? position : -1;
    }

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
                        long count = cube.Count(period, channel, segment, topic)!.Value;
                        long[]? users = cube is DistinctUserCube unique ? [.. unique.Users(period, channel, segment, topic)!.Select(u => u.Value)] : null;
                        cells.Add(new CellDocument(period.ToString(), channel?.Id, segment?.Id, topic?.Name, count, users));
                    }
                }
            }
        }

        return new AggregateDocument(
            cube.Kind == MetricKind.Unique ? "distinctUsers" : "consultations", cube.Calendar.Zone.Id, cube.Periods.Grain.ToString(),
            DimensionNames(cube.Dimensions), cube.Earliest, cube.Latest,
            [.. cube.Periods.Select(p => new PeriodDocument(p.ToString(), cube.HasData(p)))],
            cells,
            1,
            [.. cube.Channels.Select(c => c.Id)],
            [.. cube.Segments.Select(s => s.Id)],
            [.. cube.Topics.Select(t => t.Name)],
            [.. cube.ChannelFilter.Select(c => c.Id)],
            [.. cube.SegmentFilter.Select(s => s.Id)]);
    }

    private static string[] DimensionNames(AggregationDimensions dimensions) =>
        [.. new[] { AggregationDimensions.Channel, AggregationDimensions.Segment, AggregationDimensions.Topic }
            .Where(d => dimensions.HasFlag(d))
            .Select(d => d == AggregationDimensions.Channel ? "channel" : d == AggregationDimensions.Segment ? "segment" : "topic")];
}
