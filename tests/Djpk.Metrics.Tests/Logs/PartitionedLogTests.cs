using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Profiles;
using Djpk.Metrics.Testing;
using Djpk.Metrics.Tests.Aggregation;
using Djpk.Metrics.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Djpk.Metrics.Tests.Logs;

public sealed class PartitionedLogTests : IDisposable
{
    private static readonly ReportingPeriod November = ReportingPeriod.Month(2023, 11);
    private static readonly ReportingPeriod December = ReportingPeriod.Month(2023, 12);
    private static readonly ReportingPeriod January = ReportingPeriod.Month(2024, 1);
    private readonly string _folder = Directory.CreateTempSubdirectory("djpk-partitions-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static InteractionLog Between(Instant start, Instant end, int records, int seed) =>
        SyntheticLog.Generate(records, userCount: 300, topicCount: 20, start, end, seed).Log;

    private static Instant Jakarta(int year, int month) => ReportingCalendar.Jakarta.StartOf(ReportingPeriod.Month(year, month));

    [Fact]
    public void Append_SplitsByCalendarMonthInTheZone()
    {
        InteractionLog log = new InteractionLogBuilder(DjpkProfile.Catalog)
            .Add(new Consultation(Instant.FromUtc(2023, 11, 30, 16, 59, 59), DjpkChannels.WhatsApp, DjpkSegments.Pemda, Topic.Unspecified, new UserKey(1)))
            .Add(new Consultation(Instant.FromUtc(2023, 11, 30, 17, 0), DjpkChannels.Phone, DjpkSegments.Pemda, Topic.Unspecified, new UserKey(2)))
            .Build();
        var partitions = new PartitionedLog(_folder, ReportingCalendar.Jakarta);
        Assert.Equal([November, December], partitions.Append(log).ToArray());
        Assert.Equal([November, December], partitions.Months().ToArray());
        Assert.True(File.Exists(Path.Combine(_folder, "month=2023-12", "log.djpklog")));
        Assert.Equal(DjpkChannels.Phone, Assert.Single(InteractionLog.Open(partitions.PathOf(December))).Channel);
        Assert.Equal(log, partitions.ReadAll());
    }

    [Fact]
    public void Append_NewMonth_LeavesOldPartitionsUntouched()
    {
        var partitions = new PartitionedLog(_folder, ReportingCalendar.Jakarta);
        partitions.Append(Between(Jakarta(2023, 11), Jakarta(2024, 1), 4_000, seed: 1));
        string november = partitions.PathOf(November), december = partitions.PathOf(December);
        byte[] novemberBytes = File.ReadAllBytes(november), decemberBytes = File.ReadAllBytes(december);
        DateTime old = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(november, old);
        File.SetLastWriteTimeUtc(december, old);

        InteractionLog january = Between(Jakarta(2024, 1), Jakarta(2024, 2), 1_500, seed: 2);
        using (new FileStream(november, FileMode.Open, FileAccess.Read, FileShare.None)) // any open of an old partition would fail
        {
            Assert.Equal([January], partitions.Append(january).ToArray());
        }

        Assert.Equal(novemberBytes, File.ReadAllBytes(november));
        Assert.Equal(decemberBytes, File.ReadAllBytes(december));
        Assert.Equal(old, File.GetLastWriteTimeUtc(november));
        Assert.Equal(old, File.GetLastWriteTimeUtc(december));
        Assert.Equal([November, December, January], partitions.Months().ToArray());
        Assert.Equal(january, partitions.Read([January]));
    }

    [Fact]
    public void Append_ExistingMonth_AddsToItsPartition()
    {
        var partitions = new PartitionedLog(_folder, ReportingCalendar.Jakarta);
        InteractionLog first = Between(Jakarta(2023, 12), Jakarta(2024, 1), 800, seed: 3);
        InteractionLog second = Between(Jakarta(2023, 12), Jakarta(2024, 1), 300, seed: 4);
        partitions.Append(first);
        partitions.Append(second);
        Assert.Equal([.. first, .. second], partitions.Read([December]));
    }

    [Fact]
    public void Read_NeedsOnlyTheMonthsAskedFor_ACorruptedOtherPartitionIsNeverOpened()
    {
        var partitions = new PartitionedLog(_folder, ReportingCalendar.Jakarta);
        InteractionLog log = Between(Jakarta(2023, 11), Jakarta(2024, 2), 6_000, seed: 5);
        partitions.Append(log);
        string november = partitions.PathOf(November);
        byte[] bytes = File.ReadAllBytes(november);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(november, bytes);

        InteractionLog wanted;
        using (new FileStream(november, FileMode.Open, FileAccess.Read, FileShare.None))
        {
            wanted = partitions.Read([January, December]);
        }

        Assert.Equal(log.Where(c => c.Timestamp >= Jakarta(2023, 12)), wanted);
        var corrupt = Assert.Throws<InvalidDataException>(() => partitions.Read([November]));
        Assert.Contains("month=2023-11", corrupt.Message, StringComparison.Ordinal);
        Assert.Contains("corrupted", corrupt.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidDataException>(corrupt.InnerException);
    }

    [Fact]
    public void Read_MissingMonth_ThrowsFileNotFoundExceptionNamingIt()
    {
        var partitions = new PartitionedLog(_folder, ReportingCalendar.Jakarta);
        partitions.Append(Between(Jakarta(2023, 12), Jakarta(2024, 1), 100, seed: 6));
        var e = Assert.Throws<FileNotFoundException>(() => partitions.Read([December, January]));
        Assert.Contains("2024-01", e.Message, StringComparison.Ordinal);
        Assert.Equal(partitions.PathOf(January), e.FileName);
    }

    [Fact]
    public void Read_PartitionOfAnotherCalendar_ThrowsInvalidDataException()
    {
        new PartitionedLog(_folder, ReportingCalendar.ForZone("UTC")).Append(Between(Instant.FromUtc(2023, 12, 1, 0, 0), Instant.FromUtc(2024, 1, 1, 0, 0), 500, seed: 7));
        var e = Assert.Throws<InvalidDataException>(() => new PartitionedLog(_folder, ReportingCalendar.Jakarta).Read([December]));
        Assert.Contains("outside 2023-12", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadArguments_Throw()
    {
        var partitions = new PartitionedLog(_folder, ReportingCalendar.Jakarta);
        Assert.Throws<ArgumentException>(() => partitions.Read([ReportingPeriod.OfYear(2023)]));
        Assert.Throws<ArgumentException>(() => partitions.Read([December, December]));
        Assert.Throws<ArgumentNullException>(() => partitions.Read(null!));
        Assert.Throws<ArgumentNullException>(() => partitions.Append(null!));
        Assert.Throws<ArgumentNullException>(() => new PartitionedLog(_folder, null!));
        Assert.Empty(new PartitionedLog(Path.Combine(_folder, "none"), ReportingCalendar.Jakarta).Months());
        Assert.Empty(partitions.Append(InteractionLog.Empty));
    }

    [Property(Arbitrary = [typeof(LogCases)], MaxTest = 40)]
    public Property Merge_OfPartitionsReadFromDiskEqualsWhole(LogCase c)
    {
        return Prop.When(c.Records.Length > 0, () =>
        {
            string folder = Directory.CreateTempSubdirectory("djpk-partitions-").FullName;
            try
            {
                var partitions = new PartitionedLog(folder, c.Calendar);
                foreach (Consultation[] part in c.Parts())
                {
                    partitions.Append(LogCase.Build(part)); // parts cut anywhere: later appends add to existing months
                }

                var aggregator = new Aggregator(c.Calendar);
                AggregationRequest request = AggregationRequest.PerPeriod(c.Grain).By(c.Dimensions);
                CountCube whole = aggregator.Count(c.Log(), request);
                CountCube merged = CountCube.Merge(partitions.Months().Select(m => aggregator.Count(partitions.Read([m]), request)));
                DistinctUserCube users = aggregator.CountDistinctUsers(c.Log(), request);
                DistinctUserCube mergedUsers = DistinctUserCube.Merge(partitions.Months().Select(m => aggregator.CountDistinctUsers(partitions.Read([m]), request)));
                return partitions.ReadAll().Count == c.Records.Length
                    && AggregationOracle.DataPeriods(whole) == AggregationOracle.DataPeriods(merged)
                    && Same(AggregationOracle.NonZeroCells(whole), AggregationOracle.NonZeroCells(merged))
                    && Same(AggregationOracle.NonZeroCells(users), AggregationOracle.NonZeroCells(mergedUsers));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        });
    }

    private static bool Same(Dictionary<string, long> expected, Dictionary<string, long> actual) =>
        expected.Count == actual.Count && expected.All(kv => actual.TryGetValue(kv.Key, out long v) && v == kv.Value);
}
