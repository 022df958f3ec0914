using System.Buffers.Binary;
using System.Collections.Immutable;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Djpk.Metrics.Logs;

/// <summary>The library's columnar log file: a checksummed header, then each column as it is stored in memory.</summary>
/// <remarks>
/// <para>Layout, little-endian. The header (64 bytes): the magic <c>DJPKLOG1</c>, the version (2 bytes, now 1), flags
/// (2 bytes, 0), 4 reserved bytes (0), the record count and the distinct-user count (8 bytes each), then 24 reserved
/// bytes (0) and the XxHash3 of the header's first 56 bytes. A section table follows: for each of the
/// <see cref="SectionCount"/> sections its length in bytes and its XxHash3 (8 bytes each), then the table's own XxHash3.
/// The sections follow in order, each starting at a multiple of 64 bytes (zero padding): the catalog and topic names,
/// then the columns ticks (8 bytes a record), channel codes (1), segment codes (1), topic codes (2), user codes (4), and
/// the sorted user keys (8 a user).</para>
/// <para>Reading checks the header, the table, each section's checksum, and then that every code is in range and the
/// user keys ascend, so a wrong file is an <see cref="InvalidDataException"/>, never a wrong log.</para>
/// </remarks>
internal static class LogFile
{
    public const ushort Version = 1;
    public const int SectionCount = 7;
    private const int HeaderLength = 64;
    private const int TableLength = (SectionCount * 16) + 8;
    private const int Alignment = 64;
    private const int ChunkBytes = 1 << 18;
    private static ReadOnlySpan<byte> Magic => "DJPKLOG1"u8;

    public static void Write(InteractionLog log, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] meta = Meta(log);
        var sections = new ReadOnlyMemory<byte>[SectionCount];
        sections[0] = meta;
        ulong[] hashes = new ulong[SectionCount];
        Parallel.For(0, SectionCount, i => hashes[i] = XxHash3.HashToUInt64(Section(log, meta, i)));

        Span<byte> header = stackalloc byte[HeaderLength];
        header.Clear();
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], Version);
        BinaryPrimitives.WriteInt64LittleEndian(header[16..], log.Count);
        BinaryPrimitives.WriteInt64LittleEndian(header[24..], log.DistinctUsers);
        BinaryPrimitives.WriteUInt64LittleEndian(header[56..], XxHash3.HashToUInt64(header[..56]));
        stream.Write(header);

        Span<byte> table = stackalloc byte[TableLength];
        for (int i = 0; i < SectionCount; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(table[(i * 16)..], Section(log, meta, i).Length);
            BinaryPrimitives.WriteUInt64LittleEndian(table[((i * 16) + 8)..], hashes[i]);
        }

        BinaryPrimitives.WriteUInt64LittleEndian(table[(SectionCount * 16)..], XxHash3.HashToUInt64(table[..(SectionCount * 16)]));
        stream.Write(table);
        long position = HeaderLength + TableLength;
        Span<byte> padding = stackalloc byte[Alignment];
        padding.Clear();
        for (int i = 0; i < SectionCount; i++)
        {
            int pad = Pad(position);
            stream.Write(padding[..pad]);
            ReadOnlySpan<byte> bytes = Section(log, meta, i);
            stream.Write(bytes);
            position += pad + bytes.Length;
        }
    }

    public static InteractionLog Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[HeaderLength];
        int read = stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
        int prefix = Math.Min(read, Magic.Length);
        if (read == 0 || !header[..prefix].SequenceEqual(Magic[..prefix]))
        {
            throw new InvalidDataException("The stream is not a log file: it must start with 'DJPKLOG1'; write one with InteractionLog.Save.");
        }

        if (read < HeaderLength)
        {
            throw Truncated();
        }

        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
        if (version != Version)
        {
            throw new InvalidDataException($"The log file has version {version}; this library reads version {Version} only: open it with the library version that wrote it.");
        }

        if (BinaryPrimitives.ReadUInt64LittleEndian(header[56..]) != XxHash3.HashToUInt64(header[..56]))
        {
            throw new InvalidDataException("The log file's header is corrupted: its checksum does not match.");
        }

        long count = BinaryPrimitives.ReadInt64LittleEndian(header[16..]);
        long users = BinaryPrimitives.ReadInt64LittleEndian(header[24..]);
        if (BinaryPrimitives.ReadUInt16LittleEndian(header[10..]) != 0 || count < 0 || count > Array.MaxLength || users < 0 || users > count)
        {
            throw Corrupted("its header gives impossible counts or flags");
        }

        Span<byte> table = stackalloc byte[TableLength];
        ReadExactly(stream, table);
        if (BinaryPrimitives.ReadUInt64LittleEndian(table[(SectionCount * 16)..]) != XxHash3.HashToUInt64(table[..(SectionCount * 16)]))
        {
            throw Corrupted("its section table's checksum does not match");
        }

        long[] expected = [-1, count * sizeof(long), count, count, count * sizeof(ushort), count * sizeof(int), users * sizeof(long)];
        long[] lengths = new long[SectionCount];
        ulong[] hashes = new ulong[SectionCount];
        long total = HeaderLength + TableLength;
        for (int i = 0; i < SectionCount; i++)
        {
            lengths[i] = BinaryPrimitives.ReadInt64LittleEndian(table[(i * 16)..]);
            hashes[i] = BinaryPrimitives.ReadUInt64LittleEndian(table[((i * 16) + 8)..]);
            if ((i > 0 && lengths[i] != expected[i]) || lengths[i] < 0 || lengths[i] > Array.MaxLength)
            {
                throw Corrupted("its section lengths do not match its record count");
            }

            total += Pad(total) + lengths[i];
        }

        if (stream.CanSeek && total > stream.Length - stream.Position + HeaderLength + TableLength)
        {
            throw Truncated();
        }

        byte[] meta = new byte[lengths[0]];
        long[] ticks = GC.AllocateUninitializedArray<long>((int)count);
        byte[] channels = GC.AllocateUninitializedArray<byte>((int)count);
        byte[] segments = GC.AllocateUninitializedArray<byte>((int)count);
        ushort[] topics = GC.AllocateUninitializedArray<ushort>((int)count);
        int[] userCodes = GC.AllocateUninitializedArray<int>((int)count);
        long[] keys = GC.AllocateUninitializedArray<long>((int)users);
        Array[] targets = [meta, ticks, channels, segments, topics, userCodes, keys];
        long position = HeaderLength + TableLength;
        Span<byte> padding = stackalloc byte[Alignment];
        var hash = new XxHash3();
        Catalog catalog = Catalog.Empty;
        ImmutableArray<Topic> topicNames = [];
        (long Earliest, long Latest, bool Chronological) span = (long.MaxValue, long.MinValue, true);
        bool valid = true;
        for (int i = 0; i < SectionCount; i++)
        {
            int pad = Pad(position);
            ReadExactly(stream, padding[..pad]);
            if (padding[..pad].ContainsAnyExcept((byte)0))
            {
                throw Corrupted("the padding before a section is not zero");
            }

            // Read, hash and check the column a chunk at a time, while the chunk is in the cache: one pass over memory.
            Span<byte> target = BytesOf(targets[i]);
            hash.Reset();
            for (int from = 0; from < target.Length; from += ChunkBytes)
            {
                Span<byte> chunk = target.Slice(from, Math.Min(ChunkBytes, target.Length - from));
                ReadExactly(stream, chunk);
                hash.Append(chunk);
                valid &= i switch
                {
                    1 => CheckTimes(MemoryMarshal.Cast<byte, long>(chunk), ref span),
                    2 => !chunk.ContainsAnyExceptInRange((byte)0, (byte)Math.Max(0, catalog.Channels.Length - 1)),
                    3 => !chunk.ContainsAnyExceptInRange((byte)0, (byte)Math.Max(0, catalog.Segments.Length - 1)),
                    4 => !MemoryMarshal.Cast<byte, ushort>(chunk).ContainsAnyExceptInRange((ushort)0, (ushort)Math.Max(0, topicNames.Length - 1)),
                    5 => !MemoryMarshal.Cast<byte, int>(chunk).ContainsAnyExceptInRange(0, (int)users - 1),
                    6 => Ascending(keys, from / sizeof(long), (from + chunk.Length) / sizeof(long)),
                    _ => true,
                };
            }

            if (hash.GetCurrentHashAsUInt64() != hashes[i])
            {
                throw Corrupted($"the checksum of section {i} does not match");
            }

            if (i == 0)
            {
                (catalog, topicNames) = ReadMeta(meta);
                valid &= count == 0 || !(catalog.Channels.IsEmpty || catalog.Segments.IsEmpty || topicNames.IsEmpty);
            }

            position += pad + target.Length;
        }

        if (!valid)
        {
            throw Corrupted("a code, a user key or a time is out of range although the checksums match, so it was not written by this library");
        }

        return new InteractionLog(catalog, ticks, channels, segments, topics, userCodes, topicNames, keys, span);
    }

    // Folds a chunk of the time column into the span so far; false when a time is outside NodaTime's instants.
    private static bool CheckTimes(ReadOnlySpan<long> chunk, ref (long Earliest, long Latest, bool Chronological) span)
    {
        long previous = span.Latest == long.MinValue ? long.MinValue : span.Latest;
        (long earliest, long latest, bool chronological) = InteractionLog.ScanTimes(chunk, span.Chronological ? previous : long.MinValue);
        span = (Math.Min(span.Earliest, earliest), Math.Max(span.Latest, latest), span.Chronological && chronological);
        return earliest >= MinTicks && latest <= MaxTicks;
    }

    private static long MinTicks { get; } = NodaTime.Instant.MinValue.ToUnixTimeTicks();

    private static long MaxTicks { get; } = NodaTime.Instant.MaxValue.ToUnixTimeTicks();

    private static Span<byte> BytesOf(Array column) => column switch
    {
        byte[] bytes => bytes,
        long[] longs => MemoryMarshal.AsBytes(longs.AsSpan()),
        ushort[] shorts => MemoryMarshal.AsBytes(shorts.AsSpan()),
        _ => MemoryMarshal.AsBytes(((int[])column).AsSpan()),
    };

    private static ReadOnlySpan<byte> Section(InteractionLog log, byte[] meta, int i) => i switch
    {
        0 => meta,
        1 => MemoryMarshal.AsBytes(log.Ticks.AsSpan()),
        2 => log.ChannelCodes,
        3 => log.SegmentCodes,
        4 => MemoryMarshal.AsBytes(log.TopicCodes.AsSpan()),
        5 => MemoryMarshal.AsBytes(log.UserCodes.AsSpan()),
        _ => MemoryMarshal.AsBytes(log.UserKeys.AsSpan()),
    };

    private static int Pad(long position) => (int)((Alignment - (position % Alignment)) % Alignment);

    private static bool Ascending(long[] keys, int from, int to)
    {
        for (int i = Math.Max(1, from); i < to; i++)
        {
            if (keys[i] <= keys[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    private static byte[] Meta(InteractionLog log)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(log.Catalog.Channels.Length);
            foreach (ChannelInfo channel in log.Catalog.Channels)
            {
                writer.Write(channel.Channel.Id);
                writer.Write(channel.IndonesianName);
                writer.Write(channel.EnglishName);
                writer.Write((int)channel.Kind);
            }

            writer.Write(log.Catalog.Segments.Length);
            foreach (UserSegmentInfo segment in log.Catalog.Segments)
            {
                writer.Write(segment.Segment.Id);
                writer.Write(segment.IndonesianName);
                writer.Write(segment.EnglishName);
                writer.Write(segment.Includes);
            }

            writer.Write(log.Topics.Length);
            foreach (Topic topic in log.Topics)
            {
                writer.Write(topic.Name);
            }
        }

        return buffer.ToArray();
    }

    private static (Catalog Catalog, ImmutableArray<Topic> Topics) ReadMeta(byte[] meta)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(meta, writable: false), System.Text.Encoding.UTF8);
            Catalog catalog = Catalog.Empty;
            int channels = Length(reader, Catalog.MaxEntries);
            for (int i = 0; i < channels; i++)
            {
                catalog = catalog.WithChannel(new ChannelInfo(new Channel(reader.ReadString()), reader.ReadString(), reader.ReadString(), Kind(reader.ReadInt32())));
            }

            int segments = Length(reader, Catalog.MaxEntries);
            for (int i = 0; i < segments; i++)
            {
                catalog = catalog.WithSegment(new UserSegmentInfo(new UserSegment(reader.ReadString()), reader.ReadString(), reader.ReadString(), reader.ReadString()));
            }

            var topics = ImmutableArray.CreateBuilder<Topic>(Length(reader, InteractionLogBuilder.MaxTopics));
            for (int i = 0; i < topics.Capacity; i++)
            {
                string name = reader.ReadString();
                topics.Add(name.Length == 0 ? Topic.Unspecified : new Topic(name));
            }

            if (reader.BaseStream.Position != meta.Length || topics.Distinct().Count() != topics.Count)
            {
                throw Corrupted("its catalog section has bytes after the topics or repeats a topic");
            }

            return (catalog, topics.MoveToImmutable());
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or FormatException)
        {
            throw new InvalidDataException("The log file's catalog section is invalid although its checksum matches: it was not written by this library.", e);
        }
    }

    private static ChannelKind Kind(int value) =>
        Enum.IsDefined((ChannelKind)value) ? (ChannelKind)value : throw Corrupted("a channel kind is undefined");

    private static int Length(BinaryReader reader, int max)
    {
        int value = reader.ReadInt32();
        return value >= 0 && value <= max ? value : throw Corrupted("its catalog section gives an impossible count");
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer)
    {
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The log file is truncated: it ends before its last column.", e);
        }
    }

    private static InvalidDataException Truncated() => new("The log file is truncated: it ends before its last column.");

    private static InvalidDataException Corrupted(string what) => new($"The log file is corrupted: {what}.");
}
