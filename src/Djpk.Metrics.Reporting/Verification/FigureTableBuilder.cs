using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Service;

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
    public FigureTableBuilder AddConsultations(CountCube cube, Metric? metric = null) =>
        AddCube(cube, metric ?? Metric.Consultations, AggregationDimensions.Channel, "channel");

    /// <summary>Adds the distinct users of a cube: for every period the data reaches, all users and, when the cube is broken down by segment, each segment.</summary>
    /// <remarks>For a monthly cube, every calendar year whose twelve months the data reaches also gets its distinct users over the year (never a sum of months).</remarks>
    /// <param name="cube">The distinct users, per period and optionally by segment; broken down by nothing else.</param>
    /// <param name="metric">The metric to file them under; <see cref="Metric.Users"/> when <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cube"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The cube is broken down by channel or topic, or a key already has another figure.</exception>
    public FigureTableBuilder AddUsers(DistinctUserCube cube, Metric? metric = null) =>
        AddCube(cube, metric ?? Metric.Users, AggregationDimensions.Segment, "segment");

    // Every period the data reaches, its members along the one dimension allowed, and each whole year of months, read
    // through the cubes' shared shape: the year of a flow is the sum of its months, of distinct users their union.
    private FigureTableBuilder AddCube(IAggregateCube cube, Metric metric, AggregationDimensions allowed, string allowedName)
    {
        ArgumentNullException.ThrowIfNull(cube);
        if ((cube.Dimensions & ~allowed) != AggregationDimensions.None)
        {
            throw new ArgumentException($"The cube must be broken down by {allowedName} at most.", nameof(cube));
        }

        bool byChannel = cube.Dimensions.HasFlag(AggregationDimensions.Channel);
        bool bySegment = cube.Dimensions.HasFlag(AggregationDimensions.Segment);
        void AddMembers(ReportingPeriod period, Func<Channel?, UserSegment?, long> value)
        {
            Add(metric, period, value(null, null));
            foreach (Channel channel in byChannel ? cube.Channels : [])
            {
                Add(metric, period, value(channel, null), channel);
            }

            foreach (UserSegment segment in bySegment ? cube.Segments : [])
            {
                Add(metric, period, value(null, segment), segment: segment);
            }
        }

        var monthsOfYear = new Dictionary<int, int>();
        foreach (ReportingPeriod period in cube.Periods)
        {
            if (!cube.HasData(period))
            {
                continue;
            }

            AddMembers(period, (c, s) => cube.Count(period, c, s)!.Value);
            if (period.Grain == PeriodGrain.Month)
            {
                monthsOfYear[period.Year] = monthsOfYear.GetValueOrDefault(period.Year) + 1;
            }
        }

        foreach ((int year, int months) in monthsOfYear)
        {
            if (months == 12)
            {
                ReportingPeriod first = ReportingPeriod.Month(year, 1), last = ReportingPeriod.Month(year, 12);
                AddMembers(ReportingPeriod.OfYear(year), (c, s) => cube.CountBetween(first, last, c, s)!.Value);
            }
        }

        return this;
    }

    /// <summary>Adds the service figures of a cube under the metrics of <see cref="ServiceFigureMetrics"/>: for every period of its
    /// range with contacts, the total and, when the cube is broken down by channel, each channel with contacts.</summary>
    /// <param name="cube">The service figures, per period and optionally by channel.</param>
    /// <param name="definition">The service-level definition whose denominator is filed as <see cref="ServiceFigureMetrics.Offered"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cube"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The cube is broken down by something other than channel, or a key already has another figure.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="definition"/> is not defined.</exception>
    public FigureTableBuilder AddService(ServiceCube cube, ServiceLevelDefinition definition = ServiceLevelDefinition.AbandonedIncluded)
    {
        ArgumentNullException.ThrowIfNull(cube);
        if (cube.Breakdown is not (ServiceBreakdown.None or ServiceBreakdown.Channel))
        {
            throw new ArgumentException("The cube must be broken down by channel at most.", nameof(cube));
        }

        if (!Enum.IsDefined(definition))
        {
            throw new ArgumentOutOfRangeException(nameof(definition), definition, "The definition must be AnsweredOnly, AbandonedIncluded or ShortAbandonsExcluded.");
        }

        foreach (ReportingPeriod period in cube.Range)
        {
            ServiceFigures total = cube.Total(period);
            if (total.Contacts == 0)
            {
                continue;
            }

            ServiceFigureMetrics.Add(this, period, null, total, definition);
            foreach (ServiceCell cell in cube.Cells.Where(c => c.Period == period && c.Channel is not null && c.Figures.Contacts > 0))
            {
                ServiceFigureMetrics.Add(this, period, cell.Channel, cell.Figures, definition);
            }
        }

        return this;
    }

    /// <summary>Adds a repeat-contact rate: its users as <see cref="ServiceFigureMetrics.ContactingUsers"/> and those who came back as <see cref="ServiceFigureMetrics.RepeatingUsers"/>.</summary>
    /// <param name="rate">The rate of one period, over all channels.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A key already has another figure.</exception>
    public FigureTableBuilder AddRepeatContacts(RepeatContactRate rate)
    {
        Add(ServiceFigureMetrics.ContactingUsers, rate.Period, rate.Users);
        return Add(ServiceFigureMetrics.RepeatingUsers, rate.Period, rate.Repeating);
    }

    /// <summary>Creates the table of the figures added so far; the builder stays usable.</summary>
    /// <returns>The table.</returns>
    public FigureTable Build() => new(new Dictionary<FigureKey, long>(_figures));
}
