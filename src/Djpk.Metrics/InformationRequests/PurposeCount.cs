using System.Globalization;

namespace Djpk.Metrics.InformationRequests;

/// <summary>A purpose of information requests and how many requests gave it.</summary>
/// <remarks>Immutable. The default value has an empty purpose and a count of 0.</remarks>
public readonly record struct PurposeCount
{
    /// <summary>Creates the row.</summary>
    /// <param name="purpose">The purpose, such as "penelitian".</param>
    /// <param name="count">The number of requests.</param>
    /// <exception cref="ArgumentNullException"><paramref name="purpose"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public PurposeCount(string purpose, long count)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Purpose = purpose;
        Count = count;
    }

    /// <summary>Gets the purpose.</summary>
    public string Purpose { get; }

    /// <summary>Gets the number of requests.</summary>
    public long Count { get; }

    /// <summary>Returns the invariant text form, such as <c>penelitian: 97</c>.</summary>
    /// <returns>The purpose and count.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Purpose}: {Count}");
}
