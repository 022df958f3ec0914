namespace Djpk.Metrics.Verification;

/// <summary>Names the most likely reason a claim fails, from a fixed catalogue.</summary>
/// <remarks>A stated figure that differs from the data (<see cref="StatedFigureDiffers"/>) is checked first; the other causes are tried in the order of their values; the first that reproduces the stated value is reported. The default value is <see cref="None"/>.</remarks>
public enum FailureCause
{
    /// <summary>No failure: the claim holds or is unverifiable.</summary>
    None = 0,

    /// <summary>The stated direction (naik/turun/tetap) is not the direction of the data.</summary>
    WrongDirection = 1,

    /// <summary>The value holds under a rounding convention other than the one its group uses.</summary>
    InconsistentRounding = 2,

    /// <summary>The change was divided by the new value instead of the old one (143 → 126 printed as 17 / 126 = 13,5%).</summary>
    DividedByNewValue = 3,

    /// <summary>The value is the change against, or the share in, another period than the one stated.</summary>
    WrongPeriod = 4,

    /// <summary>The value is the change of the part's share in percentage points, stated as a percent change.</summary>
    PercentagePointsAsPercent = 5,

    /// <summary>The value was computed from the sum of the parts, which differs from the stated or recorded total.</summary>
    PartsNotSummingToTotal = 6,

    /// <summary>The value is within one unit of its last stated digit of the exact value, but no convention gives it at the stated precision (rounded twice, or rounded the wrong way).</summary>
    RoundingBeyondPrecision = 7,

    /// <summary>None of the catalogued causes reproduces the stated value.</summary>
    Unexplained = 8,

    /// <summary>A figure the sentence states ("… dibandingkan bulan sebelumnya (988 layanan)") differs from the data's; checked before every other cause.</summary>
    StatedFigureDiffers = 9,
}
