namespace Djpk.Metrics.Ingest;

/// <summary>Topics by name, so that a repeated topic name is validated and allocated once.</summary>
/// <remarks>Not thread-safe: each reader (and each parallel parser) holds its own. Holds at most <see cref="MaxEntries"/> names.</remarks>
internal sealed class TopicCache
{
    /// <summary>The most names the cache holds; later names are still read, only not cached.</summary>
    public const int MaxEntries = 100_000;

    private readonly Dictionary<string, Topic> _topics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Topic>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public TopicCache() => _lookup = _topics.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Returns the topic named <paramref name="text"/> (blank is unspecified), or null when the name is invalid.</summary>
    public Topic? TopicOf(ReadOnlySpan<char> text)
    {
        if (text.IsWhiteSpace())
        {
            return Topic.Unspecified;
        }

        if (_lookup.TryGetValue(text, out Topic topic))
        {
            return topic;
        }

        string name = text.ToString();
        try
        {
            topic = new Topic(name);
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (_topics.Count < MaxEntries)
        {
            _topics[name] = topic;
        }

        return topic;
    }
}
