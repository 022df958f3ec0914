using System.Buffers.Binary;
using System.IO.Hashing;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Djpk.Metrics.Tests.Logs;

// The optional service columns: the builder keeps every field of every record, the file keeps them, and a log without
// them costs what it did. The oracles are the consultations as given and the documented byte sizes.
public class ServiceColumnsTests
{
    private static readonly Instant At = Instant.FromUtc(2023, 12, 4, 2, 15);

    private static Consultation Plain(int user = 1) => new(At, DjpkChannels.WhatsApp, DjpkSegments.Pemda, Topic.Unspecified, new UserKey(user));

    [Property(Arbitrary = [typeof(ServiceRecords)], MaxTest = 80)]
    public Property Build_AnyRecords_GivesBackEveryFieldInOrder(Consultation[] records)
    {
        InteractionLog log = LogCase.Build(records);
        return log.SequenceEqual(records).Label("records").And(log.ServiceColumns == Present(records)).Label("flags");
    }

    [Property(Arbitrary = [typeof(ServiceRecords)], MaxTest = 40)]
    public Property SaveLoadOpen_AnyRecords_GiveTheSameLog(Consultation[] records)
    {
        InteractionLog log = LogCase.Build(records);
        using var file = new TempFile();
        log.Save(file.Path);
        InteractionLog loaded = InteractionLog.Load(file.Path);
        using InteractionLog mapped = InteractionLog.Open(file.Path);
        return (loaded.SequenceEqual(records) && mapped.SequenceEqual(records)
            && loaded.ServiceColumns == log.ServiceColumns && mapped.ServiceColumns == log.ServiceColumns
            && mapped.DistinctAgents == log.DistinctAgents && mapped.DistinctCases == log.DistinctCases
            && loaded.Outcomes.SequenceEqual(log.Outcomes)).ToProperty();
    }

    [Property(Arbitrary = [typeof(ServiceRecords)], MaxTest = 40)]
    public Property PartitionedLog_AnyRecords_KeepsTheServiceFields(Consultation[] records)
    {
        InteractionLog log = LogCase.Build(records);
        using var folder = new TempFolder();
        var partitions = new PartitionedLog(folder.Path, Djpk.Metrics.Periods.ReportingCalendar.Jakarta);
        partitions.Append(log);
        InteractionLog read = partitions.ReadAll();
        return read.OrderBy(r => r.ToString(), StringComparer.Ordinal).SequenceEqual(records.OrderBy(r => r.ToString(), StringComparer.Ordinal)).ToProperty();
    }

    [Fact]
    public void ColumnBytes_EachColumnPresent_CostsItsDocumentedBytes()
    {
        Consultation[] plain = [Plain(1), Plain(2), Plain(2)];
        long baseBytes = LogCase.Build(plain).ColumnBytes;
        Assert.Equal((3 * 16) + (2 * 8), baseBytes);
        Assert.Equal(ServiceColumns.None, LogCase.Build(plain).ServiceColumns);

        Assert.Equal(baseBytes + (3 * 8), LogCase.Build([plain[0] with { FirstResponse = At }, plain[1], plain[2]]).ColumnBytes);
        Assert.Equal(baseBytes + (3 * 8), LogCase.Build([plain[0], plain[1], plain[2] with { End = At }]).ColumnBytes);
        Assert.Equal(baseBytes + 3, LogCase.Build([plain[0], plain[1] with { Outcome = Outcome.Abandoned }, plain[2]]).ColumnBytes);
        Assert.Equal(baseBytes + (3 * 4) + (2 * 8), LogCase.Build([plain[0] with { Agent = new AgentKey(5) }, plain[1] with { Agent = new AgentKey(-5) }, plain[2]]).ColumnBytes);
        Assert.Equal(baseBytes + (3 * 4) + (1 * 8), LogCase.Build([plain[0] with { Case = new CaseKey(9) }, plain[1] with { Case = new CaseKey(9) }, plain[2]]).ColumnBytes);
        Assert.Equal(baseBytes + 3, LogCase.Build([plain[0], plain[1], plain[2] with { Satisfaction = 4 }]).ColumnBytes);
    }

    [Fact]
    public void Save_LogWithoutServiceColumns_HasEmptyServiceSections()
    {
        InteractionLog withColumns = LogCase.Build([Plain() with { FirstResponse = At + Duration.FromMinutes(3), Satisfaction = 5 }]);
        InteractionLog without = LogCase.Build([Plain()]);
        int extra = Bytes(withColumns).Length - Bytes(without).Length;
        Assert.InRange(extra, 8 + 1, 8 + 1 + (2 * 63)); // two sections of 8 and 1 bytes, each after at most 63 bytes of padding
    }

    [Fact]
    public void Consultation_ResponseBeforeItsTime_Throws()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => Plain() with { FirstResponse = At - Duration.FromTicks(1) });
        Assert.Contains("before", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Consultation_EndBeforeResponse_ThrowsInEitherOrder()
    {
        Instant response = At + Duration.FromMinutes(10), end = At + Duration.FromMinutes(5);
        Assert.Throws<ArgumentException>(() => Plain() with { FirstResponse = response, End = end });
        Assert.Throws<ArgumentException>(() => Plain() with { End = end, FirstResponse = response });
        Assert.Throws<ArgumentException>(() => Plain() with { End = At - Duration.FromSeconds(1) });
        Consultation ok = Plain() with { End = response, FirstResponse = end };
        Assert.Equal((end, response), (ok.FirstResponse, ok.End));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void Consultation_ScoreOutsideOneToFive_Throws(int score) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Plain() with { Satisfaction = score });

    [Fact]
    public void Consultation_DefaultOutcome_Throws() => Assert.Throws<ArgumentException>(() => Plain() with { Outcome = default(Outcome) });

    [Fact]
    public void ToString_ServiceFields_AreListedAfterTheRecord()
    {
        Consultation c = Plain(42) with { FirstResponse = At + Duration.FromMinutes(1), Outcome = Outcome.Resolved, Agent = new AgentKey(7), Case = new CaseKey(70), Satisfaction = 4 };
        Assert.Equal("2023-12-04T02:15:00Z whatsapp pemda \"\" user 42 responded 2023-12-04T02:16:00Z resolved agent 7 case 70 satisfaction 4", c.ToString());
    }

    [Fact]
    public void Outcome_Defaults_AreTheFiveSharedIds()
    {
        Assert.Equal(["answered", "abandoned", "resolved", "unresolved", "transferred"], new[] { Outcome.Answered, Outcome.Abandoned, Outcome.Resolved, Outcome.Unresolved, Outcome.Transferred }.Select(o => o.Id));
        Assert.False(Outcome.TryCreate("Answered", out _));
        Assert.True(Outcome.TryCreate("call-back", out Outcome own) && own.Id == "call-back");
    }

    [Fact]
    public void Build_AgentsAndCases_AreCodedInKeyOrder()
    {
        InteractionLog log = LogCase.Build([Plain() with { Agent = new AgentKey(30) }, Plain() with { Agent = new AgentKey(-4), Case = new CaseKey(2) }, Plain(), Plain() with { Agent = new AgentKey(30), Case = new CaseKey(1) }]);
        Assert.Equal((2, 2), (log.DistinctAgents, log.DistinctCases));
        Assert.Equal([30L, -4L, null, 30L], log.Select(r => r.Agent?.Value));
        Assert.Equal([null, 2L, null, 1L], log.Select(r => r.Case?.Value));
    }

    [Fact]
    public void Load_VersionOneFile_ReadsAsALogWithoutServiceColumns()
    {
        InteractionLog log = LogCase.Build([Plain(1), Plain(2) with { }, Plain(3)]);
        byte[] versionOne = AsVersionOne(Bytes(log));
        InteractionLog loaded = InteractionLog.Load(new MemoryStream(versionOne));
        Assert.Equal(log, loaded);
        using var file = new TempFile();
        File.WriteAllBytes(file.Path, versionOne);
        using InteractionLog mapped = InteractionLog.Open(file.Path);
        Assert.Equal(log, mapped);
        Assert.Equal(ServiceColumns.None, mapped.ServiceColumns);
    }

    [Fact]
    public void Load_ServiceSectionChanged_ThrowsInvalidData()
    {
        InteractionLog log = LogCase.Build([Plain() with { Satisfaction = 3, FirstResponse = At + Duration.FromMinutes(2) }, Plain(2)]);
        byte[] bytes = Bytes(log);
        byte[] changed = [.. bytes];
        changed[^1] ^= 0x02; // the last section is the scores: 3 becomes 1, caught by the checksum
        Assert.Throws<InvalidDataException>(() => InteractionLog.Load(new MemoryStream(changed)));
        using var file = new TempFile();
        File.WriteAllBytes(file.Path, changed);
        Assert.Throws<InvalidDataException>(() => InteractionLog.Open(file.Path));
    }

    private static ServiceColumns Present(Consultation[] records) =>
        (records.Any(r => r.FirstResponse is not null) ? ServiceColumns.FirstResponse : 0)
        | (records.Any(r => r.End is not null) ? ServiceColumns.End : 0)
        | (records.Any(r => r.Outcome is not null) ? ServiceColumns.Outcome : 0)
        | (records.Any(r => r.Agent is not null) ? ServiceColumns.Agent : 0)
        | (records.Any(r => r.Case is not null) ? ServiceColumns.Case : 0)
        | (records.Any(r => r.Satisfaction is not null) ? ServiceColumns.Satisfaction : 0);

    private static byte[] Bytes(InteractionLog log)
    {
        var stream = new MemoryStream();
        log.Save(stream);
        return stream.ToArray();
    }

    // An independent writer of version 1, from the documented layout: the same header with version 1, a table of the
    // first 7 sections, the sections at 64-byte alignment.
    private static byte[] AsVersionOne(byte[] two)
    {
        const int Header = 64, Sections2 = 16, Sections1 = 7;
        long[] lengths = [.. Enumerable.Range(0, Sections2).Select(i => BinaryPrimitives.ReadInt64LittleEndian(two.AsSpan(Header + (i * 16))))];
        var offsets = new long[Sections2];
        long position = Header + (Sections2 * 16) + 8;
        for (int i = 0; i < Sections2; i++)
        {
            position += (64 - (position % 64)) % 64;
            offsets[i] = position;
            position += lengths[i];
        }

        var one = new MemoryStream();
        byte[] header = two[..Header];
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), 1);
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(56), XxHash3.HashToUInt64(header.AsSpan(0, 56)));
        one.Write(header);
        byte[] table = new byte[(Sections1 * 16) + 8];
        two.AsSpan(Header, Sections1 * 16).CopyTo(table);
        BinaryPrimitives.WriteUInt64LittleEndian(table.AsSpan(Sections1 * 16), XxHash3.HashToUInt64(table.AsSpan(0, Sections1 * 16)));
        one.Write(table);
        for (int i = 0; i < Sections1; i++)
        {
            one.Write(new byte[(64 - (one.Length % 64)) % 64]);
            one.Write(two, (int)offsets[i], (int)lengths[i]);
        }

        return one.ToArray();
    }
}
