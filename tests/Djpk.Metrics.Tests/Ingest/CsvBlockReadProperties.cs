using System.Text;
using Djpk.Metrics.Csv;
using Djpk.Metrics.Ingest;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Djpk.Metrics.Tests.Serialization;

/// <summary>
/// The CSV reader's parallel block path gives exactly what Sylvan's sequential RFC 4180 parser gives: the same log, topic
/// table, report, rejections (line, column, reason, message) and strict exception, whatever the blocks, the threads and
/// the mix of simple lines and lines that send the rest of the input to the sequential parser.
/// </summary>
public class CsvBlockReadProperties
{
    private static readonly IngestOptions Limited = DjpkProfile.IngestOptions.WithMaxLineLength(256);

    private static readonly string[] Headers =
    [
        "timestamp,channel,segment,topic,user,id",
        " Timestamp , channel,segment,topic,user,id,note",
        "\"timestamp\",channel,segment,topic,user,id", // a quoted header: the whole read is sequential
        "\uFEFFtimestamp,channel,segment,topic,user,id", // a byte-order mark before the header
        "user,timestamp,id,segment,channel", // no topic column, another order
    ];

    /// <summary>Blocks of 0 (one line each), 700 bytes and 1 MiB on 1 to 3 threads, in collect and strict mode, give the sequential result.</summary>
    [Property(MaxTest = 300)]
    public Property Blocks_AndThreads_GiveTheSequentialResult(NonNegativeInt headerChoice, int[] kinds, int seed, bool finalBreak, PositiveInt detailsSeed, bool fallbacks)
    {
        string header = Headers[headerChoice.Get % Headers.Length];
        byte[] bytes = Render(header, kinds ?? [], seed, finalBreak);
        int details = detailsSeed.Get % 4;
        IngestOptions strict = fallbacks ? Limited.WithChannelFallback(DjpkChannels.Email).WithSegmentFallback(DjpkProfile.Catalog.Segments[0].Segment) : Limited;
        IngestOptions collect = strict.Collecting(details);
        string expected = Describe(bytes, collect, 1 << 20, sequential: true);
        string expectedStrict = Describe(bytes, strict, 1 << 20, sequential: true);
        Property result = true.Label("start");
        foreach (int threads in new[] { 1, 2, 3 })
        {
            foreach (int blockSize in new[] { 0, 700, 1 << 20 })
            {
                string got = Describe(bytes, collect.WithMaxDegreeOfParallelism(threads), blockSize, sequential: false);
                string gotStrict = Describe(bytes, strict.WithMaxDegreeOfParallelism(threads), blockSize, sequential: false);
                result = result
                    .And((got == expected).Label($"collect, {threads} threads, block {blockSize}:\n{got}\n---- expected\n{expected}"))
                    .And((gotStrict == expectedStrict).Label($"strict, {threads} threads, block {blockSize}"));
            }
        }

        return result;
    }

    /// <summary>
    /// The block path reads simple lines from their bytes: with text users (verbatim and normalised), declared timestamp
    /// formats, local times and constant channels it gives the sequential result too, on both cores and in small blocks.
    /// </summary>
    [Property(MaxTest = 150)]
    public Property TextUsersFormatsAndConstants_GiveTheSequentialResult(int[] kinds, int seed, NonNegativeInt variant)
    {
        (IngestOptions options, LogColumns columns) = (variant.Get % 5) switch
        {
            0 => (Limited, LogColumns.Default.WithUserIdentity()),
            1 => (Limited.WithUserNormalization(UserNormalization.Email), LogColumns.Default.WithUserIdentity()),
            2 => (Limited.WithTimestampFormats(TimestampFormat.Iso, TimestampFormat.UnixSeconds, TimestampFormat.Pattern("dd/MM/yyyy HH:mm")).WithLocalZone(NodaTime.DateTimeZoneProviders.Tzdb["Asia/Jakarta"]), LogColumns.Default),
            3 => (Limited.WithLocalZone(NodaTime.DateTimeZoneProviders.Tzdb["Europe/London"]).WithLocalTimeResolution(LocalTimeResolution.Later), LogColumns.Default.WithUserIdentity()),
            _ => (Limited, LogColumns.Default.WithConstantChannel(DjpkChannels.Email).WithUserIdentity()),
        };
        var random = new Random(seed);
        string[] times = ["2023-12-05T10:21:33+07:00", "1701745293", "05/12/2023 10:21", "2023-03-26T01:30:00", "2023-10-29T01:30:00", "2023-12-05 10:21", "-5", "2023-12-05T10:21:33"];
        string[] users = ["42", "Budi@Mail.com", " budi@mail.com", "0812-3456", "\u00e9l\u00e8ve", "ｘ", "-", "9223372036854775808", "", "abc def"];
        string[] channels = ["whatsapp", "WhatsApp", "telegram", "email"];
        var text = new StringBuilder("timestamp,channel,segment,topic,user,id\n");
        foreach (int kind in kinds ?? [])
        {
            text.Append(times[random.Next(times.Length)]).Append(',').Append(channels[random.Next(channels.Length)]).Append(",pemda,Topik ").Append(kind % 9)
                .Append(',').Append(users[random.Next(users.Length)]).Append(',').Append(random.Next(4) == 0 ? "r" + random.Next(5) : string.Empty).Append('\n');
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        IngestOptions collect = options.Collecting(3);
        string expected = Describe(bytes, collect, 1 << 20, sequential: true, columns);
        Property result = true.Label("start");
        foreach ((int threads, int blockSize) in new[] { (1, 1 << 20), (2, 300), (3, 0) })
        {
            string got = Describe(bytes, collect.WithMaxDegreeOfParallelism(threads), blockSize, sequential: false, columns);
            result = result.And((got == expected).Label($"variant {variant.Get % 5}, {threads} threads, block {blockSize}:\n{got}\n---- expected\n{expected}"));
        }

        return result;
    }

    /// <summary>A large simple file read in many blocks on both cores equals the sequential read, and a quote late in it hands the rest over without losing or renumbering a row.</summary>
    [Fact]
    public void ManyBlocks_WithAQuoteLate_EqualTheSequentialRead()
    {
        string text = LogText.WriteCsv(Support.SyntheticLogCase.Small.Log);
        string[] lines = text.Split("\r\n");
        int late = lines.Length * 3 / 4;
        lines[late] = lines[late].Replace(",pemda,", ",\"pemda\",", StringComparison.Ordinal);
        byte[] bytes = Encoding.UTF8.GetBytes(string.Join("\r\n", lines));
        string sequential = Describe(bytes, DjpkProfile.IngestOptions, 1 << 20, sequential: true);
        Assert.Equal(sequential, Describe(bytes, DjpkProfile.IngestOptions.WithMaxDegreeOfParallelism(2), 4096, sequential: false));
        Assert.Equal(sequential, Describe(bytes, DjpkProfile.IngestOptions.WithMaxDegreeOfParallelism(1), 0, sequential: false));
        Assert.Equal(Support.SyntheticLogCase.Small.Log.Count, CsvLogReader.Read(new MemoryStream(bytes), DjpkProfile.IngestOptions).Report.Accepted);
    }

    /// <summary>Rows whose channel or segment fell back, or whose local time was resolved, are counted in bulk runs as row by row.</summary>
    [Fact]
    public void BulkRuns_CountFallbacksAndResolvedTimes()
    {
        var text = new StringBuilder("timestamp,channel,segment,topic,user\n");
        for (int i = 0; i < 3000; i++)
        {
            text.Append(i % 3 == 0 ? "2023-12-05T10:00:00" : "2023-12-05T10:00:00+07:00").Append(i % 5 == 0 ? ",telegram," : ",whatsapp,").Append(i % 7 == 0 ? "alien" : "pemda").Append(",Topik,").Append(i).Append('\n');
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        IngestOptions options = DjpkProfile.IngestOptions.WithChannelFallback(DjpkChannels.Email).WithSegmentFallback(DjpkProfile.Catalog.Segments[0].Segment)
            .WithLocalZone(NodaTime.DateTimeZoneProviders.Tzdb["Asia/Jakarta"]);
        IngestReport report = CsvLogReader.Read(new MemoryStream(bytes), options, ',', null, null, 700, sequential: false).Report;
        Assert.Equal(3000, report.Accepted);
        Assert.Equal(600, report.MappedChannels);
        Assert.Equal(429, report.MappedSegments);
        Assert.Equal(Describe(bytes, options, 1 << 20, sequential: true), Describe(bytes, options, 700, sequential: false));
    }

    /// <summary>Progress comes every 65 536 rows from the block path as from a row-by-row read: the rows reported are exact multiples, then the total.</summary>
    [Fact]
    public void Progress_FallsOnTheSameRows()
    {
        var text = new StringBuilder("timestamp,channel,segment,topic,user\n");
        for (int i = 0; i < 200_000; i++)
        {
            text.Append(i % 7 == 0 ? "bad" : "2023-12-05T10:00:00+07:00").Append(",whatsapp,pemda,Topik ").Append(i % 50).Append(',').Append(i % 1000).Append('\n');
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        var reports = new List<long>();
        var progress = new SynchronousProgress(p => reports.Add(p.Rows));
        IngestResult result = CsvLogReader.Read(new MemoryStream(bytes), DjpkProfile.IngestOptions.Collecting(), ',', null, progress, 4096, sequential: false);
        Assert.Equal(200_000, result.Report.RowsRead);
        Assert.Equal([65_536, 131_072, 196_608, 200_000], reports);
    }

    private static byte[] Render(string header, int[] kinds, int seed, bool finalBreak)
    {
        var random = new Random(seed);
        var output = new List<byte>();
        output.AddRange(Encoding.UTF8.GetBytes(header));
        output.AddRange(random.Next(3) == 0 ? "\r\n"u8.ToArray() : "\n"u8.ToArray());
        bool noTopic = header.StartsWith("user", StringComparison.Ordinal);
        for (int i = 0; i < kinds.Length; i++)
        {
            output.AddRange(Line(kinds[i], random, noTopic));
            if (i < kinds.Length - 1 || finalBreak)
            {
                int end = random.Next(10);
                output.AddRange(end < 6 ? "\n"u8.ToArray() : end < 9 ? "\r\n"u8.ToArray() : "\r\r\n"u8.ToArray());
            }
        }

        return [.. output];
    }

    private static byte[] Line(int kind, Random random, bool noTopic)
    {
        string[] times = ["2023-12-05T10:21:33+07:00", "2023-12-31T23:59:59.9999999Z", "2024-02-29T00:00:00+14:00", "2023-13-01T00:00:00Z", "", "2023-12-05 10:21:33"];
        string[] channels = ["whatsapp", "phone", "email", "WhatsApp", "telegram", ""];
        string[] topics = ["DBH", "Dana Desa", "Pajak – é", "🙂 emoji", "", "  "];
        string[] users = ["42", "-7", "9223372036854775807", "+42", "abc", "", "6281234567890"];
        string time = times[random.Next(times.Length)];
        string channel = channels[random.Next(channels.Length)];
        string topic = topics[random.Next(topics.Length)];
        string user = users[random.Next(users.Length)];
        string segment = random.Next(4) == 0 ? "unknown-segment" : "pemda";
        string id = random.Next(3) != 0 ? string.Empty : "r" + random.Next(6);
        string plain = noTopic ? $"{user},{time},{id},{segment},{channel}" : $"{time},{channel},{segment},{topic},{user},{id}";
        switch (Math.Abs(kind % 50)) // mostly simple lines, so that the block path has runs before a line hands the rest over
        {
            case 0:
                return [];
            case 1:
                return " \t "u8.ToArray();
            case 2:
                return ",,,,"u8.ToArray();
            case 3:
                return Encoding.UTF8.GetBytes(plain.Replace(topic.Length > 0 ? topic : "pemda", "\"Dana, \"\"Desa\"\"\"", StringComparison.Ordinal)); // a quoted field
            case 4:
                return Encoding.UTF8.GetBytes(plain + ",\"a\nb\""); // a line break inside quotes
            case 5:
                return Encoding.UTF8.GetBytes("ab\"c," + plain); // a quote inside an unquoted field
            case 6:
                return Encoding.UTF8.GetBytes(plain.Insert(random.Next(plain.Length + 1), "\r")); // a lone CR
            case 7:
                return [.. Encoding.UTF8.GetBytes(plain), 0xC3]; // invalid UTF-8
            case 8:
                return Encoding.UTF8.GetBytes(plain + "," + new string('x', 300)); // longer than the limit
            case 9:
                return Encoding.UTF8.GetBytes(plain + ",extra,more,fields");
            case 10:
                return Encoding.UTF8.GetBytes(plain[..Math.Max(0, plain.LastIndexOf(','))]); // a field short
            case 11:
                return Encoding.UTF8.GetBytes(plain + "," + new string('y', 1200)); // longer than the limit and a small block
            default:
                return Encoding.UTF8.GetBytes(plain);
        }
    }

    /// <summary>Everything observable of a read: the log, its topic table, the report, or the exception's message.</summary>
    private static string Describe(byte[] bytes, IngestOptions options, int blockSize, bool sequential, LogColumns? columns = null) =>
        ReadDescription.Of(() => CsvLogReader.Read(new MemoryStream(bytes), options, ',', columns, null, blockSize, sequential));

    private sealed class SynchronousProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}
