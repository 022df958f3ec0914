using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Verification;

/// <summary>Collects figures into a <see cref="FigureTable"/>: from a consultation count cube, a distinct-user cube, or one by one.</summary>
/// <remarks>Not thread-safe. A key can be added once; adding it again with the same figure is allowed, with another figure it throws.</remarks>
public sealed class FigureTableBuilder
{
    private readonly Dictionary<FigureKey, long> _figures;

    /// <summary>Creates an empty builder.</summary>
    public FigureTableBuilder() => _figures = [];

    /// <summary>Creates a builder that starts with the figures of a table, to add more to it.</summary>
    /// <param name="table">The table.</param>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is <see langword="null"/>.</exception>
    public FigureTableBuilder(FigureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _figures = new(table.Figures);
    }

    /// <summary>Gets the number of figures added so far.</summary>
    public int Count => _figures.Count;

    /// <summary>Adds one figure.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The figure, a non-negative count.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    /// <exception cref="ArgumentException">The key already has another figure.</exception>
    public FigureTableBuilder Add(FigureKey key, long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (_figures.TryGetValue(key, out long existing) && existing != value)
        {
            throw new ArgumentException($"The figure {key} is already {existing}; it cannot also be {value}.", nameof(key));
        }

        _figures[key] = value;
        return this;
    }

    /// <summary>Adds one figure of a metric in a period, for all members or for one channel or segment.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="period">The period.</param>
    /// <param name="value">The figure, a non-negative count.</param>
    /// <param name="channel">A channel, or <see langword="null"/> for all channels.</param>
    /// <param name="segment">A segment, or <see langword="null"/> for all segments.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    /// <exception cref="ArgumentException">The key already has another figure, or both a channel and a segment are given.</exception>
    public FigureTableBuilder Add(Metric metric, ReportingPeriod period, long value, Channel? channel = null, UserSegment? segment = null) =>
        Add(new FigureKey(metric, period, channel, segment), value);

    /// <summary>Adds the consultation counts of a cube: for every period the data reaches, the total and, when the cube is broken down by channel, each channel.</summary>
    /// <remarks>For a monthly cube, every calendar year whose twelve months the data reaches also gets its totals (sums of the months).</remarks>
    /// <param name="cube">The counts, per period and optionally by channel; broken down by nothing else.</param>
    /// <param name="metric">The metric to file them under; <see cref="Metric.Consultations"/> when <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cube"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The cube is broken down by segment or topic, or a key already has another figure.</exception>
    public FigureTableBuilder AddConsultations(CountCube cube, Metric? metric = null)
    {
        ArgumentNullException.ThrowIfNull(cube);
        if ((cube.Dimensions & ~AggregationDimensions.Channel) != AggregationDimensions.None)
        {
            throw new ArgumentException("The cube must be broken down by channel at most.", nameof(cube));
        }

        Metric m = metric ?? Metric.Consultations;
        bool byChannel = cube.Dimensions.HasFlag(AggregationDimensions.Channel);
        var monthsOfYear = new Dictionary<int, int>();
        foreach (ReportingPeriod period in cube.Periods)
        {
            if (!cube.HasData(period))
            {
                continue;
            }

            Add(m, period, cube.Count(period)!.Value);
            if (byChannel)
            {
                foreach (Channel channel in cube.Channels)
                {
                    Add(m, period, cube.Count(period, channel)!.Value, channel);
                }
            }

            if (period.Grain == PeriodGrain.Month)
            {
                monthsOfYear[period.Year] = monthsOfYear.GetValueOrDefault(period.Year) + 1;
            }
        }

        foreach ((int year, int months) in monthsOfYear)
        {
            if (months == 12)
            {
                ReportingPeriod whole = ReportingPeriod.OfYear(year);
                PeriodRange range = PeriodRange.MonthsOf(year);
                Add(m, whole, range.Sum(p => cube.Count(p)!.Value));
                if (byChannel)
                {
                    foreach (Channel channel in cube.Channels)
                    {
                        Add(m, whole, range.Sum(p => cube.Count(p, channel)!.Value), channel);
                    }
                }
            }
        }

        return this;
    }

    /// <summary>Adds the distinct users of a cube: for every period the data reaches, all users and, when the cube is broken down by segment, each segment.</summary>
    /// <remarks>For a monthly cube, every calendar year whose twelve months the data reaches also gets its distinct users over the year (never a sum of months).</remarks>
    /// <param name="cube">The distinct users, per period and optionally by segment; broken down by nothing else.</param>
    /// <param name="metric">The metric to file them under; <see cref="Metric.Users"/> when <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cube"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The cube is broken down by channel or topic, or a key already has another figure.</exception>
    public FigureTableBuilder AddUsers(DistinctUserCube cube, Metric? metric = null)
    {
        ArgumentNullException.ThrowIfNull(cube);
        if ((cube.Dimensions & ~AggregationDimensions.Segment) != AggregationDimensions.None)
        {
            throw new ArgumentException("The cube must be broken down by segment at most.", nameof(cube));
        }

        Metric m = metric ?? Metric.Users;
        bool bySegment = cube.Dimensions.HasFlag(AggregationDimensions.Segment);
        var monthsOfYear = new Dictionary<int, int>();
        foreach (ReportingPeriod period in cube.Periods)
        {
            if (!cube.HasData(period))
            {
                continue;
            }

            Add(m, period, cube.Count(period)!.Value);
            if (bySegment)
            {
                foreach (UserSegment segment in cube.Segments)
                {
                    Add(m, period, cube.Count(period, segment: segment)!.Value, segment: segment);
                }
            }

            if (period.Grain == PeriodGrain.Month)
            {
                monthsOfYear[period.Year] = monthsOfYear.GetValueOrDefault(period.Year) + 1;
            }
        }

        foreach ((int year, int months) in monthsOfYear)
        {
            if (months == 12)
            {
                ReportingPeriod whole = ReportingPeriod.OfYear(year);
                ReportingPeriod first = ReportingPeriod.Month(year, 1), last = ReportingPeriod.Month(year, 12);
                Add(m, whole, cube.CountBetween(first, last)!.Value);
                if (bySegment)
                {
                    foreach (UserSegment segment in cube.Segments)
                    {
                        Add(m, whole, cube.CountBetween(first, last, segment: segment)!.Value, segment: segment);
                    }
                }
            }
        }

        return this;
    }

    /// <summary>Creates the table of the figures added so far; the builder stays usable.</summary>
    /// <returns>The table.</returns>
    public FigureTable Build() => new(new Dictionary<FigureKey, long>(_figures));
}
