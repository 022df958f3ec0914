namespace Djpk.Metrics;

/// <summary>A channel through which the public reaches the service, such as WhatsApp or the phone line, named by a stable id.</summary>
/// <remarks>
/// <para>Immutable. Equality and ordering compare the id ordinally. The id is lower-case ASCII letters, digits and
/// hyphens ("whatsapp", "hai-kemenkeu"); names in Indonesian and English and the kind live in a <see cref="Catalog"/>.</para>
/// <para>A new channel, such as "tiktok", needs no change to the library: create it and add it to a catalog.</para>
/// <para>The default value has no id and belongs to no catalog; <see cref="IsDefault"/> tells it apart.</para>
/// </remarks>
public readonly record struct Channel : IComparable<Channel>
{
    private readonly string? _id;

    /// <summary>Creates the channel with the id <paramref name="id"/>.</summary>
    /// <param name="id">The stable id, such as "whatsapp".</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not lower-case ASCII letters, digits and single inner hyphens.</exception>
    public Channel(string id) => _id = Identifier.Validate(id, nameof(id));

    /// <summary>Tries to create the channel with the id <paramref name="id"/>, such as "whatsapp".</summary>
    /// <param name="id">The id.</param>
    /// <param name="channel">The channel, when the id is valid.</param>
    /// <returns><see langword="true"/> when <paramref name="id"/> is lower-case ASCII letters, digits and single inner hyphens.</returns>
    public static bool TryCreate([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id, out Channel channel)
    {
        bool valid = Identifier.IsValid(id);
        channel = valid ? new Channel(id!) : default;
        return valid;
    }

    /// <summary>Gets the stable id, such as "whatsapp"; empty for the default value.</summary>
    public string Id => _id ?? string.Empty;

    /// <summary>Gets a value indicating whether this is the default value, which names no channel.</summary>
    public bool IsDefault => _id is null;

    /// <summary>Compares the ids ordinally.</summary>
    /// <param name="other">The channel to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this id sorts before, with or after the other.</returns>
    public int CompareTo(Channel other) => string.CompareOrdinal(Id, other.Id);

    /// <summary>Returns the id.</summary>
    /// <returns>The id, such as "whatsapp".</returns>
    public override string ToString() => Id;

    /// <inheritdoc/>
    public bool Equals(Channel other) => string.Equals(_id, other._id, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => _id is null ? 0 : StringComparer.Ordinal.GetHashCode(_id);

    /// <summary>Returns whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first channel.</param>
    /// <param name="right">The second channel.</param>
    /// <returns><see langword="true"/> when the first id sorts before the second.</returns>
    public static bool operator <(Channel left, Channel right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first channel.</param>
    /// <param name="right">The second channel.</param>
    /// <returns><see langword="true"/> when the first id sorts after the second.</returns>
    public static bool operator >(Channel left, Channel right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether <paramref name="left"/> sorts before or equals <paramref name="right"/>.</summary>
    /// <param name="left">The first channel.</param>
    /// <param name="right">The second channel.</param>
    /// <returns><see langword="true"/> unless the first id sorts after the second.</returns>
    public static bool operator <=(Channel left, Channel right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after or equals <paramref name="right"/>.</summary>
    /// <param name="left">The first channel.</param>
    /// <param name="right">The second channel.</param>
    /// <returns><see langword="true"/> unless the first id sorts before the second.</returns>
    public static bool operator >=(Channel left, Channel right) => left.CompareTo(right) >= 0;
}
