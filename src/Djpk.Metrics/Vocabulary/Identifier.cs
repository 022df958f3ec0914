namespace Djpk.Metrics;

/// <summary>Validates the stable text ids of channels and user segments.</summary>
internal static class Identifier
{
    public const int MaxLength = 64;

    // Lower-case ASCII letters, digits and single hyphens, as in "hai-kemenkeu" or "kementerian-lembaga".
    public static bool IsValid([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return false;
        }

        bool valid = id.Length <= MaxLength && id[0] != '-' && id[^1] != '-' && !id.Contains("--", StringComparison.Ordinal);
        foreach (char c in id)
        {
            valid &= char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-';
        }

        return valid;
    }

    public static string Validate(string id, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, parameterName);
        return IsValid(id)
            ? id
            : throw new ArgumentException($"An id must be 1 to {MaxLength} lower-case ASCII letters, digits and single inner hyphens, such as 'hai-kemenkeu'; '{id}' is not.", parameterName);
    }
}
