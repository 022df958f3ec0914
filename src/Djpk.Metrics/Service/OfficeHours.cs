using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace Djpk.Metrics.Service;

/// <summary>The hours an office works on each day of the week, such as Monday to Friday 08:00–17:00.</summary>
/// <remarks>
/// <para>Immutable: <see cref="With"/> and <see cref="Closed"/> return new instances. Each day of the week has at most one
/// span, from its opening time (included) to its closing time (excluded); a closing time of midnight
/// (<see cref="LocalTime.Midnight"/>) means the end of the day. The default value is closed every day.</para>
/// </remarks>
public readonly record struct OfficeHours
{
    private readonly ImmutableArray<(LocalTime Open, LocalTime Close)?> _days;

    private OfficeHours(ImmutableArray<(LocalTime Open, LocalTime Close)?> days) => _days = days;

    /// <summary>Gets the hours of Monday to Friday 08:00–17:00, closed at the weekend.</summary>
    public static OfficeHours WeekdaysEightToFive { get; } = Weekdays(new LocalTime(8, 0), new LocalTime(17, 0));

    /// <summary>Returns the hours of Monday to Friday from <paramref name="open"/> to <paramref name="close"/>, closed at the weekend.</summary>
    /// <param name="open">The opening time.</param>
    /// <param name="close">The closing time, after <paramref name="open"/>; midnight is the end of the day.</param>
    /// <returns>The hours.</returns>
    /// <exception cref="ArgumentException"><paramref name="close"/> is not after <paramref name="open"/>.</exception>
    public static OfficeHours Weekdays(LocalTime open, LocalTime close)
    {
        OfficeHours hours = default;
        foreach (IsoDayOfWeek day in new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday })
        {
            hours = hours.With(day, open, close);
        }

        return hours;
    }

    /// <summary>Returns these hours with <paramref name="day"/> open from <paramref name="open"/> to <paramref name="close"/>.</summary>
    /// <param name="day">The day of the week.</param>
    /// <param name="open">The opening time.</param>
    /// <param name="close">The closing time, after <paramref name="open"/>; midnight is the end of the day.</param>
    /// <returns>The new hours.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not a day of the week.</exception>
    /// <exception cref="ArgumentException"><paramref name="close"/> is not after <paramref name="open"/>.</exception>
    public OfficeHours With(IsoDayOfWeek day, LocalTime open, LocalTime close)
    {
        int index = Index(day);
        if (close != LocalTime.Midnight && close <= open)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The closing time {close:HH:mm} must be after the opening time {open:HH:mm}; use midnight for the end of the day."), nameof(close));
        }

        return new OfficeHours(Days.SetItem(index, (open, close)));
    }

    /// <summary>Returns these hours with <paramref name="day"/> closed.</summary>
    /// <param name="day">The day of the week.</param>
    /// <returns>The new hours.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not a day of the week.</exception>
    public OfficeHours Closed(IsoDayOfWeek day) => new(Days.SetItem(Index(day), null));

    /// <summary>Returns the opening and closing time of <paramref name="day"/>, or <see langword="null"/> when the office is closed that day.</summary>
    /// <param name="day">The day of the week.</param>
    /// <returns>The span; a closing time of midnight is the end of the day.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not a day of the week.</exception>
    public (LocalTime Open, LocalTime Close)? On(IsoDayOfWeek day) => Days[Index(day)];

    /// <summary>Returns whether <paramref name="other"/> has the same hours on every day.</summary>
    /// <param name="other">The other hours.</param>
    /// <returns><see langword="true"/> when every day's span is the same.</returns>
    public bool Equals(OfficeHours other) => Days.SequenceEqual(other.Days);

    /// <summary>Returns a hash code of the spans.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach ((LocalTime Open, LocalTime Close)? day in Days)
        {
            hash.Add(day);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns the hours as text, such as <c>Mon 08:00-17:00, Tue 08:00-17:00, …</c>, or <c>closed</c>.</summary>
    /// <returns>The text, the same in every culture.</returns>
    public override string ToString()
    {
        ImmutableArray<(LocalTime Open, LocalTime Close)?> days = Days;
        string[] parts = [.. Enumerable.Range(0, 7).Where(i => days[i] is not null).Select(i => Describe((IsoDayOfWeek)(i + 1), days[i]!.Value))];
        return parts.Length == 0 ? "closed" : string.Join(", ", parts);
    }

    private static string Describe(IsoDayOfWeek day, (LocalTime Open, LocalTime Close) span) =>
        day.ToString()[..3] + " " + span.Open.ToString("HH:mm", CultureInfo.InvariantCulture) + "-"
        + (span.Close == LocalTime.Midnight ? "24:00" : span.Close.ToString("HH:mm", CultureInfo.InvariantCulture));

    private ImmutableArray<(LocalTime Open, LocalTime Close)?> Days => _days.IsDefault ? [.. new (LocalTime, LocalTime)?[7]] : _days;

    private static int Index(IsoDayOfWeek day) => day is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday
        ? (int)day - 1
        : throw new ArgumentOutOfRangeException(nameof(day), day, "The day must be Monday to Sunday.");
}
