using Djpk.Metrics.Ingest;

namespace Djpk.Metrics.Profiles;

/// <summary>What DJPK's monthly report knows: its catalog of channels and user segments, its ingest defaults and its report profile.</summary>
/// <remarks>The catalog's codes follow the order of the published report: five consultation channels, the website,
/// three social-media accounts and the PPID desk; then the four user segments.</remarks>
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
        .WithChannel(new ChannelInfo(DjpkChannels.Instagram, "Instagram @ditjenpk", "Instagram @ditjenpk", ChannelKind.Social))
        .WithChannel(new ChannelInfo(DjpkChannels.Twitter, "Twitter DJPK", "DJPK Twitter", ChannelKind.Social))
        .WithChannel(new ChannelInfo(DjpkChannels.Facebook, "Facebook DJPK", "DJPK Facebook", ChannelKind.Social))
        .WithChannel(new ChannelInfo(DjpkChannels.Ppid, "PPID DJPK", "DJPK PPID (information requests)", ChannelKind.InformationRequest))
        .WithSegment(new UserSegmentInfo(DjpkSegments.Akademisi, "Akademisi", "Academics", "Guru, mahasiswa dan siswa sekolah"))
        .WithSegment(new UserSegmentInfo(DjpkSegments.Pemda, "Pemda", "Local governments", "Termasuk Anggota/Pimpinan DPRD dan Perangkat Daerah/Desa"))
        .WithSegment(new UserSegmentInfo(DjpkSegments.KementerianLembaga, "Kementerian/Lembaga", "Ministries and agencies", "Kementerian Teknis dan Lembaga di dalam dan luar Kemenkeu"))
        .WithSegment(new UserSegmentInfo(DjpkSegments.Lainnya, "Lainnya", "Others", "Masyarakat, Pendamping Desa, Wartawan/Media, Swasta, dan Pengguna Tanpa Identitas"));

    /// <summary>Gets the ingest options for DJPK's exports: <see cref="Catalog"/>, strict, offset-less timestamps rejected.</summary>
    public static IngestOptions IngestOptions { get; } = IngestOptions.For(Catalog);
}
