using Djpk.Metrics.Ingest;
using Djpk.Metrics.Profiles;

namespace Agency.Ingestion;

public static class PhoneExport
{
    /// <summary>Reads the phone system's JSON Lines (an HTTP request body, say) without blocking a thread on I/O.</summary>
    public static Task<IngestResult> ReadAsync(Stream body, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        LogColumns fields = LogColumns.Default
            .WithNames(timestamp: "waktu", user: "penelepon", id: "idPanggilan")
            .WithConstantChannel(DjpkChannels.Phone)                         // the whole export is the phone line
            .WithConstantSegment(DjpkSegments.Lainnya);                      // it records no segment
        IngestOptions options = DjpkProfile.IngestOptions
            .Collecting()
            .WithTimestampFormats(TimestampFormat.UnixSeconds, TimestampFormat.Iso)   // 1701656100 or 2023-12-04T09:15:00+07:00
            .WithUserNormalization(UserNormalization.Custom("nomor", Digits));
        return JsonLinesLogReader.ReadAsync(body, options, fields, progress, cancellationToken);
    }

    /// <summary>Keeps the digits of a phone number and writes a leading 0 as Indonesia's 62: "0812-1111-2222" is "6281211112222".</summary>
    private static string? Digits(string phone)
    {
        string digits = string.Concat(phone.Where(char.IsAsciiDigit));
        return digits.Length == 0 ? null : digits.StartsWith('0') ? "62" + digits[1..] : digits;
    }
}
