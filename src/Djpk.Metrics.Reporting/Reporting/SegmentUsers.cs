using Djpk.Metrics.Comparison;

namespace Djpk.Metrics.Reporting;

/// <summary>A user segment's distinct users over the report's year to date, and its published share.</summary>
/// <remarks>Immutable.</remarks>
public readonly record struct SegmentUsers
{
    internal SegmentUsers(UserSegmentInfo info, long users, AllocatedShare share)
    {
        Info = info;
        Users = users;
        Share = share;
    }

    /// <summary>Gets the segment and its names.</summary>
    public UserSegmentInfo Info { get; }

    /// <summary>Gets the segment's distinct users.</summary>
    public long Users { get; }

    /// <summary>Gets the segment's share of all segments' users, as allocated under the report's rule.</summary>
    public AllocatedShare Share { get; }
}
