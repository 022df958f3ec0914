using Djpk.Metrics.Comparison;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Service;

/// <summary>The share of a period's users who came back within a number of days: the repeat-contact rate, with its numerator and denominator.</summary>
/// <remarks>Immutable. <see cref="Share"/> is undefined (never NaN) when the period has no users.</remarks>
public readonly record struct RepeatContactRate
{
    /// <summary>Creates a rate.</summary>
    /// <param name="period">The period.</param>
    /// <param name="days">The window in days.</param>
    /// <param name="users">The distinct users with a contact in the period.</param>
    /// <param name="repeating">Those of them with another contact within the window after one of their contacts in the period.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is less than 1, or the counts are negative, or <paramref name="repeating"/> exceeds <paramref name="users"/>.</exception>
    public RepeatContactRate(ReportingPeriod period, int days, long users, long repeating)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(users);
        ArgumentOutOfRangeException.ThrowIfNegative(repeating);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(repeating, users);
        Period = period;
        Days = days;
        Users = users;
        Repeating = repeating;
    }

    /// <summary>Gets the period.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>Gets the window in days.</summary>
    public int Days { get; }

    /// <summary>Gets the distinct users with a contact in the period (the denominator).</summary>
    public long Users { get; }

    /// <summary>Gets the users who came back within the window (the numerator).</summary>
    public long Repeating { get; }

    /// <summary>Gets the rate as a share of <see cref="Users"/>.</summary>
    public Share Share => new(Repeating, Users);

    /// <summary>Returns the rate as invariant text, such as <c>2023-12: 120 of 1000 users came back within 7 days</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Period}: {Repeating} of {Users} users came back within {Days} days");
}
