namespace Djpk.Metrics.Complaints;

/// <summary>A category of complaints, such as "pengaduan" (reports of wrongdoing) or "keluhan-layanan" (service complaints), named by a stable id.</summary>
/// <remarks>
/// <para>Immutable. Equality and ordering compare the id ordinally. The id is lower-case ASCII letters, digits and single
/// inner hyphens, like a <see cref="Channel"/>'s; names in Indonesian and English live in a <see cref="ComplaintCategoryInfo"/>
/// that a report's settings hold, so another agency's categories need no change to the library.</para>
/// <para>The default value has no id; <see cref="IsDefault"/> tells it apart.</para>
/// </remarks>
public readonly record struct ComplaintCategory : IComparable<ComplaintCategory>
{
    private readonly string? _id;

    /// <summary>Creates the category with the id <paramref name="id"/>.</summary>
    /// <param name="id">The stable id, such as "keluhan-layanan".</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not lower-case ASCII letters, digits and single inner hyphens.</exception>
    public ComplaintCategory(string id) => _id = Identifier.Validate(id, nameof(id));

    /// <summary>Tries to create the category with the id <paramref name="id"/>, such as "pengaduan".</summary>
    /// <param name="id">The id.</param>
    /// <param name="category">The category, when the id is valid.</param>
    /// <returns><see langword="true"/> when <paramref name="id"/> is lower-case ASCII letters, digits and single inner hyphens.</returns>
    public static bool TryCreate([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id, out ComplaintCategory category)
    {
        bool valid = Identifier.IsValid(id);
        category = valid ? new ComplaintCategory(id!) : default;
        return valid;
    }

    /// <summary>Gets the stable id, such as "pengaduan"; empty for the default value.</summary>
    public string Id => _id ?? string.Empty;

    /// <summary>Gets a value indicating whether this is the default value, which names no category.</summary>
    public bool IsDefault => _id is null;

    /// <summary>Compares the ids ordinally.</summary>
    /// <param name="other">The category to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this id sorts before, with or after the other.</returns>
    public int CompareTo(ComplaintCategory other) => string.CompareOrdinal(Id, other.Id);

    /// <summary>Returns the id.</summary>
    /// <returns>The id, such as "pengaduan".</returns>
    public override string ToString() => Id;

    /// <inheritdoc/>
    public bool Equals(ComplaintCategory other) => string.Equals(_id, other._id, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => _id is null ? 0 : StringComparer.Ordinal.GetHashCode(_id);

    /// <summary>Returns whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first category.</param>
    /// <param name="right">The second category.</param>
    /// <returns><see langword="true"/> when the first id sorts before the second.</returns>
    public static bool operator <(ComplaintCategory left, ComplaintCategory right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first category.</param>
    /// <param name="right">The second category.</param>
    /// <returns><see langword="true"/> when the first id sorts after the second.</returns>
    public static bool operator >(ComplaintCategory left, ComplaintCategory right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether <paramref name="left"/> sorts before or equals <paramref name="right"/>.</summary>
    /// <param name="left">The first category.</param>
    /// <param name="right">The second category.</param>
    /// <returns><see langword="true"/> unless the first id sorts after the second.</returns>
    public static bool operator <=(ComplaintCategory left, ComplaintCategory right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after or equals <paramref name="right"/>.</summary>
    /// <param name="left">The first category.</param>
    /// <param name="right">The second category.</param>
    /// <returns><see langword="true"/> unless the first id sorts before the second.</returns>
    public static bool operator >=(ComplaintCategory left, ComplaintCategory right) => left.CompareTo(right) >= 0;
}
