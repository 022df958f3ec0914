using System.IO.Hashing;
using System.Text;

namespace Djpk.Metrics.Ingest;

/// <summary>Topics by name, so that a repeated topic name is validated and allocated once.</summary>
/// <remarks>Not thread-safe: each reader (and each parallel parser) holds its own. Holds at most <see cref="MaxEntries"/> names.</remarks>
internal sealed class TopicCache
{
    /// <summary>The most names the cache holds; later names are still read, only not cached.</summary>
    public const int MaxEntries = 100_000;

    private readonly Dictionary<string, Topic> _topics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Topic>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // The first UTF-8 names seen, in an open-addressing table by a hash of their bytes: a repeated name is found without
    // transcoding or hashing its text again. Never evicts (so a name is copied once); later names take the text path.
    // Made at the first UTF-8 lookup (48 KB, under the large-object threshold); the readers that parse text never make it.
    private const int Utf8Slots = 2048;
    private const int MaxUtf8Entries = Utf8Slots / 2;
    private (ulong Hash, byte[]? Utf8, Topic Topic)[]? _utf8;
    private int _utf8Count;

    public TopicCache() => _lookup = _topics.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Returns the topic named by the valid UTF-8 <paramref name="utf8"/>, as <see cref="TopicOf(ReadOnlySpan{char})"/> does for its text.</summary>
    /// <param name="utf8">The name's bytes, valid UTF-8.</param>
    /// <param name="scratch">Room for the name's characters: at least as many as <paramref name="utf8"/> has bytes.</param>
    public Topic? TopicOfUtf8(ReadOnlySpan<byte> utf8, char[] scratch)
    {
        (ulong Hash, byte[]? Utf8, Topic Topic)[] table = _utf8 ??= new (ulong, byte[]?, Topic)[Utf8Slots];
        ulong hash = XxHash3.HashToUInt64(utf8);
        int slot = (int)(hash & (Utf8Slots - 1));
        while (table[slot].Utf8 is { } known)
        {
            if (table[slot].Hash == hash && utf8.SequenceEqual(known))
            {
                return table[slot].Topic;
            }

            slot = (slot + 1) & (Utf8Slots - 1);
        }

        int chars = Encoding.UTF8.GetChars(utf8, scratch);
        if (TopicOf(scratch.AsSpan(0, chars)) is not { } topic)
        {
            return null;
        }

        if (_utf8Count < MaxUtf8Entries)
        {
            table[slot] = (hash, utf8.ToArray(), topic);
            _utf8Count++;
        }

        return topic;
    }

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
