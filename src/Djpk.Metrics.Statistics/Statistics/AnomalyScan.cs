using System.Collections.Immutable;
using System.Globalization;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Statistics;

/// <summary>A robust anomaly scan of a monthly series by the modified z-score of Iglewicz and Hoaglin.</summary>
/// <remarks>
/// <para>Immutable. Each month gets the score 0,6745 · (value − median) / MAD, where MAD is the median of the absolute deviations
/// from the median; a month is flagged when |score| &gt; <see cref="Threshold"/> (3,5 by default). Median and MAD are exact
/// decimals and the flag test is exact (6745 · |value − median| &gt; 10000 · threshold · MAD), so scaling a series by a
/// positive constant never changes a flag. The scores are unrounded decimals; no <see cref="double"/> is involved.</para>
/// <para>When <see cref="IsDefined"/> is <see langword="false"/>, <see cref="Points"/> is empty, <see cref="Median"/> and
/// <see cref="Mad"/> are <see langword="null"/>, and <see cref="Reason"/> says why.</para>
/// </remarks>
public sealed class AnomalyScan
{
    /// <summary>The usual flag threshold for the modified z-score, 3,5 (Iglewicz and Hoaglin, 1993).</summary>
    public const decimal DefaultThreshold = 3.5m;

    /// <summary>The fewest months a scan needs.</summary>
    public const int MinimumMonths = 5;

    /// <summary>The constant 0,6745 that makes the MAD comparable to a standard deviation for normal data.</summary>
    public const decimal Consistency = 0.6745m;

    private AnomalyScan(PeriodRange months, decimal threshold, InsufficientDataReason reason, decimal? median, decimal? mad, ImmutableArray<AnomalyPoint> points)
    {
        Months = months;
        Threshold = threshold;
        Reason = reason;
        Median = median;
        Mad = mad;
        Points = points;
    }

    /// <summary>Gets the months that were scanned.</summary>
    public PeriodRange Months { get; }

    /// <summary>Gets the threshold for |score| above which a month is flagged.</summary>
    public decimal Threshold { get; }

    /// <summary>Gets why the scan is undefined, or <see cref="InsufficientDataReason.None"/> when it is defined.</summary>
    public InsufficientDataReason Reason { get; }

    /// <summary>Gets a value indicating whether the scan could be computed.</summary>
    public bool IsDefined => Reason == InsufficientDataReason.None;

    /// <summary>Gets the median of the values; <see langword="null"/> when undefined.</summary>
    public decimal? Median { get; }

    /// <summary>Gets the median absolute deviation from the median; <see langword="null"/> when undefined.</summary>
    public decimal? Mad { get; }

    /// <summary>Gets every month with its score, in order; empty when undefined.</summary>
    public IReadOnlyList<AnomalyPoint> Points { get; }

    /// <summary>Gets the flagged months, in order.</summary>
    public IReadOnlyList<AnomalyPoint> Flagged => [.. Points.Where(p => p.IsFlagged)];

    /// <summary>Gets the month farthest from the median (the earliest on a tie); <see langword="null"/> when undefined.</summary>
    public AnomalyPoint? MostExtreme => Points.Count == 0 ? null : Points.MaxBy(p => Math.Abs(p.Score));

    /// <summary>Returns the invariant text form, such as <c>2023-01..2023-12: median 94, MAD 14.5, 0 flagged at 3.5</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => IsDefined
        ? string.Create(CultureInfo.InvariantCulture, $"{Months.First}..{Months.Last}: median {Median}, MAD {Mad}, {Flagged.Count} flagged at {Threshold}")
        : string.Create(CultureInfo.InvariantCulture, $"{Months.First}..{Months.Last}: undefined ({Reason})");

    internal static AnomalyScan Scan(MonthlySeries series, decimal threshold)
    {
        if (threshold <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The anomaly threshold must be positive; 3.5 is the usual choice.");
        }

        if (series.Count < MinimumMonths)
        {
            return Undefined(series, threshold, InsufficientDataReason.TooFewPoints);
        }

        if (series.HasGaps)
        {
            return Undefined(series, threshold, InsufficientDataReason.Gaps);
        }

        try
        {
            return ScanComplete(series, threshold);
        }
        catch (OverflowException)
        {
            return Undefined(series, threshold, InsufficientDataReason.OutOfRange);
        }
    }

    private static AnomalyScan ScanComplete(MonthlySeries series, decimal threshold)
    {
        int n = series.Count;
        var values = new decimal[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = series.ValueOrZero(i);
        }

        decimal median = StatisticsMath.Median(values);
        var deviations = new decimal[n];
        for (int i = 0; i < n; i++)
        {
            deviations[i] = Math.Abs(values[i] - median);
        }

        decimal mad = StatisticsMath.Median(deviations);
        if (mad == 0m)
        {
            return Undefined(series, threshold, InsufficientDataReason.NoSpread);
        }

        decimal limit = threshold * 10000m * mad;
        var points = ImmutableArray.CreateBuilder<AnomalyPoint>(n);
        for (int i = 0; i < n; i++)
        {
            ReportingPeriod month = series.Periods[i];
            long value = series.ValueOrZero(i);
            IEnumerable<long> sameYear = Enumerable.Range(0, n).Where(j => series.Periods[j].Year == month.Year).Select(series.ValueOrZero);
            decimal score = Consistency * (values[i] - median) / mad;
            bool flagged = deviations[i] * 6745m > limit;
            points.Add(new AnomalyPoint(month, value, median, score, flagged, value >= sameYear.Max(), value <= sameYear.Min()));
        }

        return new AnomalyScan(series.Periods, threshold, InsufficientDataReason.None, median, mad, points.MoveToImmutable());
    }

    private static AnomalyScan Undefined(MonthlySeries series, decimal threshold, InsufficientDataReason reason) =>
        new(series.Periods, threshold, reason, null, null, []);
}
