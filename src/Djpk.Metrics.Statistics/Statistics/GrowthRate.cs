using System.Globalization;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Statistics;

/// <summary>The compound growth rate between two months: the constant monthly rate r with start · (1 + r)^months = end.</summary>
/// <remarks>
/// <para>Immutable. Rates are fractions (0,05 for 5% a month). The power passes through <see cref="double"/>; equal values give exactly 0
/// and an end value of zero gives exactly −1.</para>
/// <para>When <see cref="IsDefined"/> is <see langword="false"/>, both rates are <see langword="null"/> and <see cref="Reason"/> says why.</para>
/// </remarks>
public sealed class GrowthRate
{
    private GrowthRate(ReportingPeriod from, long? startValue, ReportingPeriod to, long? endValue, InsufficientDataReason reason, decimal? monthlyRate, decimal? annualRate)
    {
        From = from;
        StartValue = startValue;
        To = to;
        EndValue = endValue;
        Reason = reason;
        MonthlyRate = monthlyRate;
        AnnualRate = annualRate;
    }

    /// <summary>Gets the starting month.</summary>
    public ReportingPeriod From { get; }

    /// <summary>Gets the value of the starting month; <see langword="null"/> when it is missing.</summary>
    public long? StartValue { get; }

    /// <summary>Gets the ending month.</summary>
    public ReportingPeriod To { get; }

    /// <summary>Gets the value of the ending month; <see langword="null"/> when it is missing.</summary>
    public long? EndValue { get; }

    /// <summary>Gets the number of months between <see cref="From"/> and <see cref="To"/>.</summary>
    public int Months => To.Index - From.Index;

    /// <summary>Gets why the rate is undefined, or <see cref="InsufficientDataReason.None"/> when it is defined.</summary>
    public InsufficientDataReason Reason { get; }

    /// <summary>Gets a value indicating whether the rate could be computed.</summary>
    public bool IsDefined => Reason == InsufficientDataReason.None;

    /// <summary>Gets the compound monthly rate as a fraction, (end / start)^(1 / months) − 1; <see langword="null"/> when undefined.</summary>
    public decimal? MonthlyRate { get; }

    /// <summary>Gets the monthly rate compounded over twelve months, (1 + monthly)^12 − 1; <see langword="null"/> when undefined or too large for a decimal.</summary>
    public decimal? AnnualRate { get; }

    /// <summary>Returns the invariant text form, such as <c>2023-01..2023-12: 90 -> 149, monthly 0.0469</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => IsDefined
        ? string.Create(CultureInfo.InvariantCulture, $"{From}..{To}: {StartValue} -> {EndValue}, monthly {MonthlyRate}, annual {AnnualRate}")
        : string.Create(CultureInfo.InvariantCulture, $"{From}..{To}: undefined ({Reason})");

    internal static GrowthRate Between(ReportingPeriod from, long? start, ReportingPeriod to, long? end)
    {
        if (start is not long first || end is not long last)
        {
            return new GrowthRate(from, start, to, end, InsufficientDataReason.Gaps, null, null);
        }

        if (first == 0)
        {
            return new GrowthRate(from, start, to, end, InsufficientDataReason.ZeroBase, null, null);
        }

        int months = to.Index - from.Index;
        if (first == last)
        {
            return new GrowthRate(from, start, to, end, InsufficientDataReason.None, 0m, 0m);
        }

        if (last == 0)
        {
            return new GrowthRate(from, start, to, end, InsufficientDataReason.None, -1m, -1m);
        }

        double ratio = (double)last / first;
        decimal? monthly = StatisticsMath.ToDecimal(Math.Pow(ratio, 1.0 / months) - 1.0);
        decimal? annual = StatisticsMath.ToDecimal(Math.Pow(ratio, 12.0 / months) - 1.0);
        return monthly is null
            ? new GrowthRate(from, start, to, end, InsufficientDataReason.OutOfRange, null, null)
            : new GrowthRate(from, start, to, end, InsufficientDataReason.None, monthly, annual);
    }
}
