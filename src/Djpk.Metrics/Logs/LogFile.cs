using System.Buffers.Binary;
using System.Collections.Immutable;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Djpk.Metrics.Logs;

/// <summary>The library's columnar log file: a checksummed header, then each column as it is stored in memory.</summary>
/// <remarks>
/// <para>Layout, little-endian. The header (64 bytes): the magic <c>DJPKLOG1</c>, the version (2 bytes, now 2), flags
/// (2 bytes: the <see cref="ServiceColumns"/> present; 0 in version 1), 4 reserved bytes (0), the record count and the
/// distinct-user count (8 bytes each), the distinct-agent and distinct-case counts (8 bytes each; reserved 0 in version 1),
/// 8 reserved bytes (0) and the XxHash3 of the header's first 56 bytes. A section table follows: for each section (7 in
/// version 1, 16 in version 2) its length in bytes and its XxHash3 (8 bytes each), then the table's own XxHash3.
/// The sections follow in order, each starting at a multiple of 64 bytes (zero padding): the catalog and topic names,
/// then the columns ticks (8 bytes a record), channel codes (1), segment codes (1), topic codes (2), user codes (4), and
/// the sorted user keys (8 a user); in version 2 then the service columns, each empty when its flag is clear: first
/// responses (8 a record), ends (8), outcome names, outcome codes (1), agent codes (4), sorted agent keys (8 an agent),
/// case codes (4), sorted case keys (8 a case), satisfaction scores (1). Version 1 files are still read.</para>
/// <para>Reading checks the header, the table, each section's checksum, and then that every code is in range and the
/// user keys ascend (and for the service columns that no response precedes its record, no end its response or record,
/// and every score is 0 to 5), so a wrong file is an <see cref="InvalidDataException"/>, never a wrong log. <see cref="Read"/> copies
/// the columns into arrays; <see cref="Map"/> checks the same things on a mapping of the file (the file's length against
/// the table first, so no page past its end is touched) and serves the columns from it.</para>
/// </remarks>
internal static class LogFile
{
    public const ushort Version = 2;
    public const int SectionCount = 16;
    private const int BaseSections = 7;
    private const int HeaderLength = 64;
    private const int Alignment = 64;
    private const int ChunkBytes = 1 << 18;
    private static ReadOnlySpan<byte> Magic => "DJPKLOG1"u8;

    // The sections a mapping checks in parallel, the largest first (0 and 9 are read before them).
    private static readonly int[] CheckOrder = [1, 7, 8, 5, 11, 13, 6, 12, 14, 4, 2, 3, 10, 15];

    public static void Write(InteractionLog log, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using LogMapping.Lease lease = log.Lease();
        byte[] meta = Meta(log);
        byte[] outcomes = log.ServiceColumns.HasFlag(ServiceColumns.Outcome) ? OutcomeMeta(log.Outcomes) : [];
        ulong[] hashes = new ulong[SectionCount];
        Parallel.For(0, SectionCount, i => hashes[i] = XxHash3.HashToUInt64(Section(log, meta, outcomes, i)));

        Span<byte> header = stackalloc byte[HeaderLength];
        header.Clear();
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(header[10..], (ushort)log.ServiceColumns);
        BinaryPrimitives.WriteInt64LittleEndian(header[16..], log.Count);
        BinaryPrimitives.WriteInt64LittleEndian(header[24..], log.DistinctUsers);
        BinaryPrimitives.WriteInt64LittleEndian(header[32..], log.DistinctAgents);
        BinaryPrimitives.WriteInt64LittleEndian(header[40..], log.DistinctCases);
        BinaryPrimitives.WriteUInt64LittleEndian(header[56..], XxHash3.HashToUInt64(header[..56]));
        stream.Write(header);

        Span<byte> table = stackalloc byte[TableLength(SectionCount)];
        for (int i = 0; i < SectionCount; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(table[(i * 16)..], Section(log, meta, outcomes, i).Length);
            BinaryPrimitives.WriteUInt64LittleEndian(table[((i * 16) + 8)..], hashes[i]);
        }

        BinaryPrimitives.WriteUInt64LittleEndian(table[(SectionCount * 16)..], XxHash3.HashToUInt64(table[..(SectionCount * 16)]));
        stream.Write(table);
        long position = HeaderLength + TableLength(SectionCount);
        Span<byte> padding = stackalloc byte[Alignment];
        padding.Clear();
        for (int i = 0; i < SectionCount; i++)
        {
            int pad = Pad(position);
            stream.Write(padding[..pad]);
            ReadOnlySpan<byte> bytes = Section(log, meta, outcomes, i);
            stream.Write(bytes);
            position += pad + bytes.Length;
        }
    }

    public static InteractionLog Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[HeaderLength];
        int read = stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
        Header head = ParseHeader(header[..read]);
        Span<byte> table = stackalloc byte[TableLength(head.Sections)];
        ReadExactly(stream, table);
        (long[] lengths, ulong[] hashes, long total) = ParseTable(table, head);
        if (stream.CanSeek && total > stream.Length - stream.Position + HeaderLength + table.Length)
        {
            throw Truncated();
        }

        int n = (int)head.Count;
        ServiceColumns columns = head.Columns;
        byte[] meta = new byte[lengths[0]];
        long[] ticks = GC.AllocateUninitializedArray<long>(n);
        byte[] channels = GC.AllocateUninitializedArray<byte>(n);
        byte[] segments = GC.AllocateUninitializedArray<byte>(n);
        ushort[] topics = GC.AllocateUninitializedArray<ushort>(n);
        int[] userCodes = GC.AllocateUninitializedArray<int>(n);
        long[] keys = GC.AllocateUninitializedArray<long>((int)head.Users);
        Array[] targets =
        [
            meta, ticks, channels, segments, topics, userCodes, keys,
            Column<long>(columns, ServiceColumns.FirstResponse, n), Column<long>(columns, ServiceColumns.End, n),
            new byte[head.Sections > BaseSections ? lengths[9] : 0], Column<byte>(columns, ServiceColumns.Outcome, n),
            Column<int>(columns, ServiceColumns.Agent, n), Column<long>(columns, ServiceColumns.Agent, (int)head.Agents),
            Column<int>(columns, ServiceColumns.Case, n), Column<long>(columns, ServiceColumns.Case, (int)head.Cases),
            Column<byte>(columns, ServiceColumns.Satisfaction, n),
        ];
        long position = HeaderLength + table.Length;
        Span<byte> padding = stackalloc byte[Alignment];
        var hash = new XxHash3();
        Catalog catalog = Catalog.Empty;
        ImmutableArray<Topic> topicNames = [];
        ImmutableArray<Outcome> outcomes = [];
        (long Earliest, long Latest, bool Chronological) span = (long.MaxValue, long.MinValue, true);
        bool valid = true;
        for (int i = 0; i < head.Sections; i++)
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
                    0 or 9 => true,
                    1 => CheckTimes(MemoryMarshal.Cast<byte, long>(chunk), ref span),
                    _ => CheckCodes(i, chunk, from, target, catalog, topicNames.Length, outcomes.Length, head),
                };
            }

            if (hash.GetCurrentHashAsUInt64() != hashes[i])
            {
                throw Corrupted($"the checksum of section {i} does not match");
            }

            if (i == 0)
            {
                (catalog, topicNames) = ReadMeta(meta);
                valid &= head.Count == 0 || !(catalog.Channels.IsEmpty || catalog.Segments.IsEmpty || topicNames.IsEmpty);
            }
            else if (i == 9 && columns.HasFlag(ServiceColumns.Outcome))
            {
                outcomes = ReadOutcomes((byte[])targets[9]);
            }

            position += pad + target.Length;
        }

        ServiceData service = columns == ServiceColumns.None ? ServiceData.None : new ServiceData(
            (long[])targets[7], (long[])targets[8], outcomes, (byte[])targets[10], (int[])targets[11], (long[])targets[12],
            (int[])targets[13], (long[])targets[14], (byte[])targets[15]);
        valid &= TimesInOrder(ticks, service);
        if (!valid)
        {
            throw Corrupted("a code, a key, a time or a score is out of range although the checksums match, so it was not written by this library");
        }

        return new InteractionLog(catalog, ticks, channels, segments, topics, userCodes, topicNames, keys, span, service);
    }

    /// <summary>Maps the file at <paramref name="path"/>, checks all of it, and returns a log whose columns are windows on the mapping; the log owns the mapping.</summary>
    public static unsafe InteractionLog Map(string path)
    {
        FileStream? file = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        LogMapping? mapping = null;
        try
        {
            long length = file.Length;
            if (length < HeaderLength + TableLength(BaseSections))
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
        Header head = ParseHeader(new ReadOnlySpan<byte>(start, HeaderLength));
        int tableLength = TableLength(head.Sections);
        if (HeaderLength + tableLength > mapping.Length)
        {
            throw Truncated();
        }

        (long[] lengths, ulong[] hashes, long total) = ParseTable(new ReadOnlySpan<byte>(start + HeaderLength, tableLength), head);
        if (total > mapping.Length)
        {
            throw Truncated(); // checked before any column page is touched: reading past the file's end would fault
        }

        int sections = head.Sections;
        long[] offsets = new long[sections];
        long position = HeaderLength + tableLength;
        for (int i = 0; i < sections; i++)
        {
            int pad = Pad(position);
            if (new ReadOnlySpan<byte>(start + position, pad).ContainsAnyExcept((byte)0))
            {
                throw Corrupted("the padding before a section is not zero");
            }

            offsets[i] = position + pad;
            position = offsets[i] + lengths[i];
        }

        byte[] meta = Checked(start, offsets, lengths, hashes, 0);
        (Catalog catalog, ImmutableArray<Topic> topicNames) = ReadMeta(meta);
        ImmutableArray<Outcome> outcomes = head.Columns.HasFlag(ServiceColumns.Outcome) ? ReadOutcomes(Checked(start, offsets, lengths, hashes, 9)) : [];
        bool valid = head.Count == 0 || !(catalog.Channels.IsEmpty || catalog.Segments.IsEmpty || topicNames.IsEmpty);

        // Every column's checksum and ranges, the largest first so that both cores finish together; one pass over the
        // mapping, a chunk at a time (hashed and range-checked while it is in the cache). Failures are collected, not thrown
        // inside the loop, so the caller sees one InvalidDataException.
        int[] order = [.. CheckOrder.Where(i => i < sections && lengths[i] > 0)];
        bool[] hashOk = new bool[sections];
        bool[] rangeOk = new bool[sections];
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
                ok &= i == 1 ? CheckTimes(MemoryMarshal.Cast<byte, long>(chunk), ref times) : CheckCodes(i, chunk, from, section, catalog, topicNames.Length, outcomes.Length, head);
            }

            hashOk[i] = hash.GetCurrentHashAsUInt64() == hashes[i];
            rangeOk[i] = ok;
            if (i == 1)
            {
                span = times;
            }
        });

        for (int i = 1; i < sections; i++)
        {
            if (i == 9)
            {
                continue; // checked above
            }

            if (lengths[i] > 0 ? !hashOk[i] : hashes[i] != XxHash3.HashToUInt64([]))
            {
                throw Corrupted($"the checksum of section {i} does not match");
            }

            valid &= lengths[i] == 0 || rangeOk[i];
        }

        int n = (int)head.Count;
        ServiceData service = head.Columns == ServiceColumns.None ? ServiceData.None : new ServiceData(
            Mapped<long>(start, offsets, lengths, 7), Mapped<long>(start, offsets, lengths, 8), outcomes, Mapped<byte>(start, offsets, lengths, 10),
            Mapped<int>(start, offsets, lengths, 11), Mapped<long>(start, offsets, lengths, 12), Mapped<int>(start, offsets, lengths, 13),
            Mapped<long>(start, offsets, lengths, 14), Mapped<byte>(start, offsets, lengths, 15));
        ReadOnlyMemory<long> ticks = new MappedColumn<long>(start + offsets[1], n).Memory;
        valid &= TimesInOrder(ticks.Span, service);
        if (!valid)
        {
            throw Corrupted("a code, a key, a time or a score is out of range although the checksums match, so it was not written by this library");
        }

        return new InteractionLog(
            catalog,
            ticks,
            new MappedColumn<byte>(start + offsets[2], n).Memory,
            new MappedColumn<byte>(start + offsets[3], n).Memory,
            new MappedColumn<ushort>(start + offsets[4], n).Memory,
            new MappedColumn<int>(start + offsets[5], n).Memory,
            topicNames,
            new MappedColumn<long>(start + offsets[6], (int)head.Users).Memory,
            span,
            mapping,
            service);
    }

    // A small section copied out of the mapping and checked against its checksum.
    private static unsafe byte[] Checked(byte* start, long[] offsets, long[] lengths, ulong[] hashes, int i)
    {
        byte[] bytes = new ReadOnlySpan<byte>(start + offsets[i], (int)lengths[i]).ToArray();
        return XxHash3.HashToUInt64(bytes) == hashes[i] ? bytes : throw Corrupted($"the checksum of section {i} does not match");
    }

    // A service column as a window on the mapping; empty when the file has no such section or it is empty.
    private static unsafe ReadOnlyMemory<T> Mapped<T>(byte* start, long[] offsets, long[] lengths, int i)
        where T : unmanaged =>
        i < offsets.Length && lengths[i] > 0 ? new MappedColumn<T>(start + offsets[i], (int)(lengths[i] / sizeof(T))).Memory : default;

    // An array for a service column the header declares, or an empty one.
    private static T[] Column<T>(ServiceColumns columns, ServiceColumns column, int length) =>
        columns.HasFlag(column) ? GC.AllocateUninitializedArray<T>(length) : [];

    // Whether no first response precedes its record and no end precedes its response or record.
    private static bool TimesInOrder(ReadOnlySpan<long> ticks, ServiceData service)
    {
        ReadOnlySpan<long> responses = service.Responses.Span, ends = service.Ends.Span;
        bool ok = true;
        for (int i = 0; i < responses.Length; i++)
        {
            ok &= responses[i] == ServiceData.NoTime || responses[i] >= ticks[i];
        }

        for (int i = 0; i < ends.Length; i++)
        {
            long end = ends[i];
            ok &= end == ServiceData.NoTime || (end >= ticks[i] && (responses.IsEmpty || end >= responses[i]));
        }

        return ok;
    }

    // The range check of a chunk of code, key or service section i; section is the whole section, for the key order across chunks.
    private static bool CheckCodes(int i, ReadOnlySpan<byte> chunk, int from, ReadOnlySpan<byte> section, Catalog catalog, int topics, int outcomes, Header head) => i switch
    {
        2 => !chunk.ContainsAnyExceptInRange((byte)0, (byte)Math.Max(0, catalog.Channels.Length - 1)),
        3 => !chunk.ContainsAnyExceptInRange((byte)0, (byte)Math.Max(0, catalog.Segments.Length - 1)),
        4 => !MemoryMarshal.Cast<byte, ushort>(chunk).ContainsAnyExceptInRange((ushort)0, (ushort)Math.Max(0, topics - 1)),
        5 => !MemoryMarshal.Cast<byte, int>(chunk).ContainsAnyExceptInRange(0, (int)head.Users - 1),
        7 or 8 => ServiceTimes(MemoryMarshal.Cast<byte, long>(chunk)),
        10 => !chunk.ContainsAnyExceptInRange((byte)0, (byte)outcomes),
        11 => !MemoryMarshal.Cast<byte, int>(chunk).ContainsAnyExceptInRange(-1, (int)head.Agents - 1),
        13 => !MemoryMarshal.Cast<byte, int>(chunk).ContainsAnyExceptInRange(-1, (int)head.Cases - 1),
        15 => !chunk.ContainsAnyExceptInRange((byte)0, (byte)Consultation.MaxSatisfaction),
        _ => Ascending(MemoryMarshal.Cast<byte, long>(section), from / sizeof(long), (from + chunk.Length) / sizeof(long)), // 6, 12, 14
    };

    // Whether every service instant is missing or one of NodaTime's instants.
    private static bool ServiceTimes(ReadOnlySpan<long> chunk)
    {
        bool ok = true;
        foreach (long tick in chunk)
        {
            ok &= tick == ServiceData.NoTime || (tick >= MinTicks && tick <= MaxTicks);
        }

        return ok;
    }

    // The facts of a header: its version's section count, the counts and the service columns present.
    private readonly record struct Header(int Sections, long Count, long Users, ServiceColumns Columns, long Agents, long Cases);

    private static int TableLength(int sections) => (sections * 16) + 8;

    // Checks the magic, version, header checksum and counts of a header (shorter when the input ended early).
    private static Header ParseHeader(ReadOnlySpan<byte> header)
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
        if (version is not (1 or Version))
        {
            throw new InvalidDataException($"The log file has version {version}; this library reads versions 1 and {Version} only: open it with the library version that wrote it.");
        }

        if (BinaryPrimitives.ReadUInt64LittleEndian(header[56..]) != XxHash3.HashToUInt64(header[..56]))
        {
            throw new InvalidDataException("The log file's header is corrupted: its checksum does not match.");
        }

        long count = BinaryPrimitives.ReadInt64LittleEndian(header[16..]);
        long users = BinaryPrimitives.ReadInt64LittleEndian(header[24..]);
        long agents = BinaryPrimitives.ReadInt64LittleEndian(header[32..]);
        long cases = BinaryPrimitives.ReadInt64LittleEndian(header[40..]);
        var columns = (ServiceColumns)BinaryPrimitives.ReadUInt16LittleEndian(header[10..]);
        const ServiceColumns all = ServiceColumns.FirstResponse | ServiceColumns.End | ServiceColumns.Outcome | ServiceColumns.Agent | ServiceColumns.Case | ServiceColumns.Satisfaction;
        bool impossible = count < 0 || count > Array.MaxLength || users < 0 || users > count
            || (columns & ~all) != 0 || (version == 1 && (columns != 0 || agents != 0 || cases != 0))
            || (count == 0 && columns != 0)
            || agents < 0 || agents > count || (agents > 0 != columns.HasFlag(ServiceColumns.Agent))
            || cases < 0 || cases > count || (cases > 0 != columns.HasFlag(ServiceColumns.Case));
        if (impossible)
        {
            throw Corrupted("its header gives impossible counts or flags");
        }

        return new Header(version == 1 ? BaseSections : SectionCount, count, users, columns, agents, cases);
    }

    // Checks the section table against its checksum and the header's counts; returns the lengths, the checksums and the file length they imply.
    private static (long[] Lengths, ulong[] Hashes, long Total) ParseTable(ReadOnlySpan<byte> table, Header head)
    {
        int sections = head.Sections;
        if (BinaryPrimitives.ReadUInt64LittleEndian(table[(sections * 16)..]) != XxHash3.HashToUInt64(table[..(sections * 16)]))
        {
            throw Corrupted("its section table's checksum does not match");
        }

        long count = head.Count;
        long If(ServiceColumns column, long length) => head.Columns.HasFlag(column) ? length : 0;
        long[] expected =
        [
            -1, count * sizeof(long), count, count, count * sizeof(ushort), count * sizeof(int), head.Users * sizeof(long),
            If(ServiceColumns.FirstResponse, count * sizeof(long)), If(ServiceColumns.End, count * sizeof(long)), -1,
            If(ServiceColumns.Outcome, count), If(ServiceColumns.Agent, count * sizeof(int)), head.Agents * sizeof(long),
            If(ServiceColumns.Case, count * sizeof(int)), head.Cases * sizeof(long), If(ServiceColumns.Satisfaction, count),
        ];
        long[] lengths = new long[sections];
        ulong[] hashes = new ulong[sections];
        long total = HeaderLength + TableLength(sections);
        for (int i = 0; i < sections; i++)
        {
            lengths[i] = BinaryPrimitives.ReadInt64LittleEndian(table[(i * 16)..]);
            hashes[i] = BinaryPrimitives.ReadUInt64LittleEndian(table[((i * 16) + 8)..]);
            bool outcomeNames = i == 9 && (lengths[i] > 0 == head.Columns.HasFlag(ServiceColumns.Outcome));
            if ((expected[i] >= 0 && lengths[i] != expected[i]) || (i == 9 && !outcomeNames) || lengths[i] < 0 || lengths[i] > Array.MaxLength)
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

    private static ReadOnlySpan<byte> Section(InteractionLog log, byte[] meta, byte[] outcomes, int i) => i switch
    {
        0 => meta,
        1 => MemoryMarshal.AsBytes(log.Ticks),
        2 => log.ChannelCodes,
        3 => log.SegmentCodes,
        4 => MemoryMarshal.AsBytes(log.TopicCodes),
        5 => MemoryMarshal.AsBytes(log.UserCodes),
        6 => MemoryMarshal.AsBytes(log.UserKeys),
        7 => MemoryMarshal.AsBytes(log.ResponseTicks),
        8 => MemoryMarshal.AsBytes(log.EndTicks),
        9 => outcomes,
        10 => log.OutcomeCodes,
        11 => MemoryMarshal.AsBytes(log.AgentCodes),
        12 => MemoryMarshal.AsBytes(log.AgentKeys),
        13 => MemoryMarshal.AsBytes(log.CaseCodes),
        14 => MemoryMarshal.AsBytes(log.CaseKeys),
        _ => log.SatisfactionScores,
    };

    private static byte[] OutcomeMeta(ImmutableArray<Outcome> outcomes)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(outcomes.Length);
            foreach (Outcome outcome in outcomes)
            {
                writer.Write(outcome.Id);
            }
        }

        return buffer.ToArray();
    }

    private static ImmutableArray<Outcome> ReadOutcomes(byte[] bytes)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), System.Text.Encoding.UTF8);
            var outcomes = ImmutableArray.CreateBuilder<Outcome>(Length(reader, InteractionLogBuilder.MaxOutcomes));
            for (int i = 0; i < outcomes.Capacity; i++)
            {
                outcomes.Add(new Outcome(reader.ReadString()));
            }

            if (reader.BaseStream.Position != bytes.Length || outcomes.Count == 0 || outcomes.Distinct().Count() != outcomes.Count)
            {
                throw Corrupted("its outcome section has bytes after the outcomes, none, or repeats one");
            }

            return outcomes.MoveToImmutable();
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or FormatException)
        {
            throw new InvalidDataException("The log file's outcome section is invalid although its checksum matches: it was not written by this library.", e);
        }
    }

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
