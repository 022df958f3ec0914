using System.Globalization;

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
        ReadOnlySpan<char> digits = text[0] == '-' ? text[1..] : text;
        if (!digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9')
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out user))
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

    /// <summary>Returns the integer of UTF-8 integer text (an optional '-' and ASCII digits in the 64-bit range), as <see cref="IntegerOrHash"/> reads it.</summary>
    public static bool TryInteger(ReadOnlySpan<byte> text, out long user)
    {
        user = 0;
        ReadOnlySpan<byte> digits = !text.IsEmpty && text[0] == (byte)'-' ? text[1..] : text;
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9')
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out user);
    }

    private static bool TryInteger(ReadOnlySpan<char> text, out long user)
    {
        user = 0;
        ReadOnlySpan<char> digits = !text.IsEmpty && text[0] == '-' ? text[1..] : text;
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9')
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out user);
    }
}
