using System.Text.Json;

namespace Djpk.Metrics.Tests.Support;

/// <summary>The December 2023 report's figures and claims, read from the fixture copied beside the tests.</summary>
internal static class PublishedReport
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "djpk-report-2023-12.json"))));

    public static JsonElement Root => Document.Value.RootElement;

    public static IEnumerable<JsonElement> Claims => Root.GetProperty("claims").EnumerateArray();

    public static JsonElement Claim(string id) => Claims.Single(c => c.GetProperty("id").GetString() == id);

    /// <summary>Returns the consultation count of a channel (or of all channels) in a month, or null when the report gives none.</summary>
    public static long? Consultations(string? channel, string period)
    {
        JsonElement consultations = Root.GetProperty("consultations");
        IEnumerable<JsonElement> rows = channel is null
            ? consultations.GetProperty("totals").EnumerateArray()
            : consultations.GetProperty("byChannelMonth").EnumerateArray().Where(r => r.GetProperty("channel").GetString() == channel);
        foreach (JsonElement row in rows)
        {
            if (row.GetProperty("period").GetString() == period)
            {
                return row.GetProperty("count").GetInt64();
            }
        }

        return null;
    }

    public static (string Segment, long Users)[] UsersBySegment() =>
        Root.GetProperty("usersBySegment").GetProperty("counts").EnumerateArray()
            .Select(c => (c.GetProperty("segment").GetString()!, c.GetProperty("users").GetInt64()))
            .ToArray();

    public static string? OptionalString(this JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) ? value.GetString() : null;

    public static decimal? OptionalDecimal(this JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) ? value.GetDecimal() : null;
}
