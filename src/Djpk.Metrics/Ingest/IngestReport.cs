using System.Collections.Immutable;
using System.Globalization;

namespace Djpk.Metrics.Ingest;

/// <summary>The account of one read: how many rows were read, accepted and rejected, and why each rejected row was.</summary>
/// <remarks>
/// <para>Immutable. Always <c><see cref="Accepted"/> + <see cref="Rejected"/> == <see cref="RowsRead"/></c>. Blank
/// lines are not rows; they are counted apart in <see cref="BlankLines"/>.</para>
/// <para><see cref="Rejections"/> holds the first <see cref="IngestOptions.MaxRejectionDetails"/> rejections in input
/// order; <see cref="RejectedFor"/> counts every rejection by reason.</para>
/// </remarks>
public sealed class IngestReport
{
    private readonly long[] _byReason;

    internal IngestReport(
        long accepted,
        long rejected,
        long blankLines,
        long bytesRead,
        long mappedChannels,
        long mappedSegments,
        long resolvedLocalTimes,
        long[] byReason,
        ImmutableArray<IngestRejection> rejections,
        bool isComplete,
        TimeSpan elapsed)
    {
        Accepted = accepted;
        Rejected = rejected;
        BlankLines = blankLines;
        BytesRead = bytesRead;
        MappedChannels = mappedChannels;
        MappedSegments = mappedSegments;
        ResolvedLocalTimes = resolvedLocalTimes;
        _byReason = byReason;
        Rejections = rejections;
        IsComplete = isComplete;
        Elapsed = elapsed;
    }

    /// <summary>Gets the number of rows read: every non-blank line or record.</summary>
    public long RowsRead => checked(Accepted + Rejected);

    /// <summary>Gets the number of rows that became consultations of the log.</summary>
    public long Accepted { get; }

    /// <summary>Gets the number of rows rejected.</summary>
    public long Rejected { get; }

    /// <summary>Gets the number of blank lines skipped (empty or white space only); they are not rows.</summary>
    public long BlankLines { get; }

    /// <summary>Gets the number of bytes read; zero for a database reader.</summary>
    public long BytesRead { get; }

    /// <summary>Gets the number of accepted rows whose unknown channel was mapped to the declared fallback.</summary>
    public long MappedChannels { get; }

    /// <summary>Gets the number of accepted rows whose unknown segment was mapped to the declared fallback.</summary>
    public long MappedSegments { get; }

    /// <summary>Gets the number of accepted rows whose local time the zone skips or repeats, resolved by <see cref="IngestOptions.LocalTimeResolution"/>.</summary>
    public long ResolvedLocalTimes { get; }

    /// <summary>Gets the first rejections, in input order, up to <see cref="IngestOptions.MaxRejectionDetails"/>.</summary>
    public ImmutableArray<IngestRejection> Rejections { get; }

    /// <summary>Gets a value indicating whether the whole input was read; <see langword="false"/> only when a CSV record too large for the parser's buffer ended the read (the last rejection says where).</summary>
    public bool IsComplete { get; }

    /// <summary>Gets the time the read took, measured by the options' <see cref="TimeProvider"/>.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Returns the number of rows rejected for <paramref name="reason"/> as their first problem, counted over all rejections, not only the details kept.</summary>
    /// <remarks>A row with several problems is counted once, under the first (<see cref="IngestRejection.Reason"/>), so the counts add up to <see cref="Rejected"/>; every problem is in <see cref="IngestRejection.Problems"/>.</remarks>
    /// <param name="reason">The reason.</param>
    /// <returns>The count; 0 for an undefined reason.</returns>
    public long RejectedFor(RejectionReason reason) =>
        (int)reason >= 0 && (int)reason < _byReason.Length ? _byReason[(int)reason] : 0;

    /// <summary>Returns the invariant summary, such as <c>1000 rows read: 998 accepted, 2 rejected (MissingOffset 2)</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        string reasons = string.Join(
            ", ",
            Enum.GetValues<RejectionReason>().Where(r => RejectedFor(r) > 0).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r} {RejectedFor(r)}")));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{RowsRead} rows read: {Accepted} accepted, {Rejected} rejected{(reasons.Length > 0 ? " (" + reasons + ")" : string.Empty)}{(IsComplete ? string.Empty : "; input not read to the end")}");
    }
}
