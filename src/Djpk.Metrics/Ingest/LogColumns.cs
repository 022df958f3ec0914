namespace Djpk.Metrics.Ingest;

/// <summary>Which columns of a CSV file or database table, or fields of a JSON Lines object, hold the fields of a consultation.</summary>
/// <remarks>
/// <para>Immutable. <see cref="Default"/> names them <c>timestamp</c>, <c>channel</c>, <c>segment</c>, <c>topic</c>,
/// <c>user</c> and <c>id</c>, as the JSON Lines schema does. Names match ordinally, ignoring case. The topic and id
/// columns are optional: a source without them reads every topic as unspecified and skips the duplicate-id check.</para>
/// <para>The service columns are optional too: <c>first_response</c>, <c>end</c>, <c>outcome</c>, <c>agent</c>, <c>case</c>
/// and <c>satisfaction</c> by default (<see cref="Logs.Consultation.FirstResponse"/> and the others). A source without
/// them reads every record without the field, and the log has no such column; an empty or null value is a record
/// without the field.</para>
/// <para>The user column holds a 64-bit integer key by default; <see cref="WithUserIdentity"/> makes it a text identity
/// (a phone number, an e-mail address) hashed with <see cref="UserKey.FromText"/>.</para>
/// <para>JSON Lines field names match exactly (JSON is case-sensitive). A field or column the mapping does not name is
/// ignored by default (<see cref="UnknownFields"/>). <see cref="WithConstantChannel"/> and <see cref="WithConstantSegment"/>
/// declare a whole input to be one channel or segment: the column is then not read, and need not exist.</para>
/// </remarks>
public sealed class LogColumns
{
    private LogColumns(string timestamp, string channel, string segment, string topic, string user, string id, bool userIsText)
        : this(timestamp, channel, segment, topic, user, id, userIsText, "first_response", "end", "outcome", "agent", "case", "satisfaction")
    {
    }

    private LogColumns(
        string timestamp,
        string channel,
        string segment,
        string topic,
        string user,
        string id,
        bool userIsText,
        string firstResponse,
        string end,
        string outcome,
        string agent,
        string @case,
        string satisfaction)
    {
        FirstResponse = firstResponse;
        End = end;
        Outcome = outcome;
        Agent = agent;
        Case = @case;
        Satisfaction = satisfaction;
        Timestamp = timestamp;
        Channel = channel;
        Segment = segment;
        Topic = topic;
        User = user;
        Id = id;
        UserIsText = userIsText;
    }

    /// <summary>Gets the default mapping: <c>timestamp</c>, <c>channel</c>, <c>segment</c>, <c>topic</c>, <c>user</c> (an integer key), <c>id</c>, and the service columns <c>first_response</c>, <c>end</c>, <c>outcome</c>, <c>agent</c>, <c>case</c>, <c>satisfaction</c>.</summary>
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

    /// <summary>Gets the name of the optional first-response column (<see cref="Logs.Consultation.FirstResponse"/>), <c>first_response</c> by default.</summary>
    public string FirstResponse { get; }

    /// <summary>Gets the name of the optional end column (<see cref="Logs.Consultation.End"/>), <c>end</c> by default.</summary>
    public string End { get; }

    /// <summary>Gets the name of the optional outcome column (<see cref="Logs.Consultation.Outcome"/>), <c>outcome</c> by default.</summary>
    public string Outcome { get; }

    /// <summary>Gets the name of the optional agent column (<see cref="Logs.Consultation.Agent"/>), <c>agent</c> by default.</summary>
    public string Agent { get; }

    /// <summary>Gets the name of the optional case column (<see cref="Logs.Consultation.Case"/>), <c>case</c> by default.</summary>
    public string Case { get; }

    /// <summary>Gets the name of the optional satisfaction-score column (<see cref="Logs.Consultation.Satisfaction"/>), <c>satisfaction</c> by default.</summary>
    public string Satisfaction { get; }

    /// <summary>Gets the channel of every row, when the input is all one channel; <see langword="null"/> reads the channel column.</summary>
    public Channel? ConstantChannel { get; private set; }

    /// <summary>Gets the segment of every row, when the input is all one segment; <see langword="null"/> reads the segment column.</summary>
    public UserSegment? ConstantSegment { get; private set; }

    /// <summary>Gets what a reader does with a field or column the mapping does not name; <see cref="UnknownFieldPolicy.Ignore"/> by default.</summary>
    public UnknownFieldPolicy UnknownFields { get; private set; }

    /// <summary>Gets a value indicating whether the user column holds a text identity to hash rather than an integer key.</summary>
    public bool UserIsText { get; private set; }

    /// <summary>Returns a mapping with the given column names; a name left <see langword="null"/> keeps this mapping's.</summary>
    /// <param name="timestamp">The timestamp column.</param>
    /// <param name="channel">The channel column.</param>
    /// <param name="segment">The segment column.</param>
    /// <param name="topic">The optional topic column.</param>
    /// <param name="user">The user column.</param>
    /// <param name="id">The optional record-id column.</param>
    /// <param name="firstResponse">The optional first-response column.</param>
    /// <param name="end">The optional end column.</param>
    /// <param name="outcome">The optional outcome column.</param>
    /// <param name="agent">The optional agent column.</param>
    /// <param name="case">The optional case column.</param>
    /// <param name="satisfaction">The optional satisfaction-score column.</param>
    /// <returns>The new mapping.</returns>
    /// <exception cref="ArgumentException">A name is empty or white space, or two columns share a name.</exception>
    public LogColumns WithNames(
        string? timestamp = null,
        string? channel = null,
        string? segment = null,
        string? topic = null,
        string? user = null,
        string? id = null,
        string? firstResponse = null,
        string? end = null,
        string? outcome = null,
        string? agent = null,
        string? @case = null,
        string? satisfaction = null)
    {
        var next = new LogColumns(
            Check(timestamp ?? Timestamp, nameof(timestamp)),
            Check(channel ?? Channel, nameof(channel)),
            Check(segment ?? Segment, nameof(segment)),
            Check(topic ?? Topic, nameof(topic)),
            Check(user ?? User, nameof(user)),
            Check(id ?? Id, nameof(id)),
            UserIsText,
            Check(firstResponse ?? FirstResponse, nameof(firstResponse)),
            Check(end ?? End, nameof(end)),
            Check(outcome ?? Outcome, nameof(outcome)),
            Check(agent ?? Agent, nameof(agent)),
            Check(@case ?? Case, nameof(@case)),
            Check(satisfaction ?? Satisfaction, nameof(satisfaction)))
        {
            ConstantChannel = ConstantChannel,
            ConstantSegment = ConstantSegment,
            UnknownFields = UnknownFields,
        };
        if (next.All().Distinct(StringComparer.OrdinalIgnoreCase).Count() != next.All().Length)
        {
            throw new ArgumentException("Each field must map to a different column.", nameof(timestamp));
        }

        return next;
    }

    /// <summary>Returns a mapping whose user column holds a text identity, hashed with <see cref="UserKey.FromText"/>, or an integer key again.</summary>
    /// <param name="isText"><see langword="true"/> for a text identity; <see langword="false"/> for an integer key.</param>
    /// <returns>The new mapping.</returns>
    public LogColumns WithUserIdentity(bool isText = true) => Copy(c => c.UserIsText = isText);

    /// <summary>Returns a mapping that gives every row <paramref name="channel"/> ("this whole export is the phone line"); the channel column is not read.</summary>
    /// <param name="channel">The channel, which must be in the reader's catalog; <see langword="null"/> to read the column again.</param>
    /// <returns>The new mapping.</returns>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is the default value.</exception>
    public LogColumns WithConstantChannel(Channel? channel)
    {
        if (channel is { IsDefault: true })
        {
            throw new ArgumentException("The constant channel must have an id.", nameof(channel));
        }

        return Copy(c => c.ConstantChannel = channel);
    }

    /// <summary>Returns a mapping that gives every row <paramref name="segment"/>; the segment column is not read.</summary>
    /// <param name="segment">The segment, which must be in the reader's catalog; <see langword="null"/> to read the column again.</param>
    /// <returns>The new mapping.</returns>
    /// <exception cref="ArgumentException"><paramref name="segment"/> is the default value.</exception>
    public LogColumns WithConstantSegment(UserSegment? segment)
    {
        if (segment is { IsDefault: true })
        {
            throw new ArgumentException("The constant segment must have an id.", nameof(segment));
        }

        return Copy(c => c.ConstantSegment = segment);
    }

    /// <summary>Returns a mapping that treats fields and columns it does not name by <paramref name="policy"/>.</summary>
    /// <param name="policy">Ignore them (the default) or reject them.</param>
    /// <returns>The new mapping.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="policy"/> is not defined.</exception>
    public LogColumns WithUnknownFields(UnknownFieldPolicy policy)
    {
        if (!Enum.IsDefined(policy))
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "The policy must be Ignore or Reject.");
        }

        return Copy(c => c.UnknownFields = policy);
    }

    private LogColumns Copy(Action<LogColumns> change)
    {
        var copy = (LogColumns)MemberwiseClone();
        change(copy);
        return copy;
    }

    /// <summary>Returns every name: the six base columns, then the six service columns in <see cref="Logs.ServiceColumns"/> order.</summary>
    internal string[] All() => [Timestamp, Channel, Segment, Topic, User, Id, FirstResponse, End, Outcome, Agent, Case, Satisfaction];

    private static string Check(string name, string parameter)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A column name must not be empty.", parameter);
        }

        return name;
    }
}
