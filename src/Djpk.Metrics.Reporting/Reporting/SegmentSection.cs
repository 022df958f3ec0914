using System.Collections.Immutable;
using Djpk.Metrics.Comparison;

namespace Djpk.Metrics.Reporting;

/// <summary>The users of the year to date by segment: distinct users (a union over the months, never a sum) and shares.</summary>
/// <remarks>
/// <para>Immutable. Without a consultation log the section is not available.</para>
/// <para>The shares are of <see cref="SumOfSegmentUsers"/>, the declared denominator (and the one the verifier uses): a user who
/// consulted as two segments counts in both, so the shares add up to 100. When that sum exceeds <see cref="DistinctUsers"/>,
/// the segments do not partition the users (<see cref="SegmentsPartitionUsers"/> is false) and the report says so.</para>
/// </remarks>
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

    /// <summary>Gets the sum of the segments' users, the denominator of the shares (a user seen in two segments counts in both); <see langword="null"/> when not available.</summary>
    public long? SumOfSegmentUsers => IsAvailable && !Segments.IsDefaultOrEmpty ? checked(Segments.Sum(s => s.Users)) : null;

    /// <summary>Gets a value indicating whether every user is in exactly one segment (the segments' users add up to the distinct users); <see langword="true"/> when not available.</summary>
    public bool SegmentsPartitionUsers => SumOfSegmentUsers is not long sum || DistinctUsers is not long distinct || sum == distinct;
}
