using Djpk.Metrics.Logs;
using Djpk.Metrics.Ingest;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Djpk.Metrics.Tests.Serialization;

/// <summary>A log to write and read back, with the zone and delimiter to write it with.</summary>
public sealed record RoundTripCase(Consultation[] Records, string? ZoneId, char Delimiter)
{
    public InteractionLog Log() => new InteractionLogBuilder(DjpkProfile.Catalog).AddRange(Records).Build();

    public DateTimeZone? Zone => ZoneId is null ? null : DateTimeZoneProviders.Tzdb[ZoneId];

    public override string ToString() => $"zone {ZoneId ?? "UTC (Z)"}, delimiter '{Delimiter}', {Records.Length} records:\n  " + string.Join("\n  ", Records);
}

public static class RoundTripCases
{
    private static readonly string[] TopicNames =
        ["DBH", "DAK Non Fisik", "Dana \"Desa\"", "a,b;c|d", "Pajak Daerah – é ü 漢字 🙂", "'quoted'", "\\back\\slash", "=SUM(A1)", "x"];

    public static Arbitrary<RoundTripCase> Cases()
    {
        Gen<long> ticks = Gen.Frequency(
            (4, Gen.Choose(-2_000_000, 2_000_000).Select(d => (d * 86_400L * 10_000_000L / 97) + (d * 31))),
            (2, ArbMap.Default.GeneratorFor<long>().Select(t => TimestampText.MinInstantTicks + (long)((ulong)t % (ulong)(TimestampText.MaxInstantTicks - TimestampText.MinInstantTicks)))),
            (1, Gen.Elements(TimestampText.MinInstantTicks, TimestampText.MaxInstantTicks, 0L, -1L, 1L)));
        Gen<Consultation> record =
            from t in ticks
            from channel in Gen.Elements(DjpkProfile.Catalog.Channels.Select(c => c.Channel).ToArray())
            from segment in Gen.Elements(DjpkProfile.Catalog.Segments.Select(s => s.Segment).ToArray())
            from topic in Gen.Frequency((1, Gen.Constant(Topic.Unspecified)), (4, Gen.Elements(TopicNames).Select(n => new Topic(n))))
            from user in Gen.Frequency((3, Gen.Choose(0, 50).Select(u => (long)u)), (1, ArbMap.Default.GeneratorFor<long>()), (1, Gen.Elements(long.MinValue, long.MaxValue)))
            select new Consultation(Instant.FromUnixTimeTicks(t), channel, segment, topic, new UserKey(user));
        Gen<RoundTripCase> gen =
            from records in Gen.ListOf(record)
            from zone in Gen.Elements<string?>(null, "Asia/Jakarta", "Europe/London", "America/St_Johns", "Asia/Kathmandu")
            from delimiter in Gen.Elements(',', ';', '\t', '|')
            select new RoundTripCase([.. records], zone, delimiter);
        return Arb.From(gen, c => Enumerable.Range(0, c.Records.Length).Select(skip => c with { Records = [.. c.Records.Where((_, i) => i != skip)] }));
    }
}

[Properties(Arbitrary = [typeof(RoundTripCases)])]
public class RoundTripProperties
{
    [Property(MaxTest = 150)]
    public bool JsonLines_WriteThenRead_GivesTheSameLog(RoundTripCase c)
    {
        InteractionLog log = c.Log();
        IngestResult back = LogText.ReadJson(LogText.WriteJson(log, c.Zone));
        return back.Log.SequenceEqual(log) && back.Report.Rejected == 0 && back.Report.Accepted == log.Count;
    }

    [Property(MaxTest = 150)]
    public bool Csv_WriteThenRead_GivesTheSameLog(RoundTripCase c)
    {
        InteractionLog log = c.Log();
        IngestResult back = LogText.ReadCsv(LogText.WriteCsv(log, c.Delimiter, c.Zone), c.Delimiter);
        return back.Log.SequenceEqual(log) && back.Report.Rejected == 0 && back.Report.Accepted == log.Count;
    }

    [Fact]
    public void JsonLines_Writer_WritesTheDocumentedLine()
    {
        InteractionLog log = new InteractionLogBuilder(DjpkProfile.Catalog)
            .Add(new Consultation(Instant.FromUtc(2023, 12, 4, 2, 15), DjpkChannels.WhatsApp, DjpkSegments.Pemda, new Topic("Dana \"Desa\""), new UserKey(42)))
            .Add(new Consultation(Instant.FromUtc(2023, 12, 4, 2, 15) + Duration.FromTicks(5), DjpkChannels.Phone, DjpkSegments.Lainnya, Topic.Unspecified, new UserKey(-1)))
            .Build();
        Assert.Equal(
            "{\"timestamp\":\"2023-12-04T09:15:00+07:00\",\"channel\":\"whatsapp\",\"segment\":\"pemda\",\"topic\":\"Dana \\\"Desa\\\"\",\"user\":42}\n"
            + "{\"timestamp\":\"2023-12-04T09:15:00.0000005+07:00\",\"channel\":\"phone\",\"segment\":\"lainnya\",\"user\":-1}\n",
            System.Text.Encoding.UTF8.GetString(LogText.WriteJson(log, DateTimeZoneProviders.Tzdb["Asia/Jakarta"])));
        Assert.Equal(
            "timestamp;channel;segment;topic;user\r\n2023-12-04T02:15:00Z;whatsapp;pemda;\"Dana \"\"Desa\"\"\";42\r\n2023-12-04T02:15:00.0000005Z;phone;lainnya;;-1\r\n",
            LogText.WriteCsv(log, ';'));
    }
}
