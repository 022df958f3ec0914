using Djpk.Metrics.Ingest;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Parquet;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Djpk.Metrics.Tests.Serialization;

/// <summary>Logs whose records have the service fields present or missing at random, at tick or second precision.</summary>
public static class ServiceRoundTripCases
{
    private static readonly Outcome[] Outcomes = [Outcome.Answered, Outcome.Abandoned, Outcome.Resolved, Outcome.Unresolved, Outcome.Transferred, new("call-back"), new("spam2")];

    public static Arbitrary<RoundTripCase> Cases()
    {
        Gen<long> lag = Gen.Frequency(
            (2, Gen.Constant(0L)),
            (4, Gen.Choose(1, 86_400).Select(s => s * NodaConstants.TicksPerSecond)),
            (2, Gen.Choose(1, 1_000_000).Select(t => (long)t)));
        Gen<long> key = Gen.Frequency((3, Gen.Choose(-5, 40).Select(k => (long)k)), (1, ArbMap.Default.GeneratorFor<long>()), (1, Gen.Elements(long.MinValue, long.MaxValue)));
        Gen<Consultation> record =
            from seconds in Gen.Choose(-400_000_000, 1_500_000_000)
            from fraction in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Choose(0, 9_999_999)))
            from channel in Gen.Elements(DjpkProfile.Catalog.Channels.Select(c => c.Channel).ToArray())
            from segment in Gen.Elements(DjpkProfile.Catalog.Segments.Select(s => s.Segment).ToArray())
            from user in Gen.Choose(0, 50)
            from hasResponse in Gen.Elements(true, false)
            from responseLag in lag
            from hasEnd in Gen.Elements(true, false)
            from endLag in lag
            from outcome in Gen.Frequency((1, Gen.Constant<Outcome?>(null)), (2, Gen.Elements(Outcomes).Select(o => (Outcome?)o)))
            from agent in Gen.Frequency((1, Gen.Constant<long?>(null)), (2, key.Select(k => (long?)k)))
            from @case in Gen.Frequency((1, Gen.Constant<long?>(null)), (2, key.Select(k => (long?)k)))
            from satisfaction in Gen.Frequency((1, Gen.Constant<int?>(null)), (2, Gen.Choose(1, 5).Select(s => (int?)s)))
            let at = Instant.FromUnixTimeTicks((seconds * NodaConstants.TicksPerSecond) + fraction)
            let response = hasResponse ? at + Duration.FromTicks(responseLag) : (Instant?)null
            select new Consultation(at, channel, segment, Topic.Unspecified, new UserKey(user)) with
            {
                FirstResponse = response,
                End = hasEnd ? (response ?? at) + Duration.FromTicks(endLag) : null,
                Outcome = outcome,
                Agent = agent is { } a ? new AgentKey(a) : null,
                Case = @case is { } c ? new CaseKey(c) : null,
                Satisfaction = satisfaction,
            };
        Gen<RoundTripCase> gen =
            from records in Gen.ListOf(record)
            from zone in Gen.Elements<string?>(null, "Asia/Jakarta", "America/St_Johns", "Asia/Kathmandu")
            from delimiter in Gen.Elements(',', ';', '\t', '|')
            select new RoundTripCase([.. records], zone, delimiter);
        return Arb.From(gen, c => Enumerable.Range(0, c.Records.Length).Select(skip => c with { Records = [.. c.Records.Where((_, i) => i != skip)] }));
    }

    /// <summary>Returns the record with every instant truncated toward the past to its microsecond, as Parquet keeps it.</summary>
    public static Consultation Microseconds(Consultation c) => new Consultation(Truncate(c.Timestamp), c.Channel, c.Segment, c.Topic, c.User) with
    {
        FirstResponse = c.FirstResponse is { } r ? Truncate(r) : null,
        End = c.End is { } e ? Truncate(e) : null,
        Outcome = c.Outcome,
        Agent = c.Agent,
        Case = c.Case,
        Satisfaction = c.Satisfaction,
    };

    private static Instant Truncate(Instant instant)
    {
        long ticks = instant.ToUnixTimeTicks();
        return Instant.FromUnixTimeTicks(ticks - (((ticks % 10) + 10) % 10));
    }
}

[Properties(Arbitrary = [typeof(ServiceRoundTripCases)])]
public class ServiceRoundTripProperties
{
    [Property(MaxTest = 150, Replay = "(15015,15)")]
    public bool JsonLines_WriteThenRead_GivesTheSameRecordsWithTheirServiceFields(RoundTripCase c)
    {
        InteractionLog log = c.Log();
        IngestResult back = LogText.ReadJson(LogText.WriteJson(log, c.Zone));
        return back.Log.SequenceEqual(log) && back.Log.ServiceColumns == log.ServiceColumns && back.Report.Rejected == 0;
    }

    [Property(MaxTest = 150, Replay = "(15016,15)")]
    public bool Csv_WriteThenRead_GivesTheSameRecordsWithTheirServiceFields(RoundTripCase c)
    {
        InteractionLog log = c.Log();
        IngestResult back = LogText.ReadCsv(LogText.WriteCsv(log, c.Delimiter, c.Zone), c.Delimiter);
        return back.Log.SequenceEqual(log) && back.Log.ServiceColumns == log.ServiceColumns && back.Report.Rejected == 0;
    }

    [Property(MaxTest = 60, Replay = "(15017,15)")]
    public bool Parquet_WriteThenRead_GivesTheSameRecordsToTheMicrosecond(RoundTripCase c)
    {
        InteractionLog log = c.Log();
        using var stream = new MemoryStream();
        ParquetLogWriter.Write(log, stream);
        stream.Position = 0;
        IngestResult back = ParquetLogReader.Read(stream, DjpkProfile.IngestOptions);
        return back.Log.SequenceEqual(log.Select(ServiceRoundTripCases.Microseconds)) && back.Log.ServiceColumns == log.ServiceColumns && back.Report.Rejected == 0;
    }

    [Fact]
    public void Writers_LogWithServiceFields_WriteTheDocumentedLineAndRecord()
    {
        Instant at = Instant.FromUtc(2023, 12, 4, 2, 15);
        InteractionLog log = new InteractionLogBuilder(DjpkProfile.Catalog)
            .Add(new Consultation(at, DjpkChannels.WhatsApp, DjpkSegments.Pemda, new Topic("DBH"), new UserKey(42)) with
            {
                FirstResponse = at + Duration.FromMinutes(5),
                End = at + Duration.FromMinutes(30),
                Outcome = Outcome.Resolved,
                Agent = new AgentKey(7),
                Satisfaction = 5,
            })
            .Add(new Consultation(at, DjpkChannels.Phone, DjpkSegments.Lainnya, Topic.Unspecified, new UserKey(-1)))
            .Build();

        Assert.Equal(
            "{\"timestamp\":\"2023-12-04T09:15:00+07:00\",\"channel\":\"whatsapp\",\"segment\":\"pemda\",\"topic\":\"DBH\",\"user\":42,\"first_response\":\"2023-12-04T09:20:00+07:00\",\"end\":\"2023-12-04T09:45:00+07:00\",\"outcome\":\"resolved\",\"agent\":7,\"satisfaction\":5}\n"
            + "{\"timestamp\":\"2023-12-04T09:15:00+07:00\",\"channel\":\"phone\",\"segment\":\"lainnya\",\"user\":-1}\n",
            System.Text.Encoding.UTF8.GetString(LogText.WriteJson(log, DateTimeZoneProviders.Tzdb["Asia/Jakarta"])));
        Assert.Equal(
            "timestamp,channel,segment,topic,user,first_response,end,outcome,agent,satisfaction\r\n"
            + "2023-12-04T02:15:00Z,whatsapp,pemda,DBH,42,2023-12-04T02:20:00Z,2023-12-04T02:45:00Z,resolved,7,5\r\n"
            + "2023-12-04T02:15:00Z,phone,lainnya,,-1,,,,,\r\n",
            LogText.WriteCsv(log));
    }

    [Fact]
    public void Writers_LogWithoutServiceColumns_WriteNoServiceField()
    {
        InteractionLog log = new InteractionLogBuilder(DjpkProfile.Catalog)
            .Add(new Consultation(Instant.FromUtc(2023, 12, 4, 2, 15), DjpkChannels.Phone, DjpkSegments.Lainnya, Topic.Unspecified, new UserKey(-1)))
            .Build();

        Assert.Equal("{\"timestamp\":\"2023-12-04T02:15:00Z\",\"channel\":\"phone\",\"segment\":\"lainnya\",\"user\":-1}\n", System.Text.Encoding.UTF8.GetString(LogText.WriteJson(log)));
        Assert.Equal("timestamp,channel,segment,topic,user\r\n2023-12-04T02:15:00Z,phone,lainnya,,-1\r\n", LogText.WriteCsv(log));
    }
}
