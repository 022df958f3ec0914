using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Testing;
using Djpk.Metrics.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Djpk.Metrics.Tests.Logs;

// InteractionLog.Open maps the file and serves the columns from the mapping; the oracles are the copying Load of the
// same bytes and a per-record LINQ count over the records as built.
public partial class InteractionLogTests
{
    private static readonly AggregationRequest MonthByChannel = AggregationRequest.PerPeriod(PeriodGrain.Month).By(AggregationDimensions.Channel);

    [Property(Arbitrary = [typeof(LogCases)], MaxTest = 60)]
    public Property Open_OfSave_GivesTheLoadedLogAndTheRecordCounts(LogCase c, bool shuffle)
    {
        Consultation[] records = [.. c.Records];
        if (shuffle)
        {
            new Random(records.Length).Shuffle(records);
        }

        InteractionLog log = LogCase.Build(records);
        using var file = new TempFile();
        log.Save(file.Path);
        using InteractionLog mapped = InteractionLog.Open(file.Path);
        InteractionLog loaded = InteractionLog.Load(file.Path);
        var aggregator = new Aggregator(c.Calendar);
        AggregationRequest request = AggregationRequest.PerPeriod(c.Grain).By(c.Dimensions);
        bool counts = records.Length == 0
            || (aggregator.Count(mapped, request).Cells().SequenceEqual(aggregator.Count(loaded, request).Cells())
                && PerRecordCounts(records, c.Calendar, c.Grain).SequenceEqual(MonthlyTotals(aggregator.Count(mapped, AggregationRequest.PerPeriod(c.Grain))))
                && SameUsers(aggregator.CountDistinctUsers(mapped, request), aggregator.CountDistinctUsers(loaded, request), request, aggregator, loaded));
        return (mapped.IsMapped && !loaded.IsMapped && Same(log, mapped) && Same(loaded, mapped)
            && mapped.IsChronological == log.IsChronological && counts).ToProperty();
    }

    [Fact]
    public void Open_SyntheticLogOverManyChunks_AnswersLikeTheLogInMemory()
    {
        InteractionLog log = SyntheticLog.Generate(200_000, userCount: 50_000).Shuffled();
        using var file = new TempFile();
        log.Save(file.Path);
        using InteractionLog mapped = InteractionLog.Open(file.Path);
        var aggregator = new Aggregator(ReportingCalendar.Jakarta);
        AggregationRequest distinct = AggregationRequest.PerPeriod(PeriodGrain.Quarter).By(AggregationDimensions.Segment);

        Assert.Equal(aggregator.Count(log, MonthByChannel).Cells(), aggregator.Count(mapped, MonthByChannel).Cells());
        Assert.Equal(aggregator.CountDistinctUsers(log, distinct).Count(ReportingPeriod.Containing(new NodaTime.LocalDate(2023, 12, 1), PeriodGrain.Quarter)), aggregator.CountDistinctUsers(mapped, distinct).Count(ReportingPeriod.Containing(new NodaTime.LocalDate(2023, 12, 1), PeriodGrain.Quarter)));
        Assert.Equal(log.Take(1000), mapped.Take(1000));
        Assert.Equal((log.Earliest, log.Latest, log.IsChronological, log.DistinctUsers), (mapped.Earliest, mapped.Latest, mapped.IsChronological, mapped.DistinctUsers));
    }

    [Fact]
    public void Open_AnyByteChanged_ThrowsInvalidData()
    {
        byte[] bytes = Bytes(Small);
        using var file = new TempFile();
        for (int i = 0; i < bytes.Length; i++)
        {
            foreach (byte mask in (byte[])[0x01, 0x80, 0xFF])
            {
                byte[] corrupted = [.. bytes];
                corrupted[i] ^= mask;
                File.WriteAllBytes(file.Path, corrupted);
                Assert.Throws<InvalidDataException>(() => InteractionLog.Open(file.Path).Dispose());
            }
        }
    }

    [Fact]
    public void Open_ByteChangedDeepInALargeColumn_ThrowsInvalidData()
    {
        InteractionLog log = SyntheticLog.Generate(100_000, userCount: 20_000).Log;
        byte[] bytes = Bytes(log);
        using var file = new TempFile();
        foreach (int at in (int[])[bytes.Length / 3, bytes.Length / 2, bytes.Length - 9, bytes.Length - 1])
        {
            byte[] corrupted = [.. bytes];
            corrupted[at] ^= 0x10;
            File.WriteAllBytes(file.Path, corrupted);
            Assert.Throws<InvalidDataException>(() => InteractionLog.Open(file.Path).Dispose());
        }
    }

    [Fact]
    public void Open_TruncatedAtAnyLength_ThrowsInvalidData()
    {
        byte[] bytes = Bytes(Small);
        using var file = new TempFile();
        for (int length = 0; length < bytes.Length; length++)
        {
            File.WriteAllBytes(file.Path, bytes[..length]);
            Assert.Throws<InvalidDataException>(() => InteractionLog.Open(file.Path).Dispose());
        }
    }

    [Fact]
    public void Open_OtherVersionOrNotALog_ThrowsWithTheFix()
    {
        byte[] bytes = Bytes(Small);
        bytes[8] = 3;
        using var file = new TempFile();
        File.WriteAllBytes(file.Path, bytes);
        Assert.Contains("version 3", Assert.Throws<InvalidDataException>(() => InteractionLog.Open(file.Path)).Message, StringComparison.Ordinal);

        File.WriteAllBytes(file.Path, [.. Enumerable.Repeat((byte)'x', 4096)]);
        Assert.Contains("InteractionLog.Save", Assert.Throws<InvalidDataException>(() => InteractionLog.Open(file.Path)).Message, StringComparison.Ordinal);
        Assert.Throws<FileNotFoundException>(() => InteractionLog.Open(file.Path + ".missing"));
    }

    [Fact]
    public void Open_EmptyLog_RoundTrips()
    {
        using var file = new TempFile();
        InteractionLog.Empty.Save(file.Path);
        using InteractionLog mapped = InteractionLog.Open(file.Path);
        Assert.True(Same(InteractionLog.Empty, mapped));
    }

    [Fact]
    public void Dispose_OfAMappedLog_MakesRecordsAndQueriesObjectDisposedButKeepsResultsAndCounts()
    {
        using var file = new TempFile();
        Small.Save(file.Path);
        InteractionLog mapped = InteractionLog.Open(file.Path);
        var aggregator = new Aggregator(ReportingCalendar.Jakarta);
        DistinctUserCube users = aggregator.CountDistinctUsers(mapped, MonthByChannel);
        ReportingPeriod december = ReportingPeriod.Containing(new NodaTime.LocalDate(2023, 12, 1), PeriodGrain.Month);

        mapped.Dispose();
        mapped.Dispose(); // twice is fine

        Assert.Throws<ObjectDisposedException>(() => mapped[0]);
        Assert.Throws<ObjectDisposedException>(() => mapped.ToList());
        Assert.Throws<ObjectDisposedException>(() => aggregator.Count(mapped, MonthByChannel));
        Assert.Throws<ObjectDisposedException>(() => aggregator.CountDistinctUsers(mapped, MonthByChannel));
        Assert.Throws<ObjectDisposedException>(() => mapped.Save(new MemoryStream()));
        Assert.Equal((3, 3, 2), (mapped.Count, mapped.DistinctUsers, mapped.Catalog.Channels.Length > 1 ? 2 : 0));
        Assert.Equal([new UserKey(long.MinValue), new UserKey(-1), new UserKey(long.MaxValue)], users.Users(december)!.Order());
    }

    [Fact]
    public void Dispose_OfALogInMemory_DoesNothing()
    {
        InteractionLog loaded = InteractionLog.Load(new MemoryStream(Bytes(Small)));
        loaded.Dispose();
        Assert.True(Same(Small, loaded));
        Assert.False(loaded.IsMapped);
    }

    [Fact]
    public async Task Dispose_WhileQueriesRun_GivesTheAnswerOrObjectDisposed()
    {
        InteractionLog log = SyntheticLog.Generate(300_000, userCount: 10_000).Shuffled();
        using var file = new TempFile();
        log.Save(file.Path);
        var aggregator = new Aggregator(ReportingCalendar.Jakarta, maxDegreeOfParallelism: 2);
        long expected = aggregator.Count(log, MonthByChannel).Total();
        for (int round = 0; round < 20; round++)
        {
            InteractionLog mapped = InteractionLog.Open(file.Path);
            Task<long> query = Task.Run(() => aggregator.Count(mapped, MonthByChannel).Total());
            await Task.Delay(round % 4);
            mapped.Dispose();
            try
            {
                Assert.Equal(expected, await query);
            }
            catch (ObjectDisposedException)
            {
                // disposed before or during the query: a clear exception, never a wrong answer or a fault
            }
        }
    }

    // The per-record oracle: each record's period from the calendar, counted with LINQ.
    private static long[] PerRecordCounts(Consultation[] records, ReportingCalendar calendar, PeriodGrain grain)
    {
        PeriodRange range = calendar.RangeOf(records.Min(r => r.Timestamp), records.Max(r => r.Timestamp), grain);
        Dictionary<ReportingPeriod, int> counts = records.GroupBy(r => calendar.PeriodOf(r.Timestamp, grain)).ToDictionary(g => g.Key, g => g.Count());
        return [.. range.Select(p => (long)counts.GetValueOrDefault(p))];
    }

    private static long[] MonthlyTotals(CountCube cube) => [.. cube.Cells().Select(c => c.Count)];

    private static bool SameUsers(DistinctUserCube mapped, DistinctUserCube loaded, AggregationRequest request, Aggregator aggregator, InteractionLog log)
    {
        foreach (CountCell cell in aggregator.Count(log, request).Cells())
        {
            if (mapped.Count(cell.Period, cell.Channel, cell.Segment, cell.Topic) != loaded.Count(cell.Period, cell.Channel, cell.Segment, cell.Topic)
                || !(mapped.Users(cell.Period, cell.Channel, cell.Segment, cell.Topic) ?? []).SequenceEqual(loaded.Users(cell.Period, cell.Channel, cell.Segment, cell.Topic) ?? []))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class TempFile : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"djpk-mapped-{Environment.ProcessId}-{Guid.NewGuid():N}.djpklog");

        public void Dispose() => File.Delete(Path);
    }
}
