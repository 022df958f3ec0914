namespace Djpk.Metrics.Service;

/// <summary>What service metrics are broken down by, besides the period.</summary>
/// <remarks>The default value is <see cref="None"/>: one cell per period.</remarks>
public enum ServiceBreakdown
{
    /// <summary>No breakdown: one cell per period.</summary>
    None = 0,

    /// <summary>By channel.</summary>
    Channel = 1,

    /// <summary>By user segment.</summary>
    Segment = 2,

    /// <summary>By topic.</summary>
    Topic = 3,

    /// <summary>By agent; contacts without an agent form a cell of their own.</summary>
    Agent = 4,
}
