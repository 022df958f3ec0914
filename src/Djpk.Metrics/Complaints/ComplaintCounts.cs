using System.Globalization;

namespace Djpk.Metrics.Complaints;

/// <summary>One category's complaints in a period: received, resolved, and open at the period's end.</summary>
/// <remarks>Immutable. The default value is a category with no complaints.</remarks>
public readonly record struct ComplaintCounts
{
    /// <summary>Creates the row.</summary>
    /// <param name="category">The category.</param>
    /// <param name="received">Complaints received in the period.</param>
    /// <param name="resolved">Complaints resolved in the period.</param>
    /// <param name="openAtEnd">Complaints received by the period's end and not resolved by then.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public ComplaintCounts(ComplaintCategory category, long received, long resolved, long openAtEnd)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(received);
        ArgumentOutOfRangeException.ThrowIfNegative(resolved);
        ArgumentOutOfRangeException.ThrowIfNegative(openAtEnd);
        Category = category;
        Received = received;
        Resolved = resolved;
        OpenAtEnd = openAtEnd;
    }

    /// <summary>Gets the category.</summary>
    public ComplaintCategory Category { get; }

    /// <summary>Gets the complaints received in the period.</summary>
    public long Received { get; }

    /// <summary>Gets the complaints resolved in the period.</summary>
    public long Resolved { get; }

    /// <summary>Gets the complaints still open at the period's end.</summary>
    public long OpenAtEnd { get; }

    /// <summary>Returns the invariant text form, such as <c>keluhan-layanan: received 4, resolved 3, open 1</c>.</summary>
    /// <returns>The counts as text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Category}: received {Received}, resolved {Resolved}, open {OpenAtEnd}");
}
