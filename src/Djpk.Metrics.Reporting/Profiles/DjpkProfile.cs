using Djpk.Metrics.Comparison;
using Djpk.Metrics.Complaints;
using Djpk.Metrics.InformationRequests;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Reporting;
using Djpk.Metrics.Service;
using Djpk.Metrics.Verification;

namespace Djpk.Metrics.Profiles;

/// <summary>What DJPK's monthly report knows: its catalog of channels and user segments, ingest defaults, report settings and wording, and Indonesia's holidays.</summary>
/// <remarks>
/// <para>The catalog's codes follow the order of the published report: five consultation channels, the website,
/// three social-media accounts and the PPID desk; then the four user segments.</para>
/// <para><see cref="Settings"/> reproduce the December 2023 report: changes truncated to whole percents (one decimal below
/// 10%, and always one in the e-mail section, "naik 46,5%"), channel shares truncated, segment shares by largest
/// remainder, Indonesian text, Asia/Jakarta, "meningkat signifikan" from +100%, and its three complaint categories (<see cref="DjpkComplaintCategories"/>).</para>
/// </remarks>
public static class DjpkProfile
{
    /// <summary>Gets DJPK's catalog: the ten channels and four user segments of its monthly report.</summary>
    public static Catalog Catalog { get; } = Catalog.Empty
        .WithChannel(new ChannelInfo(DjpkChannels.WhatsApp, "WhatsApp DJPK", "DJPK WhatsApp", ChannelKind.Consultation))
        .WithChannel(new ChannelInfo(DjpkChannels.Phone, "Telepon Dering DJPK", "DJPK phone line (Dering)", ChannelKind.Consultation))
        .WithChannel(new ChannelInfo(DjpkChannels.Email, "E-mail Call Center DJPK", "DJPK call-center e-mail", ChannelKind.Consultation))
        .WithChannel(new ChannelInfo(DjpkChannels.HaiKemenkeu, "HAI Kemenkeu", "HAI Kemenkeu", ChannelKind.Consultation))
        .WithChannel(new ChannelInfo(DjpkChannels.LiveChat, "Live Chat DJPK", "DJPK live chat", ChannelKind.Consultation))
        .WithChannel(new ChannelInfo(DjpkChannels.Website, "Website DJPK", "DJPK website", ChannelKind.Web))
        .WithChannel(new ChannelInfo(DjpkChannels.Instagram, "Instagram", "Instagram", ChannelKind.Social))
        .WithChannel(new ChannelInfo(DjpkChannels.Twitter, "Twitter", "Twitter", ChannelKind.Social))
        .WithChannel(new ChannelInfo(DjpkChannels.Facebook, "Facebook", "Facebook", ChannelKind.Social))
        .WithChannel(new ChannelInfo(DjpkChannels.Ppid, "PPID DJPK", "DJPK PPID (information requests)", ChannelKind.InformationRequest))
        .WithSegment(new UserSegmentInfo(DjpkSegments.Akademisi, "Akademisi", "Academics", "Guru, mahasiswa dan siswa sekolah"))
        .WithSegment(new UserSegmentInfo(DjpkSegments.Pemda, "Pemda", "Local governments", "Termasuk Anggota/Pimpinan DPRD dan Perangkat Daerah/Desa"))
        .WithSegment(new UserSegmentInfo(DjpkSegments.KementerianLembaga, "Kementerian/Lembaga", "Ministries and agencies", "Kementerian Teknis dan Lembaga di dalam dan luar Kemenkeu"))
        .WithSegment(new UserSegmentInfo(DjpkSegments.Lainnya, "Lainnya", "Others", "Masyarakat, Pendamping Desa, Wartawan/Media, Swasta, dan Pengguna Tanpa Identitas"));

    /// <summary>Gets the ingest options for DJPK's exports: <see cref="Catalog"/>, strict, offset-less timestamps rejected, and the display names its exports use as aliases.</summary>
    /// <remarks>Channel and segment texts match loosely (trimmed, case- and diacritic-insensitive) by id, by catalog name and by
    /// these aliases: "WhatsApp"/"WA", "Telepon"/"Telp"/"Dering"/"Phone", "Email"/"E-mail"/"Surel", "HAI", "Live Chat"/"Chat",
    /// "K/L"/"KL"/"Kementerian Lembaga", "Pemda"/"Pemerintah Daerah", "Akademisi"/"Academic", "Lainnya"/"Umum"/"Masyarakat".</remarks>
    public static IngestOptions IngestOptions { get; } = IngestOptions.For(Catalog)
        .WithChannelAlias("WA", DjpkChannels.WhatsApp)
        .WithChannelAlias("WhatsApp Business", DjpkChannels.WhatsApp)
        .WithChannelAlias("Telepon", DjpkChannels.Phone)
        .WithChannelAlias("Telp", DjpkChannels.Phone)
        .WithChannelAlias("Telepon Dering", DjpkChannels.Phone)
        .WithChannelAlias("Dering", DjpkChannels.Phone)
        .WithChannelAlias("Avaya", DjpkChannels.Phone)
        .WithChannelAlias("E-mail", DjpkChannels.Email)
        .WithChannelAlias("Surel", DjpkChannels.Email)
        .WithChannelAlias("E-mail Call Center", DjpkChannels.Email)
        .WithChannelAlias("HAI", DjpkChannels.HaiKemenkeu)
        .WithChannelAlias("Chat", DjpkChannels.LiveChat)
        .WithChannelAlias("Web", DjpkChannels.Website)
        .WithChannelAlias("IG", DjpkChannels.Instagram)
        .WithChannelAlias("X", DjpkChannels.Twitter)
        .WithChannelAlias("FB", DjpkChannels.Facebook)
        .WithSegmentAlias("K/L", DjpkSegments.KementerianLembaga)
        .WithSegmentAlias("KL", DjpkSegments.KementerianLembaga)
        .WithSegmentAlias("Kementerian", DjpkSegments.KementerianLembaga)
        .WithSegmentAlias("Lembaga", DjpkSegments.KementerianLembaga)
        .WithSegmentAlias("Pemerintah Daerah", DjpkSegments.Pemda)
        .WithSegmentAlias("Academic", DjpkSegments.Akademisi)
        .WithSegmentAlias("Umum", DjpkSegments.Lainnya)
        .WithSegmentAlias("Masyarakat", DjpkSegments.Lainnya)
        .WithSegmentAlias("Other", DjpkSegments.Lainnya);

    /// <summary>Gets Indonesia's national holidays and collective leave days (cuti bersama) of 2023 to 2027, from the files embedded in this package; see <see cref="WorkingDayCalendar.Sources"/> for each year's decree and whether it was checked.</summary>
    public static WorkingDayCalendar WorkingDays { get; } = LoadWorkingDays();

    /// <summary>Gets DJPK's service targets: the phone answered within 20 seconds, live chat within 60 seconds, e-mail within one
    /// working day (9 working hours, weekdays 08:00–17:00 Asia/Jakarta less <see cref="WorkingDays"/>' holidays).</summary>
    public static ServiceSettings ServiceSettings { get; } = ServiceSettings.Default
        .WithWorkingTime(new WorkingTimeCalendar(ReportingCalendar.Jakarta.Zone, OfficeHours.WeekdaysEightToFive, WorkingDays))
        .WithTarget(DjpkChannels.Phone, ServiceTarget.Within(NodaTime.Duration.FromSeconds(20)))
        .WithTarget(DjpkChannels.LiveChat, ServiceTarget.Within(NodaTime.Duration.FromSeconds(60)))
        .WithTarget(DjpkChannels.Email, ServiceTarget.WithinWorkingTime(NodaTime.Duration.FromHours(9)));

    /// <summary>Gets the settings of DJPK's monthly report, as the December 2023 report applies them, with <see cref="ServiceSettings"/>.</summary>
    public static ReportSettings Settings { get; } = new ReportSettings(ReportingCalendar.Jakarta)
        .WithChangeRounding(RoundingRule.TowardZero, 0, 1, 10m)
        .WithShareRounding(0, RoundingRule.TowardZero, ShareAllocationMethod.LargestRemainder, RoundingRule.HalfAwayFromZero)
        .WithSignificantChange(100m)
        .WithChannelChangeDecimals(DjpkChannels.Email, 1)
        .WithWorkingDays(WorkingDays)
        .WithServiceSettings(ServiceSettings)
        .WithComplaintCategory(new ComplaintCategoryInfo(DjpkComplaintCategories.Pengaduan, "Pengaduan", "Reports (pengaduan)"))
        .WithComplaintCategory(new ComplaintCategoryInfo(DjpkComplaintCategories.KeluhanLayanan, "Keluhan Layanan", "Service complaints"))
        .WithComplaintCategory(new ComplaintCategoryInfo(DjpkComplaintCategories.KeluhanKebijakan, "Keluhan Kebijakan", "Policy complaints"));

    /// <summary>Gets DJPK's report wording: <see cref="ReportWording.Default"/> with DJPK's title, website and PPID names.</summary>
    public static ReportWording Wording { get; } = ReportWording.Default.WithOverrides(Resource("Djpk.Metrics.Reporting.Profiles.Djpk.wording.json"));

    /// <summary>Gets the names DJPK's reports give their channels and segments, as the claim extractor reads them ("Telepon", "HAI Kemenkeu", "Kementerian/Lembaga", …).</summary>
    public static ClaimVocabulary ClaimVocabulary { get; } = ClaimVocabulary.Empty
        .WithChannel(DjpkChannels.WhatsApp, @"whats\s*app", "whatsapp", ChannelKind.Consultation)
        .WithChannel(DjpkChannels.Phone, @"telepon|telpon", "phone", ChannelKind.Consultation)
        .WithChannel(DjpkChannels.Email, @"e-?mail", "email", ChannelKind.Consultation)
        .WithChannel(DjpkChannels.HaiKemenkeu, @"hai\s+kemenkeu", "hai", ChannelKind.Consultation)
        .WithChannel(DjpkChannels.LiveChat, @"live\s*chat", "livechat", ChannelKind.Consultation)
        .WithChannel(DjpkChannels.Website, @"website", "website", ChannelKind.Web)
        .WithChannel(DjpkChannels.Instagram, @"instagram", "instagram", ChannelKind.Social)
        .WithChannel(DjpkChannels.Twitter, @"twitter", "twitter", ChannelKind.Social)
        .WithChannel(DjpkChannels.Facebook, @"facebook", "facebook", ChannelKind.Social)
        .WithChannel(DjpkChannels.Ppid, @"ppid", "ppid", ChannelKind.InformationRequest)
        .WithSegment(DjpkSegments.Akademisi, @"Akademisi", "akademisi")
        .WithSegment(DjpkSegments.Pemda, @"Pemda", "pemda")
        .WithSegment(DjpkSegments.KementerianLembaga, @"Kementerian\s*/\s*Lembaga", "kl")
        .WithSegment(DjpkSegments.Lainnya, @"Lainnya", "lainnya");

    /// <summary>Gets the claim extractor for DJPK's reports, over <see cref="ClaimVocabulary"/>.</summary>
    public static ClaimExtractor ClaimExtractor { get; } = new(ClaimVocabulary);

    /// <summary>Gets DJPK's report profile: <see cref="Catalog"/>, <see cref="Settings"/> and <see cref="Wording"/>.</summary>
    public static ReportProfile Profile { get; } = new("djpk", Catalog, Settings, Wording);

    private static WorkingDayCalendar LoadWorkingDays()
    {
        string[] names = [.. typeof(DjpkProfile).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Djpk.Metrics.Reporting.Profiles.Djpk.Holidays.indonesia-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
        Stream[] streams = [.. names.Select(Resource)];
        try
        {
            return WorkingDayCalendar.Read(streams);
        }
        finally
        {
            foreach (Stream stream in streams)
            {
                stream.Dispose();
            }
        }
    }

    private static Stream Resource(string name) =>
        typeof(DjpkProfile).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"The resource '{name}' is missing from the assembly.");
}
