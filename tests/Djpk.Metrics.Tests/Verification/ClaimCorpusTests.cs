using Djpk.Metrics.Periods;
using Djpk.Metrics.Verification;

namespace Djpk.Metrics.Tests.Verification;

/// <summary>
/// Indonesian claim sentences written for this corpus (none is from a published report), each with the claim it must yield and
/// the verdict it must get against a small table of hand-chosen figures for June 2024. The expected verdicts were computed by
/// hand from the table below, not by running the verifier.
/// </summary>
public class ClaimCorpusTests
{
    private static readonly ReportingPeriod June = ReportingPeriod.Month(2024, 6);

    // consultations: Apr 1.000, May 1.200, Jun 900 (2024), Jun 2023 800; Q1 2024 3.000, Q2 2024 3.100, Q2 2023 2.500; 2023 10.000, 2024 12.000.
    // WhatsApp May 600 (50%), Jun 459 (51%); phone May 24, Jun 18; live chat May 12 (1%), Jun 18 (2%); HAI Kemenkeu: no figures.
    // users 2024: 1.000 (Akademisi 100, Pemda 700, Kementerian/Lembaga 150, Lainnya 50). Twitter followers end of Jan 16.000, end of Jun 16.400.
    // PPID requests 2024: 150.
    private static readonly FigureTable Figures = new FigureTableBuilder()
        .Add(Metric.Consultations, ReportingPeriod.Month(2024, 4), 1_000)
        .Add(Metric.Consultations, ReportingPeriod.Month(2024, 5), 1_200)
        .Add(Metric.Consultations, June, 900)
        .Add(Metric.Consultations, ReportingPeriod.Month(2023, 6), 800)
        .Add(Metric.Consultations, ReportingPeriod.Quarter(2024, 1), 3_000)
        .Add(Metric.Consultations, ReportingPeriod.Quarter(2024, 2), 3_100)
        .Add(Metric.Consultations, ReportingPeriod.Quarter(2023, 2), 2_500)
        .Add(Metric.Consultations, ReportingPeriod.OfYear(2023), 10_000)
        .Add(Metric.Consultations, ReportingPeriod.OfYear(2024), 12_000)
        .Add(Metric.Consultations, ReportingPeriod.Month(2024, 5), 600, DjpkChannels.WhatsApp)
        .Add(Metric.Consultations, June, 459, DjpkChannels.WhatsApp)
        .Add(Metric.Consultations, ReportingPeriod.Month(2024, 5), 24, DjpkChannels.Phone)
        .Add(Metric.Consultations, June, 18, DjpkChannels.Phone)
        .Add(Metric.Consultations, ReportingPeriod.Month(2024, 5), 12, DjpkChannels.LiveChat)
        .Add(Metric.Consultations, June, 18, DjpkChannels.LiveChat)
        .Add(Metric.Users, ReportingPeriod.OfYear(2024), 1_000)
        .Add(Metric.Users, ReportingPeriod.OfYear(2024), 100, segment: DjpkSegments.Akademisi)
        .Add(Metric.Users, ReportingPeriod.OfYear(2024), 700, segment: DjpkSegments.Pemda)
        .Add(Metric.Users, ReportingPeriod.OfYear(2024), 150, segment: DjpkSegments.KementerianLembaga)
        .Add(Metric.Users, ReportingPeriod.OfYear(2024), 50, segment: DjpkSegments.Lainnya)
        .Add(Metric.Followers(DjpkChannels.Twitter), ReportingPeriod.Month(2024, 1), 16_000)
        .Add(Metric.Followers(DjpkChannels.Twitter), June, 16_400)
        .Add(new Metric("ppid.requests"), ReportingPeriod.OfYear(2024), 150)
        .Build();

    private const string Users = "Pengguna Layanan Tahun 2024\n";
    private const string Twitter = "Performa Twitter\n";

    public static TheoryData<CorpusCase> Cases() =>
    [
        // counts
        new("Jumlah konsultasi pada bulan Juni 2024 sebanyak 900 konsultasi.", "total-count", ClaimKind.Total, "2024-06", null, 900m, Verdict.Holds),
        new("Jumlah konsultasi pada bulan Juni 2024 sebanyak 495 konsultasi.", "total-count", ClaimKind.Total, "2024-06", null, 495m, Verdict.Fails, FailureCause.PartsNotSummingToTotal), // WhatsApp 459 + telepon 18 + live chat 18
        new("Jumlah konsultasi pada bulan Juni 2024 sebanyak 950 konsultasi.", "total-count", ClaimKind.Total, "2024-06", null, 950m, Verdict.Fails, FailureCause.Unexplained),
        new("Selama tahun 2024, jumlah konsultasi yang dilayani adalah sebanyak 12.000 konsultasi.", "total-count", ClaimKind.Total, "2024", null, 12_000m, Verdict.Holds),
        new("Jumlah permohonan data melalui PPID DJPK sampai dengan Desember 2024 berjumlah 150 permohonan.", "ppid-requests-count", ClaimKind.Total, "2024", null, 150m, Verdict.Holds),
        new("Jumlah permohonan data melalui PPID DJPK sampai dengan Juni 2024 berjumlah 80 permohonan."), // a year to date before December is no period
        new(Twitter + "Per 30 Juni 2024, akun Twitter memiliki 16.400 pengikut.", "twitter-followers-count", ClaimKind.Total, "2024-06", null, 16_400m, Verdict.Holds),
        new(Twitter + "Per 30 Juni 2024, akun Twitter memiliki 16.500 pengikut.", "twitter-followers-count", ClaimKind.Total, "2024-06", null, 16_500m, Verdict.Fails, FailureCause.Unexplained),

        // "dari … menjadi …": both periods and both figures
        new("Jumlah konsultasi melalui WhatsApp DJPK turun 23,5% dari 600 layanan pada Mei 2024 menjadi 459 layanan pada Juni 2024.", "whatsapp-mom", ClaimKind.PercentChange, "2024-06", "2024-05", 23.5m, Verdict.Holds, StatedCurrent: 459, StatedPrevious: 600),
        new("Konsultasi melalui telepon turun 25% dari 24 layanan pada Mei 2024 menjadi 18 layanan pada Juni 2024.", "phone-mom", ClaimKind.PercentChange, "2024-06", "2024-05", 25m, Verdict.Holds, StatedCurrent: 18, StatedPrevious: 24),
        new("Jumlah konsultasi turun 10% dari 1.000 konsultasi pada April 2024 menjadi 900 konsultasi pada Juni 2024.", "total-vs-2024-04", ClaimKind.PercentChange, "2024-06", "2024-04", 10m, Verdict.Holds, StatedCurrent: 900, StatedPrevious: 1_000),
        new("Jumlah konsultasi melalui HAI Kemenkeu turun 20% dari 50 layanan pada Mei 2024 menjadi 40 layanan pada Juni 2024.", "hai-mom", ClaimKind.PercentChange, "2024-06", "2024-05", 20m, Verdict.Holds, StatedCurrent: 40, StatedPrevious: 50),
        new("Jumlah konsultasi melalui HAI Kemenkeu turun 25% dari 50 layanan pada Mei 2024 menjadi 40 layanan pada Juni 2024.", "hai-mom", ClaimKind.PercentChange, "2024-06", "2024-05", 25m, Verdict.Fails, FailureCause.DividedByNewValue, 40, 50),

        // explicit and relative comparison periods
        new("Jumlah konsultasi bulan Juni 2024 meningkat 12,5% dibandingkan Juni 2023 (800 konsultasi).", "total-yoy", ClaimKind.PercentChange, "2024-06", "2023-06", 12.5m, Verdict.Holds, StatedPrevious: 800),
        new("Jumlah konsultasi bulan Juni 2024 meningkat 12,5% dibandingkan periode yang sama tahun lalu.", "total-yoy", ClaimKind.PercentChange, "2024-06", "2023-06", 12.5m, Verdict.Holds),
        new("Jumlah konsultasi di bulan Juni 2024 meningkat 12,5% dibandingkan Juni 2023.", "total-yoy", ClaimKind.PercentChange, "2024-06", "2023-06", 12.5m, Verdict.Holds),
        new("Jumlah konsultasi bulan Juni 2024 turun 25% dibandingkan bulan sebelumnya.", "total-mom", ClaimKind.PercentChange, "2024-06", "2024-05", 25m, Verdict.Holds),
        new("Jumlah konsultasi bulan Juni 2024 turun 25% dibandingkan bulan Mei 2024 (1.100 konsultasi).", "total-mom", ClaimKind.PercentChange, "2024-06", "2024-05", 25m, Verdict.Fails, FailureCause.StatedFigureDiffers, StatedPrevious: 1_100),
        new("Jumlah konsultasi di bulan Juni 2024 turun 10% dibandingkan April 2024.", "total-vs-2024-04", ClaimKind.PercentChange, "2024-06", "2024-04", 10m, Verdict.Holds),
        new("Jumlah konsultasi pada bulan Juni 2024 turun 25%.", "total-mom", ClaimKind.PercentChange, "2024-06", "2024-05", 25m, Verdict.Holds),
        new("Jumlah konsultasi pada triwulan II 2024 meningkat 3,3% dibandingkan triwulan I 2024.", "total-mom", ClaimKind.PercentChange, "2024-Q2", "2024-Q1", 3.3m, Verdict.Holds),
        new("Jumlah konsultasi pada triwulan II 2024 meningkat 3,3% dibandingkan triwulan sebelumnya.", "total-mom", ClaimKind.PercentChange, "2024-Q2", "2024-Q1", 3.3m, Verdict.Holds),
        new("Jumlah konsultasi pada Q2 2024 meningkat 3,3% dibandingkan Q1 2024.", "total-mom", ClaimKind.PercentChange, "2024-Q2", "2024-Q1", 3.3m, Verdict.Holds),
        new("Jumlah konsultasi pada kuartal 2 2024 meningkat 24% dibandingkan kuartal 2 2023.", "total-yoy", ClaimKind.PercentChange, "2024-Q2", "2023-Q2", 24m, Verdict.Holds),
        new("Jumlah konsultasi pada kuartal 2 2024 meningkat 3,4% dibandingkan kuartal 1 2024.", "total-mom", ClaimKind.PercentChange, "2024-Q2", "2024-Q1", 3.4m, Verdict.Fails, FailureCause.RoundingBeyondPrecision),
        new("Selama tahun 2024, jumlah konsultasi meningkat 20% dibandingkan tahun 2023.", "total-mom", ClaimKind.PercentChange, "2024", "2023", 20m, Verdict.Holds),
        new("Jumlah konsultasi pada semester I 2024 meningkat 5% dibandingkan semester II 2023."), // half-years are no periods of the library

        // "sejak …" spans
        new(Twitter + "Sejak akhir Januari 2024 hingga akhir Juni 2024, jumlah pengikut Twitter meningkat 2,5%.", "twitter-followers-vs-2024-01", ClaimKind.PercentChange, "2024-06", "2024-01", 2.5m, Verdict.Holds),
        new(Twitter + "Sejak akhir Januari, jumlah pengikut Twitter meningkat 2,5%.", "twitter-followers-vs-2024-01", ClaimKind.PercentChange, "2024-06", "2024-01", 2.5m, Verdict.Holds),
        new(Twitter + "Sejak akhir Januari 2024, jumlah pengikut Twitter turun 2,5%.", "twitter-followers-vs-2024-01", ClaimKind.PercentChange, "2024-06", "2024-01", 2.5m, Verdict.Fails, FailureCause.WrongDirection),

        // directions and failure causes
        new("Jumlah konsultasi pada bulan Juni 2024 naik 25% dibandingkan bulan sebelumnya.", "total-mom", ClaimKind.PercentChange, "2024-06", "2024-05", 25m, Verdict.Fails, FailureCause.WrongDirection),
        new("Jumlah konsultasi pada bulan Juni 2024 turun 33% dibandingkan bulan sebelumnya.", "total-mom", ClaimKind.PercentChange, "2024-06", "2024-05", 33m, Verdict.Fails, FailureCause.DividedByNewValue),
        new("Jumlah konsultasi pada bulan Juni 2024 turun 10% dibandingkan bulan sebelumnya.", "total-mom", ClaimKind.PercentChange, "2024-06", "2024-05", 10m, Verdict.Fails, FailureCause.WrongPeriod),
        new("Jumlah konsultasi pada bulan Juni 2024 turun sekitar 24% dibandingkan bulan sebelumnya.", "total-mom", ClaimKind.PercentChange, "2024-06", "2024-05", 24m, Verdict.Holds),
        new("Jumlah konsultasi pada bulan Juni 2024 menurun dibandingkan bulan sebelumnya.", "total-mom", ClaimKind.Direction, "2024-06", "2024-05", null, Verdict.Holds),
        new("Jumlah konsultasi pada bulan Juni 2024 tetap dibandingkan bulan sebelumnya.", "total-mom", ClaimKind.Direction, "2024-06", "2024-05", null, Verdict.Fails, FailureCause.WrongDirection),
        new("Jumlah konsultasi HAI Kemenkeu pada bulan Juni 2024 naik 10% dibandingkan bulan sebelumnya.", "hai-mom", ClaimKind.PercentChange, "2024-06", "2024-05", 10m, Verdict.Unverifiable),
        new("Konsultasi Live Chat DJPK pada bulan Juni 2024 naik 1% dibandingkan bulan sebelumnya.", "livechat-mom", ClaimKind.PercentChange, "2024-06", "2024-05", 1m, Verdict.Fails, FailureCause.PercentagePointsAsPercent),

        // shares and percentage points
        new("Pada bulan Juni 2024, sebanyak 51% (459 konsultasi) dari seluruh konsultasi melalui WhatsApp DJPK.", "whatsapp-share", ClaimKind.Share, "2024-06", null, 51m, Verdict.Holds, StatedCurrent: 459),
        new("Pada bulan Juni 2024, sebanyak 51% (460 konsultasi) dari seluruh konsultasi melalui WhatsApp DJPK.", "whatsapp-share", ClaimKind.Share, "2024-06", null, 51m, Verdict.Fails, FailureCause.StatedFigureDiffers, StatedCurrent: 460),
        new("Pangsa WhatsApp DJPK pada bulan Juni 2024 naik 1 poin persentase dibandingkan bulan sebelumnya.", "whatsapp-share-mom", ClaimKind.PointChange, "2024-06", "2024-05", 1m, Verdict.Holds),
        new("Pangsa WhatsApp DJPK pada bulan Juni 2024 naik 1,0 poin dibandingkan bulan sebelumnya.", "whatsapp-share-mom", ClaimKind.PointChange, "2024-06", "2024-05", 1.0m, Verdict.Holds),
        new("Pangsa WhatsApp DJPK pada bulan Juni 2024 turun 1 poin persentase dibandingkan bulan sebelumnya.", "whatsapp-share-mom", ClaimKind.PointChange, "2024-06", "2024-05", 1m, Verdict.Fails, FailureCause.WrongDirection),
        new(Users + "Selama tahun 2024, pengguna layanan terdiri atas Akademisi 100 pengguna (10%).", "segment-akademisi", ClaimKind.Share, "2024", null, 10m, Verdict.Holds, StatedCurrent: 100),
        new(Users + "Pemda 700 pengguna (70%) menjadi pengguna terbesar.", "segment-pemda", ClaimKind.Share, "2024", null, 70m, Verdict.Holds, StatedCurrent: 700),
        new(Users + "Kementerian/Lembaga 15%.", "segment-kl", ClaimKind.Share, "2024", null, 15m, Verdict.Holds),
        new(Users + "Lainnya 6%.", "segment-lainnya", ClaimKind.Share, "2024", null, 6m, Verdict.Fails, FailureCause.Unexplained),
        new("Selama tahun 2024, pengguna dari Pemda 70%.", "segment-pemda", ClaimKind.Share, "2024", null, 70m, Verdict.Holds),
    ];

    [Fact]
    public void Corpus_HasAtLeastFortySentences() => Assert.True(Cases().Count >= 40, $"{Cases().Count} sentences");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Extract_CorpusSentence_GivesItsClaimAndVerdict(CorpusCase sentence)
    {
        Claim[] claims = [.. DjpkProfile.ClaimExtractor.Extract(sentence.Text, June)];
        if (sentence.Id is null)
        {
            Assert.Empty(claims);
            return;
        }

        Claim claim = Assert.Single(claims);
        Assert.Equal(
            (sentence.Id, sentence.Kind, sentence.Period, sentence.Against, sentence.Value, sentence.StatedCurrent, sentence.StatedPrevious),
            (claim.Id, claim.Kind, claim.Period.ToString(), claim.Against?.ToString(), claim.Value, claim.StatedCurrent, claim.StatedPrevious));
        ClaimResult result = ClaimVerifier.Verify(claims, Figures).Results.Single();
        Assert.Equal((sentence.Verdict, sentence.Cause), (result.Verdict, result.Cause));
    }

    [Fact]
    public void Verify_ACorpusParagraph_FailsTheChangeRoundedAgainstItsGroupsConvention()
    {
        // 900 against 800 is +12,5%: "12%" under half to even and toward zero, "13%" under half away from zero only.
        // Q2 against Q1 (3.100 / 3.000) is +3,33…%: "3%" under every rule. Half to even explains three of four, so "13%" fails.
        const string Paragraph = "Jumlah konsultasi bulan Juni 2024 meningkat 12% dibandingkan Juni 2023. "
            + "Jumlah konsultasi bulan Juni 2024 meningkat 12% dibandingkan periode yang sama tahun lalu. "
            + "Jumlah konsultasi pada triwulan II 2024 meningkat 3% dibandingkan triwulan I 2024. "
            + "Jumlah konsultasi bulan Juni 2024 meningkat 13% dibandingkan Juni 2023.";

        VerificationReport report = ClaimVerifier.Verify(DjpkProfile.ClaimExtractor.Extract(Paragraph, June), Figures);

        Assert.Equal(
            [("total-yoy", Verdict.Holds, FailureCause.None), ("total-yoy-2", Verdict.Holds, FailureCause.None), ("total-mom", Verdict.Holds, FailureCause.None), ("total-yoy-3", Verdict.Fails, FailureCause.InconsistentRounding)],
            report.Results.Select(r => (r.Claim.Id, r.Verdict, r.Cause)));
        Assert.Equal(Djpk.Metrics.Comparison.RoundingConvention.HalfToEven, report.Conventions.Single().Chosen);
    }

    [Fact]
    public void Verify_SegmentsTiedForTheLastUnit_AcceptEitherAllocation()
    {
        // 296, 296, 291, 283 of 1.166: 25,38…, 25,38…, 24,95…, 24,27…; largest remainder gives one more unit to one of the two 296s.
        ReportingPeriod year = ReportingPeriod.OfYear(2025);
        FigureTable figures = new FigureTableBuilder()
            .Add(Metric.Users, year, 1_166)
            .Add(Metric.Users, year, 296, segment: DjpkSegments.Pemda)
            .Add(Metric.Users, year, 296, segment: DjpkSegments.KementerianLembaga)
            .Add(Metric.Users, year, 291, segment: DjpkSegments.Akademisi)
            .Add(Metric.Users, year, 283, segment: DjpkSegments.Lainnya)
            .Build();
        Claim Share(string id, UserSegment segment, decimal value) => new(id, Metric.Users, year, ClaimKind.Share, value, segment: segment);

        VerificationReport pemdaFirst = ClaimVerifier.Verify(
            [Share("p", DjpkSegments.Pemda, 26m), Share("k", DjpkSegments.KementerianLembaga, 25m), Share("a", DjpkSegments.Akademisi, 25m), Share("l", DjpkSegments.Lainnya, 24m)], figures);
        VerificationReport klFirst = ClaimVerifier.Verify(
            [Share("p", DjpkSegments.Pemda, 25m), Share("k", DjpkSegments.KementerianLembaga, 26m), Share("a", DjpkSegments.Akademisi, 25m), Share("l", DjpkSegments.Lainnya, 24m)], figures);
        VerificationReport both = ClaimVerifier.Verify([Share("p", DjpkSegments.Pemda, 27m)], figures);

        Assert.All(pemdaFirst.Results.Concat(klFirst.Results), r => Assert.Equal(Verdict.Holds, r.Verdict));
        Assert.Equal(Verdict.Fails, both.Results.Single().Verdict);
    }

    /// <summary>One corpus sentence and what it must yield; <see cref="Id"/> is null when it must yield no claim.</summary>
    public sealed record CorpusCase(
        string Text,
        string? Id = null,
        ClaimKind Kind = ClaimKind.Total,
        string? Period = null,
        string? Against = null,
        decimal? Value = null,
        Verdict Verdict = Verdict.Holds,
        FailureCause Cause = FailureCause.None,
        long? StatedCurrent = null,
        long? StatedPrevious = null)
    {
        public override string ToString() => Text.Replace('\n', ' ');
    }
}
