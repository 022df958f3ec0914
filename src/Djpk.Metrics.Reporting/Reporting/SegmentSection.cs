using System.Collections.Immutable;
using Djpk.Metrics.Comparison;

namespace Djpk.Metrics.Reporting;

/// <summary>The users of the year to date by segment: distinct users (a union over the months, never a sum) and shares.</summary>
/// <remarks>Immutable. Without a consultation log the section is not available.</remarks>
public sealed class SegmentSection
{
    internal SegmentSection(bool isAvailable, int year, ImmutableArray<SegmentUsers> segments, ShareDistribution? distribution, long? distinctUsers)
    {
        IsAvailable = isAvailable;
        Year = year;
        Segments = segments;
        Distribution = distribution;
        DistinctUsers = distinctUsers;
    }

    /// <summary>Gets a value indicating whether a consultation log was supplied.</summary>
    public bool IsAvailable { get; }

    /// <summary>Gets the year.</summary>
    public int Year { get; }

    /// <summary>Gets each segment's users and share, in catalog order.</summary>
    public ImmutableArray<SegmentUsers> Segments { get; }

    /// <summary>Gets the share distribution, with how it was allocated and whether it sums to 100.</summary>
    public ShareDistribution? Distribution { get; }

    /// <summary>Gets the distinct users over all segments (a user seen in two segments counts once here).</summary>
    public long? DistinctUsers { get; }
}
