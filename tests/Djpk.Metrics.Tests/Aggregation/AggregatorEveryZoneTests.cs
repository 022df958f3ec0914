using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Tests.Support;
using NodaTime;
using Xunit.Abstractions;

namespace Djpk.Metrics.Tests.Aggregation;

/// <summary>
/// The aggregator against a per-record <c>Instant.InZone(zone).Date</c> oracle, in every TZDB zone, around every offset
/// transition of 1970-2037. Links (aliases) are checked to have their canonical zone's offsets instead of being counted again.
/// </summary>
public sealed class AggregatorEveryZoneTests(ITestOutputHelper output)
{
    private static readonly PeriodGrain[] Grains = [PeriodGrain.Day, PeriodGrain.Week, PeriodGrain.Month, PeriodGrain.Quarter, PeriodGrain.Year];
    private static readonly Channel[] Channels = [DjpkChannels.WhatsApp, DjpkChannels.Phone, DjpkChannels.Email, DjpkChannels.HaiKemenkeu, DjpkChannels.LiveChat, DjpkChannels.Website];

    [Fact]
    public void Count_EveryZoneAroundEveryTransition_EqualsInZoneDateOfEachRecord()
    {
        var stopwatch = Stopwatch.StartNew();
        var failures = new ConcurrentQueue<string>();
        int zones = 0, transitions = 0, instants = 0;
        Parallel.ForEach(ZoneSamples.CanonicalZoneIds, zoneId =>
        {
            ZoneSamples samples = ZoneSamples.Of(DateTimeZoneProviders.Tzdb[zoneId]);
            foreach (string failure in Check(samples).Take(5))
            {
                failures.Enqueue(failure);
            }

            Interlocked.Increment(ref zones);
            Interlocked.Add(ref transitions, samples.Transitions);
            Interlocked.Add(ref instants, samples.Instants.Length);
        });

        output.WriteLine($"{zones} zones, {transitions} transitions, {instants} instants, {stopwatch.Elapsed.TotalSeconds:F1} s");
        Assert.True(failures.IsEmpty, $"{failures.Count} failures, such as:\n" + string.Join("\n", failures.Take(30)));
        Assert.Equal(ZoneSamples.CanonicalZoneIds.Count, zones);

        // Every other id is a link to one of these zones: the same offsets, so the same periods.
        Assert.All(ZoneSamples.ZoneIds, id => Assert.True(ZoneSamples.SameAsCanonical(id), id));
    }

    // Every way of counting the zone's sampled instants, each compared with the periods of the records' local dates.
    private static IEnumerable<string> Check(ZoneSamples samples)
    {
        DateTimeZone zone = samples.Zone;
        var calendar = new ReportingCalendar(zone);
        Instant[] instants = samples.Instants;
        LocalDate[] dates = [.. instants.Select(i => i.InZone(zone).Date)]; // the oracle
        Consultation[] records = [.. instants.Select((instant, i) => new Consultation(instant, Channels[i % Channels.Length], DjpkSegments.Pemda, new Topic("DBH"), new UserKey(i)))];
        Consultation[] shuffled = [.. records];
        new Random(instants.Length).Shuffle(shuffled);
        InteractionLog chronological = LogCase.Build(records);
        InteractionLog unordered = LogCase.Build(shuffled);
        var sequential = new Aggregator(calendar, 1);
        var parallel = new Aggregator(calendar, 3, minRecordsPerPart: 97, maxBitSetBytes: 1L << 30);
        var sorting = new Aggregator(calendar, 1, Aggregator.MinRecordsPerPart, maxBitSetBytes: 0);
        (Aggregator, InteractionLog)[] counters = [(sequential, chronological), (sequential, unordered), (parallel, chronological), (parallel, unordered)];
        (Aggregator, InteractionLog)[] userCounters = [(sequential, chronological), (parallel, unordered), (sorting, unordered)];

        foreach (PeriodGrain grain in Grains)
        {
            ReportingPeriod[] expected = [.. dates.Select(d => ReportingPeriod.Containing(d, grain))];
            var range = new PeriodRange(expected.Min(), expected.Max());
            var counts = new long[Channels.Length][];
            var users = new List<long>[range.Count];
            for (int c = 0; c < Channels.Length; c++)
            {
                counts[c] = new long[range.Count];
            }

            for (int i = 0; i < records.Length; i++)
            {
                int index = range.IndexOf(expected[i]);
                counts[i % Channels.Length][index]++;
                (users[index] ??= []).Add(i);
            }

            // The map itself, instant by instant.
            var map = new PeriodMap(calendar, range);
            for (int i = 0; i < instants.Length; i++)
            {
                int actual = map.IndexOf(instants[i].ToUnixTimeTicks());
                if (actual != range.IndexOf(expected[i]))
                {
                    yield return $"{zone.Id} {grain}: the map puts {instants[i]} ({instants[i].InZone(zone)}) in {(actual < 0 ? "none" : range[actual])}, not {expected[i]}";
                }
            }

            // Counts per period (and channel, but for days: 25 000 of them): sequential and parallel, chronological and
            // shuffled. The data spans every period of its own range, skipped dates included, so none is unknown (null).
            bool byChannel = grain != PeriodGrain.Day;
            long[][] expectedCounts = byChannel ? counts : [Sum(counts)];
            foreach ((Aggregator aggregator, InteractionLog log) in counters)
            {
                CountCube cube = aggregator.Count(log, AggregationRequest.PerPeriod(grain).By(byChannel ? AggregationDimensions.Channel : AggregationDimensions.None));
                for (int c = 0; c < expectedCounts.Length; c++)
                {
                    long?[] series = [.. cube.Series(byChannel ? Channels[c] : null)];
                    long[] expectedSeries = expectedCounts[c];
                    for (int p = 0; p < expectedSeries.Length; p++)
                    {
                        if (series[p] != expectedSeries[p])
                        {
                            yield return $"{zone.Id} {grain} {Describe(aggregator, log)}: {range[p]} {(byChannel ? Channels[c] : "all channels")} counts {series[p]?.ToString(CultureInfo.InvariantCulture) ?? "null"}, not {expectedSeries[p]}";
                        }
                    }
                }
            }

            // Exact user sets: every record has its own user, so each period's set names its records. A record is counted
            // once, so when every period with records has exactly its users, no other period can have any. Days, the
            // slowest grain, only take the sorting path: the bit-set path maps records as Count does.
            foreach ((Aggregator aggregator, InteractionLog log) in grain == PeriodGrain.Day ? userCounters[^1..] : userCounters)
            {
                DistinctUserCube cube = aggregator.CountDistinctUsers(log, AggregationRequest.PerPeriod(grain));
                for (int p = 0; p < range.Count; p++)
                {
                    if (users[p] is null)
                    {
                        continue;
                    }

                    long[] actual = [.. (cube.Users(range[p]) ?? []).Select(u => u.Value)];
                    if (!actual.SequenceEqual(users[p]))
                    {
                        yield return $"{zone.Id} {grain} {Describe(aggregator, log)}: {range[p]} has users [{string.Join(",", actual)}], not [{string.Join(",", users[p])}]";
                    }
                }
            }
        }
    }

    private static long[] Sum(long[][] counts)
    {
        var total = new long[counts[0].Length];
        foreach (long[] channel in counts)
        {
            for (int p = 0; p < total.Length; p++)
            {
                total[p] += channel[p];
            }
        }

        return total;
    }

    private static string Describe(Aggregator aggregator, InteractionLog log) =>
        $"({aggregator.MaxDegreeOfParallelism} threads, {(log.IsChronological ? "chronological" : "shuffled")})";
}
