using Djpk.Metrics.Periods;
using Djpk.Metrics.Service;

namespace Djpk.Metrics.Verification;

/// <summary>The metrics under which <see cref="FigureTableBuilder.AddService"/> files service figures, so that claims about
/// rates, service levels and times can be checked: counts for the parts and wholes of rates, milliseconds for times.</summary>
/// <remarks>
/// <para>A rate is a <see cref="ClaimKind.Share"/> claim of a part metric of a whole metric: the answer rate is
/// <see cref="Answered"/> of <see cref="WithOutcome"/>, the abandonment rate <see cref="Abandoned"/> of <see cref="WithOutcome"/>,
/// the service level <see cref="WithinTarget"/> of <see cref="Offered"/> (the denominator of the definition the table was built
/// with), FCR <see cref="ResolvedAtFirstContact"/> of <see cref="ResolvableCases"/>, CSAT <see cref="Satisfied"/> of
/// <see cref="SatisfactionResponses"/>, the repeat-contact rate <see cref="RepeatingUsers"/> of <see cref="ContactingUsers"/>.</para>
/// <para>A time is a <see cref="ClaimKind.Duration"/> claim of a metric in milliseconds (rounded half away from zero).</para>
/// </remarks>
public static class ServiceFigureMetrics
{
    /// <summary>Gets the contacts, <c>service.contacts</c>.</summary>
    public static Metric Contacts { get; } = new("service.contacts");

    /// <summary>Gets the contacts with an outcome, the whole of the answer and abandonment rates, <c>service.withOutcome</c>.</summary>
    public static Metric WithOutcome { get; } = new("service.withOutcome");

    /// <summary>Gets the answered contacts with an outcome, <c>service.answered</c>.</summary>
    public static Metric Answered { get; } = new("service.answered");

    /// <summary>Gets the abandoned contacts, <c>service.abandoned</c>.</summary>
    public static Metric Abandoned { get; } = new("service.abandoned");

    /// <summary>Gets the contacts answered within target, <c>service.withinTarget</c>.</summary>
    public static Metric WithinTarget { get; } = new("service.withinTarget");

    /// <summary>Gets the service level's denominator under the table's definition, <c>service.offered</c>.</summary>
    public static Metric Offered { get; } = new("service.offered");

    /// <summary>Gets the cases that could be resolved, <c>service.resolvableCases</c>.</summary>
    public static Metric ResolvableCases { get; } = new("service.resolvableCases");

    /// <summary>Gets the cases resolved at their first contact, <c>service.resolvedAtFirstContact</c>.</summary>
    public static Metric ResolvedAtFirstContact { get; } = new("service.resolvedAtFirstContact");

    /// <summary>Gets the contacts still open at the period's end, <c>service.openAtEnd</c>.</summary>
    public static Metric OpenAtEnd { get; } = new("service.openAtEnd", MetricKind.Stock);

    /// <summary>Gets the satisfaction responses, <c>service.satisfactionResponses</c>.</summary>
    public static Metric SatisfactionResponses { get; } = new("service.satisfactionResponses");

    /// <summary>Gets the satisfied responses (4 or 5), <c>service.satisfied</c>.</summary>
    public static Metric Satisfied { get; } = new("service.satisfied");

    /// <summary>Gets the users with a contact in the period, the whole of the repeat-contact rate, <c>service.contactingUsers</c>.</summary>
    public static Metric ContactingUsers { get; } = new("service.contactingUsers", MetricKind.Unique);

    /// <summary>Gets the users who came back within the window, <c>service.repeatingUsers</c>.</summary>
    public static Metric RepeatingUsers { get; } = new("service.repeatingUsers", MetricKind.Unique);

    /// <summary>Gets the median response time in milliseconds, <c>service.responseMedianMs</c>.</summary>
    public static Metric MedianResponseTime { get; } = new("service.responseMedianMs", MetricKind.Ratio);

    /// <summary>Gets the 90th percentile of the response time in milliseconds, <c>service.responseP90Ms</c>.</summary>
    public static Metric P90ResponseTime { get; } = new("service.responseP90Ms", MetricKind.Ratio);

    /// <summary>Gets the mean response time (average speed of answer) in milliseconds, <c>service.responseMeanMs</c>.</summary>
    public static Metric MeanResponseTime { get; } = new("service.responseMeanMs", MetricKind.Ratio);

    /// <summary>Gets the median working-time response time in milliseconds, <c>service.workingResponseMedianMs</c>.</summary>
    public static Metric MedianWorkingResponseTime { get; } = new("service.workingResponseMedianMs", MetricKind.Ratio);

    /// <summary>Gets the mean handle time in milliseconds, <c>service.handleMeanMs</c>.</summary>
    public static Metric MeanHandleTime { get; } = new("service.handleMeanMs", MetricKind.Ratio);

    // A duration in whole milliseconds, rounded half away from zero: the unit of the time figures and of the report's wording.
    internal static long Milliseconds(NodaTime.Duration duration) =>
        (long)Math.Round(duration.ToInt64Nanoseconds() / 1_000_000m, MidpointRounding.AwayFromZero);

    // The figures of one cell, for all channels or one.
    internal static void Add(FigureTableBuilder builder, ReportingPeriod period, Channel? channel, ServiceFigures f, ServiceLevelDefinition definition)
    {
        void Count(Metric metric, long value) => builder.Add(metric, period, value, channel);
        void Time(Metric metric, NodaTime.Duration? value)
        {
            if (value is NodaTime.Duration d && d >= NodaTime.Duration.Zero)
            {
                builder.Add(metric, period, Milliseconds(d), channel);
            }
        }

        Count(Contacts, f.Contacts);
        Count(WithOutcome, f.WithOutcome);
        Count(Answered, f.AnsweredWithOutcome);
        Count(Abandoned, f.Abandoned);
        Djpk.Metrics.Comparison.Share level = f.ServiceLevel(definition);
        Count(WithinTarget, level.Part);
        Count(Offered, level.Total);
        Count(ResolvableCases, f.ResolvableCases);
        Count(ResolvedAtFirstContact, f.ResolvedAtFirstContact);
        if (f.OpenAtPeriodEnd is long open)
        {
            Count(OpenAtEnd, open);
        }

        Count(SatisfactionResponses, f.SatisfactionResponses);
        Count(Satisfied, f.Satisfied);
        Time(MedianResponseTime, f.ResponseTime.Median);
        Time(P90ResponseTime, f.ResponseTime.Percentile(0.9m));
        Time(MeanResponseTime, f.ResponseTime.Mean);
        Time(MedianWorkingResponseTime, f.WorkingResponseTime.Median);
        Time(MeanHandleTime, f.HandleTime.Mean);
    }
}
