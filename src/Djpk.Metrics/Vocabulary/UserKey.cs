using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace Djpk.Metrics;

/// <summary>An opaque 64-bit key for the user who asked, so that distinct users can be counted without keeping who they are.</summary>
/// <remarks>
/// <para>Immutable; ordered by value. Use a number the source system already has, or <see cref="FromText"/> for a
/// phone number, e-mail address or account name: it hashes the text, so the log never holds the identity itself.</para>
/// <para>The default value is the key 0.</para>
/// </remarks>
public readonly record struct UserKey : IComparable<UserKey>
{
    /// <summary>Creates the key <paramref name="value"/>.</summary>
    /// <param name="value">Any 64-bit value that identifies the user within the data.</param>
    public UserKey(long value) => Value = value;

    /// <summary>Gets the key's value.</summary>
    public long Value { get; }

    /// <summary>Returns the key of a user identified by text, as the 64-bit XXH3 hash of its UTF-8 bytes.</summary>
    /// <remarks>
    /// The same text always gives the same key, on every machine. Two different texts share a key with probability
    /// about n² / 2⁶⁵ among n users (below one in a million for 2,5 million users); distinct-user counts are exact
    /// over keys. Normalise the text first (trim, lower-case an e-mail address) if the source is inconsistent.
    /// </remarks>
    /// <param name="text">The identity, such as a phone number.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static UserKey FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new UserKey(unchecked((long)XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(text))));
    }

    /// <summary>Compares the values.</summary>
    /// <param name="other">The key to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this value is less than, equal to or greater than the other.</returns>
    public int CompareTo(UserKey other) => Value.CompareTo(other.Value);

    /// <summary>Returns the value in invariant digits.</summary>
    /// <returns>The value, such as "42".</returns>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Returns whether <paramref name="left"/> is less than <paramref name="right"/>.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns><see langword="true"/> when the first value is less.</returns>
    public static bool operator <(UserKey left, UserKey right) => left.Value < right.Value;

    /// <summary>Returns whether <paramref name="left"/> is greater than <paramref name="right"/>.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns><see langword="true"/> when the first value is greater.</returns>
    public static bool operator >(UserKey left, UserKey right) => left.Value > right.Value;

    /// <summary>Returns whether <paramref name="left"/> is less than or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns><see langword="true"/> unless the first value is greater.</returns>
    public static bool operator <=(UserKey left, UserKey right) => left.Value <= right.Value;

    /// <summary>Returns whether <paramref name="left"/> is greater than or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns><see langword="true"/> unless the first value is less.</returns>
    public static bool operator >=(UserKey left, UserKey right) => left.Value >= right.Value;
}
