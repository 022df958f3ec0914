using System.Buffers.Binary;
using System.Collections.Immutable;
using System.IO.Hashing;
using Djpk.Metrics.Periods;
using NodaTime;

namespace Djpk.Metrics.Aggregation;

/// <summary>The binary form of a cube, and the checks that rebuild a cube's shape from what a file or document says.</summary>
/// <remarks>
/// <para>Layout, little-endian: the magic <c>DJPKCUBE</c> (8 bytes), the version (2 bytes, now 1), the kind (1 byte:
/// 1 counts, 2 distinct users), flags (1 byte, 0), the payload's length (8 bytes), the payload, then the XxHash64 of
/// everything before it (8 bytes). The payload is the shape (zone id, grain, first period index and count, dimensions,
/// member and filter lists, data span to the nanosecond) and the cells, as 7-bit variable-length integers: counts, or per
/// cell a set (0 for none, else size + 1) of ascending user keys, the first zig-zag coded and the rest as gaps.</para>
/// <para>Reading checks the header, then the checksum, then the content, so a truncated or corrupted file is an
/// <see cref="InvalidDataException"/>, never a wrong cube.</para>
/// </remarks>
internal static class CubeFormat
{
    public const ushort Version = 1;
    public const byte CountsKind = 1;
    public const byte UsersKind = 2;

    private const int HeaderLength = 20;
    private const int ChecksumLength = sizeof(ulong);
    private static ReadOnlySpan<byte> Magic => "DJPKCUBE"u8;

    /// <summary>Writes the header, the payload written by <paramref name="body"/> after the shape, and the checksum.</summary>
    public static void Write(Stream stream, byte kind, CubeShape shape, Action<BinaryWriter> body)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            WriteShape(writer, shape);
            body(writer);
        }

        Span<byte> header = stackalloc byte[HeaderLength];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], Version);
        header[10] = kind;
        header[11] = 0;
        BinaryPrimitives.WriteInt64LittleEndian(header[12..], payload.Length);
        var hash = new XxHash64();
        hash.Append(header);
        ReadOnlySpan<byte> bytes = payload.GetBuffer().AsSpan(0, (int)payload.Length);
        hash.Append(bytes);
        Span<byte> checksum = stackalloc byte[ChecksumLength];
        BinaryPrimitives.WriteUInt64LittleEndian(checksum, hash.GetCurrentHashAsUInt64());
        stream.Write(header);
        stream.Write(bytes);
        stream.Write(checksum);
    }

    /// <summary>Reads and verifies one cube of <paramref name="kind"/> from <paramref name="stream"/>, and returns its payload.</summary>
    /// <exception cref="InvalidDataException">The stream does not hold a cube of this kind and version, or it is truncated or corrupted.</exception>
    public static byte[] ReadPayload(Stream stream, byte kind)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[HeaderLength];
        int read = stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
        if (!header[..Math.Min(read, Magic.Length)].SequenceEqual(Magic[..Math.Min(read, Magic.Length)]) || read == 0)
        {
            throw new InvalidDataException(read == 0
                ? "The stream is empty, not a cube file: write one with CountCube.WriteTo or DistinctUserCube.WriteTo."
                : "The stream is not a cube file: it must start with 'DJPKCUBE'; write it with CountCube.WriteTo or DistinctUserCube.WriteTo.");
        }

        if (read < HeaderLength)
        {
            throw new InvalidDataException("The cube file is truncated: it ends inside its header.");
        }

        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
        if (version != Version)
        {
            throw new InvalidDataException($"The cube file has version {version}; this library reads version {Version} only: read it with the library version that wrote it.");
        }

        if (header[10] != kind)
        {
            throw new InvalidDataException(header[10] switch
            {
                CountsKind => "The cube file holds consultation counts: read it with CountCube.ReadFrom.",
                UsersKind => "The cube file holds distinct users: read it with DistinctUserCube.ReadFrom.",
                _ => $"The cube file's kind {header[10]} is unknown: the file is corrupted.",
            });
        }

        long length = BinaryPrimitives.ReadInt64LittleEndian(header[12..]);
        if (header[11] != 0 || length < 0 || length > Array.MaxLength - ChecksumLength
            || (stream.CanSeek && length + ChecksumLength > stream.Length - stream.Position))
        {
            throw new InvalidDataException("The cube file is truncated or corrupted: its header gives an impossible payload length.");
        }

        byte[] payload = ReadBytes(stream, (int)length);
        Span<byte> checksum = stackalloc byte[ChecksumLength];
        ReadExactly(stream, checksum);
        var hash = new XxHash64();
        hash.Append(header);
        hash.Append(payload);
        if (hash.GetCurrentHashAsUInt64() != BinaryPrimitives.ReadUInt64LittleEndian(checksum))
        {
            throw new InvalidDataException("The cube file is corrupted: its checksum does not match its content.");
        }

        return payload;
    }

    /// <summary>Parses a verified payload with <paramref name="parse"/>, turning any malformed content into an <see cref="InvalidDataException"/>.</summary>
    public static T Parse<T>(byte[] payload, Func<BinaryReader, CubeShape, T> parse)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(payload, writable: false), System.Text.Encoding.UTF8);
            CubeShape shape = ReadShape(reader);
            T cube = parse(reader, shape);
            if (reader.BaseStream.Position != payload.Length)
            {
                throw new InvalidDataException("The cube file's payload has bytes after the cells: it is corrupted.");
            }

            return cube;
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or ArgumentException or OverflowException)
        {
            throw new InvalidDataException("The cube file's content is invalid although its checksum matches: it was not written by this library.", e);
        }
    }

    /// <summary>Reads a count that must fit in the rest of the payload (at least one byte per element).</summary>
    /// <remarks><paramref name="bias"/> is added to the count in the file (a set's size is stored plus one, 0 meaning no set).</remarks>
    public static int ReadLength(BinaryReader reader, int bias = 0)
    {
        long value = reader.Read7BitEncodedInt64();
        long remaining = reader.BaseStream.Length - reader.BaseStream.Position;
        return value < 0 || value - bias > remaining
            ? throw new InvalidDataException("The cube file's payload gives a length longer than the payload: it is corrupted.")
            : (int)value;
    }

    /// <summary>Builds a shape from the parts a file or a document gives, checking that they make a valid cube.</summary>
    /// <exception cref="InvalidDataException">The parts do not make a valid shape.</exception>
    public static CubeShape Shape(
        string zoneId,
        PeriodGrain grain,
        int firstIndex,
        int count,
        AggregationDimensions dimensions,
        ImmutableArray<Channel> channels,
        ImmutableArray<UserSegment> segments,
        ImmutableArray<Topic> topics,
        ImmutableArray<Channel> channelFilter,
        ImmutableArray<UserSegment> segmentFilter,
        Interval? span)
    {
        DateTimeZone zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)
            ?? throw new InvalidDataException($"The cube's zone '{zoneId}' is not in this library's TZDB: read it with a NodaTime that knows the zone.");
        if (!Enum.IsDefined(grain) || (uint)dimensions > 7 || count < 1 || firstIndex < 0
            || (long)firstIndex + count - 1 > ReportingPeriod.MaxIndex(grain))
        {
            throw new InvalidDataException("The cube's grain, dimensions or period axis is out of range: it is corrupted.");
        }

        Check(channels, dimensions.HasFlag(AggregationDimensions.Channel));
        Check(segments, dimensions.HasFlag(AggregationDimensions.Segment));
        Check(topics, dimensions.HasFlag(AggregationDimensions.Topic));
        Check(channelFilter, true);
        Check(segmentFilter, true);
        if (span is { } s && s.Start > s.End)
        {
            throw new InvalidDataException("The cube's data span ends before it starts: it is corrupted.");
        }

        var calendar = new ReportingCalendar(zone);
        var periods = new PeriodRange(ReportingPeriod.FromIndex(grain, firstIndex), ReportingPeriod.FromIndex(grain, firstIndex + count - 1));
        return new CubeShape(calendar, periods, dimensions, channels, segments, topics, channelFilter, segmentFilter, span, new PeriodMap(calendar, periods));
    }

    private static void Check<T>(ImmutableArray<T> members, bool allowed)
    {
        if ((!allowed && !members.IsEmpty) || members.Distinct().Count() != members.Length)
        {
            throw new InvalidDataException("The cube's member lists repeat a member or name members of a dimension it is not broken down by: it is corrupted.");
        }
    }

    private static void WriteShape(BinaryWriter writer, CubeShape shape)
    {
        writer.Write(shape.Calendar.Zone.Id);
        writer.Write((byte)shape.Periods.Grain);
        writer.Write(shape.Periods.First.Index);
        writer.Write(shape.Periods.Count);
        writer.Write((byte)shape.Dimensions);
        WriteStrings(writer, shape.Channels.Select(c => c.Id));
        WriteStrings(writer, shape.Segments.Select(s => s.Id));
        WriteStrings(writer, shape.Topics.Select(t => t.Name));
        WriteStrings(writer, shape.ChannelFilter.Select(c => c.Id));
        WriteStrings(writer, shape.SegmentFilter.Select(s => s.Id));
        writer.Write(shape.DataSpan is not null);
        if (shape.DataSpan is Interval span)
        {
            WriteInstant(writer, span.Start);
            WriteInstant(writer, span.End);
        }
    }

    private static CubeShape ReadShape(BinaryReader reader)
    {
        string zone = reader.ReadString();
        var grain = (PeriodGrain)reader.ReadByte();
        int first = reader.ReadInt32();
        int count = reader.ReadInt32();
        var dimensions = (AggregationDimensions)reader.ReadByte();
        ImmutableArray<Channel> channels = [.. ReadStrings(reader).Select(id => new Channel(id))];
        ImmutableArray<UserSegment> segments = [.. ReadStrings(reader).Select(id => new UserSegment(id))];
        ImmutableArray<Topic> topics = [.. ReadStrings(reader).Select(TopicNamed)];
        ImmutableArray<Channel> channelFilter = [.. ReadStrings(reader).Select(id => new Channel(id))];
        ImmutableArray<UserSegment> segmentFilter = [.. ReadStrings(reader).Select(id => new UserSegment(id))];
        Interval? span = reader.ReadByte() switch
        {
            0 => null,
            1 => new Interval(ReadInstant(reader), ReadInstant(reader)),
            _ => throw new InvalidDataException("The cube file's span flag is neither 0 nor 1: it is corrupted."),
        };
        return Shape(zone, grain, first, count, dimensions, channels, segments, topics, channelFilter, segmentFilter, span);
    }

    /// <summary>Returns the topic of a stored name: the empty name is <see cref="Topic.Unspecified"/>.</summary>
    public static Topic TopicNamed(string name) => name.Length == 0 ? Topic.Unspecified : new Topic(name);

    private static void WriteStrings(BinaryWriter writer, IEnumerable<string> values)
    {
        string[] all = [.. values];
        writer.Write7BitEncodedInt64(all.Length);
        foreach (string value in all)
        {
            writer.Write(value);
        }
    }

    private static string[] ReadStrings(BinaryReader reader)
    {
        var values = new string[ReadLength(reader)];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadString();
        }

        return values;
    }

    // An instant to the nanosecond: Unix ticks, then the nanoseconds within the tick (0-99).
    private static void WriteInstant(BinaryWriter writer, Instant instant)
    {
        long ticks = instant.ToUnixTimeTicks();
        writer.Write(ticks);
        writer.Write((byte)(instant - Instant.FromUnixTimeTicks(ticks)).ToInt64Nanoseconds());
    }

    private static Instant ReadInstant(BinaryReader reader)
    {
        long ticks = reader.ReadInt64();
        byte nanoseconds = reader.ReadByte();
        if (ticks < Instant.MinValue.ToUnixTimeTicks() || ticks > Instant.MaxValue.ToUnixTimeTicks() || nanoseconds >= 100)
        {
            throw new InvalidDataException("The cube file's data span is outside the instants NodaTime supports: it is corrupted.");
        }

        Instant instant = Instant.FromUnixTimeTicks(ticks);
        return nanoseconds == 0 ? instant : instant.PlusNanoseconds(nanoseconds);
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer)
    {
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The cube file is truncated: it ends before its checksum.", e);
        }
    }

    // Reads length bytes, growing the buffer as data arrives, so a corrupted length on a stream that cannot seek costs no huge allocation.
    private static byte[] ReadBytes(Stream stream, int length)
    {
        byte[] buffer = new byte[Math.Min(length, 1 << 20)];
        int filled = 0;
        while (filled < length)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(length, (long)buffer.Length * 2));
            }

            int read = stream.Read(buffer, filled, buffer.Length - filled);
            if (read == 0)
            {
                throw new InvalidDataException("The cube file is truncated: it ends inside its payload.");
            }

            filled += read;
        }

        return buffer;
    }
}
