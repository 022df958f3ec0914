using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Profiles;
using Djpk.Metrics.Reporting;
using Djpk.Metrics.Samples.ReportSample;
using Djpk.Metrics.Service;
using Djpk.Metrics.Testing;
using Djpk.Metrics.Verification;
using NodaTime;

namespace Djpk.Metrics.Tests.Reporting;

/// <summary>The service-quality section of the monthly report: present only with service columns, rendered in both languages, and its Indonesian claims verified.</summary>
public class ServiceSectionTests
{
    private static readonly ReportingPeriod Month = ReportingPeriod.Month(2024, 12);

    private static readonly Lazy<SyntheticLog> Synthetic = new(() => SyntheticLog.Generate(
        30_000, 8_000, 40, Instant.FromUtc(2024, 9, 30, 17, 0), Instant.FromUtc(2024, 12, 31, 17, 0), 1515, service: true));

    private static MonthlyReport Report(InteractionLog log) => MonthlyReport.Build(Month, ReportInputs.Empty.WithConsultations(log), DjpkProfile.Profile);

    private static FigureTable Figures(InteractionLog log)
    {
        ServiceCube cube = ServiceMetrics.Measure(log, ReportingCalendar.Jakarta, PeriodGrain.Month, ServiceBreakdown.Channel, DjpkProfile.ServiceSettings);
        return new FigureTableBuilder()
            .AddService(cube, DjpkProfile.Settings.ServiceLevelDefinition)
            .AddRepeatContacts(RepeatContacts.Of(log, ReportingCalendar.Jakarta, Month))
            .Build();
    }

    [Fact]
    public void DjpkProfile_ServiceSettings_TargetsPhoneChatAndEmail()
    {
        ServiceSettings s = DjpkProfile.Settings.ServiceSettings;
        Assert.Equal(ServiceTarget.Within(Duration.FromSeconds(20)), s.Targets[DjpkChannels.Phone]);
        Assert.Equal(ServiceTarget.Within(Duration.FromSeconds(60)), s.Targets[DjpkChannels.LiveChat]);
        Assert.Equal(ServiceTarget.WithinWorkingTime(Duration.FromHours(9)), s.Targets[DjpkChannels.Email]);
        Assert.Equal(OfficeHours.WeekdaysEightToFive, s.WorkingTime!.Hours);
        Assert.Equal(ServiceLevelDefinition.AbandonedIncluded, DjpkProfile.Settings.ServiceLevelDefinition);
        Assert.Same(ServiceSettings.Default, new ReportSettings(ReportingCalendar.Jakarta).ServiceSettings);
    }

    [Fact]
    public void WithServiceLevelDefinition_Undefined_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DjpkProfile.Settings.WithServiceLevelDefinition((ServiceLevelDefinition)9));

    [Fact]
    public void Build_LogWithoutServiceColumns_SaysNothingAboutService()
    {
        SyntheticLog plain = SyntheticLog.Generate(3_000, 1_000, 20, Instant.FromUtc(2024, 10, 31, 17, 0), Instant.FromUtc(2024, 12, 31, 17, 0), 7);
        MonthlyReport report = Report(plain.Log);

        Assert.False(report.Service.IsAvailable);
        Assert.Empty(report.Service.Channels);
        Assert.DoesNotContain("Kualitas Layanan", report.RenderText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Service quality", report.RenderMarkdown(ReportLanguage.English), StringComparison.Ordinal);
        Assert.DoesNotContain("\"service\"", report.RenderJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_LogWithServiceColumns_HoldsEveryChannelsFigures()
    {
        MonthlyReport report = Report(Synthetic.Value.Log);
        ServiceCube cube = ServiceMetrics.Measure(Synthetic.Value.Log, ReportingCalendar.Jakarta, PeriodGrain.Month, ServiceBreakdown.Channel, DjpkProfile.ServiceSettings);

        Assert.True(report.Service.IsAvailable);
        Assert.Equal(5, report.Service.Channels.Length);
        foreach (ChannelServiceSection c in report.Service.Channels)
        {
            ServiceFigures expected = cube.Of(Month, c.Info.Channel);
            Assert.Equal(expected.Contacts, c.Contacts);
            Assert.Equal(expected.ServiceLevel(ServiceLevelDefinition.AbandonedIncluded), c.ServiceLevel);
            Assert.Equal(expected.ResponseTime.Median, c.Month.ResponseTime.Median);
            Assert.Equal(cube.Of(Month.Previous(), c.Info.Channel).Contacts, c.PreviousMonth.Contacts);
        }

        Assert.Equal(RepeatContacts.Of(Synthetic.Value.Log, ReportingCalendar.Jakarta, Month), report.Service.RepeatContacts);
    }

    [Fact]
    public void RenderText_WithServiceColumns_ThenExtract_ThenVerify_EveryServiceClaimHolds()
    {
        MonthlyReport report = Report(Synthetic.Value.Log);
        string text = report.RenderText();

        Claim[] claims = [.. DjpkProfile.ClaimExtractor.Extract(text, Month).Where(c => c.Metric.Id.StartsWith("service.", StringComparison.Ordinal))];
        VerificationReport verification = ClaimVerifier.Verify(claims, Figures(Synthetic.Value.Log));

        Assert.All(verification.Results, r => Assert.True(r.Verdict == Verdict.Holds, $"{r} {r.Claim} | {r.Claim.Quote}"));
        Assert.Contains(claims, c => c.Kind == ClaimKind.Duration && c.Metric == ServiceFigureMetrics.MedianResponseTime && c.Channel == DjpkChannels.WhatsApp);
        Assert.Contains(claims, c => c.Metric == ServiceFigureMetrics.MedianWorkingResponseTime);
        Assert.Contains(claims, c => c.Metric == ServiceFigureMetrics.MeanHandleTime);
        Assert.Contains(claims, c => c.Metric == ServiceFigureMetrics.WithinTarget && c.Channel == DjpkChannels.Email);
        Assert.Contains(claims, c => c.Metric == ServiceFigureMetrics.Abandoned && c.Channel == DjpkChannels.Phone);
        Assert.Contains(claims, c => c.Metric == ServiceFigureMetrics.Satisfied);
        Assert.Contains(claims, c => c.Metric == ServiceFigureMetrics.RepeatingUsers && c.Channel is null);
        Assert.Contains("dijawab dalam 1 hari kerja", text, StringComparison.Ordinal);
        Assert.Contains("dijawab dalam 20 detik", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderMarkdown_English_WritesDurationsInWordsAndATable()
    {
        MonthlyReport report = Report(Synthetic.Value.Log);
        string markdown = report.RenderMarkdown(ReportLanguage.English);

        Assert.Contains("## Service quality", markdown, StringComparison.Ordinal);
        Assert.Contains("| Channel | Contacts | Answer rate |", markdown, StringComparison.Ordinal);
        Assert.Matches(@"median response time of DJPK WhatsApp was \d+ (?:minutes?|seconds?|hours?)", markdown);
        Assert.Contains("answered within 1 working day", markdown, StringComparison.Ordinal);
        Assert.Contains("\"service\": {", report.RenderJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_HandWrittenSentencesWithWrongNumbers_Fail()
    {
        InteractionLog log = Synthetic.Value.Log;
        FigureTable figures = Figures(log);
        long median = figures.Find(ServiceFigureMetrics.MedianResponseTime, Month, DjpkChannels.WhatsApp)!.Value;
        long minutes = (long)Math.Round(median / 60_000m, MidpointRounding.AwayFromZero);
        string text = "Kualitas Layanan\n"
            + $"Median waktu respons WhatsApp {minutes + 7} menit. "
            + $"Median waktu respons WhatsApp {minutes} menit. "
            + "Tingkat panggilan tak terjawab (abandon) telepon 99,5%. "
            + "Sebanyak 1% konsultasi e-mail dijawab dalam 1 hari kerja.";

        Claim[] claims = [.. DjpkProfile.ClaimExtractor.Extract(text, Month)];
        ClaimResult[] results = [.. ClaimVerifier.Verify(claims, figures).Results];

        Assert.Equal(4, claims.Length);
        Assert.Equal([Verdict.Fails, Verdict.Holds, Verdict.Fails, Verdict.Fails], results.Select(r => r.Verdict));
        Assert.Equal(DjpkChannels.Phone, claims[2].Channel);
        Assert.Equal(99.5m, claims[2].Value);
        Assert.Equal(ServiceFigureMetrics.Offered, claims[3].Of);
    }

    [Theory]
    [InlineData("rata-rata waktu respons 12 menit", 720, "service.responseMeanMs")]
    [InlineData("median waktu respons WhatsApp 1 jam 5 menit", 3900, "service.responseMedianMs")]
    [InlineData("rata-rata waktu penanganan telepon 45 detik", 45, "service.handleMeanMs")]
    public void Extract_DurationSentence_ReadsSeconds(string sentence, int seconds, string metric)
    {
        Claim claim = Assert.Single(DjpkProfile.ClaimExtractor.Extract(sentence + ".", Month));

        Assert.Equal(ClaimKind.Duration, claim.Kind);
        Assert.Equal(seconds, claim.Value);
        Assert.Equal(metric, claim.Metric.Id);
    }

    [Theory]
    [InlineData(720, 705_000, true)]
    [InlineData(720, 689_000, false)]
    [InlineData(3900, 3_880_000, true)]
    [InlineData(7200, 6_000_000, true)]
    [InlineData(45, 45_400, true)]
    [InlineData(45, 46_000, false)]
    public void Verify_DurationClaim_ToleranceIsTheStatedUnit(int seconds, long milliseconds, bool holds)
    {
        var claim = new Claim("t", ServiceFigureMetrics.MeanResponseTime, Month, ClaimKind.Duration, seconds);
        FigureTable figures = new FigureTableBuilder().Add(ServiceFigureMetrics.MeanResponseTime, Month, milliseconds).Build();

        Assert.Equal(holds ? Verdict.Holds : Verdict.Fails, Assert.Single(ClaimVerifier.Verify([claim], figures).Results).Verdict);
    }

    [Fact]
    public void SampleSyntheticServiceLog_Report_HasTheSectionAndItsClaimsHold()
    {
        InteractionLog log = SyntheticServiceLog.Generate();
        MonthlyReport report = MonthlyReport.Build(SyntheticServiceLog.Month, ReportInputs.Empty.WithConsultations(log), DjpkProfile.Profile);
        string text = report.RenderText();
        ServiceCube cube = ServiceMetrics.Measure(log, ReportingCalendar.Jakarta, PeriodGrain.Month, ServiceBreakdown.Channel, DjpkProfile.ServiceSettings);
        FigureTable figures = new FigureTableBuilder().AddService(cube).AddRepeatContacts(RepeatContacts.Of(log, ReportingCalendar.Jakarta, SyntheticServiceLog.Month)).Build();

        Claim[] claims = [.. DjpkProfile.ClaimExtractor.Extract(text, SyntheticServiceLog.Month).Where(c => c.Metric.Id.StartsWith("service.", StringComparison.Ordinal))];

        Assert.Equal(SyntheticServiceLog.Generate().Count, log.Count);
        Assert.Contains("\nKualitas Layanan\n", text, StringComparison.Ordinal);
        Assert.True(claims.Length > 40, $"{claims.Length} claims");
        Assert.All(ClaimVerifier.Verify(claims, figures).Results, r => Assert.True(r.Verdict == Verdict.Holds, $"{r} | {r.Claim.Quote}"));
    }
}
