using Djpk.Metrics.Formatting;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Reporting;

namespace Djpk.Metrics.Tests.Reporting;

/// <summary>Profile files: the invented provincial profile written as JSON gives the report of the profile built in code, and bad files say which rule they break.</summary>
public sealed class ReportProfileFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("djpk-profile-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ReadFile_ProvincialProfile_GivesTheReportOfTheProfileBuiltInCode()
    {
        string path = WriteProvince();

        ReportProfileFile file = ReportProfileFile.ReadFile(path);

        MonthlyReport expected = ProvincialContactCenter.Report();
        MonthlyReport actual = ProvincialContactCenter.Report(file.Profile);
        Assert.Equal("nusa-sejahtera", file.Profile.Name);
        Assert.Equal(expected.RenderText(), actual.RenderText());
        Assert.Equal(expected.RenderText(ReportLanguage.English), actual.RenderText(ReportLanguage.English));
        Assert.Equal(expected.RenderMarkdown(), actual.RenderMarkdown());
        Assert.Equal(expected.RenderJson(), actual.RenderJson());
        Assert.Contains("naik 40%", actual.RenderText(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_ProvincialProfile_HasTheCatalogSettingsAndHolidaysOfTheCodeProfile()
    {
        ReportProfile file = ReportProfileFile.ReadFile(WriteProvince()).Profile;
        ReportProfile code = ProvincialContactCenter.Profile;

        Assert.Equal(code.Catalog.Channels.Select(c => (c.Channel, c.IndonesianName, c.EnglishName, c.Kind)), file.Catalog.Channels.Select(c => (c.Channel, c.IndonesianName, c.EnglishName, c.Kind)));
        Assert.Equal(code.Catalog.Segments.Select(s => (s.Segment, s.IndonesianName, s.EnglishName, s.Includes)), file.Catalog.Segments.Select(s => (s.Segment, s.IndonesianName, s.EnglishName, s.Includes)));
        Assert.Equal("Asia/Makassar", file.Settings.Calendar.Zone.Id);
        Assert.Equal(code.Settings.WorkingDays!.Holidays.Select(h => (h.Date, h.Name, h.Kind)), file.Settings.WorkingDays!.Holidays.Select(h => (h.Date, h.Name, h.Kind)));
        Assert.Equal(code.Settings.WorkingDays.Version, file.Settings.WorkingDays.Version);
        Assert.All(ReportWording.Default.Keys, key => Assert.Equal(code.Wording.Template(ReportLanguage.Indonesian, key), file.Wording.Template(ReportLanguage.Indonesian, key)));
    }

    [Fact]
    public void IngestOptions_ProvincialProfile_ReadsTheExportsAliases()
    {
        ReportProfileFile file = ReportProfileFile.ReadFile(WriteProvince());
        string csv = "timestamp,channel,segment,user\n2026-10-01T09:00:00+08:00,Pesan Singkat,OPD,1\n2026-10-02T09:00:00+08:00,loket,masyarakat,2\n2026-10-03T09:00:00+08:00,WhatsApp,warga,3\n";

        IngestResult result = CsvLogReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), file.IngestOptions.Collecting());

        Assert.Equal([ProvincialContactCenter.Sms, ProvincialContactCenter.WalkIn], result.Log.Select(c => c.Channel));
        Assert.Equal([ProvincialContactCenter.Opd, ProvincialContactCenter.Warga], result.Log.Select(c => c.Segment));
        Assert.Equal(RejectionReason.UnknownChannel, Assert.Single(result.Report.Rejections).Reason);   // DJPK's channel is not the province's
    }

    [Fact]
    public void Parse_InlineHolidayFileAndMinimalSettings_ReadsWithoutAFolder()
    {
        string json = ProvincialContactCenter.ProfileFile.Replace("\"nusa-sejahtera-2026.json\"", ProvincialContactCenter.HolidayFile, StringComparison.Ordinal);

        ReportProfileFile file = ReportProfileFile.Parse(json);

        Assert.Equal(2026, file.Profile.Settings.WorkingDays!.FirstYear);
        Assert.Equal(ProvincialContactCenter.Report().RenderText(), ProvincialContactCenter.Report(file.Profile).RenderText());
    }

    [Theory]
    [InlineData("\"schema\": 1,", "", "schema is required and must be 1")]
    [InlineData("\"kind\": \"social\"", "\"kind\": \"photos\"", "channels[2].kind must be one of \"consultation\", \"web\", \"social\", \"informationRequest\"")]
    [InlineData("\"id\": \"walk-in\"", "\"id\": \"Walk In\"", "channels[1].id 'Walk In' is not an id; write lower-case letters")]
    [InlineData("\"zone\": \"Asia/Makassar\"", "\"zone\": \"Asia/Atlantis\"", "settings.zone 'Asia/Atlantis' is not a time zone id")]
    [InlineData("\"zone\": \"Asia/Makassar\",", "\"zone\": \"Asia/Makassar\", \"zona\": 1,", "settings.zona is not a field of a profile file here")]
    [InlineData("\"decimals\": 0,", "\"decimals\": 12,", "settings.changeRounding.decimals must be a whole number from 0 to 10")]
    [InlineData("\"includes\": \"Warga provinsi\", ", "", "segments[0].includes is required")]
    [InlineData("\"aliases\": [\"Loket\", \"Datang Langsung\"]", "\"aliases\": [\"Pesan Singkat\"]", "channels[1].aliases[0]")]
    [InlineData("nusa-sejahtera-2026.json", "nusa-sejahtera-2027.json", "holidays[0] names 'nusa-sejahtera-2027.json', which does not exist")]
    [InlineData("\"change.increase\"", "\"change.naik\"", "no template 'id.change.naik'")]
    [InlineData("\"schema\": 1,", "\"schema\": 1, // the first version", "not valid JSON at line 2")]
    public void ReadFile_BadFile_ThrowsFormatExceptionStatingTheRule(string replace, string with, string expected)
    {
        string path = WriteProvince(ProvincialContactCenter.ProfileFile.Replace(replace, with, StringComparison.Ordinal));

        FormatException error = Assert.Throws<FormatException>(() => ReportProfileFile.ReadFile(path));

        Assert.StartsWith("Profile file: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    private const string ServiceSettings = "\"zone\": \"Asia/Makassar\", \"service\": { \"serviceLevelDefinition\": \"answeredOnly\", \"shortAbandonSeconds\": 10, "
        + "\"officeHours\": { \"open\": \"07:30\", \"close\": \"16:00\" }, \"targets\": { \"sms\": { \"workingHours\": 8 }, \"walk-in\": { \"seconds\": 300 } } },";

    [Fact]
    public void ReadFile_ServiceSettings_ReadsTargetsOfficeHoursAndDefinition()
    {
        ReportProfileFile file = ReportProfileFile.ReadFile(WriteProvince(ProvincialContactCenter.ProfileFile.Replace("\"zone\": \"Asia/Makassar\",", ServiceSettings, StringComparison.Ordinal)));
        Djpk.Metrics.Service.ServiceSettings service = file.Profile.Settings.ServiceSettings;

        Assert.Equal(Djpk.Metrics.Service.ServiceLevelDefinition.AnsweredOnly, file.Profile.Settings.ServiceLevelDefinition);
        Assert.Equal(NodaTime.Duration.FromSeconds(10), service.ShortAbandonThreshold);
        Assert.Equal(Djpk.Metrics.Service.OfficeHours.Weekdays(new NodaTime.LocalTime(7, 30), new NodaTime.LocalTime(16, 0)), service.WorkingTime!.Hours);
        Assert.Same(file.Profile.Settings.WorkingDays, service.WorkingTime.Holidays);
        Assert.Equal(Djpk.Metrics.Service.ServiceTarget.WithinWorkingTime(NodaTime.Duration.FromHours(8)), service.Targets[ProvincialContactCenter.Sms]);
        Assert.Equal(Djpk.Metrics.Service.ServiceTarget.Within(NodaTime.Duration.FromMinutes(5)), service.Targets[ProvincialContactCenter.WalkIn]);
    }

    [Theory]
    [InlineData("\"officeHours\": { \"open\": \"07:30\", \"close\": \"16:00\" }, ", "", "settings.service.targets.sms.workingHours needs settings.service.officeHours")]
    [InlineData("\"sms\": { \"workingHours\": 8 }", "\"fax\": { \"seconds\": 8 }", "settings.service.targets.fax names the channel 'fax'")]
    [InlineData("\"07:30\"", "\"7.30\"", "settings.service.officeHours.open must be a time of day")]
    [InlineData("\"answeredOnly\"", "\"strict\"", "settings.service.serviceLevelDefinition must be one of")]
    public void ReadFile_BadServiceSettings_ThrowsFormatExceptionStatingTheRule(string replace, string with, string expected)
    {
        string path = WriteProvince(ProvincialContactCenter.ProfileFile.Replace("\"zone\": \"Asia/Makassar\",", ServiceSettings.Replace(replace, with, StringComparison.Ordinal), StringComparison.Ordinal));

        FormatException error = Assert.Throws<FormatException>(() => ReportProfileFile.ReadFile(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RelativeHolidayPathWithoutFolder_SaysHowToReadIt()
    {
        FormatException error = Assert.Throws<FormatException>(() => ReportProfileFile.Parse(ProvincialContactCenter.ProfileFile));

        Assert.Contains("holidays[0] names the relative path 'nusa-sejahtera-2026.json'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ReportProfileFile.ReadFile", error.Message, StringComparison.Ordinal);
    }

    private string WriteProvince(string? profile = null)
    {
        File.WriteAllText(Path.Combine(_directory, "nusa-sejahtera-2026.json"), ProvincialContactCenter.HolidayFile);
        string path = Path.Combine(_directory, "nusa-sejahtera.json");
        File.WriteAllText(path, profile ?? ProvincialContactCenter.ProfileFile);
        return path;
    }
}
