namespace Djpk.Metrics.Ingest;

/// <summary>How a text user identity is normalised before it becomes a <see cref="UserKey"/>: verbatim, as an e-mail address, as digits, or by a delegate.</summary>
/// <remarks>
/// <para>Immutable. The same normalisation is applied by every reader (JSON Lines, CSV, database), so one user gets one key in every format.</para>
/// <para>After normalisation, a text that is an integer (an optional <c>-</c> and ASCII digits, in the 64-bit range,
/// leading zeros allowed) is that integer key, as a numeric user is: <c>42</c>, <c>"42"</c> and <c>"0042"</c> are the
/// key 42 in every format. Any other text is hashed with <see cref="UserKey.FromText"/>.</para>
/// </remarks>
public sealed class UserNormalization
{
    private readonly Func<string, string?>? _normalize;

    private UserNormalization(string name, Func<string, string?>? normalize)
    {
        Name = name;
        _normalize = normalize;
    }

    /// <summary>Gets the verbatim identity: the text as it is (the default).</summary>
    public static UserNormalization Verbatim { get; } = new("verbatim", null);

    /// <summary>Gets the e-mail normalisation: trimmed and lower-cased with the invariant culture, so <c>" Operator@Pemda.go.id"</c> is <c>"operator@pemda.go.id"</c>.</summary>
    public static UserNormalization Email { get; } = new("email", static text => text.Trim().ToLowerInvariant());

    /// <summary>Gets the digits normalisation: every character but the ASCII digits dropped, so <c>"+62 812-1111-2222"</c> is <c>"6281211112222"</c>; a text without digits is rejected.</summary>
    /// <remarks>It does not know country codes: <c>"0812…"</c> and <c>"+62812…"</c> stay two users. Phone numbers need an E.164 normaliser with a default region.</remarks>
    public static UserNormalization Digits { get; } = new("digits", static text =>
    {
        string digits = string.Concat(text.Where(char.IsAsciiDigit));
        return digits.Length > 0 ? digits : null;
    });

    /// <summary>Gets the normalisation's name, such as <c>email</c>.</summary>
    public string Name { get; }

    /// <summary>Returns a normalisation by <paramref name="normalize"/>, which returns the normalised identity, or <see langword="null"/> or blank to reject the row (<see cref="RejectionReason.InvalidValue"/>).</summary>
    /// <param name="name">A name for messages, such as <c>e164</c>.</param>
    /// <param name="normalize">The normaliser; called from several threads at once by the JSON Lines reader, so it must be thread-safe.</param>
    /// <returns>The normalisation.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="normalize"/> is <see langword="null"/>.</exception>
    public static UserNormalization Custom(string name, Func<string, string?> normalize)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(normalize);
        return new UserNormalization(name, normalize);
    }

    /// <summary>Returns the normalised identity of <paramref name="text"/>, or <see langword="null"/> when the normaliser refuses it.</summary>
    /// <param name="text">The identity as the source wrote it.</param>
    /// <returns>The normalised identity, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public string? Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_normalize is null)
        {
            return text;
        }

        string? normalized = _normalize(text);
        return string.IsNullOrWhiteSpace(normalized) ? null : normalized;
    }

    /// <summary>Returns the name.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name;

    internal bool IsVerbatim => _normalize is null;
}
