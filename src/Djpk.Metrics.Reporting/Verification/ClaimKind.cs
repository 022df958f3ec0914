namespace Djpk.Metrics.Verification;

/// <summary>Says what a <see cref="Claim"/> states about its metric.</summary>
/// <remarks>The default value is <see cref="PercentChange"/>.</remarks>
public enum ClaimKind
{
    /// <summary>A relative change against another period with a stated magnitude: "meningkat 12% dibandingkan bulan Desember 2022".</summary>
    PercentChange = 0,

    /// <summary>A change against another period stated by its direction alone: "meningkat", "meningkat signifikan".</summary>
    Direction = 1,

    /// <summary>A part's share of its whole in percent: "sebanyak 3% (56 pengguna)", "Pemda 78%".</summary>
    Share = 2,

    /// <summary>A quotient of two figures, such as the average reach per post.</summary>
    Ratio = 3,

    /// <summary>A figure itself: "sebanyak 18.008 konsultasi".</summary>
    Total = 4,

    /// <summary>A change of a part's share against another period in percentage points: "pangsa WhatsApp naik 1,5 poin persentase dibandingkan bulan sebelumnya".</summary>
    PointChange = 5,

    /// <summary>A time, such as a median or mean response time: "median waktu respons WhatsApp 8 menit". The value is in seconds; the
    /// figure in milliseconds. It holds when the figure, rounded to the coarsest unit the stated value is a whole number of
    /// (an hour, a minute or a second), equals it under any rounding rule: "2 jam" is checked to the hour, "1 jam 5 menit" and
    /// "12 menit" to the minute, "45 detik" to the second; an approximate one may be one unit off.</summary>
    Duration = 6,
}
