namespace Djpk.Metrics.Verification;

/// <summary>How a report's text names a user segment: a pattern and the short id of its claims.</summary>
/// <remarks>Immutable; built by <see cref="ClaimVocabulary.WithSegment"/>.</remarks>
public sealed class ClaimSegmentName
{
    internal ClaimSegmentName(UserSegment segment, string pattern, string shortId)
    {
        Segment = segment;
        Pattern = pattern;
        ShortId = shortId;
    }

    /// <summary>Gets the segment.</summary>
    public UserSegment Segment { get; }

    /// <summary>Gets the regular expression of its names.</summary>
    public string Pattern { get; }

    /// <summary>Gets the short id of its claims, such as "kl".</summary>
    public string ShortId { get; }

    /// <summary>Returns the segment's id and pattern.</summary>
    /// <returns>Such as "pemda: Pemda".</returns>
    public override string ToString() => Segment.Id + ": " + Pattern;
}
