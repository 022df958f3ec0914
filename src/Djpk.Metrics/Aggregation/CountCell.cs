using System.Globalization;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Aggregation;

/// <summary>One cell of a <see cref="CountCube"/>: a period, the dimension members the cube is broken down by, and the count.</summary>
/// <remarks>Immutable. A member is <see langword="null"/> when the cube is not broken down by that dimension.</remarks>
public readonly record struct CountCell
{
    internal CountCell(ReportingPeriod period, Channel? channel, UserSegment? segment, Topic? topic, long count)
    {
        Period = period;
        Channel = channel;
        Segment = segment;
        Topic = topic;
        Count = count;
    }

    /// <summary>Gets the period.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>Gets the channel, or <see langword="null"/> when the cube is not broken down by channel.</summary>
    public Channel? Channel { get; }

    /// <summary>Gets the segment, or <see langword="null"/> when the cube is not broken down by segment.</summary>
    public UserSegment? Segment { get; }

    /// <summary>Gets the topic, or <see langword="null"/> when the cube is not broken down by topic.</summary>
    public Topic? Topic { get; }

    /// <summary>Gets the number of consultations.</summary>
    public long Count { get; }

    /// <summary>Returns the invariant text form, such as <c>2023-12 whatsapp: 1118</c>.</summary>
    /// <returns>The cell as text.</returns>
    public override string ToString()
    {
        string members = string.Concat(
            Channel is { } c ? " " + c.Id : string.Empty,
            Segment is { } s ? " " + s.Id : string.Empty,
            Topic is { } t ? " \"" + t.Name + "\"" : string.Empty);
        return string.Create(CultureInfo.InvariantCulture, $"{Period}{members}: {Count}");
    }
}
