namespace Djpk.Metrics.Aggregation;

/// <summary>A topic and how many consultations were about it: one row of a top-N list.</summary>
/// <remarks>Immutable. The default value is the unspecified topic with a count of 0.</remarks>
public readonly record struct TopicCount
{
    /// <summary>Creates the row.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="count">The number of consultations.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public TopicCount(Topic topic, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Topic = topic;
        Count = count;
    }

    /// <summary>Gets the topic.</summary>
    public Topic Topic { get; }

    /// <summary>Gets the number of consultations about it.</summary>
    public long Count { get; }

    /// <summary>Returns the invariant text form, such as <c>Reservasi: 37</c>.</summary>
    /// <returns>The topic and count.</returns>
    public override string ToString() => $"{Topic}: {Count.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
