using NodaTime;

namespace Djpk.Metrics.Periods;

/// <summary>Maps instants to reporting periods in one time zone: an instant belongs to the period of its local date.</summary>
/// <remarks>
/// <para>Immutable. Every IANA zone is exact, daylight saving included: an instant's period is that of its local date in the zone
/// (<see cref="PeriodOf"/>), which is the rule the aggregator follows for every record.</para>
/// <para>A period starts at the first instant whose local date is its first day or later (<see cref="StartOf"/>): local
/// midnight, the earlier one when the clocks pass midnight twice, or the transition when a gap skips midnight (01:00 where
/// clocks spring forward at 00:00). Two rare transitions make that start an approximation of the period's instants, never an error:</para>
/// <list type="bullet">
/// <item><description>Clocks that fall back across midnight (say from 00:01 to 23:01 of the day before, as in
/// <c>America/St_Johns</c> until 2011) split the earlier date in two: its repeated hour comes after the next date has
/// started, so it lies inside the next period's <see cref="IntervalOf"/>, yet belongs to the earlier period.</description></item>
/// <item><description>A zone that skips a whole local date (<c>Pacific/Apia</c> on 2011-12-30, <c>Pacific/Kiritimati</c> on
/// 1994-12-31) gives that day no instants: it starts where the next date starts, and its interval is empty.</description></item>
/// </list>
/// <para>DJPK's zone is <c>Asia/Jakarta</c> (WIB, UTC+7): <see cref="Jakarta"/>.</para>
/// </remarks>
public sealed class ReportingCalendar
{
    /// <summary>Creates the calendar of <paramref name="zone"/>.</summary>
    /// <param name="zone">The zone whose local midnights bound the periods.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    public ReportingCalendar(DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
    }

    /// <summary>Gets the calendar of DJPK, in <c>Asia/Jakarta</c> (WIB, UTC+7).</summary>
    public static ReportingCalendar Jakarta { get; } = new(DateTimeZoneProviders.Tzdb["Asia/Jakarta"]);

    /// <summary>Gets the zone.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Returns the calendar of the IANA zone <paramref name="zoneId"/>, such as "Asia/Makassar".</summary>
    /// <param name="zoneId">The IANA (TZDB) zone id.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zoneId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="zoneId"/> is not a TZDB zone id.</exception>
    public static ReportingCalendar ForZone(string zoneId)
    {
        ArgumentNullException.ThrowIfNull(zoneId);
        DateTimeZone? zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
        return zone is null
            ? throw new ArgumentException($"'{zoneId}' is not a time zone id of the TZDB, such as 'Asia/Jakarta'.", nameof(zoneId))
            : new ReportingCalendar(zone);
    }

    /// <summary>Returns the local date of <paramref name="instant"/> in the zone.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The date on a wall calendar in the zone at that instant.</returns>
    public LocalDate DateOf(Instant instant) => instant.InZone(Zone).Date;

    /// <summary>Returns the period of <paramref name="grain"/> that contains <paramref name="instant"/> in the zone.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="grain">The length of the period.</param>
    /// <returns>The period of the instant's local date (<c>instant.InZone(Zone).Date</c>), including in the hour a fall-back repeats.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The local date is before year 1, or <paramref name="grain"/> is not defined.</exception>
    public ReportingPeriod PeriodOf(Instant instant, PeriodGrain grain) => ReportingPeriod.Containing(DateOf(instant), grain);

    /// <summary>Returns the instant <paramref name="period"/> starts: the first instant whose local date is its first day or later.</summary>
    /// <param name="period">The period.</param>
    /// <returns>
    /// The start instant (inclusive): local midnight of the first day, the earlier one when the clocks pass midnight twice,
    /// the end of the gap when they skip midnight, and the start of the next existing date when the zone skips the whole
    /// first day. Never throws for a valid period, in any zone.
    /// </returns>
    public Instant StartOf(ReportingPeriod period) =>
        Instant.FromUnixTimeTicks(ZoneDays.FirstInstantAtOrAfter(Zone, ZoneDays.LocalTicksOfDay(PeriodDays.FirstDayOf(period.Grain, period.Index))));

    /// <summary>Returns the instants from the start of <paramref name="period"/> to the start of the next period.</summary>
    /// <param name="period">The period.</param>
    /// <returns>
    /// The half-open interval [<see cref="StartOf"/>(<paramref name="period"/>), <see cref="StartOf"/>(next)); its end is
    /// unbounded for the last period of year 9999. It is empty for a period whose every date the zone skipped (a day such as
    /// <c>Pacific/Apia</c>'s 2011-12-30). When the clocks fall back across the period's end from after midnight, the repeated
    /// hour belongs to this period but lies after the interval's end; <see cref="PeriodOf"/> is exact for every instant.
    /// Never throws for a valid period, in any zone.
    /// </returns>
    public Interval IntervalOf(ReportingPeriod period)
    {
        Instant start = StartOf(period);
        return period.Index < ReportingPeriod.MaxIndex(period.Grain)
            ? new Interval(start, StartOf(period.Next()))
            : new Interval(start, null);
    }

    /// <summary>Returns the range of periods from the one containing <paramref name="earliest"/> to the one containing <paramref name="latest"/>.</summary>
    /// <param name="earliest">The first instant.</param>
    /// <param name="latest">The last instant, not before <paramref name="earliest"/>.</param>
    /// <param name="grain">The length of the periods.</param>
    /// <returns>The gap-free range.</returns>
    /// <exception cref="ArgumentException"><paramref name="latest"/> is before <paramref name="earliest"/>.</exception>
    public PeriodRange RangeOf(Instant earliest, Instant latest, PeriodGrain grain)
    {
        if (latest < earliest)
        {
            throw new ArgumentException("The latest instant must not be before the earliest.", nameof(latest));
        }

        return new PeriodRange(PeriodOf(earliest, grain), PeriodOf(latest, grain));
    }

    /// <summary>Returns the zone id.</summary>
    /// <returns>The zone id, such as "Asia/Jakarta".</returns>
    public override string ToString() => Zone.Id;
}
