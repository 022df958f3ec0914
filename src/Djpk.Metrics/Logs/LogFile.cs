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
/// user keys ascend, so a wrong file is an <see cref="InvalidDataException"/>, never a wrong log. <see cref="Read"/> copies
/// the columns into arrays; <see cref="Map"/> checks the same things on a mapping of the file (the file's length against
/// the table first, so no page past its end is touched) and serves the columns from it.</para>
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
        using LogMapping.Lease lease = log.Lease();
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
        (long count, long users) = ParseHeader(header[..read]);
        Span<byte> table = stackalloc byte[TableLength];
        ReadExactly(stream, table);
        (long[] lengths, ulong[] hashes, long total) = ParseTable(table, count, users);
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

    /// <summary>Maps the file at <paramref name="path"/>, checks all of it, and returns a log whose columns are windows on the mapping; the log owns the mapping.</summary>
    public static unsafe InteractionLog Map(string path)
    {
        FileStream? file = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        LogMapping? mapping = null;
        try
        {
            long length = file.Length;
            if (length < HeaderLength + TableLength)
            {
                // Too short for a header and a table: not a log, or truncated (an empty file cannot be mapped at all).
                byte[] head = new byte[Math.Min(length, HeaderLength)];
                file.ReadExactly(head);
                ParseHeader(head);
                throw Truncated();
            }

            mapping = LogMapping.Map(file, length);
            file = null; // the mapping owns it now
            return FromMapping(mapping);
        }
        catch
        {
            mapping?.Dispose();
            file?.Dispose();
            throw;
        }
    }

    private static unsafe InteractionLog FromMapping(LogMapping mapping)
    {
        byte* start = mapping.Start;
        (long count, long users) = ParseHeader(new ReadOnlySpan<byte>(start, HeaderLength));
        (long[] lengths, ulong[] hashes, long total) = ParseTable(new ReadOnlySpan<byte>(start + HeaderLength, TableLength), count, users);
        if (total > mapping.Length)
        {
            throw Truncated(); // checked before any column page is touched: reading past the file's end would fault
        }

        long[] offsets = new long[SectionCount];
        long position = HeaderLength + TableLength;
        for (int i = 0; i < SectionCount; i++)
        {
            int pad = Pad(position);
            if (new ReadOnlySpan<byte>(start + position, pad).ContainsAnyExcept((byte)0))
            {
                throw Corrupted("the padding before a section is not zero");
            }

            offsets[i] = position + pad;
            position = offsets[i] + lengths[i];
        }

        byte[] meta = new ReadOnlySpan<byte>(start + offsets[0], (int)lengths[0]).ToArray();
        if (XxHash3.HashToUInt64(meta) != hashes[0])
        {
            throw Corrupted("the checksum of section 0 does not match");
        }

        (Catalog catalog, ImmutableArray<Topic> topicNames) = ReadMeta(meta);
        bool valid = count == 0 || !(catalog.Channels.IsEmpty || catalog.Segments.IsEmpty || topicNames.IsEmpty);

        // Every column's checksum and ranges, the largest first so that both cores finish together; one pass over the
        // mapping, a chunk at a time (hashed and range-checked while it is in the cache). Failures are collected, not thrown
        // inside the loop, so the caller sees one InvalidDataException.
        int[] order = [1, 5, 6, 4, 2, 3];
        bool[] hashOk = new bool[SectionCount];
        bool[] rangeOk = new bool[SectionCount];
        (long Earliest, long Latest, bool Chronological) span = (long.MaxValue, long.MinValue, true);
        Parallel.For(0, order.Length, k =>
        {
            int i = order[k];
            var section = new ReadOnlySpan<byte>(start + offsets[i], (int)lengths[i]);
            var hash = new XxHash3();
            bool ok = true;
            var times = (long.MaxValue, long.MinValue, true);
            for (int from = 0; from < section.Length; from += ChunkBytes)
            {
                ReadOnlySpan<byte> chunk = section.Slice(from, Math.Min(ChunkBytes, section.Length - from));
                hash.Append(chunk);
                ok &= i == 1 ? CheckTimes(MemoryMarshal.Cast<byte, long>(chunk), ref times) : CheckCodes(i, chunk, from, section, catalog, topicNames.Length, users);
            }

            hashOk[i] = hash.GetCurrentHashAsUInt64() == hashes[i];
            rangeOk[i] = ok;
            if (i == 1)
            {
                span = times;
            }
        });

        for (int i = 1; i < SectionCount; i++)
        {
            if (!hashOk[i])
            {
                throw Corrupted($"the checksum of section {i} does not match");
            }

            valid &= rangeOk[i];
        }

        if (!valid)
        {
            throw Corrupted("a code, a user key or a time is out of range although the checksums match, so it was not written by this library");
        }

        int n = (int)count;
        return new InteractionLog(
            catalog,
            new MappedColumn<long>(start + offsets[1], n).Memory,
            new MappedColumn<byte>(start + offsets[2], n).Memory,
            new MappedColumn<byte>(start + offsets[3], n).Memory,
            new MappedColumn<ushort>(start + offsets[4], n).Memory,
            new MappedColumn<int>(start + offsets[5], n).Memory,
            topicNames,
            new MappedColumn<long>(start + offsets[6], (int)users).Memory,
            span,
            mapping);
    }

    // The range check of a chunk of code or key section i (2 to 6); section is the whole section, for the key order across chunks.
    private static bool CheckCodes(int i, ReadOnlySpan<byte> chunk, int from, ReadOnlySpan<byte> section, Catalog catalog, int topics, long users) => i switch
    {
        2 => !chunk.ContainsAnyExceptInRange((byte)0, (byte)Math.Max(0, catalog.Channels.Length - 1)),
        3 => !chunk.ContainsAnyExceptInRange((byte)0, (byte)Math.Max(0, catalog.Segments.Length - 1)),
        4 => !MemoryMarshal.Cast<byte, ushort>(chunk).ContainsAnyExceptInRange((ushort)0, (ushort)Math.Max(0, topics - 1)),
        5 => !MemoryMarshal.Cast<byte, int>(chunk).ContainsAnyExceptInRange(0, (int)users - 1),
        _ => Ascending(MemoryMarshal.Cast<byte, long>(section), from / sizeof(long), (from + chunk.Length) / sizeof(long)),
    };

    // Checks the magic, version, header checksum and counts of a header (shorter when the input ended early).
    private static (long Count, long Users) ParseHeader(ReadOnlySpan<byte> header)
    {
        int prefix = Math.Min(header.Length, Magic.Length);
        if (header.Length == 0 || !header[..prefix].SequenceEqual(Magic[..prefix]))
        {
            throw new InvalidDataException("The stream is not a log file: it must start with 'DJPKLOG1'; write one with InteractionLog.Save.");
        }

        if (header.Length < HeaderLength)
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

        return (count, users);
    }

    // Checks the section table against its checksum and the header's counts; returns the lengths, the checksums and the file length they imply.
    private static (long[] Lengths, ulong[] Hashes, long Total) ParseTable(ReadOnlySpan<byte> table, long count, long users)
    {
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

        return (lengths, hashes, total);
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
        1 => MemoryMarshal.AsBytes(log.Ticks),
        2 => log.ChannelCodes,
        3 => log.SegmentCodes,
        4 => MemoryMarshal.AsBytes(log.TopicCodes),
        5 => MemoryMarshal.AsBytes(log.UserCodes),
        _ => MemoryMarshal.AsBytes(log.UserKeys),
    };

    private static int Pad(long position) => (int)((Alignment - (position % Alignment)) % Alignment);

    private static bool Ascending(ReadOnlySpan<long> keys, int from, int to)
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
