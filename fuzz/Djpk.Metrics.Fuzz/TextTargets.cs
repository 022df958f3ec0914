using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Djpk.Metrics.Formatting;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Verification;

namespace Djpk.Metrics.Fuzz;

/// <summary>The text parsers under their documented contracts: only the documented exceptions escape.</summary>
internal static class TextTargets
{
    private static readonly ReportingPeriod[] Periods =
        [ReportingPeriod.Month(2023, 12), ReportingPeriod.Month(1, 1), ReportingPeriod.Month(9999, 12), ReportingPeriod.OfYear(2023)];

    /// <summary><see cref="ClaimExtractor.Extract"/> throws only <see cref="ArgumentNullException"/>, so never here; the ids it gives are unique.</summary>
    public static void Claims(byte[] input)
    {
        string text = Encoding.UTF8.GetString(input);
        foreach (ReportingPeriod period in Periods)
        {
            ImmutableArray<Claim> claims = Djpk.Metrics.Profiles.DjpkProfile.ClaimExtractor.Extract(text, period);
            if (claims.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count() != claims.Length)
            {
                throw new OracleException("two claims have one id");
            }
        }
    }

    /// <summary>TryParse* never throw; Parse* throw only <see cref="FormatException"/>, exactly when TryParse* fails; a parsed number formats and parses back to itself.</summary>
    public static void Numbers(byte[] input)
    {
        string text = Encoding.UTF8.GetString(input);
        foreach (ReportFormatter formatter in new[] { ReportFormatter.Indonesian, ReportFormatter.English })
        {
            Agree(formatter.TryParseNumber(text, out decimal number), number, () => formatter.ParseNumber(text), "number");
            Agree(formatter.TryParsePercent(text, out decimal percent), percent, () => formatter.ParsePercent(text), "percent");
            Agree(formatter.TryParseCount(text, out long count), count, () => formatter.ParseCount(text), "count");
            if (formatter.TryParseNumber(text, out number))
            {
                string written = formatter.FormatNumber(number);
                if (!formatter.TryParseNumber(written, out decimal back) || back != number)
                {
                    throw new OracleException($"{formatter}: '{text}' parses to {number}, formats as '{written}', which parses to {back}");
                }
            }
        }
    }

    /// <summary><see cref="PublishedReportJson.ReadFigures"/> and <see cref="PublishedReportJson.ReadClaims"/> throw only <see cref="JsonException"/> and <see cref="FormatException"/>; claims written read back.</summary>
    public static void ReportJson(byte[] input)
    {
        string json = Encoding.UTF8.GetString(input);
        try
        {
            _ = PublishedReportJson.ReadFigures(json);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
        }

        ImmutableArray<Claim> claims;
        try
        {
            claims = PublishedReportJson.ReadClaims(json);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return;
        }

        string written = PublishedReportJson.WriteClaims(claims);
        if (PublishedReportJson.WriteClaims(PublishedReportJson.ReadClaims(written)) != written)
        {
            throw new OracleException("claims written and read back differ");
        }
    }

    private static void Agree<T>(bool parsed, T value, Func<T> parse, string what)
        where T : IEquatable<T>
    {
        try
        {
            T result = parse();
            if (!parsed || !result.Equals(value))
            {
                throw new OracleException($"Parse {what} gave {result}; TryParse gave {parsed} {value}");
            }
        }
        catch (FormatException) when (!parsed)
        {
        }
    }
}
