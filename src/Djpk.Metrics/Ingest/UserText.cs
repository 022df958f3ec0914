using System.Globalization;
using System.IO.Hashing;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Djpk.Metrics.Ingest;

/// <summary>Reads a user field of a CSV record or a database row: an integer key, or a text identity to hash.</summary>
internal static class UserText
{
    public static bool TryParse(ReadOnlySpan<char> text, bool isText, out long user, out RejectionReason reason, out string message)
    {
        user = 0;
        reason = RejectionReason.MissingField;
        message = "The user is empty.";
        if (text.IsWhiteSpace())
        {
            return false;
        }

        if (isText)
        {
            user = IntegerOrHash(text);
            return true;
        }

        // Only an optional '-' and ASCII digits, as a JSON integer: no '+', spaces or trailing NULs, which long.TryParse would allow.
        if (TryInteger(text, out user))
        {
            return true;
        }

        reason = RejectionReason.WrongType;
        message = $"The user '{RecordSink.Mask(text)}' must be a whole number in the 64-bit range; map a text identity with LogColumns.WithUserIdentity.";
        return false;
    }

    /// <summary>Returns the integer key of integer text (an optional '-' and ASCII digits in the 64-bit range), else the XXH3 hash of the UTF-8 text, as <see cref="UserKey.FromText"/>.</summary>
    /// <remarks>The rule that makes a numeric user and a text user of the same digits one key in every format.</remarks>
    public static long IntegerOrHash(ReadOnlySpan<char> text) =>
        TryInteger(text, out long user) ? user : UserKey.FromText(text.ToString()).Value;

    /// <summary>The same rule for a UTF-8 identity: its integer key if it is integer text, else the XXH3 hash of its bytes, as <see cref="UserKey.FromText"/> hashes the text.</summary>
    public static long IntegerOrHash(ReadOnlySpan<byte> utf8) =>
        TryInteger(utf8, out long user) ? user : unchecked((long)XxHash3.HashToUInt64(utf8));

    /// <summary>Returns the integer of integer text, UTF-8 bytes or characters (an optional '-' and ASCII digits in the 64-bit range), as <see cref="IntegerOrHash(ReadOnlySpan{char})"/> reads it.</summary>
    /// <remarks>Up to 19 digits fit in an unsigned 64-bit sum and are summed here, then checked against the range; longer
    /// text (leading zeros) goes to long.TryParse, after the same check of its characters.</remarks>
    public static bool TryInteger<T>(ReadOnlySpan<T> text, out long user)
        where T : unmanaged, IBinaryInteger<T>
    {
        user = 0;
        bool negative = !text.IsEmpty && text[0] == T.CreateTruncating('-');
        ReadOnlySpan<T> digits = negative ? text[1..] : text;
        if (digits.IsEmpty || digits.ContainsAnyExceptInRange(T.CreateTruncating('0'), T.CreateTruncating('9')))
        {
            return false;
        }

        if (digits.Length > 19)
        {
            return typeof(T) == typeof(byte)
                ? long.TryParse(MemoryMarshal.Cast<T, byte>(text), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out user)
                : long.TryParse(MemoryMarshal.Cast<T, char>(text), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out user);
        }

        ulong sum = 0; // at most 9 999 999 999 999 999 999 < 2^64
        foreach (T digit in digits)
        {
            sum = (sum * 10) + ulong.CreateTruncating(digit) - '0';
        }

        if (sum > (negative ? (ulong)long.MaxValue + 1 : long.MaxValue))
        {
            return false;
        }

        user = negative ? unchecked(-(long)sum) : (long)sum; // -(2^63) wraps to long.MinValue
        return true;
    }
}
