namespace Djpk.Metrics.Periods;

/// <summary>The length of a reporting period: a day, an ISO week, a month, a quarter or a year.</summary>
/// <remarks>The values are ordered from the shortest to the longest. The default value is <see cref="Day"/>.</remarks>
public enum PeriodGrain
{
    /// <summary>A calendar day.</summary>
    Day = 0,

    /// <summary>An ISO 8601 week: Monday to Sunday, numbered within its week-year (2020 and 2026 have a week 53).</summary>
    Week = 1,

    /// <summary>A calendar month.</summary>
    Month = 2,

    /// <summary>A calendar quarter: January–March is Q1.</summary>
    Quarter = 3,

    /// <summary>A calendar year.</summary>
    Year = 4,
}
