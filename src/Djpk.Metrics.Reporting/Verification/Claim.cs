using System.Globalization;
using System.Text;
using Djpk.Metrics.Comparison;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Verification;

/// <summary>One checkable statement of a published report: a change, a share, a ratio, a total or a direction of a metric in a period.</summary>
/// <remarks>
/// <para>Immutable. The stated value is a magnitude (never negative); the direction of a change carries its sign. The value keeps
/// the precision it was written with: 4,9 has one decimal, 12 none (<see cref="Decimals"/>).</para>
/// <para>A sentence often states the figures its value comes from ("sebanyak 1.118 … dibandingkan bulan sebelumnya (988 layanan)"):
/// <see cref="StatedCurrent"/>, <see cref="StatedPrevious"/> and <see cref="StatedWhole"/> keep them. The verifier checks each
/// against the data, and uses it where the data lacks the figure, so such a sentence is checkable with no figure table.</para>
/// <para>An approximate claim ("turun sekitar 21%") holds when some value within one unit of its last stated digit holds:
/// 20 to 22 for "sekitar 21%", 17.000 to 19.000 for "sekitar 18.000" (for a count the last stated digit is its last non-zero digit).</para>
/// </remarks>
public sealed class Claim
{
    /// <summary>Creates a claim.</summary>
    /// <param name="id">A short id, unique within a report, such as <c>email-mom</c>.</param>
    /// <param name="metric">The metric the claim is about.</param>
    /// <param name="period">The period the claim is about (for a change, the later period).</param>
    /// <param name="kind">What the claim states.</param>
    /// <param name="value">The stated magnitude, with the decimals as written; required except for <see cref="ClaimKind.Direction"/>.</param>
    /// <param name="direction">The stated direction; required for <see cref="ClaimKind.PercentChange"/> and <see cref="ClaimKind.Direction"/>, absent otherwise.</param>
    /// <param name="against">The period compared against; required for changes and directions, absent otherwise.</param>
    /// <param name="channel">The channel the claim is restricted to, if any.</param>
    /// <param name="segment">The user segment the claim is restricted to, if any.</param>
    /// <param name="isApproximate">Whether the value is stated as approximate ("sekitar").</param>
    /// <param name="quote">The report's own words.</param>
    /// <param name="of">For a share, the metric of the whole; <paramref name="metric"/> when <see langword="null"/>. A share of its own
    /// metric is of the total (a channel's share of all consultations); a share of another metric is of that metric for the same
    /// channel or segment (a channel's abandoned contacts of its contacts with an outcome).</param>
    /// <param name="numerator">For a ratio, the metric divided.</param>
    /// <param name="denominator">For a ratio, the metric divided by.</param>
    /// <param name="statedCurrent">The figure of the subject in <paramref name="period"/> the sentence states (for a share, the part), if any.</param>
    /// <param name="statedPrevious">For a change, the figure in <paramref name="against"/> the sentence states, if any.</param>
    /// <param name="statedWhole">For a share, the whole the sentence states, if any.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty; or the value, direction, comparison period, channel, segment or ratio parts do not fit <paramref name="kind"/>; or both a channel and a segment are given; or a stated figure does not fit <paramref name="kind"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined, or <paramref name="value"/> is negative or has more than <see cref="Rounding.MaxDecimals"/> decimals, or a stated figure is negative.</exception>
    public Claim(
        string id,
        Metric metric,
        ReportingPeriod period,
        ClaimKind kind,
        decimal? value = null,
        ChangeDirection? direction = null,
        ReportingPeriod? against = null,
        Channel? channel = null,
        UserSegment? segment = null,
        bool isApproximate = false,
        string? quote = null,
        Metric? of = null,
        Metric? numerator = null,
        Metric? denominator = null,
        long? statedCurrent = null,
        long? statedPrevious = null,
        long? statedWhole = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "The kind must be one of the defined ClaimKind values.");
        }

        if (value is decimal v && (v < 0 || v.Scale > Rounding.MaxDecimals))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"A stated value is a non-negative magnitude with at most {Rounding.MaxDecimals} decimals; the direction carries the sign.");
        }

        if (statedCurrent < 0 || statedPrevious < 0 || statedWhole < 0)
        {
            long negative = statedCurrent < 0 ? statedCurrent.Value : statedPrevious < 0 ? statedPrevious!.Value : statedWhole!.Value;
            throw new ArgumentOutOfRangeException(statedCurrent < 0 ? nameof(statedCurrent) : statedPrevious < 0 ? nameof(statedPrevious) : nameof(statedWhole), negative, "A stated figure is a count and cannot be negative.");
        }

        bool isChange = kind is ClaimKind.PercentChange or ClaimKind.Direction or ClaimKind.PointChange;
        Require(kind == ClaimKind.Direction ? value is null : value is not null, "A direction claim has no value; every other kind has one.", nameof(value));
        Require(isChange == (direction is not null), "A change or direction claim states a direction; other kinds do not.", nameof(direction));
        Require(isChange == (against is not null), "A change or direction claim names the period it compares against; other kinds do not.", nameof(against));
        Require(direction is null || Enum.IsDefined(direction.Value), "The direction must be one of the defined ChangeDirection values.", nameof(direction));
        Require(against is null || (against.Value.Grain == period.Grain && against.Value != period), "The period compared against must be another period of the same grain.", nameof(against));
        Require(channel is null || segment is null, "A claim is restricted to a channel or to a segment, not both.", nameof(segment));
        Require(channel is null || !channel.Value.IsDefault, "The channel must be a named channel.", nameof(channel));
        Require(segment is null || !segment.Value.IsDefault, "The segment must be a named segment.", nameof(segment));
        Require((kind == ClaimKind.Ratio) == (numerator is not null && denominator is not null), "A ratio claim names its numerator and denominator; other kinds do not.", nameof(numerator));
        Require(of is null || kind is ClaimKind.Share or ClaimKind.PointChange, "Only a share or a change of a share names the metric of its whole.", nameof(of));
        Require(kind != ClaimKind.PointChange || channel is not null || segment is not null, "A change of a share in points is about a part: name its channel or segment.", nameof(channel));
        Require(statedPrevious is null || isChange, "Only a change or direction claim states a figure of the period compared against.", nameof(statedPrevious));
        Require(statedWhole is null || kind == ClaimKind.Share, "Only a share states its whole.", nameof(statedWhole));
        Require(statedCurrent is null || kind != ClaimKind.Ratio, "A ratio claim states no figure of its own; its parts are separate figures.", nameof(statedCurrent));

        Id = id;
        Metric = metric;
        Period = period;
        Kind = kind;
        Value = value;
        Direction = direction;
        Against = against;
        Channel = channel;
        Segment = segment;
        IsApproximate = isApproximate;
        Quote = quote ?? string.Empty;
        Of = kind is ClaimKind.Share or ClaimKind.PointChange ? of ?? metric : null;
        Numerator = numerator;
        Denominator = denominator;
        StatedCurrent = statedCurrent;
        StatedPrevious = statedPrevious;
        StatedWhole = statedWhole;
    }

    /// <summary>Gets the claim's id, such as <c>email-mom</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the metric the claim is about.</summary>
    public Metric Metric { get; }

    /// <summary>Gets the period the claim is about; for a change, the later period.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>Gets what the claim states.</summary>
    public ClaimKind Kind { get; }

    /// <summary>Gets the stated magnitude with the precision it was written with; <see langword="null"/> for a direction claim.</summary>
    public decimal? Value { get; }

    /// <summary>Gets the number of decimals the value was written with (1 for 13,5%; 0 for 12%).</summary>
    public int Decimals => Value?.Scale ?? 0;

    /// <summary>Gets the stated direction of a change; <see langword="null"/> for other kinds.</summary>
    public ChangeDirection? Direction { get; }

    /// <summary>Gets the period a change compares against; <see langword="null"/> for other kinds.</summary>
    public ReportingPeriod? Against { get; }

    /// <summary>Gets the channel the claim is restricted to, if any.</summary>
    public Channel? Channel { get; }

    /// <summary>Gets the user segment the claim is restricted to, if any.</summary>
    public UserSegment? Segment { get; }

    /// <summary>Gets a value indicating whether the value is stated as approximate ("sekitar").</summary>
    public bool IsApproximate { get; }

    /// <summary>Gets the report's own words; empty when not known.</summary>
    public string Quote { get; }

    /// <summary>Gets, for a share or a change of a share, the metric of the whole; <see langword="null"/> for other kinds.</summary>
    public Metric? Of { get; }

    /// <summary>Gets, for a ratio, the metric divided.</summary>
    public Metric? Numerator { get; }

    /// <summary>Gets, for a ratio, the metric divided by.</summary>
    public Metric? Denominator { get; }

    /// <summary>Gets the figure of the subject in <see cref="Period"/> the sentence states (for a share, the part); <see langword="null"/> when it states none.</summary>
    public long? StatedCurrent { get; }

    /// <summary>Gets, for a change, the figure in <see cref="Against"/> the sentence states; <see langword="null"/> when it states none.</summary>
    public long? StatedPrevious { get; }

    /// <summary>Gets, for a share, the whole the sentence states; <see langword="null"/> when it states none.</summary>
    public long? StatedWhole { get; }

    /// <summary>Gets the group whose rounding convention the claim is judged under.</summary>
    public ClaimGroup Group => Kind switch
    {
        ClaimKind.PercentChange or ClaimKind.PointChange => ClaimGroup.Changes,
        ClaimKind.Share when Channel is not null && Of == Metric => ClaimGroup.ChannelShares,
        ClaimKind.Share when Segment is not null && Of == Metric => ClaimGroup.SegmentShares,
        ClaimKind.Share => ClaimGroup.OtherShares,
        ClaimKind.Ratio => ClaimGroup.Ratios,
        _ => ClaimGroup.None,
    };

    /// <summary>Gets the key of the figure the claim is about (metric, channel or segment, period).</summary>
    public FigureKey Subject => new(Metric, Period, Channel, Segment);

    /// <summary>Returns an invariant description, such as <c>email-mom: consultations/email 2023-12 vs 2023-11 down 13.5%</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Id).Append(": ").Append(Subject.ToString());
        if (Against is ReportingPeriod against)
        {
            text.Append(" vs ").Append(against.ToString());
        }

        if (Direction is ChangeDirection direction)
        {
            text.Append(' ').Append(direction switch { ChangeDirection.Increase => "up", ChangeDirection.Decrease => "down", _ => "unchanged" });
        }

        if (Kind is ClaimKind.Share or ClaimKind.PointChange)
        {
            text.Append(" share");
        }

        if (Value is decimal value)
        {
            text.Append(IsApproximate ? " ~" : " ").Append(value.ToString(CultureInfo.InvariantCulture));
            if (Kind is ClaimKind.PercentChange or ClaimKind.Share)
            {
                text.Append('%');
            }
            else if (Kind == ClaimKind.PointChange)
            {
                text.Append(" pp");
            }
            else if (Kind == ClaimKind.Duration)
            {
                text.Append(" s");
            }
        }

        return text.ToString();
    }

    // The key of the whole of a share or a change of a share in a period: the total of its own metric, or its other metric for the same member.
    internal FigureKey WholeIn(ReportingPeriod period) => Of == Metric ? new FigureKey(Of!.Value, period) : new FigureKey(Of!.Value, period, Channel, Segment);

    /// <summary>Returns the same claim under another id.</summary>
    internal Claim WithId(string id) => new(
        id, Metric, Period, Kind, Value, Direction, Against, Channel, Segment, IsApproximate, Quote,
        Kind is ClaimKind.Share or ClaimKind.PointChange ? Of : null, Numerator, Denominator, StatedCurrent, StatedPrevious, StatedWhole);

    private static void Require(bool condition, string message, string parameterName)
    {
        if (!condition)
        {
            throw new ArgumentException(message, parameterName);
        }
    }
}
