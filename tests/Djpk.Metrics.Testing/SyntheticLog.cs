using Djpk.Metrics.Logs;
using NodaTime;

namespace Djpk.Metrics.Testing;

/// <summary>
/// A deterministic synthetic consultation log with DJPK's mix: channels about 76% WhatsApp, 10% phone, 8% e-mail,
/// 4% HAI Kemenkeu and 2% live chat; segments about 78% Pemda, 13% Lainnya, 6% Kementerian/Lembaga, 3% Akademisi;
/// Zipf-like topics; a fixed population of users; timestamps in chronological order over a span of years.
/// </summary>
/// <remarks>
/// <para>The same arguments give the same log on every machine. The raw columns are kept for hand-written baselines.</para>
/// <para>With service fields (<see cref="GenerateWithService"/>), each record also has a first response, an end, an
/// outcome, an agent and sometimes a satisfaction score, in whole seconds as exports have them: log-normal response
/// times per channel (a call in about 15 s, a chat in about 45 s, a WhatsApp message in about 10 minutes and an e-mail
/// in about 3 hours during office hours), messages outside Monday to Friday 08:00–17:00 Jakarta time waiting for the
/// next opening, about 8% of calls and 5% of chats abandoned (a third of those within 5 s), log-normal handle times, and
/// scores from 30% of users, lower after long waits. All of it is synthetic: the published report has no such figures.</para>
/// </remarks>
public sealed class SyntheticLog
{
    public const int DefaultSeed = 20231231;

    private static readonly string[] NamedTopics =
    [
        "Reservasi", "DBH", "DAK Non Fisik", "Permintaan Data", "Surat Masuk", "Dana Desa", "DAU", "APBD", "SIKD", "Lainnya",
    ];

    private SyntheticLog(long[] ticks, byte[] channels, byte[] segments, ushort[] topics, long[] users, InteractionLog log, long[]? responses = null)
    {
        Responses = responses;
        Ticks = ticks;
        Channels = channels;
        Segments = segments;
        Topics = topics;
        Users = users;
        Log = log;
    }

    /// <summary>Gets the time of each record, in Unix ticks.</summary>
    public long[] Ticks { get; }

    /// <summary>Gets the channel code of each record (the position in <see cref="DjpkProfile.Catalog"/>).</summary>
    public byte[] Channels { get; }

    /// <summary>Gets the segment code of each record.</summary>
    public byte[] Segments { get; }

    /// <summary>Gets the topic number of each record (0 is the most frequent).</summary>
    public ushort[] Topics { get; }

    /// <summary>Gets the user key of each record.</summary>
    public long[] Users { get; }

    /// <summary>Gets the first-response time of each record in Unix ticks (<see cref="long.MinValue"/> for none), when generated with service fields.</summary>
    public long[]? Responses { get; }

    /// <summary>Gets the log built from the records.</summary>
    public InteractionLog Log { get; }

    /// <summary>Gets the first instant of the default span: 2019-01-01 in Jakarta.</summary>
    public static Instant DefaultStart { get; } = Instant.FromUtc(2018, 12, 31, 17, 0);

    /// <summary>Gets the end of the default span: 2025-01-01 in Jakarta.</summary>
    public static Instant DefaultEnd { get; } = Instant.FromUtc(2024, 12, 31, 17, 0);

    /// <summary>Returns the topic of number <paramref name="number"/>: the real names first, then "Topik N".</summary>
    public static Topic TopicNamed(int number) =>
        new(number < NamedTopics.Length ? NamedTopics[number] : $"Topik {number:D3}");

    /// <summary>Generates <paramref name="records"/> records from <paramref name="userCount"/> users over the default span.</summary>
    public static SyntheticLog Generate(int records, int userCount = 2_500_000, int topicCount = 200, int seed = DefaultSeed) =>
        Generate(records, userCount, topicCount, DefaultStart, DefaultEnd, seed);

    /// <summary>Generates <paramref name="records"/> records over the default span, each with synthetic service fields (see the remarks).</summary>
    public static SyntheticLog GenerateWithService(int records, int userCount = 2_500_000, int topicCount = 200, int seed = DefaultSeed) =>
        Generate(records, userCount, topicCount, DefaultStart, DefaultEnd, seed, service: true);

    /// <summary>Generates <paramref name="records"/> chronological records between <paramref name="start"/> and <paramref name="end"/>, with service fields when <paramref name="service"/> is set.</summary>
    public static SyntheticLog Generate(int records, int userCount, int topicCount, Instant start, Instant end, int seed, bool service = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(records);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(userCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(topicCount);
        var random = new Random(seed);
        double[] topicWeights = Enumerable.Range(1, topicCount).Select(k => 1.0 / Math.Pow(k, 1.1)).ToArray();
        double[] topicCumulative = Cumulative(topicWeights);
        double[] channelCumulative = Cumulative([76, 10, 8, 4, 2]);
        double[] segmentCumulative = Cumulative([3, 78, 6, 13]); // akademisi, pemda, kementerian-lembaga, lainnya
        long[] userKeys = new long[userCount];
        for (int u = 0; u < userCount; u++)
        {
            userKeys[u] = Mix((ulong)u + 1);
        }

        var ticks = new long[records];
        var channels = new byte[records];
        var segments = new byte[records];
        var topics = new ushort[records];
        var users = new long[records];
        long from = start.ToUnixTimeTicks();
        long span = end.ToUnixTimeTicks() - from;
        double step = records == 0 ? 0 : (double)span / records;
        for (int i = 0; i < records; i++)
        {
            ticks[i] = from + (long)((i + random.NextDouble()) * step);
            channels[i] = (byte)Pick(channelCumulative, random.NextDouble());
            segments[i] = (byte)Pick(segmentCumulative, random.NextDouble());
            topics[i] = (ushort)Pick(topicCumulative, random.NextDouble());
            users[i] = userKeys[random.Next(userCount)];
        }

        var builder = new InteractionLogBuilder(DjpkProfile.Catalog);
        Topic[] topicNames = Enumerable.Range(0, topicCount).Select(TopicNamed).ToArray();
        long[]? responses = service ? new long[records] : null;
        var serviceRandom = new Random(seed ^ 0x5E7F1CE);
        for (int i = 0; i < records; i++)
        {
            var consultation = new Consultation(
                Instant.FromUnixTimeTicks(ticks[i]),
                DjpkProfile.Catalog.Channels[channels[i]].Channel,
                DjpkProfile.Catalog.Segments[segments[i]].Segment,
                topicNames[topics[i]],
                new UserKey(users[i]));
            if (service)
            {
                consultation = WithService(consultation, serviceRandom);
                responses![i] = consultation.FirstResponse?.ToUnixTimeTicks() ?? long.MinValue;
            }

            builder.Add(consultation);
        }

        return new SyntheticLog(ticks, channels, segments, topics, users, builder.Build(), responses);
    }

    // The synthetic service fields of one contact (see the class remarks).
    private static Consultation WithService(Consultation c, Random random)
    {
        string channel = c.Channel.Id;
        (double median, double sigma, double abandon, double handleMedian, bool waitsForOffice) = channel switch
        {
            "phone" => (15.0, 0.8, 0.08, 240.0, false),
            "live-chat" => (45.0, 0.9, 0.05, 480.0, false),
            "whatsapp" => (600.0, 1.0, 0.0, 900.0, true),
            "email" => (3 * 3600.0, 0.9, 0.0, 1200.0, true),
            _ => (120.0, 1.0, 0.02, 300.0, false),
        };
        long arrival = c.Timestamp.ToUnixTimeTicks();
        if (random.NextDouble() < abandon)
        {
            double gaveUp = random.NextDouble() < 1.0 / 3 ? random.Next(1, 5) : LogNormal(random, 30, 0.7);
            return c with { End = c.Timestamp + Duration.FromSeconds(Math.Ceiling(gaveUp)), Outcome = Outcome.Abandoned };
        }

        long start = waitsForOffice ? NextOpening(arrival) : arrival;
        long response = WholeSeconds(start + (long)(LogNormal(random, median, sigma) * NodaConstants.TicksPerSecond), arrival);
        long end = WholeSeconds(response + (long)(LogNormal(random, handleMedian, 0.8) * NodaConstants.TicksPerSecond), response);
        double u = random.NextDouble();
        Outcome outcome = u < 0.80 ? Outcome.Resolved : u < 0.92 ? Outcome.Unresolved : Outcome.Transferred;
        int? score = null;
        if (random.NextDouble() < 0.3)
        {
            double waitedMinutes = (response - arrival) / (double)NodaConstants.TicksPerMinute;
            double mean = waitedMinutes < 5 ? 4.5 : waitedMinutes < 60 ? 4.0 : 3.2;
            score = (int)Math.Clamp(Math.Round(mean + ((random.NextDouble() - 0.5) * 2.5)), 1, 5);
        }

        return c with
        {
            FirstResponse = Instant.FromUnixTimeTicks(response),
            End = Instant.FromUnixTimeTicks(end),
            Outcome = outcome,
            Agent = new AgentKey(1000 + random.Next(25)),
            Satisfaction = score,
        };
    }

    private static double LogNormal(Random random, double median, double sigma)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        double normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return median * Math.Exp(sigma * normal);
    }

    // Rounds up to a whole second of Unix time, and never before the floor.
    private static long WholeSeconds(long ticks, long floor)
    {
        long rounded = (ticks + NodaConstants.TicksPerSecond - 1) / NodaConstants.TicksPerSecond * NodaConstants.TicksPerSecond;
        return Math.Max(rounded, floor);
    }

    // The next instant the office is open (Monday to Friday 08:00-17:00 in Jakarta, UTC+7 all year), or the instant itself.
    private static long NextOpening(long ticks)
    {
        const long Offset = 7 * NodaConstants.TicksPerHour;
        long local = ticks + Offset;
        long day = Math.DivRem(local, NodaConstants.TicksPerDay, out long timeOfDay);
        for (int step = 0; step < 8; step++, day++, timeOfDay = 0)
        {
            var weekday = (IsoDayOfWeek)((((day + 3) % 7) + 7) % 7 + 1); // 1970-01-01 was a Thursday
            if (weekday is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday || timeOfDay >= 17 * NodaConstants.TicksPerHour)
            {
                continue;
            }

            long open = Math.Max(timeOfDay, 8 * NodaConstants.TicksPerHour);
            return (day * NodaConstants.TicksPerDay) + open - Offset;
        }

        return ticks;
    }

    /// <summary>Returns the same records in a random order (a fixed seed): a log that is not chronological.</summary>
    public InteractionLog Shuffled(int seed = DefaultSeed)
    {
        int[] order = Enumerable.Range(0, Ticks.Length).ToArray();
        new Random(seed).Shuffle(order);
        var builder = new InteractionLogBuilder(DjpkProfile.Catalog);
        foreach (int i in order)
        {
            builder.Add(Log[i]);
        }

        return builder.Build();
    }

    private static double[] Cumulative(double[] weights)
    {
        double total = weights.Sum();
        var cumulative = new double[weights.Length];
        double running = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            running += weights[i] / total;
            cumulative[i] = running;
        }

        cumulative[^1] = 1.0;
        return cumulative;
    }

    private static int Pick(double[] cumulative, double u)
    {
        int index = Array.BinarySearch(cumulative, u);
        return Math.Min(index >= 0 ? index : ~index, cumulative.Length - 1);
    }

    // SplitMix64 finaliser: distinct inputs give distinct, well-spread keys.
    private static long Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return unchecked((long)(x ^ (x >> 31)));
    }
}
