namespace Djpk.Metrics;

/// <summary>A group of the service's users, such as local governments (Pemda) or academics, named by a stable id.</summary>
/// <remarks>
/// <para>Immutable. Equality and ordering compare the id ordinally. The id is lower-case ASCII letters, digits and
/// hyphens ("pemda", "kementerian-lembaga"); names and what the group includes live in a <see cref="Catalog"/>.</para>
/// <para>A new segment needs no change to the library: create it and add it to a catalog.</para>
/// <para>The default value has no id and belongs to no catalog; <see cref="IsDefault"/> tells it apart.</para>
/// </remarks>
public readonly record struct UserSegment : IComparable<UserSegment>
{
    private readonly string? _id;

    /// <summary>Creates the segment with the id <paramref name="id"/>.</summary>
    /// <param name="id">The stable id, such as "pemda".</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not lower-case ASCII letters, digits and single inner hyphens.</exception>
    public UserSegment(string id) => _id = Identifier.Validate(id, nameof(id));

    /// <summary>Tries to create the segment with the id <paramref name="id"/>, such as "pemda".</summary>
    /// <param name="id">The id.</param>
    /// <param name="segment">The segment, when the id is valid.</param>
    /// <returns><see langword="true"/> when <paramref name="id"/> is lower-case ASCII letters, digits and single inner hyphens.</returns>
    public static bool TryCreate([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id, out UserSegment segment)
    {
        bool valid = Identifier.IsValid(id);
        segment = valid ? new UserSegment(id!) : default;
        return valid;
    }

    /// <summary>Gets the stable id, such as "pemda"; empty for the default value.</summary>
    public string Id => _id ?? string.Empty;

    /// <summary>Gets a value indicating whether this is the default value, which names no segment.</summary>
    public bool IsDefault => _id is null;

    /// <summary>Compares the ids ordinally.</summary>
    /// <param name="other">The segment to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this id sorts before, with or after the other.</returns>
    public int CompareTo(UserSegment other) => string.CompareOrdinal(Id, other.Id);

    /// <summary>Returns the id.</summary>
    /// <returns>The id, such as "pemda".</returns>
    public override string ToString() => Id;

    /// <inheritdoc/>
    public bool Equals(UserSegment other) => string.Equals(_id, other._id, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => _id is null ? 0 : StringComparer.Ordinal.GetHashCode(_id);

    /// <summary>Returns whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first segment.</param>
    /// <param name="right">The second segment.</param>
    /// <returns><see langword="true"/> when the first id sorts before the second.</returns>
    public static bool operator <(UserSegment left, UserSegment right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first segment.</param>
    /// <param name="right">The second segment.</param>
    /// <returns><see langword="true"/> when the first id sorts after the second.</returns>
    public static bool operator >(UserSegment left, UserSegment right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether <paramref name="left"/> sorts before or equals <paramref name="right"/>.</summary>
    /// <param name="left">The first segment.</param>
    /// <param name="right">The second segment.</param>
    /// <returns><see langword="true"/> unless the first id sorts after the second.</returns>
    public static bool operator <=(UserSegment left, UserSegment right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after or equals <paramref name="right"/>.</summary>
    /// <param name="left">The first segment.</param>
    /// <param name="right">The second segment.</param>
    /// <returns><see langword="true"/> unless the first id sorts before the second.</returns>
    public static bool operator >=(UserSegment left, UserSegment right) => left.CompareTo(right) >= 0;
}
