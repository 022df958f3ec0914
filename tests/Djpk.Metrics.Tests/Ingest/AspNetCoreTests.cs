using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Djpk.Metrics.Tests.Serialization;

/// <summary>An in-process minimal API (TestServer, synchronous I/O disallowed as by default) that ingests a JSON Lines body and answers with the report and a cube.</summary>
public class AspNetCoreTests
{
    [Fact]
    public async Task PostJsonLines_SynchronousIoDisallowed_ReturnsReportAndCubeMatchingAnIndependentCount()
    {
        // The body, and what it must give, counted here independently of the library.
        var body = new StringBuilder();
        long phoneInDecember = 0, whatsAppInDecember = 0, rejected = 0;
        for (int i = 0; i < 3000; i++)
        {
            string channel = i % 97 == 0 ? "fax" : i % 3 == 0 ? "phone" : "whatsapp";
            int day = 1 + (i % 31);
            body.Append(CultureInfo.InvariantCulture, $$"""{"timestamp":"2023-12-{{day:D2}}T10:00:00+07:00","channel":"{{channel}}","segment":"pemda","user":{{i % 50}}}""").Append('\n');
            if (channel == "fax")
            {
                rejected++;
            }
            else if (channel == "phone")
            {
                phoneInDecember++;
            }
            else
            {
                whatsAppInDecember++;
            }
        }

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        await using WebApplication app = builder.Build();
        app.MapPost("/ingest", Ingest);
        await app.StartAsync(CancellationToken.None);
        Assert.False(app.GetTestServer().AllowSynchronousIO);

        using HttpClient client = app.GetTestClient();
        using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/jsonl");
        using HttpResponseMessage response = await client.PostAsync(new Uri("/ingest", UriKind.Relative), content, CancellationToken.None);
        string text = await response.Content.ReadAsStringAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument json = JsonDocument.Parse(text);
        JsonElement report = json.RootElement.GetProperty("report");
        Assert.Equal(3000, report.GetProperty("rowsRead").GetInt64());
        Assert.Equal(phoneInDecember + whatsAppInDecember, report.GetProperty("accepted").GetInt64());
        Assert.Equal(rejected, report.GetProperty("rejected").GetInt64());
        Assert.Equal(1, report.GetProperty("rejections")[0].GetProperty("line").GetInt64());
        JsonElement[] cells = [.. json.RootElement.GetProperty("cube").GetProperty("cells").EnumerateArray()];
        Assert.Equal(phoneInDecember, Cell(cells, "phone"));
        Assert.Equal(whatsAppInDecember, Cell(cells, "whatsapp"));
    }

    private static long Cell(JsonElement[] cells, string channel) =>
        cells.Single(c => c.GetProperty("period").GetString() == "2023-12" && c.GetProperty("channel").GetString() == channel).GetProperty("count").GetInt64();

    /// <summary>The endpoint: reads the body with ReadAsync only, counts December per channel, writes {"report": …, "cube": …} with async writes only.</summary>
    private static async Task Ingest(HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        IngestOptions options = DjpkProfile.IngestOptions.Collecting();
        IngestResult result = await JsonLinesLogReader.ReadAsync(request.Body, options, cancellationToken: cancellationToken);
        CountCube cube = new Aggregator(ReportingCalendar.Jakarta).Count(
            result.Log, AggregationRequest.PerPeriod(PeriodGrain.Month).By(AggregationDimensions.Channel));

        response.ContentType = "application/json";
        await response.Body.WriteAsync("{\"report\":"u8.ToArray(), cancellationToken);
        await JsonSerializer.SerializeAsync(response.Body, result.Report, DjpkJson.Options, cancellationToken);
        await response.Body.WriteAsync(",\"cube\":"u8.ToArray(), cancellationToken);
        await AggregateJson.WriteAsync(cube, response.Body, cancellationToken);
        await response.Body.WriteAsync("}"u8.ToArray(), cancellationToken);
    }
}
