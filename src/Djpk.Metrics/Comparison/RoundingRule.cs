namespace Djpk.Metrics.Comparison;

/// <summary>Declares how an exact value is rounded to a fixed number of decimals when it is published.</summary>
/// <remarks>
/// The rule is a report setting, never a formatter's choice. The seed report truncates its changes and channel
/// shares (<see cref="TowardZero"/>: +44,66% is printed "44%") but rounds its user-segment shares (5,68% is printed "6%").
/// The default value is <see cref="HalfAwayFromZero"/>.
/// </remarks>
public enum RoundingRule
{
    /// <summary>Rounds to the nearest value; a midpoint goes away from zero (2,5 → 3; −2,5 → −3).</summary>
    HalfAwayFromZero = 0,

    /// <summary>Rounds to the nearest value; a midpoint goes to the even neighbour (2,5 → 2; 3,5 → 4).</summary>
    HalfToEven = 1,

    /// <summary>Drops the digits beyond the precision (truncation: 44,66 → 44; −11,89 → −11).</summary>
    TowardZero = 2,
}
