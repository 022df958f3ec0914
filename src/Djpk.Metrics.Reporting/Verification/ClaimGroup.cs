namespace Djpk.Metrics.Verification;

/// <summary>Names a set of claims that a report rounds by one convention, such as all its changes or all its channel shares.</summary>
/// <remarks>The default value is <see cref="None"/>.</remarks>
public enum ClaimGroup
{
    /// <summary>Claims without rounding: directions and totals.</summary>
    None = 0,

    /// <summary>Percent changes.</summary>
    Changes = 1,

    /// <summary>Shares of a channel in its metric's total.</summary>
    ChannelShares = 2,

    /// <summary>Shares of a user segment in its metric's total.</summary>
    SegmentShares = 3,

    /// <summary>Other shares: of neither a channel nor a segment in its metric's total, or of another metric (rates such as a channel's abandoned contacts of its contacts).</summary>
    OtherShares = 4,

    /// <summary>Ratios, such as average reach per post.</summary>
    Ratios = 5,
}
