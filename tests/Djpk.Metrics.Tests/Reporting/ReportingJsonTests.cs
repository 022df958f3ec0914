using System.Text.Json;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Reporting;
using Djpk.Metrics.Reporting.Serialization;
using Djpk.Metrics.Samples.ReportSample;
using Djpk.Metrics.Tests.Support;
using Djpk.Metrics.Verification;

namespace Djpk.Metrics.Tests.Reporting;

public class ReportingJsonTests
{
    private static readonly Lazy<MonthlyReport> December = new(() =>
        MonthlyReport.Build(December2023.Month, December2023.Inputs(Path.Combine(AppContext.BaseDirectory, "Fixtures", "djpk-report-2023-12.json")), DjpkProfile.Profile));

    [Fact]
    public void Serialize_MonthlyReport_IsTheDocumentOfRenderJson()
    {
        using JsonDocument json = JsonDocument.Parse(JsonSerializer.Serialize(December.Value, ReportingJson.Options));
        using JsonDocument expected = JsonDocument.Parse(December.Value.RenderJson());

        Assert.True(JsonElement.DeepEquals(expected.RootElement, json.RootElement));
        Assert.Equal(18008, json.RootElement.GetProperty("consultations").GetProperty("yearToDate").GetInt64());
    }

    [Fact]
    public void Serialize_VerificationReport_WritesCountsAndEachResult()
    {
        VerificationReport report = ClaimVerifier.Verify(SeedReport.Claims(), SeedReport.Figures());

        using JsonDocument json = JsonDocument.Parse(JsonSerializer.Serialize(report, ReportingJson.Options));
        JsonElement root = json.RootElement;

        Assert.Equal((21, 19, 1, 1), (root.GetProperty("claims").GetInt32(), root.GetProperty("hold").GetInt32(), root.GetProperty("fail").GetInt32(), root.GetProperty("unverifiable").GetInt32()));
        JsonElement email = root.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "email-mom");
        Assert.Equal("fails", email.GetProperty("verdict").GetString());
        Assert.Equal(JsonNamingPolicy.CamelCase.ConvertName(report["email-mom"].Cause.ToString()), email.GetProperty("cause").GetString());
        Assert.Equal("2023-12", email.GetProperty("period").GetString());
        JsonElement website = root.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "website-yoy");
        Assert.Equal("unverifiable", website.GetProperty("verdict").GetString());
        Assert.Equal(1, website.GetProperty("missing").GetArrayLength());
        Assert.Equal(report.Conventions.Length, root.GetProperty("conventions").GetArrayLength());
        Assert.Equal(report.Reconciliation.Length, root.GetProperty("reconciliation").GetArrayLength());
    }

    [Fact]
    public void Serialize_VerdictAndCoreValues_UseTheCoreConverters()
    {
        Assert.Equal("\"holds\"", JsonSerializer.Serialize(Verdict.Holds, ReportingJson.Options));
        Assert.Equal("\"2023-12\"", JsonSerializer.Serialize(December2023.Month, ReportingJson.Options));
        Assert.Equal(PercentChange.Between(1, 2), JsonSerializer.Deserialize<PercentChange>("""{"previous":1,"current":2}""", ReportingJson.Options));
    }

    [Fact]
    public void AddConverters_CallersOptions_SerializeAReportInsideAnEnvelope()
    {
        JsonSerializerOptions options = ReportingJson.AddConverters(new JsonSerializerOptions(JsonSerializerDefaults.Web));

        using JsonDocument json = JsonDocument.Parse(JsonSerializer.Serialize(new { ok = true, report = December.Value }, options));

        Assert.Equal("2023-12", json.RootElement.GetProperty("report").GetProperty("month").GetString());
    }

    [Fact]
    public void Deserialize_MonthlyReport_ThrowsNotSupportedSayingToBuildAgain() =>
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<MonthlyReport>("{}", ReportingJson.Options));
}
