using Djpk.Metrics.Ingest;
using PhoneNumbers;

namespace Djpk.Metrics.Phone;

/// <summary>Creates user normalisations for phone-number identities, on libphonenumber-csharp.</summary>
public static class PhoneNormalization
{
    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    /// <summary>Returns a normalisation that writes a phone number in E.164 (<c>+6281211112222</c>), reading a number without a country code as one of <paramref name="defaultRegion"/>.</summary>
    /// <param name="defaultRegion">The ISO 3166-1 alpha-2 region of numbers written without a country code, such as <c>ID</c> (Indonesia, the default).</param>
    /// <returns>The normalisation, named <c>e164-</c> and the region; <c>0812-1111-2222</c>, <c>+62 812 1111 2222</c> and <c>(0812) 11112222</c> are one user under <c>ID</c>.</returns>
    /// <remarks>A text that is not a possible phone number (too short, too long, letters) is refused: the row is rejected as
    /// <see cref="RejectionReason.InvalidValue"/>. Possible, not valid: a number the numbering plan does not (yet) assign is kept.
    /// Thread-safe, as the JSON Lines reader requires.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="defaultRegion"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="defaultRegion"/> is not a region libphonenumber knows, such as <c>ID</c> or <c>MY</c>.</exception>
    public static UserNormalization E164(string defaultRegion = "ID")
    {
        ArgumentNullException.ThrowIfNull(defaultRegion);
        string region = defaultRegion.ToUpperInvariant();
        if (!Numbers.GetSupportedRegions().Contains(region))
        {
            throw new ArgumentException($"The region '{defaultRegion}' is not an ISO 3166-1 region libphonenumber knows; pass one such as 'ID'.", nameof(defaultRegion));
        }

        return UserNormalization.Custom("e164-" + region, text => ToE164(text, region));
    }

    private static string? ToE164(string text, string region)
    {
        try
        {
            PhoneNumber number = Numbers.Parse(text, region);
            return Numbers.IsPossibleNumber(number) ? Numbers.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
