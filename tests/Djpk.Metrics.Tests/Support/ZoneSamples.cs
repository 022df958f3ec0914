using NodaTime;
using NodaTime.TimeZones;

namespace Djpk.Metrics.Tests.Support;

/// <summary>
/// The hard instants of a TZDB zone from 1970 to 2037: one tick before, at and after each offset transition and each local
/// midnight (every occurrence) within a day of it, plus each year's and some months' first midnight.
/// </summary>
public sealed class ZoneSamples
{
    public static readonly Instant From = Instant.FromUtc(1970, 1, 1, 0, 0);
    public static readonly Instant To = Instant.FromUtc(2038, 1, 1, 0, 0);

    private static readonly Duration Tick = Duration.FromTicks(1);

    private ZoneSamples(DateTimeZone zone, Instant[] instants, int transitions)
    {
        Zone = zone;
        Instants = instants;
        Transitions = transitions;
    }

    public DateTimeZone Zone { get; }

    /// <summary>Gets the sampled instants, sorted, without duplicates.</summary>
    public Instant[] Instants { get; }

    /// <summary>Gets the number of offset transitions from 1970 to 2037.</summary>
    public int Transitions { get; }

    /// <summary>Gets the local dates on either side of each transition and a day further out: where dates are split, skipped or shortened.</summary>
    public IEnumerable<LocalDate> DatesNearTransitions => TransitionInstants(Zone).SelectMany(t => DatesAround(Zone, t)).Distinct();

    /// <summary>Gets every zone id of the TZDB that NodaTime ships, aliases included.</summary>
    public static IReadOnlyList<string> ZoneIds => DateTimeZoneProviders.Tzdb.Ids;

    /// <summary>Gets the canonical zone ids of the TZDB: every other id is a link to one of them, with the same rules.</summary>
    public static IReadOnlyList<string> CanonicalZoneIds { get; } =
        [.. TzdbDateTimeZoneSource.Default.CanonicalIdMap.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Returns whether <paramref name="zoneId"/> has exactly the offsets of its canonical zone from 1970 to 2037.</summary>
    public static bool SameAsCanonical(string zoneId)
    {
        string canonical = TzdbDateTimeZoneSource.Default.CanonicalIdMap[zoneId];
        return DateTimeZoneProviders.Tzdb[zoneId].GetZoneIntervals(From, To).Select(i => (i.HasStart ? i.Start : Instant.MinValue, i.WallOffset))
            .SequenceEqual(DateTimeZoneProviders.Tzdb[canonical].GetZoneIntervals(From, To).Select(i => (i.HasStart ? i.Start : Instant.MinValue, i.WallOffset)));
    }

    public static ZoneSamples Of(DateTimeZone zone)
    {
        var instants = new HashSet<Instant>();
        List<Instant> transitions = TransitionInstants(zone);
        foreach (Instant transition in transitions)
        {
            AddAround(instants, transition);
            foreach (LocalDate date in DatesAround(zone, transition))
            {
                ZoneLocalMapping midnight = zone.MapLocal(date.AtMidnight());
                if (midnight.Count > 0)
                {
                    AddAround(instants, midnight.First().ToInstant());
                    AddAround(instants, midnight.Last().ToInstant());
                }

                AddAround(instants, zone.MapLocal(date.At(new LocalTime(23, 30))) is { Count: > 0 } late ? late.Last().ToInstant() : transition);
            }
        }

        // Ordinary boundaries too, so zones without transitions are covered: every new year, and every month of a few years.
        for (int year = 1970; year <= 2037; year++)
        {
            AddMidnight(instants, zone, new LocalDate(year, 1, 1));
            if (year % 17 == 0 || year == 2037)
            {
                for (int month = 2; month <= 12; month++)
                {
                    AddMidnight(instants, zone, new LocalDate(year, month, 1));
                }
            }
        }

        return new ZoneSamples(zone, [.. instants.Where(i => i >= From && i < To).Order()], transitions.Count);
    }

    /// <summary>Returns the local dates <paramref name="zone"/> skipped entirely from 1900 to 2037, found from its offset transitions.</summary>
    public static IEnumerable<LocalDate> SkippedDates(DateTimeZone zone)
    {
        foreach (ZoneInterval interval in zone.GetZoneIntervals(Instant.FromUtc(1900, 1, 1, 0, 0), To).Where(i => i.HasStart && i.Start > Instant.FromUtc(1900, 1, 1, 0, 0)))
        {
            LocalDate before = (interval.Start - Tick).InZone(zone).Date;
            for (LocalDate date = before.PlusDays(1); date < interval.Start.InZone(zone).Date; date = date.PlusDays(1))
            {
                yield return date;
            }
        }
    }

    // The zone intervals' starts strictly inside 1970-2037: the instants where the offset changes.
    private static List<Instant> TransitionInstants(DateTimeZone zone) =>
        [.. zone.GetZoneIntervals(From, To).Where(i => i.HasStart && i.Start > From && i.Start < To).Select(i => i.Start)];

    private static IEnumerable<LocalDate> DatesAround(DateTimeZone zone, Instant transition)
    {
        LocalDate before = (transition - Tick).InZone(zone).Date;
        LocalDate after = transition.InZone(zone).Date;
        LocalDate first = (before < after ? before : after).PlusDays(-1);
        LocalDate last = (before < after ? after : before).PlusDays(1);
        for (LocalDate date = first; date <= last; date = date.PlusDays(1))
        {
            yield return date;
        }
    }

    private static void AddMidnight(HashSet<Instant> instants, DateTimeZone zone, LocalDate date)
    {
        ZoneLocalMapping midnight = zone.MapLocal(date.AtMidnight());
        if (midnight.Count > 0)
        {
            AddAround(instants, midnight.First().ToInstant());
        }
    }

    private static void AddAround(HashSet<Instant> instants, Instant instant)
    {
        instants.Add(instant - Tick);
        instants.Add(instant);
        instants.Add(instant + Tick);
    }

    public override string ToString() => $"{Zone.Id}: {Instants.Length} instants, {Transitions} transitions";
}
