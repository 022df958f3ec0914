namespace Djpk.Metrics.Verification;

/// <summary>Names an additive identity that a report's figures should satisfy.</summary>
/// <remarks>The default value is <see cref="ChannelsSumToTotal"/>.</remarks>
public enum ReconciliationKind
{
    /// <summary>The channels of a flow metric sum to its total in a period.</summary>
    ChannelsSumToTotal = 0,

    /// <summary>The months of a flow metric sum to its figure for the year.</summary>
    MonthsSumToYear = 1,

    /// <summary>The user segments (which partition the users) sum to all users.</summary>
    SegmentsSumToAll = 2,

    /// <summary>The shares of a whole, published under its group's convention, sum to 100.</summary>
    SharesSumToHundred = 3,
}
