using System.Globalization;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Verification;

/// <summary>Names one figure of the data: a metric in a period, for all members or for one channel or one user segment.</summary>
/// <remarks>Immutable. Equality compares all four parts. The default value is consultations of all channels in the default period.</remarks>
public readonly record struct FigureKey
{
    /// <summary>Creates a key.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="period">The period.</param>
    /// <param name="channel">A channel, or <see langword="null"/> for all channels.</param>
    /// <param name="segment">A segment, or <see langword="null"/> for all segments.</param>
    /// <exception cref="ArgumentException">Both a channel and a segment are given, or one of them is the default value.</exception>
    public FigureKey(Metric metric, ReportingPeriod period, Channel? channel = null, UserSegment? segment = null)
    {
        if (channel is not null && segment is not null)
        {
            throw new ArgumentException("A figure is broken down by a channel or by a segment, not both.", nameof(segment));
        }

        if (channel is { IsDefault: true } || segment is { IsDefault: true })
        {
            throw new ArgumentException("A channel or segment of a figure must be a named one.", channel is { IsDefault: true } ? nameof(channel) : nameof(segment));
        }

        Metric = metric;
        Period = period;
        Channel = channel;
        Segment = segment;
    }

    /// <summary>Gets the metric.</summary>
    public Metric Metric { get; }

    /// <summary>Gets the period.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>Gets the channel, or <see langword="null"/> for all channels.</summary>
    public Channel? Channel { get; }

    /// <summary>Gets the segment, or <see langword="null"/> for all segments.</summary>
    public UserSegment? Segment { get; }

    /// <summary>Gets a value indicating whether the key is for all members (neither a channel nor a segment).</summary>
    public bool IsTotal => Channel is null && Segment is null;

    /// <summary>Returns the key of the same metric and member in another period.</summary>
    /// <param name="period">The other period.</param>
    /// <returns>The key.</returns>
    public FigureKey InPeriod(ReportingPeriod period) => new(Metric, period, Channel, Segment);

    /// <summary>Returns the key of the same metric and period for all members.</summary>
    /// <returns>The key without channel or segment.</returns>
    public FigureKey AsTotal() => new(Metric, Period);

    /// <summary>Returns the invariant form, such as <c>consultations/email 2023-12</c> or <c>users 2023</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        string member = Channel?.Id ?? Segment?.Id ?? string.Empty;
        return member.Length == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Metric} {Period}")
            : string.Create(CultureInfo.InvariantCulture, $"{Metric}/{member} {Period}");
    }
}
