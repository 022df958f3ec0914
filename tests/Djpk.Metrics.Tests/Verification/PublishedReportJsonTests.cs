using Djpk.Metrics.Periods;
using Djpk.Metrics.Tests.Support;
using Djpk.Metrics.Verification;

namespace Djpk.Metrics.Tests.Verification;

public class PublishedReportJsonTests
{
    [Fact]
    public void ReadClaims_Fixture_ReadsEveryClaimWithItsPrecision()
    {
        var claims = SeedReport.Claims();

        Assert.Equal(21, claims.Length);
        Claim whatsapp = claims.Single(c => c.Id == "whatsapp-yoy");
        Assert.Equal((4.9m, 1), (whatsapp.Value, whatsapp.Decimals));
        Assert.Equal(ClaimKind.Direction, claims.Single(c => c.Id == "livechat-yoy").Kind);
        Assert.True(claims.Single(c => c.Id == "website-yoy").IsApproximate);
        Assert.Equal(ReportingPeriod.OfYear(2023), claims.Single(c => c.Id == "segment-pemda").Period);
    }

    [Fact]
    public void WriteClaims_ThenReadClaims_RoundTrips()
    {
        var claims = SeedReport.Claims();

        var read = PublishedReportJson.ReadClaims(PublishedReportJson.WriteClaims(claims));

        Assert.Equal(claims.Select(c => c.ToString()), read.Select(c => c.ToString()));
        Assert.Equal(claims.Select(c => c.Quote), read.Select(c => c.Quote));
    }

    [Fact]
    public void ReadClaims_UnknownKind_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => PublishedReportJson.ReadClaims("""[{"id":"x","metric":"users","period":"2023","kind":"guess","value":1}]"""));

    [Fact]
    public void ReadFigures_Fixture_HasTheCountsAndNoDecemberVisits()
    {
        FigureTable figures = SeedReport.Figures();

        Assert.Equal(143, figures.Find(Metric.Consultations, ReportingPeriod.Month(2023, 11), DjpkChannels.Email));
        Assert.Equal(16256, figures.Find(Metric.Users, ReportingPeriod.OfYear(2023)));
        Assert.Equal(93598, figures.Find(Metric.WebsiteVisits, ReportingPeriod.Month(2022, 12)));
        Assert.Null(figures.Find(Metric.WebsiteVisits, ReportingPeriod.Month(2023, 12)));
        Assert.Equal(27, figures.Find(Metric.Posts(DjpkChannels.Instagram), ReportingPeriod.Month(2023, 12)));
    }
}
