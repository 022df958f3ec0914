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
}
