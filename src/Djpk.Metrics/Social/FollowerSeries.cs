using Djpk.Metrics.Comparison;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Social;

/// <summary>An account's followers at the end of each month: a stock, read at a point and never summed.</summary>
/// <remarks>
/// Immutable. It answers what a stock can answer — the value at a month's end, the net change between two months, the
/// growth, the best and worst month — and offers no sum: adding month-end followers has no meaning. A month without a
/// value is missing, not zero, and a change that touches it is <see langword="null"/>.
/// </remarks>
public sealed class FollowerSeries
{
    private readonly long?[] _values;

    private FollowerSeries(PeriodRange months, long?[] values)
    {
        Periods = months;
        _values = values;
    }

    /// <summary>Gets the months of the series, in order.</summary>
    public PeriodRange Periods { get; }

    /// <summary>Creates a series from month-end values, the first for <paramref name="first"/>.</summary>
    /// <param name="first">The first month.</param>
    /// <param name="monthEndFollowers">One value per month, in order; <see langword="null"/> for a month without one.</param>
    /// <returns>The series.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="monthEndFollowers"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="first"/> is not a month, or there are no values.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative.</exception>
    public static FollowerSeries FromMonthEnds(ReportingPeriod first, IEnumerable<long?> monthEndFollowers)
    {
        ArgumentNullException.ThrowIfNull(monthEndFollowers);
        if (first.Grain != PeriodGrain.Month)
        {
            throw new ArgumentException("A follower series starts at a month.", nameof(first));
        }

        long?[] values = [.. monthEndFollowers];
        if (values.Length == 0)
        {
            throw new ArgumentException("A follower series needs at least one month.", nameof(monthEndFollowers));
        }

        if (values.Any(v => v < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(monthEndFollowers), "Follower counts must not be negative.");
        }

        return new FollowerSeries(new PeriodRange(first, first.PlusPeriods(values.Length - 1)), values);
    }

    /// <summary>Creates a series from snapshots of one account: each month takes its latest snapshot's followers.</summary>
    /// <param name="snapshots">Snapshots of one platform and account, in any order.</param>
    /// <param name="months">The months of the series.</param>
    /// <returns>The series; a month without a snapshot is missing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshots"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The snapshots are of more than one account, or <paramref name="months"/> are not months.</exception>
    public static FollowerSeries FromSnapshots(IEnumerable<SocialSnapshot> snapshots, PeriodRange months)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        if (months.Grain != PeriodGrain.Month)
        {
            throw new ArgumentException("A follower series is by month.", nameof(months));
        }

        SocialSnapshot[] all = [.. snapshots.Where(s => s.Followers is not null)];
        if (all.Select(s => (s.Platform, s.Account)).Distinct().Count() > 1)
        {
            throw new ArgumentException("A follower series is of one account; the snapshots name several.", nameof(snapshots));
        }

        var values = new long?[months.Count];
        foreach (SocialSnapshot snapshot in all.OrderBy(s => s.Date))
        {
            int index = months.IndexOf(ReportingPeriod.Containing(snapshot.Date, PeriodGrain.Month));
            if (index >= 0)
            {
                values[index] = snapshot.Followers; // later snapshots overwrite earlier ones: the month's end wins
            }
        }

        return new FollowerSeries(months, values);
    }

    /// <summary>Returns the followers at the end of <paramref name="month"/>.</summary>
    /// <param name="month">A month of the series.</param>
    /// <returns>The value; <see langword="null"/> when the month has none.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> is not in the series.</exception>
    public long? ValueAt(ReportingPeriod month) => _values[IndexOf(month)];

    /// <summary>Returns the month-end values, one per month; <see langword="null"/> where missing.</summary>
    /// <returns>The values in order.</returns>
    public IReadOnlyList<long?> Values => _values;

    /// <summary>Returns the net change over <paramref name="month"/>: its end value minus the previous month's.</summary>
    /// <param name="month">A month of the series after the first.</param>
    /// <returns>The signed change; <see langword="null"/> when either value is missing or the month is the first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> is not in the series.</exception>
    public long? NetChange(ReportingPeriod month)
    {
        int index = IndexOf(month);
        return index > 0 && _values[index] is long current && _values[index - 1] is long previous ? current - previous : null;
    }

    /// <summary>Returns the growth from the end of <paramref name="from"/> to the end of <paramref name="to"/>.</summary>
    /// <param name="from">The earlier month.</param>
    /// <param name="to">The later month.</param>
    /// <returns>The change; <see langword="null"/> when either value is missing.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A month is not in the series.</exception>
    public PercentChange? Growth(ReportingPeriod from, ReportingPeriod to) =>
        ValueAt(from) is long previous && ValueAt(to) is long current ? PercentChange.Between(previous, current) : null;

    /// <summary>Returns the month with the largest net gain; ties go to the earlier month.</summary>
    /// <returns>The month and its net change; <see langword="null"/> when no month has a net change.</returns>
    public (ReportingPeriod Month, long NetChange)? BestMonth() => Extreme(best: true);

    /// <summary>Returns the month with the largest net loss (or smallest gain); ties go to the earlier month.</summary>
    /// <returns>The month and its net change; <see langword="null"/> when no month has a net change.</returns>
    public (ReportingPeriod Month, long NetChange)? WorstMonth() => Extreme(best: false);

    private (ReportingPeriod Month, long NetChange)? Extreme(bool best)
    {
        (ReportingPeriod Month, long NetChange)? found = null;
        foreach (ReportingPeriod month in Periods)
        {
            if (NetChange(month) is long change && (found is null || (best ? change > found.Value.NetChange : change < found.Value.NetChange)))
            {
                found = (month, change);
            }
        }

        return found;
    }

    private int IndexOf(ReportingPeriod month)
    {
        int index = Periods.IndexOf(month);
        return index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(month), month, $"The month must be in the series {Periods}.");
    }
}
