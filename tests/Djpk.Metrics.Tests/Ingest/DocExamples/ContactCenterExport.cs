using Djpk.Metrics.Csv;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Profiles;
using NodaTime;

namespace Agency.Ingestion;

public static class ContactCenterExport
{
    /// <summary>Reads the contact center's monthly CSV export: BOM, ';', local dd/MM/yyyy HH:mm times, display names.</summary>
    public static IngestResult Read(Stream csv)
    {
        IngestOptions options = DjpkProfile.IngestOptions                    // DJPK's catalog and the names its exports use
            .Collecting(maxRejectionDetails: 100)                            // go on past bad rows
            .WithLocalZone(DateTimeZoneProviders.Tzdb["Asia/Jakarta"])       // the export writes local times
            .WithTimestampFormats(TimestampFormat.Pattern("dd/MM/yyyy HH:mm"), TimestampFormat.Iso)
            .WithLocalTimeResolution(LocalTimeResolution.Reject)             // the default: no guessing at DST gaps and overlaps
            .WithChannelAlias("Kontak 1500", DjpkChannels.Phone)             // this export's own spellings
            .WithSegmentAlias("Desa", DjpkSegments.Pemda)
            .WithUserNormalization(UserNormalization.Email);                 // " Operator@Pemda.go.id" is "operator@pemda.go.id"
        LogColumns columns = LogColumns.Default
            .WithNames(id: "No", timestamp: "Tanggal", channel: "Kanal", segment: "Kategori Pengguna", topic: "Topik", user: "Kontak")
            .WithUserIdentity()                                              // "Kontak" holds phone numbers and e-mail addresses
            .WithUnknownFields(UnknownFieldPolicy.Ignore);                   // the default: "Petugas", "Durasi" are skipped
        return CsvLogReader.Read(csv, options, ';', columns);
    }
}
