using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Djpk.Metrics.Aggregation;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Tests.Support;
using NodaTime;

namespace Djpk.Metrics.Tests.Aggregation;

/// <summary>
/// Cube files whose checksum matches but whose content breaks the format: written here byte by byte from the documented
/// layout (header "DJPKCUBE", version, kind, reserved byte, payload length; shape; cells; XxHash64), so only the content checks can refuse them.
/// </summary>
public class CubeFormatTests
{
    private const byte Counts = 1;
    private const byte Users = 2;

    [Fact]
    public void ReadFrom_HandWrittenValidFile_ReadsItsCells()
    {
        CountCube cube = CountCube.ReadFrom(new MemoryStream(Seal(Counts, Payload(body: w => { w.Write7BitEncodedInt64(5); w.Write7BitEncodedInt64(0); }))));
        Assert.Equal("Asia/Jakarta", cube.Calendar.Zone.Id);
        Assert.Equal("2023-11..2023-12", cube.Periods.ToString());
        Assert.Equal(5, cube.Count(ReportingPeriod.Month(2023, 11)));
        Assert.Equal(0, cube.Count(ReportingPeriod.Month(2023, 12)));
        Assert.Equal(Instant.FromUtc(2023, 11, 1, 0, 0), cube.Earliest);

        DistinctUserCube users = DistinctUserCube.ReadFrom(new MemoryStream(Seal(Users, Payload(body: w =>
        {
            w.Write7BitEncodedInt64(3); // two keys: −3 zigzag-coded, then +10
            w.Write7BitEncodedInt64(5);
            w.Write7BitEncodedInt64(10);
            w.Write7BitEncodedInt64(0); // no users
        }))));
        Assert.Equal([new UserKey(-3), new UserKey(7)], users.Users(ReportingPeriod.Month(2023, 11))!);
        Assert.Equal(0, users.Count(ReportingPeriod.Month(2023, 12)));
    }

    public static TheoryData<string, byte[]> CorruptContent() => new()
    {
        { "zone", Seal(Counts, Payload(zone: "Mars/Olympus")) },
        { "grain", Seal(Counts, Payload(grain: 5)) },
        { "dimensions", Seal(Counts, Payload(dimensions: 8)) },
        { "no periods", Seal(Counts, Payload(count: 0, body: _ => { })) },
        { "negative first", Seal(Counts, Payload(first: -1)) },
        { "beyond 9999", Seal(Counts, Payload(grain: 4, first: 9998, count: 2, spanFlag: 0)) },
        { "members of an unbroken dimension", Seal(Counts, Payload(channels: ["phone"])) },
        { "repeated filter", Seal(Counts, Payload(channelFilter: ["phone", "phone"])) },
        { "repeated segment filter", Seal(Counts, Payload(segmentFilter: ["pemda", "pemda"])) },
        { "topics of an unbroken dimension", Seal(Counts, Payload(topics: ["DBH"])) },
        { "segments of an unbroken dimension", Seal(Counts, Payload(segments: ["pemda"])) },
        { "span backwards", Seal(Counts, Payload(spanStart: Instant.FromUtc(2023, 12, 1, 0, 0), spanEnd: Instant.FromUtc(2023, 11, 1, 0, 0))) },
        { "span flag", Seal(Counts, Payload(spanFlag: 2)) },
        { "span nanoseconds", Seal(Counts, Payload(spanNanoseconds: 100)) },
        { "span beyond NodaTime", Seal(Counts, Payload(spanTicks: Instant.MaxValue.ToUnixTimeTicks() + 1)) },
        { "span before NodaTime", Seal(Counts, Payload(spanTicks: Instant.MinValue.ToUnixTimeTicks() - 1)) },
        { "negative count", Seal(Counts, Payload(body: w => { w.Write7BitEncodedInt64(-1); w.Write7BitEncodedInt64(0); })) },
        { "trailing byte", Seal(Counts, Payload(body: w => { w.Write7BitEncodedInt64(1); w.Write7BitEncodedInt64(0); w.Write((byte)0); })) },
        { "cells missing", Seal(Counts, Payload(body: w => w.Write7BitEncodedInt64(1))) },
        { "list longer than the payload", Seal(Counts, Payload(channelsCount: 1_000)) },
        { "negative list length", Seal(Counts, Payload(channelsCount: -1)) },
        { "users not ascending", Seal(Users, Payload(body: w => { w.Write7BitEncodedInt64(3); w.Write7BitEncodedInt64(2); w.Write7BitEncodedInt64(0); w.Write7BitEncodedInt64(0); })) },
        { "users descending", Seal(Users, Payload(body: w => { w.Write7BitEncodedInt64(3); w.Write7BitEncodedInt64(2); w.Write7BitEncodedInt64(-5); w.Write7BitEncodedInt64(0); })) },
        { "set longer than the payload", Seal(Users, Payload(body: w => { w.Write7BitEncodedInt64(100); w.Write7BitEncodedInt64(0); })) },
    };

    [Theory]
    [MemberData(nameof(CorruptContent))]
    public void ReadFrom_ChecksumMatchesButContentIsInvalid_ThrowsInvalidData(string what, byte[] file)
    {
        Assert.NotEmpty(what);
        Exception e = file[10] == Counts
            ? Assert.Throws<InvalidDataException>(() => CountCube.ReadFrom(new MemoryStream(file)))
            : Assert.Throws<InvalidDataException>(() => DistinctUserCube.ReadFrom(new MemoryStream(file)));
        Assert.DoesNotContain("checksum does not match", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFrom_UnknownZone_NamesIt()
    {
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => CountCube.ReadFrom(new MemoryStream(Seal(Counts, Payload(zone: "Mars/Olympus")))));
        Assert.Contains("'Mars/Olympus'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFrom_HeaderFaults_ThrowEachItsOwnMessage()
    {
        byte[] valid = Seal(Counts, Payload());
        Assert.Contains("empty", Message(Array.Empty<byte>()), StringComparison.Ordinal);
        Assert.Contains("'DJPKCUBE'", Message("DJPKCUBX"u8.ToArray()), StringComparison.Ordinal);
        Assert.Contains("'DJPKCUBE'", Message("X"u8.ToArray()), StringComparison.Ordinal);
        Assert.Contains("inside its header", Message(valid[..19]), StringComparison.Ordinal);
        Assert.Contains("inside its header", Message(valid[..8]), StringComparison.Ordinal);
        Assert.Contains("DistinctUserCube.ReadFrom", Message(Seal(Users, Payload())), StringComparison.Ordinal);
        Assert.Contains("kind 3 is unknown", Message(Seal(3, Payload())), StringComparison.Ordinal);
        Assert.Contains("CountCube.ReadFrom", Assert.Throws<InvalidDataException>(() => DistinctUserCube.ReadFrom(new MemoryStream(valid))).Message, StringComparison.Ordinal);
        Assert.Contains("impossible payload length", Message(Seal(Counts, Payload(), reserved: 1)), StringComparison.Ordinal);
        Assert.Contains("impossible payload length", Message(Seal(Counts, Payload(), lengthDelta: -1_000_000)), StringComparison.Ordinal);
        Assert.Contains("impossible payload length", Message(Seal(Counts, Payload(), lengthDelta: 1)), StringComparison.Ordinal);
        Assert.Contains("impossible payload length", Message(Seal(Counts, Payload(), lengthDelta: long.MaxValue / 2)), StringComparison.Ordinal);
        Assert.Contains("ends before its checksum", Assert.Throws<InvalidDataException>(() => CountCube.ReadFrom(new ForwardOnlyStream(valid[..^1]))).Message, StringComparison.Ordinal);
        Assert.Contains("inside its payload", Assert.Throws<InvalidDataException>(() => CountCube.ReadFrom(new ForwardOnlyStream(valid[..30]))).Message, StringComparison.Ordinal);
        Assert.Contains("checksum does not match", Message([.. valid[..^1], (byte)(valid[^1] ^ 1)]), StringComparison.Ordinal);
        Assert.Equal(5, CountCube.ReadFrom(new ForwardOnlyStream(valid)).Total()); // the control: the same bytes read
    }

    [Fact]
    public void ReadFrom_PayloadOverAMebibyteFromAPipe_GrowsItsBufferAndReadsEveryCell()
    {
        // 1.2 million days of counts, one byte each: more than the first 1 MiB buffer, read 7 bytes at a time.
        const int days = 1_200_000;
        byte[] file = Seal(Counts, Payload(zone: "UTC", grain: 0, first: 0, count: days, spanFlag: 1, spanStart: Instant.FromUtc(1, 1, 1, 0, 0), spanEnd: Instant.FromUtc(4000, 1, 1, 0, 0), body: w =>
        {
            for (int i = 0; i < days; i++)
            {
                w.Write7BitEncodedInt64(i % 100);
            }
        }));
        Assert.True(file.Length > (1 << 20) + 1000);

        CountCube cube = CountCube.ReadFrom(new ForwardOnlyStream(file));
        Assert.Equal(days, cube.Periods.Count);
        Assert.Equal(Enumerable.Range(0, days).Sum(i => (long)(i % 100)), cube.Total());
        Assert.Equal(99, cube.Count(cube.Periods[days - 1]));
    }

    private static string Message(byte[] file) => Assert.Throws<InvalidDataException>(() => CountCube.ReadFrom(new MemoryStream(file))).Message;

    // The shape of a Month cube of Asia/Jakarta for 2023-11..2023-12, no dimensions, data from 2023-11-01; the body defaults to the counts 5 and 0.
    private static byte[] Payload(
        string zone = "Asia/Jakarta",
        byte grain = 2,
        int first = (2022 * 12) + 10,
        int count = 2,
        byte dimensions = 0,
        string[]? channels = null,
        long? channelsCount = null,
        string[]? segments = null,
        string[]? topics = null,
        string[]? channelFilter = null,
        string[]? segmentFilter = null,
        byte spanFlag = 1,
        Instant? spanStart = null,
        Instant? spanEnd = null,
        long? spanTicks = null,
        byte spanNanoseconds = 0,
        Action<BinaryWriter>? body = null)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(zone);
            w.Write(grain);
            w.Write(first);
            w.Write(count);
            w.Write(dimensions);
            Strings(w, channels ?? [], channelsCount);
            Strings(w, segments ?? [], null);
            Strings(w, topics ?? [], null);
            Strings(w, channelFilter ?? [], null);
            Strings(w, segmentFilter ?? [], null);
            w.Write(spanFlag);
            if (spanFlag == 1)
            {
                w.Write(spanTicks ?? (spanStart ?? Instant.FromUtc(2023, 11, 1, 0, 0)).ToUnixTimeTicks());
                w.Write(spanNanoseconds);
                w.Write((spanEnd ?? Instant.FromUtc(2023, 12, 31, 0, 0)).ToUnixTimeTicks());
                w.Write((byte)0);
            }

            (body ?? (b => { b.Write7BitEncodedInt64(5); b.Write7BitEncodedInt64(0); }))(w);
        }

        return stream.ToArray();
    }

    private static void Strings(BinaryWriter w, string[] values, long? count)
    {
        w.Write7BitEncodedInt64(count ?? values.Length);
        foreach (string value in values)
        {
            w.Write(value);
        }
    }

    // Header, payload and XxHash64 of both, as CubeFormat writes them.
    private static byte[] Seal(byte kind, byte[] payload, byte reserved = 0, long lengthDelta = 0)
    {
        byte[] header = new byte[20];
        "DJPKCUBE"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), 1);
        header[10] = kind;
        header[11] = reserved;
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(12), payload.Length + lengthDelta);
        var hash = new XxHash64();
        hash.Append(header);
        hash.Append(payload);
        byte[] checksum = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(checksum, hash.GetCurrentHashAsUInt64());
        return [.. header, .. payload, .. checksum];
    }
}
