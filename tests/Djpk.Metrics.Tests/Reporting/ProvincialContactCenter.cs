using Djpk.Metrics.Complaints;
using Djpk.Metrics.Formatting;
using Djpk.Metrics.InformationRequests;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Reporting;
using Djpk.Metrics.Social;
using NodaTime;

namespace Djpk.Metrics.Tests.Reporting;

/// <summary>An invented agency with a profile of its own: a provincial contact center in Makassar's zone with other channels, segments, title, words and account.</summary>
internal static class ProvincialContactCenter
{
    public static readonly Channel Sms = new("sms");
    public static readonly Channel WalkIn = new("walk-in");
    public static readonly Channel Instagram = new("instagram");
    public static readonly UserSegment Warga = new("warga");
    public static readonly UserSegment Opd = new("opd");
    public static readonly ComplaintCategory Perizinan = new("perizinan");
    public static readonly ComplaintCategory Pungli = new("pungli");

    public static Catalog Catalog { get; } = Catalog.Empty
        .WithChannel(new ChannelInfo(Sms, "SMS Center Provinsi", "Provincial SMS centre", ChannelKind.Consultation))
        .WithChannel(new ChannelInfo(WalkIn, "Loket Pelayanan", "Service desk", ChannelKind.Consultation))
        .WithChannel(new ChannelInfo(Instagram, "Instagram", "Instagram", ChannelKind.Social))
        .WithSegment(new UserSegmentInfo(Warga, "Warga", "Residents", "Warga provinsi"))
        .WithSegment(new UserSegmentInfo(Opd, "Perangkat Daerah", "Regional agencies", "Organisasi perangkat daerah"));

    public static ReportProfile Profile { get; } = new(
        "nusa-sejahtera",
        Catalog,
        new ReportSettings(ReportingCalendar.ForZone("Asia/Makassar"))
            .WithChangeRounding(Djpk.Metrics.Comparison.RoundingRule.HalfAwayFromZero, 0, 1, 10m)
            .WithWorkingDays(WorkingDayCalendar.Parse(HolidayFile))
            .WithComplaintCategory(new ComplaintCategoryInfo(Perizinan, "Keluhan Perizinan", "Licensing complaints"))
            .WithComplaintCategory(new ComplaintCategoryInfo(Pungli, "Laporan Pungutan Liar", "Illegal-levy reports")),
        ReportWording.Default.WithOverrides(Wording));

    /// <summary>Gets the province's holidays of 2026 as a holiday file (the format of <see cref="WorkingDayCalendar.Parse(string)"/>).</summary>
    public static string HolidayFile => """
        {
          "schema": 1,
          "country": "ID",
          "year": 2026,
          "version": "Provinsi Nusa Sejahtera 2026",
          "source": "Invented for the tests: the province's anniversary only",
          "checkedAgainstOfficialText": false,
          "holidays": [{ "date": "2026-10-14", "name": "Hari Jadi Provinsi", "kind": "nationalHoliday" }]
        }
        """;

    /// <summary>Gets the province's wording overrides (the format of <see cref="ReportWording.WithOverrides(string)"/>).</summary>
    public static string Wording => """
        {
          "id": {
            "title": "Laporan Bulanan Pusat Kontak Layanan Publik Provinsi Nusa Sejahtera — {month}",
            "change.increase": "naik {percent}",
            "change.fromZero": "naik (dari 0)"
          },
          "en": { "title": "Nusa Sejahtera Province Public Contact Center — {month}" }
        }
        """;

    /// <summary>Gets <see cref="Profile"/> as a profile file that names its holiday file <c>nusa-sejahtera-2026.json</c> and carries the wording inline, with the aliases of the province's exports.</summary>
    public static string ProfileFile => $$"""
        {
          "schema": 1,
          "name": "nusa-sejahtera",
          "channels": [
            { "id": "sms", "kind": "consultation", "name": { "id": "SMS Center Provinsi", "en": "Provincial SMS centre" }, "aliases": ["Pesan Singkat"] },
            { "id": "walk-in", "kind": "consultation", "name": { "id": "Loket Pelayanan", "en": "Service desk" }, "aliases": ["Loket", "Datang Langsung"] },
            { "id": "instagram", "kind": "social", "name": { "id": "Instagram", "en": "Instagram" } }
          ],
          "segments": [
            { "id": "warga", "name": { "id": "Warga", "en": "Residents" }, "includes": "Warga provinsi", "aliases": ["Masyarakat"] },
            { "id": "opd", "name": { "id": "Perangkat Daerah", "en": "Regional agencies" }, "includes": "Organisasi perangkat daerah", "aliases": ["OPD", "Dinas"] }
          ],
          "settings": {
            "zone": "Asia/Makassar",
            "changeRounding": { "rule": "halfAwayFromZero", "decimals": 0, "smallChangeDecimals": 1, "smallChangeBelowPercent": 10 }
          },
          "complaintCategories": [
            { "id": "perizinan", "name": { "id": "Keluhan Perizinan", "en": "Licensing complaints" } },
            { "id": "pungli", "name": { "id": "Laporan Pungutan Liar", "en": "Illegal-levy reports" } }
          ],
          "holidays": ["nusa-sejahtera-2026.json"],
          "wording": {{Wording}}
        }
        """;

    public static MonthlyReport Report() => Report(Profile);

    /// <summary>Builds the province's October 2026 report with <paramref name="profile"/>.</summary>
    public static MonthlyReport Report(ReportProfile profile)
    {
        var builder = new InteractionLogBuilder(Catalog);
        ZonedDateTime At(int month, int day) => new LocalDateTime(2026, month, day, 9, 30).InZoneStrictly(DateTimeZoneProviders.Tzdb["Asia/Makassar"]);
        for (int i = 0; i < 5; i++)
        {
            builder.Add(new Consultation(At(9, 1 + i).ToInstant(), i < 3 ? Sms : WalkIn, Warga, new Topic("Bantuan sosial"), new UserKey(i)));
        }

        for (int i = 0; i < 7; i++)
        {
            builder.Add(new Consultation(At(10, 1 + i).ToInstant(), i < 4 ? Sms : WalkIn, i % 2 == 0 ? Warga : Opd, new Topic("Perizinan"), new UserKey(100 + i)));
        }

        var request = new InformationRequest("NS-2026-10-01", new LocalDate(2026, 10, 5), "penelitian", ["Data APBD provinsi"], RequestOutcome.GrantedInFull, new LocalDate(2026, 10, 16));
        ReportInputs inputs = ReportInputs.Empty
            .WithConsultations(builder.Build())
            .WithSocial([new SocialSnapshot(Instagram, "@nusasejahtera_prov", new LocalDate(2026, 10, 31), followers: 4_210)])
            .WithInformationRequests([request])
            .WithComplaints(
            [
                new Complaint("NS-ADU-1", Perizinan, new LocalDate(2026, 10, 2), new LocalDate(2026, 10, 9)),
                new Complaint("NS-ADU-2", Perizinan, new LocalDate(2026, 10, 20)),
                new Complaint("NS-ADU-3", new ComplaintCategory("lain-lain"), new LocalDate(2026, 3, 3), new LocalDate(2026, 3, 4)),
            ]);
        return MonthlyReport.Build(ReportingPeriod.Month(2026, 10), inputs, profile);
    }
}
