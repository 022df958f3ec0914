using System.Collections.Immutable;
using System.Globalization;
using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Statistics;

/// <summary>A run of consecutive months and one non-negative value per month, where a month may have no data.</summary>
/// <remarks>
/// <para>Immutable; the values are copied on creation, so the caller's collection is never kept or reordered.</para>
/// <para>A missing month (<see langword="null"/>) is not a zero: statistics that need every month of their span say
/// <see cref="InsufficientDataReason.Gaps"/> instead of filling or skipping it. <see cref="Trim"/> drops missing months at
/// either end, and <see cref="Slice"/> narrows the span.</para>
/// <para>Values are counts or stocks (consultations, month-end followers, visits): <see cref="long"/>, never negative.</para>
/// </remarks>
public sealed class MonthlySeries
{
    private readonly ImmutableArray<long?> _values;

    private MonthlySeries(ReportingPeriod first, ImmutableArray<long?> values)
    {
        Periods = new PeriodRange(first, first.PlusPeriods(values.Length - 1));
        _values = values;
    }

    /// <summary>Gets the months of the series, from the first to the last, none skipped.</summary>
    public PeriodRange Periods { get; }

    /// <summary>Gets the first month.</summary>
    public ReportingPeriod First => Periods.First;

    /// <summary>Gets the last month.</summary>
    public ReportingPeriod Last => Periods.Last;

    /// <summary>Gets the number of months, missing ones included.</summary>
    public int Count => _values.Length;

    /// <summary>Gets the value of each month in order; <see langword="null"/> where the month has no data.</summary>
    public IReadOnlyList<long?> Values => _values;

    /// <summary>Gets a value indicating whether any month has no data.</summary>
    public bool HasGaps => _values.Contains(null);

    /// <summary>Creates a series from values that may be missing, such as <see cref="CountCube.Series"/> of a monthly cube.</summary>
    /// <param name="first">The month of the first value.</param>
    /// <param name="values">One value per month, in order; <see langword="null"/> where a month has no data. Copied.</param>
    /// <returns>The series.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="first"/> is not a month, or <paramref name="values"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative, or the months run past the year 9999.</exception>
    public static MonthlySeries FromCounts(ReportingPeriod first, IEnumerable<long?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (first.Grain != PeriodGrain.Month)
        {
            throw new ArgumentException("A monthly series starts at a month period, such as ReportingPeriod.Month(2023, 1).", nameof(first));
        }

        ImmutableArray<long?> copy = [.. values];
        if (copy.IsEmpty)
        {
            throw new ArgumentException("A monthly series has at least one month.", nameof(values));
        }

        foreach (long? value in copy)
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(values), value, "The values of a monthly series are counts or stocks and must not be negative.");
            }
        }

        return new MonthlySeries(first, copy);
    }

    /// <summary>Creates a series with a value for every month, such as month-end followers of an account.</summary>
    /// <param name="first">The month of the first value.</param>
    /// <param name="values">One value per month, in order. Copied.</param>
    /// <returns>The series, without gaps.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="first"/> is not a month, or <paramref name="values"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative, or the months run past the year 9999.</exception>
    public static MonthlySeries FromValues(ReportingPeriod first, IEnumerable<long> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return FromCounts(first, values.Select(v => (long?)v));
    }

    /// <summary>Creates the series of a monthly count cube for the given members, as <see cref="CountCube.Series"/> returns it.</summary>
    /// <param name="cube">A cube whose period axis is monthly.</param>
    /// <param name="channel">A channel, or <see langword="null"/> for all channels.</param>
    /// <param name="segment">A segment, or <see langword="null"/> for all segments.</param>
    /// <param name="topic">A topic, or <see langword="null"/> for all topics.</param>
    /// <returns>The series over the cube's axis; months the data does not reach are missing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cube"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The cube's axis is not monthly, or a member is given for a dimension the cube is not broken down by.</exception>
    public static MonthlySeries FromCube(CountCube cube, Channel? channel = null, UserSegment? segment = null, Topic? topic = null)
    {
        ArgumentNullException.ThrowIfNull(cube);
        if (cube.Periods.Grain != PeriodGrain.Month)
        {
            throw new ArgumentException("A monthly series needs a cube aggregated by month.", nameof(cube));
        }

        return FromCounts(cube.Periods.First, cube.Series(channel, segment, topic));
    }

    /// <summary>Returns the value of <paramref name="month"/>.</summary>
    /// <param name="month">A month of the series.</param>
    /// <returns>The value; <see langword="null"/> when the month has no data.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> is not a month of the series.</exception>
    public long? ValueAt(ReportingPeriod month) => _values[IndexOf(month)];

    /// <summary>Returns the months from <paramref name="first"/> to <paramref name="last"/> inclusive.</summary>
    /// <param name="first">The first month, within the series.</param>
    /// <param name="last">The last month, within the series, not before <paramref name="first"/>.</param>
    /// <returns>The narrower series.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A month is not in the series, or <paramref name="last"/> is before <paramref name="first"/>.</exception>
    public MonthlySeries Slice(ReportingPeriod first, ReportingPeriod last)
    {
        int start = IndexOf(first);
        int end = IndexOf(last);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start, nameof(last));
        return new MonthlySeries(first, _values[start..(end + 1)]);
    }

    /// <summary>Returns the series without the missing months at its start and end; gaps inside remain.</summary>
    /// <returns>The trimmed series, or <see langword="null"/> when no month has data.</returns>
    public MonthlySeries? Trim()
    {
        if (!_values.Any(v => v is not null))
        {
            return null;
        }

        int start = 0;
        while (_values[start] is null)
        {
            start++;
        }

        int end = _values.Length - 1;
        while (_values[end] is null)
        {
            end--;
        }

        return new MonthlySeries(First.PlusPeriods(start), _values[start..(end + 1)]);
    }

    /// <summary>Fits a straight line by least squares, month index against value, with a confidence interval of the slope.</summary>
    /// <param name="level">The confidence level of the slope's interval, such as 0,95 (Student's t with n − 2 degrees of freedom).</param>
    /// <returns>The trend; undefined with fewer than 3 months, with a gap, or with values too large for exact arithmetic.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not strictly between 0 and 1.</exception>
    public LinearTrend Trend(decimal level = 0.95m) => LinearTrend.Fit(this, level);

    /// <summary>Returns the trailing moving average of <paramref name="months"/> months, aligned with <see cref="Values"/>.</summary>
    /// <param name="months">The window, such as 3 or 12.</param>
    /// <returns>For each month, the mean of it and the <paramref name="months"/> − 1 before it; <see langword="null"/> when the window starts before the series or holds a missing month.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="months"/> is less than 1.</exception>
    public IReadOnlyList<decimal?> MovingAverage(int months)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        var averages = new decimal?[_values.Length];
        for (int i = months - 1; i < _values.Length; i++)
        {
            Int128 sum = 0;
            bool complete = true;
            for (int j = i - months + 1; j <= i && complete; j++)
            {
                complete = _values[j] is not null;
                sum += _values[j].GetValueOrDefault();
            }

            averages[i] = complete ? (decimal)sum / months : null;
        }

        return averages;
    }

    /// <summary>Returns each month's change from the same month one year earlier, aligned with <see cref="Values"/>.</summary>
    /// <returns>For each month, the change from twelve months before; <see langword="null"/> for the first twelve months and where either month is missing.</returns>
    public IReadOnlyList<PercentChange?> YearOnYear()
    {
        var changes = new PercentChange?[_values.Length];
        for (int i = 12; i < _values.Length; i++)
        {
            if (_values[i - 12] is long previous && _values[i] is long current)
            {
                changes[i] = PercentChange.Between(previous, current);
            }
        }

        return changes;
    }

    /// <summary>Returns the compound growth rate from <paramref name="from"/> to <paramref name="to"/>: the constant monthly rate that turns the first value into the last.</summary>
    /// <param name="from">The starting month, within the series.</param>
    /// <param name="to">The ending month, within the series, after <paramref name="from"/>.</param>
    /// <returns>The rate; undefined when either month is missing or the starting value is zero.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A month is not in the series, or <paramref name="to"/> is not after <paramref name="from"/>.</exception>
    public GrowthRate CompoundGrowth(ReportingPeriod from, ReportingPeriod to)
    {
        int start = IndexOf(from);
        int end = IndexOf(to);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(end, start, nameof(to));
        return GrowthRate.Between(from, _values[start], to, _values[end]);
    }

    /// <summary>Scores every month by the modified z-score 0,6745 · (value − median) / MAD and flags those beyond <paramref name="threshold"/>.</summary>
    /// <param name="threshold">The flag threshold for |score|; 3,5 is the usual choice (Iglewicz and Hoaglin).</param>
    /// <returns>The scan; undefined with fewer than 5 months, with a gap, or with no spread (MAD of zero).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not positive.</exception>
    public AnomalyScan Anomalies(decimal threshold = AnomalyScan.DefaultThreshold) => AnomalyScan.Scan(this, threshold);

    /// <summary>Forecasts the next <paramref name="months"/> months with a prediction interval: a seasonal model from 24 months of history, a linear trend below that.</summary>
    /// <param name="months">The number of months to forecast, 1 to 120.</param>
    /// <param name="level">The probability of the prediction intervals, such as 0,95.</param>
    /// <returns>The forecast, with the model used and why; undefined with fewer than 3 months or with a gap.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="months"/> is out of range or <paramref name="level"/> is not strictly between 0 and 1.</exception>
    public SeriesForecast Forecast(int months = 1, decimal level = 0.95m) => SeriesForecast.Create(this, months, level);

    /// <summary>Returns the invariant text form, such as <c>2023-01..2023-12 [90, 95, -, 93]</c> with <c>-</c> for a missing month.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{First}..{Last} [{string.Join(", ", _values.Select(v => v?.ToString(CultureInfo.InvariantCulture) ?? "-"))}]");

    internal long ValueOrZero(int index) => _values[index].GetValueOrDefault();

    private int IndexOf(ReportingPeriod month)
    {
        if (month.Grain != PeriodGrain.Month || month < First || month > Last)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "The month must lie within the series.");
        }

        return month.Index - First.Index;
    }
}
