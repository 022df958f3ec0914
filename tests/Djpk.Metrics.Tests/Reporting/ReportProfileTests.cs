using System.Text.Json;
using Djpk.Metrics.InformationRequests;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Reporting;
using Djpk.Metrics.Samples.ReportSample;
using Djpk.Metrics.Social;
using NodaTime;

namespace Djpk.Metrics.Tests.Reporting;

/// <summary>Profiles: DJPK's reproduces the published report, another agency's report carries none of DJPK's words, and no year breaks a report.</summary>
public class ReportProfileTests
{
    // Words only DJPK's data and wording contain; a report of another agency must contain none of them.
    internal static readonly string[] DjpkWords = ["DJPK", "Kemenkeu", "ditjenpk", "Dering", "Perimbangan", "E-mail Call Center"];

    private static readonly Lazy<MonthlyReport> Seed = new(() =>
        MonthlyReport.Build(December2023.Month, December2023.Inputs(Path.Combine(AppContext.BaseDirectory, "Fixtures", "djpk-report-2023-12.json")), DjpkProfile.Profile));

    [Fact]
    public void Build_November2026WithInformationRequests_UsesTheDefaultsWithoutThrowing()
    {
        var request = new InformationRequest("PPID-2026-11-001", new LocalDate(2026, 11, 2), "penelitian", ["Data TKD 2026"], RequestOutcome.GrantedInFull, new LocalDate(2026, 11, 13));
        MonthlyReport report = MonthlyReport.Build(ReportingPeriod.Month(2026, 11), ReportInputs.Empty.WithInformationRequests([request]), DjpkProfile.Profile);

        InformationRequestRecap month = report.InformationRequests.Month!;
        Assert.Equal(1, month.Decided);
        Assert.Equal(0, month.Undetermined);
        Assert.Equal(100m, month.OnTimeShare!.Value.Percent); // 2 → 13 November 2026 is 9 working days
        Assert.Contains("100% tepat waktu", report.RenderText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_YearOutsideTheHolidayData_LeavesTheOnTimeShareUndefinedAndSaysWhy()
    {
        var request = new InformationRequest("PPID-2031-03-001", new LocalDate(2031, 3, 3), "penelitian", ["Data"], RequestOutcome.GrantedInFull, new LocalDate(2031, 3, 10));
        MonthlyReport report = MonthlyReport.Build(ReportingPeriod.Month(2031, 3), ReportInputs.Empty.WithInformationRequests([request]), DjpkProfile.Profile);

        Assert.Null(report.InformationRequests.Month!.OnTimeShare);
        Assert.Equal(1, report.InformationRequests.Month.Undetermined);
        string text = report.RenderText();
        Assert.Contains("tidak diketahui berapa yang tepat waktu", text, StringComparison.Ordinal);
        Assert.Contains("hanya mencakup tahun 2023 sampai 2027", text, StringComparison.Ordinal);
        Assert.Contains("covers 2023 to 2027 only", report.RenderText(ReportLanguage.English), StringComparison.Ordinal);
        Assert.Contains("\"undetermined\": 1", report.RenderJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SettingsWithoutWorkingDays_LeaveEveryDecidedRequestUndetermined()
    {
        var request = new InformationRequest("R-1", new LocalDate(2025, 5, 5), "kajian", ["Data"], RequestOutcome.Rejected, new LocalDate(2025, 5, 6), rejectionReason: "dikecualikan");
        ReportProfile neutral = new("neutral", DjpkProfile.Catalog, new ReportSettings(ReportingCalendar.Jakarta), ReportWording.Default);
        MonthlyReport report = MonthlyReport.Build(ReportingPeriod.Month(2025, 5), ReportInputs.Empty.WithInformationRequests([request]), neutral);
        Assert.Null(report.InformationRequests.Month!.OnTimeShare);
        Assert.Equal(1, report.InformationRequests.YearToDate!.Undetermined);
    }

    [Fact]
    public void DjpkProfile_SeedReport_PrintsTheEmailSectionWithOneDecimal()
    {
        string email = Section(Seed.Value.RenderText(), "Konsultasi E-mail Call Center DJPK");
        Assert.Contains("jumlah konsultasi melalui E-mail Call Center DJPK meningkat 46,5%", email, StringComparison.Ordinal); // 86 → 126, truncated at one decimal
        Assert.Contains("turun 11,8% dibandingkan bulan sebelumnya (143 layanan)", email, StringComparison.Ordinal);          // 143 → 126 is −11,888…%
        string phone = Section(Seed.Value.RenderText(), "Konsultasi Telepon Dering DJPK");
        Assert.Contains("meningkat 44% dibandingkan bulan sebelumnya", phone, StringComparison.Ordinal);                      // other sections keep whole percents
    }

    [Fact]
    public void DjpkProfile_SeedReport_WritesATrendAndAForecastSentencePerChannel()
    {
        string text = Seed.Value.RenderText();
        foreach (ChannelSection channel in Seed.Value.Consultations.Channels)
        {
            string name = channel.Info.IndonesianName;
            string section = Section(text, "Konsultasi " + name);
            Assert.NotNull(channel.Forecast);
            Assert.True(channel.Forecast!.IsDefined, name);
            Assert.Contains($"Perkiraan {name} (selang prediksi 95%): Januari 2024: ", section, StringComparison.Ordinal);
            Assert.Contains($"{name}, Januari 2023–Desember 2023: tren ", section, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RenderJson_SeedReport_HoldsTheTrendsAnomaliesAndForecastsTheTextPrints()
    {
        using var json = JsonDocument.Parse(Seed.Value.RenderJson());
        Assert.Equal("djpk", json.RootElement.GetProperty("profile").GetString());
        foreach (JsonElement channel in json.RootElement.GetProperty("consultations").GetProperty("channels").EnumerateArray())
        {
            ChannelSection model = Seed.Value.Consultations.Channels.Single(c => c.Info.Channel.Id == channel.GetProperty("channel").GetString());
            JsonElement forecast = channel.GetProperty("forecast");
            JsonElement point = Assert.Single(forecast.GetProperty("points").EnumerateArray().ToArray());
            Assert.Equal("2024-01", point.GetProperty("month").GetString());
            Assert.Equal(model.Forecast!.Points[0].Value, point.GetProperty("value").GetDecimal());
            Assert.Equal(model.Forecast.Model.ToString(), forecast.GetProperty("model").GetString());
            Assert.Equal(model.Trend!.Slope, channel.GetProperty("trend").GetProperty("slope").GetDecimal());
            Assert.Equal(model.Anomalies!.Threshold, channel.GetProperty("anomalies").GetProperty("threshold").GetDecimal());
        }

        JsonElement email = json.RootElement.GetProperty("consultations").GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "email");
        Assert.Equal(46.5m, email.GetProperty("yearOnYear").GetProperty("publishedPercent").GetDecimal());
    }

    [Fact]
    public void DjpkProfile_SnapshotOfAnotherAccount_NamesThatAccountInTheHeading()
    {
        var snapshot = new SocialSnapshot(DjpkChannels.Instagram, "@djpk_contoh", new LocalDate(2026, 11, 30), followers: 1_234);
        string text = MonthlyReport.Build(ReportingPeriod.Month(2026, 11), ReportInputs.Empty.WithSocial([snapshot]), DjpkProfile.Profile).RenderText();
        Assert.Contains("Performa Instagram @djpk_contoh", text, StringComparison.Ordinal);
        Assert.DoesNotContain("@ditjenpk", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherAgencysProfile_Report_ContainsNoneOfDjpksWords()
    {
        MonthlyReport report = ProvincialContactCenter.Report();
        foreach (string text in new[] { report.RenderText(), report.RenderText(ReportLanguage.English), report.RenderMarkdown(), report.RenderJson() })
        {
            foreach (string word in DjpkWords)
            {
                Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
            }
        }

        string indonesian = report.RenderText();
        Assert.StartsWith("Laporan Bulanan Pusat Kontak Layanan Publik Provinsi Nusa Sejahtera — Oktober 2026", indonesian, StringComparison.Ordinal);
        Assert.Contains("Konsultasi SMS Center Provinsi", indonesian, StringComparison.Ordinal);
        Assert.Contains("Performa Instagram @nusasejahtera_prov", indonesian, StringComparison.Ordinal);
        Assert.Contains("Jumlah konsultasi di bulan Oktober 2026 sebanyak 7 konsultasi.", indonesian, StringComparison.Ordinal);
        Assert.Contains("naik 40%", indonesian, StringComparison.Ordinal); // the province's own change words: 5 → 7
        Assert.Contains("Public-information requests", report.RenderText(ReportLanguage.English), StringComparison.Ordinal);
        // The province's own complaint categories, named by its settings and listed in its order, then one it did not list, by id.
        Assert.Contains("Keluhan Perizinan: 2 diterima dan 1 selesai di bulan Oktober 2026; 2 diterima sejak Januari; 1 masih terbuka di akhir bulan.", indonesian, StringComparison.Ordinal);
        Assert.Contains("Laporan Pungutan Liar: 0 diterima dan 0 selesai di bulan Oktober 2026; 0 diterima sejak Januari; 0 masih terbuka di akhir bulan.", indonesian, StringComparison.Ordinal);
        Assert.Contains("lain-lain: 0 diterima dan 0 selesai di bulan Oktober 2026; 1 diterima sejak Januari; 0 masih terbuka di akhir bulan.", indonesian, StringComparison.Ordinal);
        Assert.True(indonesian.IndexOf("Keluhan Perizinan:", StringComparison.Ordinal) < indonesian.IndexOf("Laporan Pungutan Liar:", StringComparison.Ordinal));
        Assert.Contains("Licensing complaints: 2 received and 1 resolved in October 2026", report.RenderText(ReportLanguage.English), StringComparison.Ordinal);
        Assert.DoesNotContain("Keluhan Layanan", indonesian, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportWording_Default_NamesNoAgency()
    {
        foreach (ReportLanguage language in new[] { ReportLanguage.Indonesian, ReportLanguage.English })
        {
            foreach (string key in ReportWording.Default.Keys)
            {
                string template = ReportWording.Default.Template(language, key);
                Assert.All(DjpkWords, word => Assert.DoesNotContain(word, template, StringComparison.OrdinalIgnoreCase));
            }
        }
    }

    [Fact]
    public void ReportWording_Overrides_ReplaceOnlyWhatTheyName()
    {
        ReportWording wording = ReportWording.Default.WithOverrides("""{"id": {"title": "Laporan Kami — {month}"}}""");
        Assert.Equal("Laporan Kami — {month}", wording.Template(ReportLanguage.Indonesian, "title"));
        Assert.Equal(ReportWording.Default.Template(ReportLanguage.English, "title"), wording.Template(ReportLanguage.English, "title"));
        Assert.Equal(ReportWording.Default.Keys, wording.Keys);
    }

    [Theory]
    [InlineData("""{"id": {"no.such.key": "x"}}""", "no template 'id.no.such.key'")]
    [InlineData("""{"id": {"title": "Laporan {agency} — {month}"}}""", "placeholder {agency}")]
    [InlineData("""{"fr": {"title": "Rapport"}}""", "the languages are")]
    [InlineData("""{"id": {"title": 3}}""", "must be a string")]
    [InlineData("""[1, 2]""", "must be a JSON object")]
    [InlineData("""{"id": {""", "not valid JSON")]
    [InlineData("""{"id": {"title": "A {month}", "title": "B {month}"}}""", "'id.title' is given twice")]
    [InlineData("""{"en": {"consultations.total": "{total} {agency|x|y}"}}""", "placeholder {agency}")]
    public void ReportWording_BadOverrides_ThrowFormatExceptionNamingTheRule(string json, string expected)
    {
        FormatException error = Assert.Throws<FormatException>(() => ReportWording.Default.WithOverrides(json));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportWording_UnknownKey_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => ReportWording.Default.Template(ReportLanguage.Indonesian, "nope"));

    private static string Section(string text, string heading)
    {
        int start = text.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section '{heading}'");
        int end = text.IndexOf("\n\n", start + heading.Length + 2, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    [Fact]
    public void ReportWording_DefaultJson_HasEachKeyOnceInBothLanguages()
    {
        using Stream stream = typeof(ReportWording).Assembly.GetManifestResourceStream("Djpk.Metrics.Reporting.Wording.default.json")!;
        using var document = System.Text.Json.JsonDocument.Parse(stream);
        string[] indonesian = [.. document.RootElement.GetProperty("id").EnumerateObject().Select(p => p.Name)];
        string[] english = [.. document.RootElement.GetProperty("en").EnumerateObject().Select(p => p.Name)];
        Assert.Equal(indonesian.Length, indonesian.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(english.Length, english.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(indonesian.Order(StringComparer.Ordinal), english.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(1, "There was 1 consultation in October 2026.")]
    [InlineData(2, "There were 2 consultations in October 2026.")]
    public void RenderText_English_AgreesTheNounWithTheCount(int consultations, string expected)
    {
        var builder = new InteractionLogBuilder(ProvincialContactCenter.Catalog);
        DateTimeZone makassar = DateTimeZoneProviders.Tzdb["Asia/Makassar"];
        for (int i = 0; i < consultations; i++)
        {
            builder.Add(new Consultation(new LocalDateTime(2026, 10, 5 + i, 10, 0).InZoneStrictly(makassar).ToInstant(), ProvincialContactCenter.Sms, ProvincialContactCenter.Warga, new Topic("Perizinan"), new UserKey(i)));
        }

        string text = MonthlyReport.Build(ReportingPeriod.Month(2026, 10), ReportInputs.Empty.WithConsultations(builder.Build()), ProvincialContactCenter.Profile)
            .RenderText(ReportLanguage.English);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("|", text, StringComparison.Ordinal);
        if (consultations == 1)
        {
            Assert.Contains("served 1 consultation", text, StringComparison.Ordinal);
        }
    }
}
