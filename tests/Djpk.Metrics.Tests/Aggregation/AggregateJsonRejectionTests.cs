using System.Text.Json.Nodes;
using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Tests.Support;
using NodaTime;

namespace Djpk.Metrics.Tests.Aggregation;

/// <summary>Aggregate JSON documents that AggregateJson.Render wrote and one edit then broke: each edit is refused with its own reason.</summary>
public class AggregateJsonRejectionTests
{
    private static readonly InteractionLog Log = new InteractionLogBuilder(DjpkProfile.Catalog)
        .Add(new Consultation(Instant.FromUtc(2023, 11, 20, 3, 0), DjpkChannels.Phone, DjpkSegments.Pemda, new Topic("DBH"), new UserKey(1)))
        .Add(new Consultation(Instant.FromUtc(2023, 12, 5, 1, 0), DjpkChannels.Phone, DjpkSegments.Pemda, new Topic("DBH"), new UserKey(3)))
        .Add(new Consultation(Instant.FromUtc(2023, 12, 6, 1, 0), DjpkChannels.WhatsApp, DjpkSegments.Akademisi, Topic.Unspecified, new UserKey(2)))
        .Build();

    private static readonly AggregationRequest Request = AggregationRequest.PerPeriod(PeriodGrain.Month)
        .Within(PeriodRange.Between(ReportingPeriod.Month(2023, 11), ReportingPeriod.Month(2024, 1)))
        .By(AggregationDimensions.Channel | AggregationDimensions.Topic);

    private static readonly string Counts = AggregateJson.Render(new Aggregator(ReportingCalendar.Jakarta).Count(Log, Request));
    private static readonly string Users = AggregateJson.Render(new Aggregator(ReportingCalendar.Jakarta).CountDistinctUsers(Log, Request));

    [Fact]
    public void ParseCountCube_UneditedDocuments_ReadBack()
    {
        CountCube counts = AggregateJson.ParseCountCube(Counts);
        Assert.Equal(2, counts.Count(ReportingPeriod.Month(2023, 12)));
        Assert.Equal(1, counts.Count(ReportingPeriod.Month(2023, 12), DjpkChannels.Phone, topic: new Topic("DBH")));
        Assert.Null(counts.Count(ReportingPeriod.Month(2024, 1)));
        DistinctUserCube users = AggregateJson.ParseDistinctUserCube(Users);
        Assert.Equal([new UserKey(2), new UserKey(3)], users.Users(ReportingPeriod.Month(2023, 12))!);
        Assert.Equal(Counts, AggregateJson.Render(AggregateJson.ReadCountCube(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Counts)))));
        Assert.Equal(Users, AggregateJson.Render(AggregateJson.ReadDistinctUserCube(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Users)))));
    }

    public static TheoryData<string, string> CountEdits() => new()
    {
        { "measure", "'visits' is neither" },
        { "distinct-as-count", "AggregateJson.ReadDistinctUserCube" },
        { "no version", "version 1" },
        { "version 2", "version 1" },
        { "no channels", "version 1" },
        { "no segments", "version 1" },
        { "no topics", "version 1" },
        { "no channel filter", "version 1" },
        { "no segment filter", "version 1" },
        { "no periods", "version 1" },
        { "no cells", "version 1" },
        { "no dimensions", "version 1" },
        { "grain lowercase", "grain 'month'" },
        { "grain unknown", "grain 'Fortnight'" },
        { "grain number", "grain '-1'" },
        { "grain spaced", "grain ' Month'" },
        { "grain undefined number", "grain '7'" },
        { "grain combined", "grain 'Day, Month'" }, // Enum.TryParse alone reads it as Day | Month = Month
        { "grain repeated", "grain 'Month,Month'" },
        { "period of another grain", "consecutive periods" },
        { "period unparsable", "consecutive periods" },
        { "period gap", "consecutive periods" },
        { "periods reversed", "consecutive periods" },
        { "periods empty", "axis is empty" },
        { "dimension unknown", "'colour' is not one of" },
        { "dimension twice", "'channel' is listed twice" },
        { "earliest alone", "both earliest and latest" },
        { "latest alone", "both earliest and latest" },
        { "hasData false", "says period 2023-12 has no data" },
        { "hasData true", "says period 2024-01 has data" },
        { "cell null", "cell of the document is null" },
        { "cell period outside", "names a period without data" },
        { "cell period without data", "names a period without data" },
        { "cell period unparsable", "names a period without data" },
        { "cell channel unknown", "names a period without data" },
        { "cell channel missing", "names a period without data" },
        { "cell topic unknown", "names a period without data" },
        { "cell segment unbroken", "names a period without data" },
        { "cell twice", "appears twice" },
        { "cell missing", "every cell of every period" },
        { "count negative", "non-negative count without users" },
        { "count with users", "non-negative count without users" },
        { "member not canonical", "'Phone' is not a valid member name" },
        { "zone unknown", "'Mars/Olympus'" },
        { "zone missing", "''" },
    };

    [Theory]
    [MemberData(nameof(CountEdits))]
    public void ParseCountCube_OneEdit_ThrowsInvalidDataWithItsReason(string edit, string reason)
    {
        string json = Edit(edit == "distinct-as-count" ? Users : Counts, edit);
        Assert.NotEqual(Counts, json);
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => AggregateJson.ParseCountCube(json));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("count-as-distinct", "AggregateJson.ReadCountCube")]
    [InlineData("users missing", "as many as its count")]
    [InlineData("users fewer", "as many as its count")]
    [InlineData("users unordered", "distinct keys in ascending order")]
    [InlineData("users repeated", "distinct keys in ascending order")]
    public void ParseDistinctUserCube_OneEdit_ThrowsInvalidDataWithItsReason(string edit, string reason)
    {
        string json = Edit(edit == "count-as-distinct" ? Counts : Users, edit);
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => AggregateJson.ParseDistinctUserCube(json));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseDistinctUserCube_CellOfNoUsers_ReadsAsZero()
    {
        DistinctUserCube users = AggregateJson.ParseDistinctUserCube(Users);
        Assert.Equal(0, users.Count(ReportingPeriod.Month(2023, 11), DjpkChannels.WhatsApp));
        Assert.Equal(1, users.Count(ReportingPeriod.Month(2023, 11), DjpkChannels.Phone));
        Assert.Equal(3, users.CountBetween(ReportingPeriod.Month(2023, 11), ReportingPeriod.Month(2023, 12)));
    }

    [Fact]
    public void Members_NullArguments_Throw()
    {
        CountCube cube = AggregateJson.ParseCountCube(Counts);
        Assert.Throws<ArgumentNullException>(() => AggregateJson.ParseCountCube(null!));
        Assert.Throws<ArgumentNullException>(() => AggregateJson.ParseDistinctUserCube(null!));
        Assert.Throws<ArgumentNullException>(() => AggregateJson.ReadCountCube(null!));
        Assert.Throws<ArgumentNullException>(() => AggregateJson.ReadDistinctUserCube(null!));
        Assert.Throws<ArgumentNullException>(() => AggregateJson.Write(cube, null!));
        Assert.Throws<ArgumentNullException>(() => AggregateJson.Write(null!, new MemoryStream()));
        Assert.Throws<ArgumentNullException>(() => AggregateJson.Render(null!));
        Assert.Contains("null", Assert.Throws<InvalidDataException>(() => AggregateJson.ParseCountCube("null")).Message, StringComparison.Ordinal);
        Assert.Contains("not an aggregate JSON document", Assert.Throws<InvalidDataException>(() => AggregateJson.ParseCountCube("{")).Message, StringComparison.Ordinal);
    }

    private static string Edit(string json, string edit)
    {
        JsonObject d = JsonNode.Parse(json)!.AsObject();
        JsonArray periods = d["periods"]!.AsArray();
        JsonArray cells = d["cells"]!.AsArray();
        JsonObject Cell(int i) => cells[i]!.AsObject();
        JsonObject december = cells.First(c => (string?)c!["period"] == "2023-12" && (string?)c["channel"] == "phone" && (string?)c["topic"] == "DBH")!.AsObject();
        switch (edit)
        {
            case "measure": d["measure"] = "visits"; break;
            case "distinct-as-count": break;
            case "count-as-distinct": break;
            case "no version": d.Remove("version"); break;
            case "version 2": d["version"] = 2; break;
            case "no channels": d.Remove("channels"); break;
            case "no segments": d.Remove("segments"); break;
            case "no topics": d.Remove("topics"); break;
            case "no channel filter": d.Remove("channelFilter"); break;
            case "no segment filter": d.Remove("segmentFilter"); break;
            case "no periods": d.Remove("periods"); break;
            case "no cells": d.Remove("cells"); break;
            case "no dimensions": d.Remove("dimensions"); break;
            case "grain lowercase": d["grain"] = "month"; break;
            case "grain unknown": d["grain"] = "Fortnight"; break;
            case "grain number": d["grain"] = "-1"; break;
            case "grain spaced": d["grain"] = " Month"; break;
            case "grain undefined number": d["grain"] = "7"; break;
            case "grain combined": d["grain"] = "Day, Month"; break;
            case "grain repeated": d["grain"] = "Month,Month"; break;
            case "period of another grain": periods[1]!["period"] = "2023-Q4"; break;
            case "period unparsable": periods[1]!["period"] = "2023-13"; break;
            case "period gap": periods[2]!["period"] = "2024-02"; break;
            case "periods reversed": periods[0]!["period"] = "2023-12"; periods[1]!["period"] = "2023-11"; break;
            case "periods empty": periods.Clear(); break;
            case "dimension unknown": d["dimensions"]!.AsArray().Add("colour"); break;
            case "dimension twice": d["dimensions"]!.AsArray().Add("channel"); break;
            case "earliest alone": d.Remove("latest"); break;
            case "latest alone": d.Remove("earliest"); break;
            case "hasData false": periods[1]!["hasData"] = false; break;
            case "hasData true": periods[2]!["hasData"] = true; break;
            case "cell null": cells[0] = null; break;
            case "cell period outside": december["period"] = "2023-10"; break;
            case "cell period without data": december["period"] = "2024-01"; break;
            case "cell period unparsable": december["period"] = "December"; break;
            case "cell channel unknown": december["channel"] = "fax"; break;
            case "cell channel missing": december.Remove("channel"); break;
            case "cell topic unknown": december["topic"] = "Pajak"; break;
            case "cell segment unbroken": december["segment"] = "pemda"; break;
            case "cell twice": cells[0] = Cell(1).DeepClone(); break;
            case "cell missing": cells.RemoveAt(cells.Count - 1); break;
            case "count negative": december["count"] = -1; break;
            case "count with users": december["users"] = new JsonArray(1); break;
            case "member not canonical": d["channels"]![0] = "Phone"; break;
            case "zone unknown": d["zone"] = "Mars/Olympus"; break;
            case "zone missing": d.Remove("zone"); break;
            case "users missing": december.Remove("users"); break;
            case "users fewer": december["count"] = 2; break;
            case "users unordered": december["count"] = 2; december["users"] = new JsonArray(3, 1); break;
            case "users repeated": december["count"] = 2; december["users"] = new JsonArray(3, 3); break;
            default: throw new ArgumentException(edit, nameof(edit));
        }

        return d.ToJsonString();
    }
}
