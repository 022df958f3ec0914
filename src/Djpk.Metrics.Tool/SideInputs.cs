using System.Text.Json;
using Djpk.Metrics.Complaints;
using Djpk.Metrics.InformationRequests;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Social;
using Djpk.Metrics.Web;
using NodaTime;
using NodaTime.Text;

namespace Djpk.Metrics.Tool;

/// <summary>Reads the report's side inputs (social media, website, information requests, complaints) from the JSON files documented in docs/tool.md.</summary>
/// <remarks>Every problem is a <see cref="ToolException"/> that names the file and the element.</remarks>
internal static class SideInputs
{
    /// <summary>Reads an array of social-media snapshots.</summary>
    public static List<SocialSnapshot> Social(string path) => ReadArray(path, e => new SocialSnapshot(
        new Channel(String(e, "platform")),
        String(e, "account"),
        Date(e, "date"),
        followers: Long(e, "followers"),
        newFollowers: Long(e, "newFollowers"),
        reach: Reach(e),
        posts: Long(e, "posts"),
        feedPosts: Long(e, "feedPosts"),
        storyPosts: Long(e, "storyPosts"),
        contents: Long(e, "contents"),
        profileVisits: Long(e, "profileVisits"),
        villageGovernmentFollowers: Long(e, "villageGovernmentFollowers"),
        newVillageGovernmentFollowers: Long(e, "newVillageGovernmentFollowers")));

    /// <summary>Reads website visits per month and the most visited pages.</summary>
    public static WebsiteTraffic Website(string path) => Read(path, root =>
    {
        WebsiteTraffic traffic = WebsiteTraffic.Empty;
        foreach (JsonElement visits in Array(root, "visits"))
        {
            traffic = traffic.WithVisits(Period(visits, "period"), Long(visits, "count") ?? throw Missing("count"));
        }

        if (root.TryGetProperty("topPages", out JsonElement top))
        {
            foreach (JsonElement month in top.EnumerateArray())
            {
                traffic = traffic.WithTopPages(
                    Period(month, "period"),
                    [.. Array(month, "pages").Select(p => new PageVisits(String(p, "page"), Long(p, "visits")))]);
            }
        }

        return traffic;
    });

    /// <summary>Reads an array of information requests (PPID).</summary>
    public static List<InformationRequest> Requests(string path) => ReadArray(path, e => new InformationRequest(
        String(e, "id"),
        Date(e, "received"),
        String(e, "purpose"),
        [.. Array(e, "dataRequested").Select(d => d.GetString() ?? throw new FormatException("'dataRequested' must hold strings."))],
        e.TryGetProperty("outcome", out JsonElement outcome) ? Enum<RequestOutcome>(outcome, "outcome") : RequestOutcome.Pending,
        OptionalDate(e, "decided"),
        OptionalString(e, "rejectionReason"),
        e.TryGetProperty("extended", out JsonElement extended) && extended.GetBoolean(),
        OptionalString(e, "segment") is { } segment ? new UserSegment(segment) : null));

    /// <summary>Reads an array of complaints.</summary>
    public static List<Complaint> Complaints(string path) => ReadArray(path, e => new Complaint(
        String(e, "id"),
        Category(String(e, "category")),
        Date(e, "received"),
        OptionalDate(e, "resolved")));

    private static ComplaintCategory Category(string id) => ComplaintCategory.TryCreate(id, out ComplaintCategory category)
        ? category
        : throw new FormatException($"'category' must be a category id of lower-case letters, digits and inner hyphens, such as \"keluhan-layanan\"; found \"{id}\".");

    private static List<T> ReadArray<T>(string path, Func<JsonElement, T> read) => Read(path, root =>
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("The document must be a JSON array.");
        }

        var items = new List<T>();
        int index = 0;
        foreach (JsonElement element in root.EnumerateArray())
        {
            try
            {
                items.Add(read(element));
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or KeyNotFoundException)
            {
                throw new FormatException($"element {index}: {e.Message}", e);
            }

            index++;
        }

        return items;
    });

    private static T Read<T>(string path, Func<JsonElement, T> read)
    {
        if (!File.Exists(path))
        {
            throw ToolException.Usage($"'{path}' does not exist.");
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
            return read(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            throw ToolException.DataProblem($"{path}: {e.Message}");
        }
    }

    private static FormatException Missing(string name) => new($"'{name}' is required.");

    private static string String(JsonElement e, string name) =>
        OptionalString(e, name) ?? throw Missing(name);

    private static string? OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;

    private static long? Long(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? value.GetInt64() : null;

    private static JsonElement.ArrayEnumerator Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement value) ? value.EnumerateArray() : throw Missing(name);

    private static LocalDate Date(JsonElement e, string name) =>
        OptionalDate(e, name) ?? throw Missing(name);

    private static LocalDate? OptionalDate(JsonElement e, string name) =>
        OptionalString(e, name) is { } text
            ? LocalDatePattern.Iso.Parse(text).GetValueOrThrow()
            : null;

    private static ReportingPeriod Period(JsonElement e, string name) =>
        ReportingPeriod.TryParse(String(e, name), out ReportingPeriod period)
            ? period
            : throw new FormatException($"'{name}' must be a period such as 2023-12.");

    private static T Enum<T>(JsonElement value, string name)
        where T : struct, Enum =>
        System.Enum.TryParse(value.GetString()?.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out T result) && System.Enum.IsDefined(result)
            ? result
            : throw new FormatException($"'{name}' must be one of {string.Join(", ", System.Enum.GetNames<T>())}.");

    private static AverageReach? Reach(JsonElement e)
    {
        if (!e.TryGetProperty("reach", out JsonElement reach) || reach.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        long posts = Long(reach, "posts") ?? throw Missing("reach.posts");
        return reach.TryGetProperty("total", out JsonElement total)
            ? AverageReach.FromTotal(total.GetInt64(), posts)
            : AverageReach.FromStatedAverage(reach.GetProperty("average").GetDecimal(), posts);
    }
}
