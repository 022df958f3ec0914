using System.Globalization;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Statistics;

/// <summary>One month of an anomaly scan: its value, its modified z-score and whether it is flagged.</summary>
/// <remarks>
/// <para>Immutable. The score is 0,6745 · (<see cref="Value"/> − <see cref="Median"/>) / MAD, unrounded.</para>
/// <para>The default value is an unflagged point of value 0 and score 0 at the day 0001-01-01; scans never produce it.</para>
/// </remarks>
public readonly record struct AnomalyPoint
{
    internal AnomalyPoint(ReportingPeriod month, long value, decimal median, decimal score, bool isFlagged, bool isHighestOfYear, bool isLowestOfYear)
    {
        Month = month;
        Value = value;
        Median = median;
        Score = score;
        IsFlagged = isFlagged;
        IsHighestOfYear = isHighestOfYear;
        IsLowestOfYear = isLowestOfYear;
    }

    /// <summary>Gets the month.</summary>
    public ReportingPeriod Month { get; }

    /// <summary>Gets the month's value.</summary>
    public long Value { get; }

    /// <summary>Gets the median of the scanned series, the centre the score measures from.</summary>
    public decimal Median { get; }

    /// <summary>Gets the modified z-score; positive above the median, negative below.</summary>
    public decimal Score { get; }

    /// <summary>Gets a value indicating whether |<see cref="Score"/>| exceeds the scan's threshold.</summary>
    public bool IsFlagged { get; }

    /// <summary>Gets a value indicating whether no month of the same calendar year in the scan has a higher value.</summary>
    public bool IsHighestOfYear { get; }

    /// <summary>Gets a value indicating whether no month of the same calendar year in the scan has a lower value.</summary>
    public bool IsLowestOfYear { get; }

    /// <summary>Returns the invariant text form, such as <c>2023-12: 149 (score 2.558…, not flagged)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Month}: {Value} (score {Score}, {(IsFlagged ? "flagged" : "not flagged")})");
}
