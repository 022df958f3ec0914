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
            user = UserKey.FromText(text.ToString()).Value;
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
        message = "The user must be a whole number in the 64-bit range; map a text identity with LogColumns.WithUserIdentity.";
        return false;
    }
}
