using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Verification;

/// <summary>Reads and writes claims and figures in the JSON form of the reference report data (<c>djpk-report-2023-12.json</c>).</summary>
/// <remarks>
/// <para>Read by hand with <see cref="JsonDocument"/> (no reflection, so it is trimming- and AOT-safe).</para>
/// <para>A claim is an object with <c>id</c>, <c>metric</c>, <c>period</c>, <c>kind</c> (<c>percentChange</c>, <c>share</c>,
/// <c>ratio</c>, <c>total</c>, <c>direction</c>, <c>pointChange</c>) and optionally <c>channel</c>, <c>segment</c>, <c>against</c>, <c>direction</c>
/// (<c>up</c>, <c>down</c>, <c>unchanged</c>), <c>value</c>, <c>approximate</c>, <c>of</c>, <c>numerator</c>, <c>denominator</c>,
/// <c>quote</c>, and the figures the sentence states: <c>statedCurrent</c>, <c>statedPrevious</c>, <c>statedWhole</c> (integers). A <c>percentChange</c> without a value is a direction claim. The value's precision is the number's as written
/// (4.9 has one decimal); a <c>decimals</c> member can raise it (12 with <c>"decimals": 1</c> is 12,0).</para>
/// </remarks>
public static class PublishedReportJson
{
    /// <summary>Reads claims from a JSON array of claims, or from a report document's <c>claims</c> member.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The claims, in document order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException"><paramref name="json"/> is not valid JSON.</exception>
    /// <exception cref="FormatException">A claim lacks a required member or has a value of the wrong form.</exception>
    public static ImmutableArray<Claim> ReadClaims(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        JsonElement array = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("claims", out JsonElement claims) ? claims : root;
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("The JSON must be an array of claims or an object with a 'claims' array.");
        }

        var result = ImmutableArray.CreateBuilder<Claim>();
        int index = 0;
        foreach (JsonElement element in array.EnumerateArray())
        {
            try
            {
                result.Add(ReadClaim(element));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or KeyNotFoundException or OverflowException)
            {
                throw new FormatException($"Claim {index} is not valid: {e.Message}", e);
            }

            index++;
        }

        return result.ToImmutable();
    }

    /// <summary>Reads the figures of a report data document: consultations by channel and month and their totals, users by segment
    /// (with all users as their sum, since segments partition the users), website visits, social-media snapshots and month-end
    /// follower series, and PPID requests.</summary>
    /// <param name="json">The JSON text of a report data document.</param>
    /// <returns>The figures.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException"><paramref name="json"/> is not valid JSON.</exception>
    /// <exception cref="FormatException">A figure has a member of the wrong form, or two figures of one key differ.</exception>
    public static FigureTable ReadFigures(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        var builder = new FigureTableBuilder();
        try
        {
            if (root.TryGetProperty("consultations", out JsonElement consultations))
            {
                foreach (JsonElement row in Array(consultations, "byChannelMonth"))
                {
                    builder.Add(Metric.Consultations, Period(row, "period"), row.GetProperty("count").GetInt64(), new Channel(row.GetProperty("channel").GetString()!));
                }

                foreach (JsonElement row in Array(consultations, "totals"))
                {
                    builder.Add(Metric.Consultations, Period(row, "period"), row.GetProperty("count").GetInt64());
                }
            }

            if (root.TryGetProperty("usersBySegment", out JsonElement users))
            {
                ReportingPeriod period = Period(users, "period");
                long all = 0;
                foreach (JsonElement row in Array(users, "counts"))
                {
                    long count = row.GetProperty("users").GetInt64();
                    builder.Add(Metric.Users, period, count, segment: new UserSegment(row.GetProperty("segment").GetString()!));
                    all = checked(all + count);
                }

                builder.Add(Metric.Users, period, users.TryGetProperty("total", out JsonElement total) ? total.GetInt64() : all);
            }

            if (root.TryGetProperty("website", out JsonElement website))
            {
                foreach (JsonElement row in Array(website, "visits"))
                {
                    builder.Add(Metric.WebsiteVisits, Period(row, "period"), row.GetProperty("count").GetInt64());
                }
            }

            if (root.TryGetProperty("social", out JsonElement social))
            {
                foreach (JsonProperty account in social.EnumerateObject())
                {
                    ReadAccount(builder, new Channel(account.Name), account.Value);
                }
            }

            if (root.TryGetProperty("ppid", out JsonElement ppid))
            {
                foreach (JsonElement row in Array(ppid, "requests"))
                {
                    builder.Add(new Metric("ppid.requests"), Period(row, "period"), row.GetProperty("count").GetInt64());
                }
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException or OverflowException)
        {
            throw new FormatException("The report data is not valid: " + e.Message, e);
        }

        return builder.Build();
    }

    /// <summary>Writes claims as a JSON array in the reference form, such as for claims found by <see cref="ClaimExtractor.Extract"/>.</summary>
    /// <param name="claims">The claims.</param>
    /// <returns>The indented JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="claims"/> is <see langword="null"/>.</exception>
    public static string WriteClaims(IEnumerable<Claim> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (Claim claim in claims)
            {
                writer.WriteStartObject();
                writer.WriteString("id", claim.Id);
                if (claim.Quote.Length > 0)
                {
                    writer.WriteString("quote", claim.Quote);
                }

                writer.WriteString("metric", claim.Metric.Id);
                WriteIf(writer, "channel", claim.Channel?.Id);
                WriteIf(writer, "segment", claim.Segment?.Id);
                writer.WriteString("period", claim.Period.ToString());
                WriteIf(writer, "against", claim.Against?.ToString());
                writer.WriteString("kind", claim.Kind switch
                {
                    ClaimKind.PercentChange => "percentChange",
                    ClaimKind.Direction => "direction",
                    ClaimKind.Share => "share",
                    ClaimKind.Ratio => "ratio",
                    ClaimKind.PointChange => "pointChange",
                    ClaimKind.Duration => "duration",
                    _ => "total",
                });
                WriteIf(writer, "direction", claim.Direction switch
                {
                    ChangeDirection.Increase => "up",
                    ChangeDirection.Decrease => "down",
                    ChangeDirection.Unchanged => "unchanged",
                    _ => null,
                });
                WriteIf(writer, "of", claim.Kind is ClaimKind.Share or ClaimKind.PointChange && claim.Of != claim.Metric ? claim.Of?.Id : null);
                WriteIf(writer, "numerator", claim.Numerator?.Id);
                WriteIf(writer, "denominator", claim.Denominator?.Id);
                if (claim.Value is decimal value)
                {
                    writer.WriteNumber("value", value);
                }

                if (claim.IsApproximate)
                {
                    writer.WriteBoolean("approximate", true);
                }

                WriteIf(writer, "statedCurrent", claim.StatedCurrent);
                WriteIf(writer, "statedPrevious", claim.StatedPrevious);
                WriteIf(writer, "statedWhole", claim.StatedWhole);

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteIf(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is long number)
        {
            writer.WriteNumber(name, number);
        }
    }

    private static void WriteIf(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static Claim ReadClaim(JsonElement c)
    {
        string kindText = c.GetProperty("kind").GetString()!;
        decimal? value = c.TryGetProperty("value", out JsonElement v) ? v.GetDecimal() : null;
        if (value is decimal stated && c.TryGetProperty("decimals", out JsonElement decimals) && decimals.GetInt32() > stated.Scale)
        {
            value = Rounding.Round(stated, decimals.GetInt32(), RoundingRule.HalfToEven);
        }

        ClaimKind kind = kindText switch
        {
            "percentChange" when value is null => ClaimKind.Direction,
            "percentChange" => ClaimKind.PercentChange,
            "direction" => ClaimKind.Direction,
            "share" => ClaimKind.Share,
            "ratio" => ClaimKind.Ratio,
            "total" => ClaimKind.Total,
            "pointChange" => ClaimKind.PointChange,
            "duration" => ClaimKind.Duration,
            _ => throw new FormatException($"'{kindText}' is not a claim kind (percentChange, direction, share, ratio, total, pointChange, duration)."),
        };
        ChangeDirection? direction = Optional(c, "direction") switch
        {
            null => null,
            "up" => ChangeDirection.Increase,
            "down" => ChangeDirection.Decrease,
            "unchanged" => ChangeDirection.Unchanged,
            string other => throw new FormatException($"'{other}' is not a direction (up, down, unchanged)."),
        };
        return new Claim(
            c.GetProperty("id").GetString()!,
            MetricOf(c.GetProperty("metric").GetString()!, Optional(c, "metricKind")),
            Period(c, "period"),
            kind,
            value,
            direction,
            Optional(c, "against") is string against ? ReportingPeriod.Parse(against) : null,
            Optional(c, "channel") is string channel ? new Channel(channel) : null,
            Optional(c, "segment") is string segment ? new UserSegment(segment) : null,
            c.TryGetProperty("approximate", out JsonElement approximate) && approximate.GetBoolean(),
            Optional(c, "quote"),
            Optional(c, "of") is string of ? MetricOf(of, null) : null,
            Optional(c, "numerator") is string numerator ? MetricOf(numerator, null) : null,
            Optional(c, "denominator") is string denominator ? MetricOf(denominator, null) : null,
            c.TryGetProperty("statedCurrent", out JsonElement current) ? current.GetInt64() : null,
            c.TryGetProperty("statedPrevious", out JsonElement previous) ? previous.GetInt64() : null,
            c.TryGetProperty("statedWhole", out JsonElement whole) ? whole.GetInt64() : null);
    }

    // A claim's metric with its kind: the document's "metricKind" when it states one (flow, stock, unique, ratio), else
    // the kind the library declares for its own metrics (users; an account's followers, reachTotal, reachAverage), else a flow.
    private static Metric MetricOf(string id, string? kind)
    {
        if (kind is not null)
        {
            return new Metric(id, kind switch
            {
                "flow" => MetricKind.Flow,
                "stock" => MetricKind.Stock,
                "unique" => MetricKind.Unique,
                "ratio" => MetricKind.Ratio,
                _ => throw new FormatException($"'{kind}' is not a metric kind (flow, stock, unique, ratio)."),
            });
        }

        int dot = id.LastIndexOf('.');
        if (dot > 0 && new Metric(id) is var plain && Channel.TryCreate(id[..dot], out Channel account))
        {
            Metric declared = id[(dot + 1)..] switch
            {
                "followers" => Metric.Followers(account),
                "reachTotal" => Metric.ReachTotal(account),
                "reachAverage" => Metric.ReachAverage(account),
                _ => plain,
            };
            return declared;
        }

        return id == Metric.Users.Id ? Metric.Users : new Metric(id);
    }

    private static void ReadAccount(FigureTableBuilder builder, Channel account, JsonElement value)
    {
        foreach (JsonProperty member in value.EnumerateObject())
        {
            if (member.Name == "snapshot" && member.Value.TryGetProperty("date", out JsonElement date))
            {
                ReportingPeriod month = ReportingPeriod.Parse(date.GetString()![..7]);
                foreach (JsonProperty figure in member.Value.EnumerateObject())
                {
                    if (figure.Value.ValueKind == JsonValueKind.Number && figure.Value.TryGetInt64(out long count))
                    {
                        builder.Add(MetricOf(account.Id + "." + figure.Name, null), month, count);
                    }
                }
            }
            else if (member.Name.StartsWith("followersMonthEnd", StringComparison.Ordinal)
                && int.TryParse(member.Name.AsSpan("followersMonthEnd".Length), NumberStyles.None, CultureInfo.InvariantCulture, out int year))
            {
                int month = 1;
                foreach (JsonElement followers in member.Value.EnumerateArray())
                {
                    builder.Add(Metric.Followers(account), ReportingPeriod.Month(year, month++), followers.GetInt64());
                }
            }
        }
    }

    private static JsonElement[] Array(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out JsonElement array) && array.ValueKind == JsonValueKind.Array ? [.. array.EnumerateArray()] : [];

    private static ReportingPeriod Period(JsonElement element, string name) => ReportingPeriod.Parse(element.GetProperty(name).GetString()!);

    private static string? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
