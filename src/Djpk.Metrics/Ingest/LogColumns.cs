namespace Djpk.Metrics.Ingest;

/// <summary>Which columns of a CSV file or database table hold the fields of a consultation.</summary>
/// <remarks>
/// <para>Immutable. <see cref="Default"/> names them <c>timestamp</c>, <c>channel</c>, <c>segment</c>, <c>topic</c>,
/// <c>user</c> and <c>id</c>, as the JSON Lines schema does. Names match ordinally, ignoring case. The topic and id
/// columns are optional: a source without them reads every topic as unspecified and skips the duplicate-id check.</para>
/// <para>The user column holds a 64-bit integer key by default; <see cref="WithUserIdentity"/> makes it a text identity
/// (a phone number, an e-mail address) hashed with <see cref="UserKey.FromText"/>.</para>
/// </remarks>
public sealed class LogColumns
{
    private LogColumns(string timestamp, string channel, string segment, string topic, string user, string id, bool userIsText)
    {
        Timestamp = timestamp;
        Channel = channel;
        Segment = segment;
        Topic = topic;
        User = user;
        Id = id;
        UserIsText = userIsText;
    }

    /// <summary>Gets the default mapping: <c>timestamp</c>, <c>channel</c>, <c>segment</c>, <c>topic</c>, <c>user</c> (an integer key), <c>id</c>.</summary>
    public static LogColumns Default { get; } = new("timestamp", "channel", "segment", "topic", "user", "id", false);

    /// <summary>Gets the name of the timestamp column.</summary>
    public string Timestamp { get; }

    /// <summary>Gets the name of the channel column.</summary>
    public string Channel { get; }

    /// <summary>Gets the name of the segment column.</summary>
    public string Segment { get; }

    /// <summary>Gets the name of the optional topic column.</summary>
    public string Topic { get; }

    /// <summary>Gets the name of the user column.</summary>
    public string User { get; }

    /// <summary>Gets the name of the optional record-id column.</summary>
    public string Id { get; }

    /// <summary>Gets a value indicating whether the user column holds a text identity to hash rather than an integer key.</summary>
    public bool UserIsText { get; }

    /// <summary>Returns a mapping with the given column names; a name left <see langword="null"/> keeps this mapping's.</summary>
    /// <param name="timestamp">The timestamp column.</param>
    /// <param name="channel">The channel column.</param>
    /// <param name="segment">The segment column.</param>
    /// <param name="topic">The optional topic column.</param>
    /// <param name="user">The user column.</param>
    /// <param name="id">The optional record-id column.</param>
    /// <returns>The new mapping.</returns>
    /// <exception cref="ArgumentException">A name is empty or white space, or two columns share a name.</exception>
    public LogColumns WithNames(string? timestamp = null, string? channel = null, string? segment = null, string? topic = null, string? user = null, string? id = null)
    {
        var next = new LogColumns(
            Check(timestamp ?? Timestamp, nameof(timestamp)),
            Check(channel ?? Channel, nameof(channel)),
            Check(segment ?? Segment, nameof(segment)),
            Check(topic ?? Topic, nameof(topic)),
            Check(user ?? User, nameof(user)),
            Check(id ?? Id, nameof(id)),
            UserIsText);
        if (next.All().Distinct(StringComparer.OrdinalIgnoreCase).Count() != 6)
        {
            throw new ArgumentException("Each field must map to a different column.", nameof(timestamp));
        }

        return next;
    }

    /// <summary>Returns a mapping whose user column holds a text identity, hashed with <see cref="UserKey.FromText"/>, or an integer key again.</summary>
    /// <param name="isText"><see langword="true"/> for a text identity; <see langword="false"/> for an integer key.</param>
    /// <returns>The new mapping.</returns>
    public LogColumns WithUserIdentity(bool isText = true) => new(Timestamp, Channel, Segment, Topic, User, Id, isText);

    internal string[] All() => [Timestamp, Channel, Segment, Topic, User, Id];

    private static string Check(string name, string parameter)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A column name must not be empty.", parameter);
        }

        return name;
    }
}
