using NodaTime;
using NodaTime.TimeZones;

namespace Djpk.Metrics.Periods;

/// <summary>Finds where local days begin in a zone by walking its zone intervals, so that no local date, skipped or repeated, is a special case.</summary>
internal static class ZoneDays
{
    /// <summary>Gets the Unix ticks of <see cref="Instant.MaxValue"/>, the last instant there is.</summary>
    public static long MaxTicks { get; } = Instant.MaxValue.ToUnixTimeTicks();

    /// <summary>Returns the Unix ticks of local midnight at the start of day <paramref name="day"/> (days since 0001-01-01) as if the offset were zero.</summary>
    public static long LocalTicksOfDay(int day) => (day - (long)CivilDays.UnixEpochDay) * NodaConstants.TicksPerDay;

    /// <summary>Returns the day (since 0001-01-01) of the local date-time whose Unix ticks, offset included, are <paramref name="localTicks"/>.</summary>
    public static int DayOfLocalTicks(long localTicks) =>
        (int)(PeriodDays.FloorDivide(localTicks, NodaConstants.TicksPerDay) + CivilDays.UnixEpochDay);

    /// <summary>Returns the first instant (Unix ticks) whose local date-time in <paramref name="zone"/> is at or after <paramref name="localTicks"/>.</summary>
    /// <remarks>
    /// That is the earlier occurrence of a local time the clocks pass twice, the transition itself for a local time they skip,
    /// and, when they skip a whole local date, the first instant of the next date that exists. Offsets lie within ±18 hours,
    /// so the walk starts a day earlier and ends within a day later.
    /// </remarks>
    public static long FirstInstantAtOrAfter(DateTimeZone zone, long localTicks)
    {
        long t = localTicks - NodaConstants.TicksPerDay;
        while (true)
        {
            ZoneInterval interval = zone.GetZoneInterval(Instant.FromUnixTimeTicks(t));
            long offset = interval.WallOffset.Ticks;
            if (t + offset >= localTicks)
            {
                return t; // the clocks jumped past the local time at the start of this interval
            }

            long candidate = localTicks - offset;
            if (!interval.HasEnd || candidate < interval.End.ToUnixTimeTicks())
            {
                return candidate;
            }

            t = interval.End.ToUnixTimeTicks();
        }
    }
}
