using Djpk.Metrics.Logs;
using NodaTime;

namespace Djpk.Metrics.Testing;

/// <summary>
/// A deterministic synthetic consultation log with DJPK's mix: channels about 76% WhatsApp, 10% phone, 8% e-mail,
/// 4% HAI Kemenkeu and 2% live chat; segments about 78% Pemda, 13% Lainnya, 6% Kementerian/Lembaga, 3% Akademisi;
/// Zipf-like topics; a fixed population of users; timestamps in chronological order over a span of years.
/// </summary>
/// <remarks>The same arguments give the same log on every machine. The raw columns are kept for hand-written baselines.</remarks>
public sealed class SyntheticLog
{
    public const int DefaultSeed = 20231231;

    private static readonly string[] NamedTopics =
    [
        "Reservasi", "DBH", "DAK Non Fisik", "Permintaan Data", "Surat Masuk", "Dana Desa", "DAU", "APBD", "SIKD", "Lainnya",
    ];

    private SyntheticLog(long[] ticks, byte[] channels, byte[] segments, ushort[] topics, long[] users, InteractionLog log)
    {
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

    /// <summary>Generates <paramref name="records"/> chronological records between <paramref name="start"/> and <paramref name="end"/>.</summary>
    public static SyntheticLog Generate(int records, int userCount, int topicCount, Instant start, Instant end, int seed)
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
        for (int i = 0; i < records; i++)
        {
            builder.Add(new Consultation(
                Instant.FromUnixTimeTicks(ticks[i]),
                DjpkProfile.Catalog.Channels[channels[i]].Channel,
                DjpkProfile.Catalog.Segments[segments[i]].Segment,
                topicNames[topics[i]],
                new UserKey(users[i])));
        }

        return new SyntheticLog(ticks, channels, segments, topics, users, builder.Build());
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
