using System.Diagnostics.CodeAnalysis;

namespace Djpk.Metrics;

/// <summary>A quantity a report states figures of, such as consultations, users or website visits, named by a stable id.</summary>
/// <remarks>
/// <para>Immutable. An id is one or more dot-separated parts of ASCII letters, digits and hyphens, as in
/// <c>consultations</c>, <c>website.visits</c> or <c>instagram.reachAverage</c> (the ids of the reference claims).</para>
/// <para>A metric's <see cref="Kind"/> is declared when it is created — by the factories here, or by the caller — and is
/// never read from the id's spelling. Equality and ordering compare the id ordinally: give one id one kind. The default
/// value is <see cref="Consultations"/>, a flow.</para>
/// </remarks>
public readonly record struct Metric : IComparable<Metric>
{
    private const int MaxLength = 64;
    private const string DefaultId = "consultations";
    private readonly string? _id;

    /// <summary>Creates a metric from its id and how its values combine.</summary>
    /// <param name="id">The id, such as <c>website.visits</c>.</param>
    /// <param name="kind">How the values combine; a flow unless stated.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, longer than 64 characters, or not dot-separated parts of ASCII letters, digits and hyphens.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined.</exception>
    public Metric(string id, MetricKind kind = MetricKind.Flow)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "The kind must be one of the defined MetricKind values.");
        }

        Kind = kind;
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (!IsValid(id))
        {
            throw new ArgumentException($"A metric id must be 1 to {MaxLength} characters of dot-separated parts of ASCII letters, digits and hyphens, such as 'website.visits'; '{id}' is not.", nameof(id));
        }

        _id = id;
    }

    /// <summary>Gets the consultations metric ("consultations"), a flow broken down by channel.</summary>
    public static Metric Consultations { get; } = new(DefaultId);

    /// <summary>Gets the distinct-users metric ("users"), broken down by segment.</summary>
    public static Metric Users { get; } = new("users", MetricKind.Unique);

    /// <summary>Gets the website-visits metric ("website.visits").</summary>
    public static Metric WebsiteVisits { get; } = new("website.visits");

    /// <summary>Gets the id, such as <c>consultations</c>.</summary>
    public string Id => _id ?? DefaultId;

    /// <summary>Gets how the metric's values combine, as declared when it was created: flows add up, stocks are taken at a period's end, unique counts and ratios are never summed.</summary>
    public MetricKind Kind { get; }

    /// <summary>Returns the metric of an account's followers, such as <c>instagram.followers</c>.</summary>
    /// <param name="account">The social-media channel.</param>
    /// <returns>The metric.</returns>
    /// <exception cref="ArgumentException"><paramref name="account"/> is the default channel.</exception>
    public static Metric Followers(Channel account) => new(AccountId(account) + ".followers", MetricKind.Stock);

    /// <summary>Returns the metric of an account's total reach in a period, such as <c>instagram.reachTotal</c>.</summary>
    /// <param name="account">The social-media channel.</param>
    /// <returns>The metric.</returns>
    /// <exception cref="ArgumentException"><paramref name="account"/> is the default channel.</exception>
    public static Metric ReachTotal(Channel account) => new(AccountId(account) + ".reachTotal", MetricKind.Unique);

    /// <summary>Returns the metric of an account's average reach per post, such as <c>instagram.reachAverage</c>.</summary>
    /// <param name="account">The social-media channel.</param>
    /// <returns>The metric.</returns>
    /// <exception cref="ArgumentException"><paramref name="account"/> is the default channel.</exception>
    public static Metric ReachAverage(Channel account) => new(AccountId(account) + ".reachAverage", MetricKind.Ratio);

    /// <summary>Returns the metric of an account's number of posts in a period, such as <c>instagram.posts</c>.</summary>
    /// <param name="account">The social-media channel.</param>
    /// <returns>The metric.</returns>
    /// <exception cref="ArgumentException"><paramref name="account"/> is the default channel.</exception>
    public static Metric Posts(Channel account) => new(AccountId(account) + ".posts");

    /// <summary>Tries to create a metric from an id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="kind">How the values combine.</param>
    /// <param name="metric">The metric, when the id is valid.</param>
    /// <returns><see langword="true"/> when <paramref name="id"/> is a valid metric id and <paramref name="kind"/> is defined.</returns>
    public static bool TryCreate([NotNullWhen(true)] string? id, MetricKind kind, out Metric metric)
    {
        bool valid = id is not null && IsValid(id) && Enum.IsDefined(kind);
        metric = valid ? new Metric(id!, kind) : default;
        return valid;
    }

    /// <inheritdoc/>
    public bool Equals(Metric other) => string.Equals(Id, other.Id, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id);

    /// <summary>Compares the ids ordinally.</summary>
    /// <param name="other">The other metric.</param>
    /// <returns>A negative number, zero or a positive number as this id sorts before, with or after the other.</returns>
    public int CompareTo(Metric other) => string.CompareOrdinal(Id, other.Id);

    /// <summary>Returns the id.</summary>
    /// <returns>The id, such as <c>website.visits</c>.</returns>
    public override string ToString() => Id;

    /// <summary>Returns whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first metric.</param>
    /// <param name="right">The second metric.</param>
    /// <returns><see langword="true"/> when the first id sorts before the second.</returns>
    public static bool operator <(Metric left, Metric right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first metric.</param>
    /// <param name="right">The second metric.</param>
    /// <returns><see langword="true"/> when the first id sorts after the second.</returns>
    public static bool operator >(Metric left, Metric right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether <paramref name="left"/> sorts before or equals <paramref name="right"/>.</summary>
    /// <param name="left">The first metric.</param>
    /// <param name="right">The second metric.</param>
    /// <returns><see langword="true"/> when the first id does not sort after the second.</returns>
    public static bool operator <=(Metric left, Metric right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after or equals <paramref name="right"/>.</summary>
    /// <param name="left">The first metric.</param>
    /// <param name="right">The second metric.</param>
    /// <returns><see langword="true"/> when the first id does not sort before the second.</returns>
    public static bool operator >=(Metric left, Metric right) => left.CompareTo(right) >= 0;

    private static string AccountId(Channel account) =>
        account.IsDefault ? throw new ArgumentException("The account must be a named channel, such as instagram.", nameof(account)) : account.Id;

    private static bool IsValid(string id)
    {
        if (id.Length is 0 or > MaxLength || id[0] == '.' || id[^1] == '.' || id.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (char c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '.')
            {
                return false;
            }
        }

        return true;
    }
}
