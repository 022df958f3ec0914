using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace Djpk.Metrics;

/// <summary>An opaque 64-bit key for the agent who handled a contact.</summary>
/// <remarks>
/// <para>Immutable; ordered by value. Use a number the source system already has, or <see cref="FromText"/> for
/// an agent's staff number or e-mail address: it hashes the text as <see cref="UserKey.FromText"/> does, so the same text always gives the same key.</para>
/// <para>The default value is the key 0.</para>
/// </remarks>
public readonly record struct AgentKey : IComparable<AgentKey>
{
    /// <summary>Creates the key <paramref name="value"/>.</summary>
    /// <param name="value">Any 64-bit value that identifies it within the data.</param>
    public AgentKey(long value) => Value = value;

    /// <summary>Gets the key's value.</summary>
    public long Value { get; }

    /// <summary>Returns the key of text, as the 64-bit XXH3 hash of its UTF-8 bytes (integer text is hashed too; use the constructor for a number).</summary>
    /// <param name="text">The identity.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static AgentKey FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new AgentKey(unchecked((long)XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(text))));
    }

    /// <summary>Compares the values.</summary>
    /// <param name="other">The key to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this value is less than, equal to or greater than the other.</returns>
    public int CompareTo(AgentKey other) => Value.CompareTo(other.Value);

    /// <summary>Returns the value in invariant digits.</summary>
    /// <returns>The value, such as "42".</returns>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Returns whether <paramref name="left"/> is less than <paramref name="right"/>.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns><see langword="true"/> when the first value is less.</returns>
    public static bool operator <(AgentKey left, AgentKey right) => left.Value < right.Value;

    /// <summary>Returns whether <paramref name="left"/> is greater than <paramref name="right"/>.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns><see langword="true"/> when the first value is greater.</returns>
    public static bool operator >(AgentKey left, AgentKey right) => left.Value > right.Value;

    /// <summary>Returns whether <paramref name="left"/> is less than or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns><see langword="true"/> unless the first value is greater.</returns>
    public static bool operator <=(AgentKey left, AgentKey right) => left.Value <= right.Value;

    /// <summary>Returns whether <paramref name="left"/> is greater than or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns><see langword="true"/> unless the first value is less.</returns>
    public static bool operator >=(AgentKey left, AgentKey right) => left.Value >= right.Value;
}
