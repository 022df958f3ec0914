using System.Collections.Frozen;
using Djpk.Metrics.InformationRequests;
using NodaTime;

namespace Djpk.Metrics.Service;

/// <summary>Measures time in working hours: an office's hours in a zone, without the holidays of a working-day calendar.</summary>
/// <remarks>
/// <para>Immutable and thread-safe. A day's working span runs from the instant of its opening time to the instant of its
/// closing time in <see cref="Zone"/> (a time the zone skips maps to the instant after the gap, a repeated one to its first
/// occurrence). A day is worked when <see cref="Hours"/> opens on its weekday and <see cref="Holidays"/>, if given, does not
/// list it as a holiday; weekend hours count only when <see cref="Hours"/> has them.</para>
/// <para>A WhatsApp message that arrives on Friday at 16:50 and is answered on Monday at 08:10 waited 20 working minutes
/// under Monday to Friday 08:00–17:00: 10 on Friday and 10 on Monday.</para>
/// </remarks>
public sealed class WorkingTimeCalendar
{
    private readonly FrozenSet<LocalDate> _holidays;

    /// <summary>Creates a working-time calendar.</summary>
    /// <param name="zone">The zone of the office hours.</param>
    /// <param name="hours">The office hours.</param>
    /// <param name="holidays">The holidays, such as a profile's working-day calendar; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    public WorkingTimeCalendar(DateTimeZone zone, OfficeHours hours, WorkingDayCalendar? holidays = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
        Hours = hours;
        Holidays = holidays;
        _holidays = holidays is null ? FrozenSet<LocalDate>.Empty : holidays.Holidays.Select(h => h.Date).ToFrozenSet();
    }

    /// <summary>Gets the zone of the office hours.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the office hours.</summary>
    public OfficeHours Hours { get; }

    /// <summary>Gets the holidays, if any.</summary>
    public WorkingDayCalendar? Holidays { get; }

    /// <summary>Returns the working time from <paramref name="start"/> to <paramref name="end"/>.</summary>
    /// <param name="start">The first instant, such as a message's arrival.</param>
    /// <param name="end">The last instant, such as the first reply; not before <paramref name="start"/>.</param>
    /// <returns>The working time, at most <paramref name="end"/> − <paramref name="start"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A day of the span is outside the years <see cref="Holidays"/> covers; ask <see cref="TryBetween"/> instead.</exception>
    public Duration Between(Instant start, Instant end)
    {
        if (end < start)
        {
            throw new ArgumentException($"The end {end} is before the start {start}; a reply cannot come before its message.", nameof(end));
        }

        return TryBetween(start, end, out Duration working)
            ? working
            : throw new ArgumentOutOfRangeException(nameof(end), end, $"The holidays '{Holidays!.Version}' cover {Holidays.FirstYear} to {Holidays.LastYear} only; the span {start} to {end} needs other years.");
    }

    /// <summary>Tries to return the working time from <paramref name="start"/> to <paramref name="end"/>.</summary>
    /// <param name="start">The first instant.</param>
    /// <param name="end">The last instant, not before <paramref name="start"/>.</param>
    /// <param name="working">The working time, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="false"/> when <paramref name="end"/> is before <paramref name="start"/> or a day of the span is outside the years <see cref="Holidays"/> covers.</returns>
    public bool TryBetween(Instant start, Instant end, out Duration working)
    {
        working = Duration.Zero;
        if (end < start)
        {
            return false;
        }

        if (end == start)
        {
            return true;
        }

        LocalDate first = start.InZone(Zone).Date, last = end.InZone(Zone).Date;
        for (LocalDate day = first.PlusDays(-1); day <= last; day = day.PlusDays(1)) // the day before: its span may pass midnight's instant
        {
            if (Hours.On(day.DayOfWeek) is not (LocalTime open, LocalTime close))
            {
                continue;
            }

            if (Holidays is not null)
            {
                if (!Holidays.Covers(day))
                {
                    if (day < first)
                    {
                        continue; // the day before the span matters only when its span reaches into it
                    }

                    working = Duration.Zero;
                    return false;
                }

                if (_holidays.Contains(day))
                {
                    continue;
                }
            }

            Instant opens = day.At(open).InZoneLeniently(Zone).ToInstant();
            Instant closes = close == LocalTime.Midnight ? day.PlusDays(1).AtStartOfDayInZone(Zone).ToInstant() : day.At(close).InZoneLeniently(Zone).ToInstant();
            Instant from = opens > start ? opens : start, to = closes < end ? closes : end;
            if (to > from)
            {
                working += to - from;
            }
        }

        return true;
    }
}
