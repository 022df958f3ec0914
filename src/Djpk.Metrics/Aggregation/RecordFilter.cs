using Djpk.Metrics.Logs;

namespace Djpk.Metrics.Aggregation;

/// <summary>A request's channel and segment filters as lookup tables indexed by the log's codes.</summary>
internal sealed class RecordFilter
{
    private RecordFilter(bool[] channels, bool[] segments, bool isActive)
    {
        Channels = channels;
        Segments = segments;
        IsActive = isActive;
    }

    public bool[] Channels { get; }

    public bool[] Segments { get; }

    public bool IsActive { get; }

    public static RecordFilter For(InteractionLog log, AggregationRequest request)
    {
        var channels = new bool[Catalog.MaxEntries];
        var segments = new bool[Catalog.MaxEntries];
        for (int code = 0; code < log.Catalog.Channels.Length; code++)
        {
            channels[code] = request.Channels.IsEmpty || request.Channels.Contains(log.Catalog.Channels[code].Channel);
        }

        for (int code = 0; code < log.Catalog.Segments.Length; code++)
        {
            segments[code] = request.Segments.IsEmpty || request.Segments.Contains(log.Catalog.Segments[code].Segment);
        }

        return new RecordFilter(channels, segments, !request.Channels.IsEmpty || !request.Segments.IsEmpty);
    }

    public bool Keeps(byte channel, byte segment) => Channels[channel] && Segments[segment];
}
