using NodaTime;

namespace Djpk.Metrics.Periods;

/// <summary>Maps instants to reporting periods in one time zone: a period starts at local midnight of its first day.</summary>
/// <remarks>
/// Immutable. Every IANA zone is exact, daylight saving included: a period's boundary is the start of its first day in
/// the zone (<see cref="DateTimeZone.AtStartOfDay"/>), which is 01:00 where a daylight-saving gap skips midnight.
/// DJPK's zone is <c>Asia/Jakarta</c> (WIB, UTC+7): <see cref="Jakarta"/>.
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
    /// <returns>The period of the instant's local date.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The local date is before year 1, or <paramref name="grain"/> is not defined.</exception>
    public ReportingPeriod PeriodOf(Instant instant, PeriodGrain grain) => ReportingPeriod.Containing(DateOf(instant), grain);

    /// <summary>Returns the instant <paramref name="period"/> starts: local midnight of its first day, or the first valid instant of that day.</summary>
    /// <param name="period">The period.</param>
    /// <returns>The start instant (inclusive).</returns>
    public Instant StartOf(ReportingPeriod period) => Zone.AtStartOfDay(period.Start).ToInstant();

    /// <summary>Returns the instants of <paramref name="period"/>: from its start to the start of the next period.</summary>
    /// <param name="period">The period.</param>
    /// <returns>The half-open interval; its end is unbounded for the last period of year 9999.</returns>
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
