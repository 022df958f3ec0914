namespace Djpk.Metrics;

/// <summary>Says how the values of a <see cref="Metric"/> combine over time and across members.</summary>
/// <remarks>The default value is <see cref="Flow"/>.</remarks>
public enum MetricKind
{
    /// <summary>Adds up over periods and across members, such as consultations or website visits.</summary>
    Flow = 0,

    /// <summary>Is taken at the end of a period and never summed, such as followers.</summary>
    Stock = 1,

    /// <summary>Counts distinct things, so it is never summed over periods, such as users or reach.</summary>
    Unique = 2,

    /// <summary>Is a quotient of two other metrics, such as the average reach per post.</summary>
    Ratio = 3,
}
