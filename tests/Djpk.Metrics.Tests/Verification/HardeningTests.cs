using System.Collections.Immutable;
using System.Text.Json;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Verification;

namespace Djpk.Metrics.Tests.Verification;

/// <summary>Issue 14 ("Hardening"): one test per finding about verification, named after it.</summary>
public class HardeningTests
{
    private static readonly ReportingPeriod December2023 = ReportingPeriod.Month(2023, 12);

    [Theory]
    [InlineData("""{"usersBySegment":{"period":"2023-12","counts":[{"segment":"pemda","users":9223372036854775807},{"segment":"akademisi","users":1}]}}""")]
    [InlineData("""{"consultations":{"totals":[{"period":"2023-12","count":9223372036854775807},{"period":"2023-12","count":1}]}}""")]
    [InlineData("""{"usersBySegment":{"period":"2023-12","counts":[{"segment":"pemda","users":99999999999999999999}]}}""")]
    [InlineData("""{"consultations":{"byChannelMonth":[{"period":"2023-12","channel":"phone","count":-1}]}}""")]
    [InlineData("""{"consultations":{"totals":[{"period":null,"count":1}]}}""")]
    [InlineData("""{"consultations":{"totals":[{"period":"2023-13","count":1}]}}""")]
    [InlineData("""{"consultations":{"totals":{"period":"2023-12"}}}""")]
    [InlineData("""{"social":{"instagram":[]}}""")]
    [InlineData("""[1,2]""")]
    public void ReadFigures_CountsSummingPastLongMaxValue_ThrowsFormatException(string json)
    {
        Exception? e = Record.Exception(() => PublishedReportJson.ReadFigures(json));
        Assert.True(e is null or FormatException or JsonException, $"{e?.GetType().Name}: {e?.Message}");
    }

    [Theory]
    [InlineData("""[{"id":"x","metric":"consultations","period":"2023-12","kind":"share","value":1e30}]""")]
    [InlineData("""[{"id":"x","metric":"consultations","period":"2023-12","kind":"share","value":4.33333333333}]""")]
    [InlineData("""[{"id":"","metric":"consultations","period":"2023-12","kind":"share","value":1}]""")]
    [InlineData("""{"claims":{}}""")]
    [InlineData("""[null]""")]
    public void ReadClaims_InvalidClaims_ThrowOnlyDocumentedExceptions(string json)
    {
        Exception? e = Record.Exception(() => PublishedReportJson.ReadClaims(json));
        Assert.True(e is FormatException or JsonException, $"{e?.GetType().Name}: {e?.Message}");
    }

    [Theory]
    [InlineData("meningkat\n4,33333333333%")]                        // more than Rounding.MaxDecimals decimals
    [InlineData("meningkat\nDesember 0000")]                          // year 0
    [InlineData("meningkat 111111111111111111111111111113%")]         // larger than a decimal
    [InlineData("Konsultasi WhatsApp\nsebanyak 99999999999999999999999999999999%")]
    [InlineData("Pengguna Layanan Tahun 0000\nPemda 1,000000000001%")]
    [InlineData("Performa Instagram\nReach (total) 1.000 Reach (rata-rata) 1,12345678901")]
    [InlineData("Konsultasi WhatsApp naik 5% dibandingkan Januari 0000.")]
    [InlineData("Di bulan Desember 0000 konsultasi naik 5% dibandingkan bulan sebelumnya.")]
    public void Extract_StrayDigitRuns_AreSkippedNotThrown(string text)
    {
        foreach (ReportingPeriod period in new[] { December2023, ReportingPeriod.Month(1, 1), ReportingPeriod.Month(9999, 12), ReportingPeriod.OfYear(1) })
        {
            ImmutableArray<Claim> claims = DjpkProfile.ClaimExtractor.Extract(text, period);
            Assert.All(claims, c => Assert.True(c.Value is null || c.Value.Value.Scale <= Rounding.MaxDecimals));
        }
    }

    [Fact]
    public void Extract_GoodClaimBesideAStrayDigitRun_IsStillFound()
    {
        const string text = "Konsultasi WhatsApp\nKonsultasi naik 12% dibandingkan bulan sebelumnya. Angka 4,33333333333% naik 111111111111111111111111111113% dibandingkan Desember 0000.";
        Claim claim = Assert.Single(DjpkProfile.ClaimExtractor.Extract(text, December2023));
        Assert.Equal((12m, "whatsapp-mom"), (claim.Value, claim.Id));
    }
}
