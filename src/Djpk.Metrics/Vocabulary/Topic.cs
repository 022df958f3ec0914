namespace Djpk.Metrics;

/// <summary>What a consultation was about, such as "Reservasi", "DBH" or "DAK Non Fisik": an open set of names.</summary>
/// <remarks>
/// <para>Immutable. The name is trimmed; equality and ordering compare it ordinally ("DBH" and "dbh" are different
/// topics, so normalise case before building a log if the source is inconsistent).</para>
/// <para>The default value is <see cref="Unspecified"/>: a consultation whose topic was not recorded.</para>
/// </remarks>
public readonly record struct Topic : IComparable<Topic>
{
    /// <summary>The longest topic name accepted.</summary>
    public const int MaxLength = 200;

    private readonly string? _name;

    /// <summary>Creates the topic named <paramref name="name"/>.</summary>
    /// <param name="name">The topic's name; surrounding white space is removed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank, longer than <see cref="MaxLength"/> or holds a control character.</exception>
    public Topic(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        name = name.Trim();
        if (name.Length > MaxLength || name.Any(char.IsControl))
        {
            throw new ArgumentException($"A topic name must be at most {MaxLength} characters with no control characters.", nameof(name));
        }

        _name = name;
    }

    /// <summary>Tries to create the topic named <paramref name="name"/>.</summary>
    /// <param name="name">The topic's name; surrounding white space is removed.</param>
    /// <param name="topic">The topic, when the name is valid.</param>
    /// <returns><see langword="true"/> when <paramref name="name"/> is not blank, at most <see cref="MaxLength"/> characters once trimmed, and holds no control character.</returns>
    public static bool TryCreate([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? name, out Topic topic)
    {
        string? trimmed = name?.Trim();
        bool valid = !string.IsNullOrEmpty(trimmed) && trimmed.Length <= MaxLength && !trimmed.Any(char.IsControl);
        topic = valid ? new Topic(trimmed!) : default;
        return valid;
    }

    /// <summary>Gets the topic of a consultation whose topic was not recorded (the default value).</summary>
    public static Topic Unspecified => default;

    /// <summary>Gets the name; empty for <see cref="Unspecified"/>.</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>Gets a value indicating whether the topic was not recorded.</summary>
    public bool IsUnspecified => _name is null;

    /// <summary>Compares the names ordinally; <see cref="Unspecified"/> sorts first.</summary>
    /// <param name="other">The topic to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this name sorts before, with or after the other.</returns>
    public int CompareTo(Topic other) => string.CompareOrdinal(Name, other.Name);

    /// <summary>Returns the name.</summary>
    /// <returns>The name, or an empty string for <see cref="Unspecified"/>.</returns>
    public override string ToString() => Name;

    /// <inheritdoc/>
    public bool Equals(Topic other) => string.Equals(_name, other._name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => _name is null ? 0 : StringComparer.Ordinal.GetHashCode(_name);

    /// <summary>Returns whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first topic.</param>
    /// <param name="right">The second topic.</param>
    /// <returns><see langword="true"/> when the first name sorts before the second.</returns>
    public static bool operator <(Topic left, Topic right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first topic.</param>
    /// <param name="right">The second topic.</param>
    /// <returns><see langword="true"/> when the first name sorts after the second.</returns>
    public static bool operator >(Topic left, Topic right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether <paramref name="left"/> sorts before or equals <paramref name="right"/>.</summary>
    /// <param name="left">The first topic.</param>
    /// <param name="right">The second topic.</param>
    /// <returns><see langword="true"/> unless the first name sorts after the second.</returns>
    public static bool operator <=(Topic left, Topic right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after or equals <paramref name="right"/>.</summary>
    /// <param name="left">The first topic.</param>
    /// <param name="right">The second topic.</param>
    /// <returns><see langword="true"/> unless the first name sorts before the second.</returns>
    public static bool operator >=(Topic left, Topic right) => left.CompareTo(right) >= 0;
}
