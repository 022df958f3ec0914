using System.Text;
using Djpk.Metrics.Ingest;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Djpk.Metrics.Tests.Serialization;

/// <summary>
/// The JSON Lines reader's fast scanner for plain flat lines reads every line exactly as Utf8JsonReader alone does: the
/// same log, topics, report, rejections and strict exception, on lines built to sit on the edge of what it takes
/// (spacing, field order, escapes, nulls, numbers that are not 64-bit integers, duplicates, unknown fields, aliases).
/// </summary>
public class JsonLinesFastLineProperties
{
    private static readonly string[] Times = ["\"2023-12-05T10:21:33+07:00\"", "\"2023-12-31T23:59:59.9999999Z\"", "\"2023-12-05T10:21:33\"", "\"2023-13-01T00:00:00Z\"", "\"\"", "1701745293", "null", "\"2023-12-05T10:21:33\\u002B07:00\""];
    private static readonly string[] Channels = ["\"whatsapp\"", "\"phone\"", "\"WhatsApp\"", "\"telegram\"", "\"\"", "\"what\\u0073app\"", "7", "null", "[\"email\"]"];
    private static readonly string[] Segments = ["\"pemda\"", "\"akademisi\"", "\"Pemda\"", "\"unknown\"", "null"];
    private static readonly string[] Topics = ["\"DBH\"", "\"Dana Desa\"", "\"Pajak – é\"", "\"🙂\"", "\"\"", "\"  \"", "null", "\"Dana \\\"Desa\\\"\"", "\"a\tb\"", "12"];
    private static readonly string[] Users = ["42", "-7", "-0", "0", "01", "1.0", "1e3", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "\"42\"", "\"+62 812\"", "\" 42\"", "\"\"", "\"é\"", "null", "true", "\"u\\u0031\"", "\"u\t1\""];
    private static readonly string[] Ids = ["\"r1\"", "\"r2\"", "1", "1.5", "\"r\\u0031\"", "null", "\"r\t1\""];
    private static readonly string[] Spaces = ["", "", "", " ", "\t", "  "];

    /// <summary>Fast scanner on = fast scanner off, in collect mode (with and without fallbacks) and in strict mode.</summary>
    [Property(MaxTest = 400)]
    public Property FastScanner_ReadsLikeTheJsonReader(int[] shapes, int seed, bool fallbacks)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        foreach (int shape in shapes ?? [])
        {
            text.Append(Line(shape, random)).Append(random.Next(5) == 0 ? "\r\n" : "\n");
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        IngestOptions strict = fallbacks ? DjpkProfile.IngestOptions.WithChannelFallback(DjpkChannels.Email) : DjpkProfile.IngestOptions;
        IngestOptions collect = strict.Collecting(3);
        return (Describe(bytes, collect, true) == Describe(bytes, collect, false)).Label("collect")
            .And((Describe(bytes, strict, true) == Describe(bytes, strict, false)).Label("strict"))
            .And((Describe(bytes, collect, true, LogTextColumns.Rejecting) == Describe(bytes, collect, false, LogTextColumns.Rejecting)).Label("unknown fields rejected"));
    }

    /// <summary>The writer's own lines are what the scanner is for: all of them are read, as the JSON reader reads them.</summary>
    [Fact]
    public void WritersLines_ReadTheSameBothWays()
    {
        byte[] bytes = LogText.WriteJson(Support.SyntheticLogCase.Small.Log);
        string fast = Describe(bytes, DjpkProfile.IngestOptions, true);
        Assert.Equal(Describe(bytes, DjpkProfile.IngestOptions, false), fast);
        Assert.Equal(Support.SyntheticLogCase.Small.Log, JsonLinesLogReader.Read(new MemoryStream(bytes), DjpkProfile.IngestOptions).Log);
    }

    /// <summary>More distinct topics than the scanner keeps by their UTF-8 bytes (some not ASCII), repeated in random order: each record gets its own line's topic, as the JSON reader gives it.</summary>
    [Fact]
    public void ManyDistinctTopicsInAnyOrder_EachRecordGetsItsLinesTopic()
    {
        const int Lines = 8000;
        string TopicOf(int n) => n % 3 == 0 ? $"Dana Désa {n}" : $"Topik {n}";
        var random = new Random(7);
        int[] numbers = [.. Enumerable.Range(0, Lines).Select(_ => random.Next(3000))];
        var text = new StringBuilder();
        for (int i = 0; i < Lines; i++)
        {
            text.Append("{\"timestamp\":\"2023-12-05T10:21:33+07:00\",\"channel\":\"whatsapp\",\"segment\":\"pemda\",\"topic\":\"")
                .Append(TopicOf(numbers[i])).Append("\",\"user\":").Append(i).Append("}\n");
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        Assert.Equal(Describe(bytes, DjpkProfile.IngestOptions, false), Describe(bytes, DjpkProfile.IngestOptions, true));
        IngestResult read = JsonLinesLogReader.Read(new MemoryStream(bytes), DjpkProfile.IngestOptions.WithMaxDegreeOfParallelism(1));
        Assert.Equal(Lines, read.Log.Count);
        Assert.All(read.Log, c => Assert.Equal(TopicOf(numbers[c.User.Value]), c.Topic.Name));
        Assert.Equal(numbers.Distinct().Count(), read.Log.Topics.Length);
    }

    private static string Line(int shape, Random random)
    {
        string Pick(string[] values) => random.Next(3) == 0 ? values[random.Next(values.Length)] : values[0];
        string S() => Spaces[random.Next(Spaces.Length)];
        var fields = new List<string>
        {
            $"\"timestamp\"{S()}:{S()}{Pick(Times)}",
            $"\"channel\"{S()}:{S()}{Pick(Channels)}",
            $"\"segment\"{S()}:{S()}{Pick(Segments)}",
            $"\"user\"{S()}:{S()}{Pick(Users)}",
        };
        if (random.Next(2) == 0)
        {
            fields.Add($"\"topic\":{S()}{Pick(Topics)}");
        }

        if (random.Next(3) == 0)
        {
            fields.Add($"\"id\":{Pick(Ids)}");
        }

        switch (Math.Abs(shape % 12))
        {
            case 0:
                fields.RemoveAt(random.Next(fields.Count)); // a field short
                break;
            case 1:
                fields.Add(fields[random.Next(fields.Count)]); // a field twice
                break;
            case 2:
                fields.Add("\"note\":\"x\""); // an unknown field
                break;
            case 3:
                fields.Add("\"outcome\":\"answered\""); // a service field
                break;
            case 4:
                fields.Add("\"Timestamp\":\"2023-12-05T10:21:33Z\""); // another case is another name
                break;
        }

        fields = [.. fields.OrderBy(_ => random.Next(3) == 0 ? random.Next() : 0)];
        string body = string.Join("," + S(), fields);
        return Math.Abs(shape % 12) switch
        {
            5 => "{" + body + ",}",
            6 => "{" + body + "} {}",
            7 => "[" + body + "]",
            8 => "{" + body,
            9 => S() + "{" + S() + body + S() + "}" + S(),
            10 => "{}",
            _ => "{" + body + "}",
        };
    }

    private static string Describe(byte[] bytes, IngestOptions options, bool fast, LogColumns? columns = null) =>
        ReadDescription.Of(() => JsonLinesLogReader.Read(new MemoryStream(bytes), options, columns, progress: null, 1 << 20, fast, CancellationToken.None));

    private static class LogTextColumns
    {
        public static LogColumns Rejecting { get; } = LogColumns.Default.WithUnknownFields(UnknownFieldPolicy.Reject);
    }
}
