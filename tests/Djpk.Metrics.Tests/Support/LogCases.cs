using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Djpk.Metrics.Tests.Support;

/// <summary>A generated log: its zone and records, clustered on the hard instants (local midnights, month ends, one tick either side).</summary>
public sealed record LogCase(string ZoneId, Consultation[] Records, PeriodGrain Grain, AggregationDimensions Dimensions, int[] Cuts)
{
    public ReportingCalendar Calendar => ReportingCalendar.ForZone(ZoneId);

    public InteractionLog Log() => Build(Records);

    public static InteractionLog Build(IEnumerable<Consultation> records) => new InteractionLogBuilder(DjpkProfile.Catalog).AddRange(records).Build();

    /// <summary>Splits the records at <see cref="Cuts"/> into consecutive parts (some possibly empty).</summary>
    public IEnumerable<Consultation[]> Parts()
    {
        int start = 0;
        foreach (int cut in Cuts.Select(c => c % (Records.Length + 1)).Order())
        {
            yield return Records[start..cut];
            start = cut;
        }

        yield return Records[start..];
    }

    public override string ToString() =>
        $"{ZoneId} {Grain} by {Dimensions}, cuts [{string.Join(",", Cuts)}], {Records.Length} records:\n  " + string.Join("\n  ", Records);
}

public static class LogCases
{
    public static readonly string[] Zones =
        ["Asia/Jakarta", "Europe/London", "America/Sao_Paulo", "Australia/Lord_Howe", "UTC", "America/New_York", "Asia/Kathmandu", "Pacific/Chatham"];

    private static readonly Channel[] Channels = [DjpkChannels.WhatsApp, DjpkChannels.Phone, DjpkChannels.Email, DjpkChannels.HaiKemenkeu, DjpkChannels.LiveChat, DjpkChannels.Website];
    private static readonly UserSegment[] Segments = [DjpkSegments.Akademisi, DjpkSegments.Pemda, DjpkSegments.KementerianLembaga, DjpkSegments.Lainnya];
    private static readonly Topic[] Topics = [new("Reservasi"), new("DBH"), new("DAK Non Fisik"), new("Surat Masuk"), Topic.Unspecified];

    public static Arbitrary<LogCase> Cases()
    {
        Gen<LogCase> gen =
            from zoneId in Gen.Elements(Zones)
            from grain in Gen.Elements(PeriodGrain.Day, PeriodGrain.Week, PeriodGrain.Month, PeriodGrain.Quarter, PeriodGrain.Year)
            from dimensions in Gen.Choose(0, 7).Select(d => (AggregationDimensions)d)
            from size in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Constant(1)), (8, Gen.Choose(2, 120)))
            from oneInstant in Gen.Frequency((1, Gen.Constant(true)), (9, Gen.Constant(false)))
            from instants in Gen.ArrayOf(InstantNearBoundary(zoneId), size)
            from fields in Gen.ArrayOf(Fields(), size)
            from cutCount in Gen.Choose(0, 3)
            from cuts in Gen.ArrayOf(Gen.Choose(0, 200), cutCount)
            select new LogCase(
                zoneId,
                fields.Select((f, i) => new Consultation(oneInstant ? instants[0] : instants[i], f.Channel, f.Segment, f.Topic, f.User)).ToArray(),
                grain,
                dimensions,
                cuts);
        return Arb.From(gen, Shrink);
    }

    private static Gen<(Channel Channel, UserSegment Segment, Topic Topic, UserKey User)> Fields() =>
        from channel in Gen.Elements(Channels)
        from segment in Gen.Elements(Segments)
        from topic in Gen.Elements(Topics)
        from user in Gen.Choose(0, 25)
        select (channel, segment, topic, new UserKey(user * 7919L));

    // A local midnight at a month or year boundary (or any day) in 2019-2021, then a nudge: a tick, a second, an hour, or more.
    private static Gen<Instant> InstantNearBoundary(string zoneId)
    {
        DateTimeZone zone = DateTimeZoneProviders.Tzdb[zoneId];
        return from year in Gen.Choose(2019, 2021)
               from month in Gen.Frequency((3, Gen.Constant(1)), (2, Gen.Constant(12)), (5, Gen.Choose(1, 12)))
               from day in Gen.Frequency((6, Gen.Constant(1)), (4, Gen.Choose(1, 28)))
               from nudge in Gen.Elements(0L, 1L, -1L, NodaConstants.TicksPerSecond, -NodaConstants.TicksPerHour, NodaConstants.TicksPerHour * 5, NodaConstants.TicksPerDay * 3)
               select zone.AtStartOfDay(new LocalDate(year, month, day)).ToInstant() + Duration.FromTicks(nudge);
    }

    private static IEnumerable<LogCase> Shrink(LogCase c)
    {
        for (int i = 0; i < c.Records.Length; i++)
        {
            yield return c with { Records = c.Records.Where((_, j) => j != i).ToArray() };
        }
    }
}
