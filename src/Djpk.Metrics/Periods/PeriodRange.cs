using System.Collections;
using System.Globalization;

namespace Djpk.Metrics.Periods;

/// <summary>A gap-free run of periods of one grain, from <see cref="First"/> to <see cref="Last"/> inclusive: a report's period axis.</summary>
/// <remarks>
/// <para>Immutable. Enumerating it yields every period in order, none skipped.</para>
/// <para>The default value is the single day 0001-01-01.</para>
/// </remarks>
public readonly record struct PeriodRange : IReadOnlyList<ReportingPeriod>
{
    /// <summary>Creates the range from <paramref name="first"/> to <paramref name="last"/> inclusive.</summary>
    /// <param name="first">The first period.</param>
    /// <param name="last">The last period, of the same grain, not before <paramref name="first"/>.</param>
    /// <exception cref="ArgumentException">The periods have different grains, or <paramref name="last"/> is before <paramref name="first"/>.</exception>
    public PeriodRange(ReportingPeriod first, ReportingPeriod last)
    {
        if (first.Grain != last.Grain)
        {
            throw new ArgumentException("The first and last periods of a range must have the same grain.", nameof(last));
        }

        if (last < first)
        {
            throw new ArgumentException("The last period of a range must not be before the first.", nameof(last));
        }

        First = first;
        Last = last;
    }

    /// <summary>Gets the first period.</summary>
    public ReportingPeriod First { get; }

    /// <summary>Gets the last period.</summary>
    public ReportingPeriod Last { get; }

    /// <summary>Gets the grain of every period in the range.</summary>
    public PeriodGrain Grain => First.Grain;

    /// <summary>Gets the number of periods.</summary>
    public int Count => Last.Index - First.Index + 1;

    /// <summary>Gets the period at position <paramref name="index"/>.</summary>
    /// <param name="index">The position, from 0 to <see cref="Count"/> − 1.</param>
    /// <returns>The period <c>First.PlusPeriods(index)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the range.</exception>
    public ReportingPeriod this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return ReportingPeriod.FromIndex(Grain, First.Index + index);
        }
    }

    /// <summary>Creates the range from <paramref name="first"/> to <paramref name="last"/> inclusive.</summary>
    /// <param name="first">The first period.</param>
    /// <param name="last">The last period, of the same grain, not before <paramref name="first"/>.</param>
    /// <returns>The range.</returns>
    /// <exception cref="ArgumentException">The periods have different grains, or <paramref name="last"/> is before <paramref name="first"/>.</exception>
    public static PeriodRange Between(ReportingPeriod first, ReportingPeriod last) => new(first, last);

    /// <summary>Returns the range of the months of <paramref name="year"/>, January to December.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <returns>The twelve months.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is out of range.</exception>
    public static PeriodRange MonthsOf(int year) => new(ReportingPeriod.Month(year, 1), ReportingPeriod.Month(year, 12));

    /// <summary>Returns whether <paramref name="period"/> is in the range.</summary>
    /// <param name="period">The period.</param>
    /// <returns><see langword="true"/> when it has the range's grain and lies between its ends.</returns>
    public bool Contains(ReportingPeriod period) => IndexOf(period) >= 0;

    /// <summary>Returns the position of <paramref name="period"/> in the range.</summary>
    /// <param name="period">The period.</param>
    /// <returns>The position from 0, or −1 when the period is not in the range.</returns>
    public int IndexOf(ReportingPeriod period) =>
        period.Grain == Grain && period >= First && period <= Last ? period.Index - First.Index : -1;

    /// <summary>Returns the smallest range that holds both this range and <paramref name="other"/>.</summary>
    /// <param name="other">A range of the same grain.</param>
    /// <returns>The hull of the two ranges, gaps included.</returns>
    /// <exception cref="ArgumentException">The ranges have different grains.</exception>
    public PeriodRange Union(PeriodRange other)
    {
        if (other.Grain != Grain)
        {
            throw new ArgumentException("Only ranges of the same grain can be joined.", nameof(other));
        }

        return new PeriodRange(First <= other.First ? First : other.First, Last >= other.Last ? Last : other.Last);
    }

    /// <summary>Returns an enumerator over the periods in order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<ReportingPeriod> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return ReportingPeriod.FromIndex(Grain, First.Index + i);
        }
    }

    /// <summary>Returns the invariant text form, such as <c>2023-01..2023-12</c>.</summary>
    /// <returns>The first and last period joined by "..".</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{First}..{Last}");

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
