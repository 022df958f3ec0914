namespace Djpk.Metrics;

/// <summary>How a contact ended, such as "answered" or "abandoned", named by a stable id.</summary>
/// <remarks>
/// <para>Immutable. Equality and ordering compare the id ordinally. The id is lower-case ASCII letters, digits and single
/// inner hyphens, like a <see cref="Channel"/>'s. The five outcomes contact-center products share are
/// <see cref="Answered"/>, <see cref="Abandoned"/>, <see cref="Resolved"/>, <see cref="Unresolved"/> and
/// <see cref="Transferred"/>; a source with other outcomes ("callback", "spam") creates its own, and the service metrics
/// treat any outcome other than <see cref="Abandoned"/> and <see cref="Resolved"/> alike (see <c>docs/service-metrics.md</c>).</para>
/// <para>The default value has no id; <see cref="IsDefault"/> tells it apart.</para>
/// </remarks>
public readonly record struct Outcome : IComparable<Outcome>
{
    private readonly string? _id;

    /// <summary>Creates the outcome with the id <paramref name="id"/>.</summary>
    /// <param name="id">The stable id, such as "answered".</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not lower-case ASCII letters, digits and single inner hyphens.</exception>
    public Outcome(string id) => _id = Identifier.Validate(id, nameof(id));

    /// <summary>Gets the outcome of a contact an agent answered: "answered".</summary>
    public static Outcome Answered { get; } = new("answered");

    /// <summary>Gets the outcome of a contact the user gave up on before an answer: "abandoned".</summary>
    public static Outcome Abandoned { get; } = new("abandoned");

    /// <summary>Gets the outcome of a contact whose question was settled: "resolved".</summary>
    public static Outcome Resolved { get; } = new("resolved");

    /// <summary>Gets the outcome of a contact answered but not settled: "unresolved".</summary>
    public static Outcome Unresolved { get; } = new("unresolved");

    /// <summary>Gets the outcome of a contact handed to another unit or agent: "transferred".</summary>
    public static Outcome Transferred { get; } = new("transferred");

    /// <summary>Tries to create the outcome with the id <paramref name="id"/>, such as "resolved".</summary>
    /// <param name="id">The id.</param>
    /// <param name="outcome">The outcome, when the id is valid.</param>
    /// <returns><see langword="true"/> when <paramref name="id"/> is lower-case ASCII letters, digits and single inner hyphens.</returns>
    public static bool TryCreate([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id, out Outcome outcome)
    {
        bool valid = Identifier.IsValid(id);
        outcome = valid ? new Outcome(id!) : default;
        return valid;
    }

    /// <summary>Gets the stable id, such as "answered"; empty for the default value.</summary>
    public string Id => _id ?? string.Empty;

    /// <summary>Gets a value indicating whether this is the default value, which names no outcome.</summary>
    public bool IsDefault => _id is null;

    /// <summary>Compares the ids ordinally.</summary>
    /// <param name="other">The outcome to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this id sorts before, with or after the other.</returns>
    public int CompareTo(Outcome other) => string.CompareOrdinal(Id, other.Id);

    /// <summary>Returns the id.</summary>
    /// <returns>The id, such as "abandoned".</returns>
    public override string ToString() => Id;

    /// <inheritdoc/>
    public bool Equals(Outcome other) => string.Equals(_id, other._id, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => _id is null ? 0 : StringComparer.Ordinal.GetHashCode(_id);

    /// <summary>Returns whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first outcome.</param>
    /// <param name="right">The second outcome.</param>
    /// <returns><see langword="true"/> when the first id sorts before the second.</returns>
    public static bool operator <(Outcome left, Outcome right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first outcome.</param>
    /// <param name="right">The second outcome.</param>
    /// <returns><see langword="true"/> when the first id sorts after the second.</returns>
    public static bool operator >(Outcome left, Outcome right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether <paramref name="left"/> sorts before or equals <paramref name="right"/>.</summary>
    /// <param name="left">The first outcome.</param>
    /// <param name="right">The second outcome.</param>
    /// <returns><see langword="true"/> unless the first id sorts after the second.</returns>
    public static bool operator <=(Outcome left, Outcome right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after or equals <paramref name="right"/>.</summary>
    /// <param name="left">The first outcome.</param>
    /// <param name="right">The second outcome.</param>
    /// <returns><see langword="true"/> unless the first id sorts before the second.</returns>
    public static bool operator >=(Outcome left, Outcome right) => left.CompareTo(right) >= 0;
}
