namespace Djpk.Metrics.Aggregation;

/// <summary>The dimensions an aggregate is broken down by, besides the period: any combination of channel, segment and topic.</summary>
/// <remarks>The default value is <see cref="None"/>: totals per period only.</remarks>
[Flags]
public enum AggregationDimensions
{
    /// <summary>No breakdown: one total per period.</summary>
    None = 0,

    /// <summary>By channel.</summary>
    Channel = 1,

    /// <summary>By user segment.</summary>
    Segment = 2,

    /// <summary>By topic.</summary>
    Topic = 4,
}
