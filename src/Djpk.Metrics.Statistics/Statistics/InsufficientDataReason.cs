namespace Djpk.Metrics.Statistics;

/// <summary>Says why a statistic of a monthly series could not be computed, or <see cref="None"/> when it could.</summary>
/// <remarks>A statistic that cannot be computed is a value of this library, never NaN and never an exception. The default value is <see cref="None"/>.</remarks>
public enum InsufficientDataReason
{
    /// <summary>The statistic is defined.</summary>
    None = 0,

    /// <summary>The series has fewer months than the statistic needs (the minimum is stated on each method).</summary>
    TooFewPoints = 1,

    /// <summary>A month inside the span is missing; a missing month is not a zero, so it is neither filled nor skipped.</summary>
    Gaps = 2,

    /// <summary>The values have no spread: the series is constant, or at least half of its values equal the median, so a relative score has no scale.</summary>
    NoSpread = 3,

    /// <summary>The starting value is zero, so a growth rate has no base.</summary>
    ZeroBase = 4,

    /// <summary>The values are too large for the exact decimal arithmetic of the statistic.</summary>
    OutOfRange = 5,
}
