using System.Globalization;
using NodaTime;

namespace Djpk.Metrics.Service;

/// <summary>How fast a channel's contacts should get their first answer: a duration in calendar time (a call in 20 seconds) or in working time (an e-mail within one working day).</summary>
/// <remarks>Immutable. A contact meets the target when its response time, measured as the target says, is at most <see cref="Limit"/>.</remarks>
public readonly record struct ServiceTarget
{
    private ServiceTarget(Duration limit, bool inWorkingTime)
    {
        Limit = limit;
        InWorkingTime = inWorkingTime;
    }

    /// <summary>Gets the longest response time that meets the target.</summary>
    public Duration Limit { get; }

    /// <summary>Gets a value indicating whether the response time is measured in working time (office hours without holidays) rather than calendar time.</summary>
    public bool InWorkingTime { get; }

    /// <summary>Returns a target in calendar time, such as 20 seconds for a call.</summary>
    /// <param name="limit">The longest response time that meets it; not negative.</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is negative.</exception>
    public static ServiceTarget Within(Duration limit) => new(Check(limit), false);

    /// <summary>Returns a target in working time, such as 9 working hours (one working day of 08:00–17:00) for an e-mail.</summary>
    /// <param name="limit">The longest working time that meets it; not negative.</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is negative.</exception>
    public static ServiceTarget WithinWorkingTime(Duration limit) => new(Check(limit), true);

    /// <summary>Returns the target as invariant text, such as <c>20 s</c> or <c>9 working hours</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        string amount = Limit.BclCompatibleTicks % NodaConstants.TicksPerHour == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Limit.BclCompatibleTicks / NodaConstants.TicksPerHour} {(InWorkingTime ? "working hours" : "h")}")
            : string.Create(CultureInfo.InvariantCulture, $"{Limit.TotalSeconds} {(InWorkingTime ? "working seconds" : "s")}");
        return amount;
    }

    private static Duration Check(Duration limit) =>
        limit < Duration.Zero ? throw new ArgumentOutOfRangeException(nameof(limit), limit, "A target's limit must not be negative.") : limit;
}
