using System.Globalization;
using System.Text;

namespace Djpk.Metrics.Ingest;

/// <summary>The loose key channel and segment texts are matched by: trimmed, lower-case (invariant), without diacritics, every run of characters other than letters and digits one space.</summary>
/// <remarks>So "WhatsApp", " whatsapp ", "Kementerian/Lembaga", "kementerian-lembaga" and "Kementérian Lembaga" match their catalog entries. No culture is read.</remarks>
internal static class MatchKey
{
    public static string Of(ReadOnlySpan<char> text)
    {
        string decomposed = text.ToString().Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        bool pendingSpace = false;
        foreach (char c in decomposed)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && key.Length > 0)
                {
                    key.Append(' ');
                }

                pendingSpace = false;
                key.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return key.ToString().Normalize(NormalizationForm.FormC);
    }
}
