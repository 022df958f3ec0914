using Djpk.Metrics.Periods;
using Djpk.Metrics.Web;

namespace Djpk.Metrics.Tests.Web;

public class WebsiteTrafficTests
{
    private static readonly ReportingPeriod December2023 = ReportingPeriod.Month(2023, 12);

    [Fact]
    public void YearOnYear_NeedsBothMonths()
    {
        WebsiteTraffic traffic = WebsiteTraffic.Empty.WithVisits(December2023.SameLastYear(), 93_598);
        Assert.Null(traffic.YearOnYear(December2023));
        Assert.Null(traffic.Visits(December2023));
        traffic = traffic.WithVisits(December2023, 73_942);
        Assert.Equal(-21m, traffic.YearOnYear(December2023)!.Value.ToPercent(0, Djpk.Metrics.Comparison.RoundingRule.TowardZero));
    }

    [Fact]
    public void TopPages_RankByVisitsWhenKnown_ElseKeepTheGivenOrder()
    {
        WebsiteTraffic ranked = WebsiteTraffic.Empty.WithTopPages(December2023, [new("Halaman Utama", 900), new("Portal Data", 1_200), new("Rincian DD 2024", 900)]);
        Assert.Equal(["Portal Data: 1200", "Halaman Utama: 900", "Rincian DD 2024: 900"], ranked.TopPages(December2023).Select(p => p.ToString()));
        WebsiteTraffic given = WebsiteTraffic.Empty.WithTopPages(December2023, [new("Portal Data"), new("Halaman Utama", 5)]);
        Assert.Equal(["Portal Data", "Halaman Utama: 5"], given.TopPages(December2023).Select(p => p.ToString()));
        Assert.Empty(given.TopPages(December2023.Previous()));
    }

    [Fact]
    public void Arguments_AreValidated()
    {
        Assert.Throws<ArgumentException>(() => WebsiteTraffic.Empty.WithVisits(ReportingPeriod.OfYear(2023), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => WebsiteTraffic.Empty.WithVisits(December2023, -1));
        Assert.Throws<ArgumentException>(() => new PageVisits(" "));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PageVisits("x", -1));
    }
}
