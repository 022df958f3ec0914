using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Djpk.Metrics.Logs;

namespace Djpk.Metrics.Ingest;

/// <summary>The part every log reader shares: vocabulary lookups, the duplicate-id check, the builder, the counts and the policy.</summary>
/// <remarks>
/// Memory beyond the log it builds is bounded: the topic cache holds at most <see cref="TopicCache.MaxEntries"/> entries and
/// the rejection details at most <see cref="IngestOptions.MaxRejectionDetails"/>. Only the duplicate-id check grows
/// with the input, by a 128-bit hash per row that has an id.
/// </remarks>
internal sealed class RecordSink : IRowTarget
{
    private const int ProgressEvery = 1 << 16;
    private const int CancellationEvery = 1 << 10;

    private readonly IngestOptions _options;
    private readonly IProgress<IngestProgress>? _progress;
    private readonly CancellationToken _cancellation;
    private readonly InteractionLogBuilder _builder;
    private readonly string[] _channelIds;
    private readonly string[] _segmentIds;
    private readonly int _channelFallback;
    private readonly int _segmentFallback;
    private readonly byte[][] _channelUtf8;
    private readonly byte[][] _segmentUtf8;
    private readonly TopicCache _topics = new();
    private readonly Dictionary<UInt128, long> _ids = [];
    private readonly Dictionary<string, int> _channelKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _segmentKeys = new(StringComparer.Ordinal);
    private readonly bool _isoOnly;
    private long _resolvedLocalTimes;
    private readonly long[] _byReason = new long[Enum.GetValues<RejectionReason>().Length];
    private readonly ImmutableArray<IngestRejection>.Builder _rejections = ImmutableArray.CreateBuilder<IngestRejection>();
    private readonly long _started;
    private long _accepted;
    private long _rejected;
    private long _blank;
    private long _mappedChannels;
    private long _mappedSegments;

    public RecordSink(IngestOptions options, IProgress<IngestProgress>? progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _progress = progress;
        _cancellation = cancellation;
        Catalog catalog = _options.Catalog;
        _builder = new InteractionLogBuilder(catalog);
        _channelIds = [.. catalog.Channels.Select(c => c.Channel.Id)];
        _segmentIds = [.. catalog.Segments.Select(s => s.Segment.Id)];
        _channelFallback = _options.ChannelFallback is { } channel ? catalog.CodeOf(channel) : -1;
        _segmentFallback = _options.SegmentFallback is { } segment ? catalog.CodeOf(segment) : -1;
        _channelUtf8 = [.. _channelIds.Select(Encoding.UTF8.GetBytes)];
        _segmentUtf8 = [.. _segmentIds.Select(Encoding.UTF8.GetBytes)];
        foreach ((string key, Channel aliased) in _options.ChannelAliases)
        {
            _channelKeys[key] = catalog.CodeOf(aliased);
        }

        foreach ((string key, UserSegment aliased) in _options.SegmentAliases)
        {
            _segmentKeys[key] = catalog.CodeOf(aliased);
        }

        for (int code = 0; code < catalog.Channels.Length; code++)
        {
            ChannelInfo info = catalog.Channels[code];
            foreach (string name in (ReadOnlySpan<string>)[info.Channel.Id, info.IndonesianName, info.EnglishName])
            {
                _channelKeys.TryAdd(MatchKey.Of(name), code);
            }
        }

        for (int code = 0; code < catalog.Segments.Length; code++)
        {
            UserSegmentInfo info = catalog.Segments[code];
            foreach (string name in (ReadOnlySpan<string>)[info.Segment.Id, info.IndonesianName, info.EnglishName])
            {
                _segmentKeys.TryAdd(MatchKey.Of(name), code);
            }
        }

        _channelKeys.Remove(string.Empty);
        _segmentKeys.Remove(string.Empty);
        _isoOnly = _options.HasIsoTimestampsOnly;
        _started = _options.TimeProvider.GetTimestamp();
    }

    /// <summary>Returns the code of a constant channel of a <see cref="LogColumns"/> mapping, or -1 when there is none.</summary>
    /// <exception cref="ArgumentException">The channel is not in the catalog.</exception>
    public int ConstantCode(Channel? channel) =>
        channel is not { } c ? -1
        : _options.Catalog.CodeOf(c) is int code and >= 0 ? code
        : throw new ArgumentException($"The constant channel '{c}' of the column mapping must be in the catalog of the options; add it with Catalog.WithChannel.", nameof(channel));

    /// <summary>Returns the code of a constant segment of a <see cref="LogColumns"/> mapping, or -1 when there is none.</summary>
    /// <exception cref="ArgumentException">The segment is not in the catalog.</exception>
    public int ConstantCode(UserSegment? segment) =>
        segment is not { } s ? -1
        : _options.Catalog.CodeOf(s) is int code and >= 0 ? code
        : throw new ArgumentException($"The constant segment '{s}' of the column mapping must be in the catalog of the options; add it with Catalog.WithSegment.", nameof(segment));

    /// <summary>Parses a timestamp in the declared formats; <paramref name="resolved"/> says a skipped or repeated local time was resolved by the policy.</summary>
    /// <remarks>Thread-safe. The default (ISO-8601 only) goes straight to the allocation-free ISO parser.</remarks>
    public bool TryTimestamp(ReadOnlySpan<char> text, out long unixTicks, out bool resolved, out RejectionReason reason, out string message)
    {
        if (_isoOnly)
        {
            if (TimestampText.TryParse(text, _options.LocalZone, _options.LocalTimeResolution, out unixTicks, out resolved, out reason, out message))
            {
                return true;
            }
        }
        else
        {
            ImmutableArray<TimestampFormat> formats = _options.TimestampFormats;
            unixTicks = 0;
            resolved = false;
            reason = RejectionReason.InvalidTimestamp;
            message = string.Empty;
            for (int i = 0; i < formats.Length; i++)
            {
                if (formats[i].TryParse(text, _options.LocalZone, _options.LocalTimeResolution, out unixTicks, out resolved, out RejectionReason why, out string said))
                {
                    return true;
                }

                if (i == 0 || (reason == RejectionReason.InvalidTimestamp && why != RejectionReason.InvalidTimestamp))
                {
                    (reason, message) = (why, said);
                }
            }

            if (formats.Length > 1 && reason == RejectionReason.InvalidTimestamp)
            {
                message = $"The timestamp matches none of the declared formats ({string.Join(", ", formats)}); declare the export's format with IngestOptions.WithTimestampFormats.";
            }
        }

        message = string.Concat(message, " The value was '", Quote(text), "'.");
        return false;
    }

    /// <summary>Parses a timestamp from its UTF-8 bytes as <see cref="TryTimestamp"/> parses its text, for a fast path that leaves every failure to the character path and its message.</summary>
    /// <remarks>Thread-safe. The ISO-8601 default reads the bytes; other declared formats are given the text, in <paramref name="scratch"/> (at least as long as the bytes).</remarks>
    public bool TryTimestampUtf8(ReadOnlySpan<byte> utf8, char[] scratch, out long unixTicks, out bool resolved)
    {
        if (_isoOnly)
        {
            return TimestampText.TryParseUtf8(utf8, _options.LocalZone, _options.LocalTimeResolution, out unixTicks, out resolved, out _, out _);
        }

        int length = Encoding.UTF8.GetChars(utf8, scratch);
        return TryTimestamp(scratch.AsSpan(0, length), out unixTicks, out resolved, out _, out _);
    }

    /// <summary>Counts an accepted row whose local time the policy resolved.</summary>
    public void Resolved() => _resolvedLocalTimes++;

    /// <summary>Reads a text user identity: normalised, then an integer key if it is integer text, else hashed.</summary>
    /// <remarks>Thread-safe as long as the normaliser is.</remarks>
    public bool TryTextUser(ReadOnlySpan<char> text, out long user, out RejectionReason reason, out string message)
    {
        user = 0;
        reason = RejectionReason.MissingField;
        message = "The user is empty; anonymous users need a key of their own.";
        if (text.IsWhiteSpace())
        {
            return false;
        }

        UserNormalization normalization = _options.UserNormalization;
        if (normalization.IsVerbatim)
        {
            user = UserText.IntegerOrHash(text);
            return true;
        }

        if (normalization.Normalize(text.ToString()) is not { } normalized)
        {
            reason = RejectionReason.InvalidValue;
            message = $"The {normalization.Name} normalisation refuses the user identity '{Mask(text)}'; fix the identity or choose another IngestOptions.WithUserNormalization.";
            return false;
        }

        user = UserText.IntegerOrHash(normalized);
        return true;
    }

    /// <summary>Gets whether a timestamp may be a JSON number: only when a format other than ISO-8601 is declared.</summary>
    public bool AcceptsNumericTimestamps => !_isoOnly;

    public IngestOptions Options => _options;

    public long Rows => _accepted + _rejected;

    public long BytesRead { get; set; }

    public bool IsComplete { get; set; } = true;

    /// <inheritdoc/>
    public void CountBlank() => _blank++;

    /// <summary>Counts <paramref name="count"/> blank lines at once.</summary>
    public void Blank(long count) => _blank += count;

    /// <summary>Returns the channel code of <paramref name="id"/>, the fallback's code for an unknown id, or -1.</summary>
    public int ChannelCode(ReadOnlySpan<char> id, out bool mapped)
    {
        int code = Find(_channelIds, id);
        if (code < 0 && _channelKeys.TryGetValue(MatchKey.Of(id), out int matched))
        {
            code = matched;
        }

        mapped = code < 0 && _channelFallback >= 0;
        return code >= 0 ? code : _channelFallback;
    }

    /// <summary>Returns the segment code of <paramref name="id"/>, the fallback's code for an unknown id, or -1.</summary>
    public int SegmentCode(ReadOnlySpan<char> id, out bool mapped)
    {
        int code = Find(_segmentIds, id);
        if (code < 0 && _segmentKeys.TryGetValue(MatchKey.Of(id), out int matched))
        {
            code = matched;
        }

        mapped = code < 0 && _segmentFallback >= 0;
        return code >= 0 ? code : _segmentFallback;
    }

    /// <summary>Returns the topic named <paramref name="text"/> (blank is unspecified), or null when the name is invalid.</summary>
    public Topic? TopicOf(ReadOnlySpan<char> text) => _topics.TopicOf(text);

    /// <summary>Returns the channel code of the UTF-8 id <paramref name="id"/> when it is in the catalog, or -1 (no fallback).</summary>
    /// <remarks>Thread-safe: the parallel JSON Lines parser calls it from several threads.</remarks>
    public int KnownChannel(ReadOnlySpan<byte> id) => Find(_channelUtf8, id);

    /// <summary>Returns the segment code of the UTF-8 id <paramref name="id"/> when it is in the catalog, or -1 (no fallback).</summary>
    /// <remarks>Thread-safe: the parallel JSON Lines parser calls it from several threads.</remarks>
    public int KnownSegment(ReadOnlySpan<byte> id) => Find(_segmentUtf8, id);

    public static string UnknownChannelMessage(ReadOnlySpan<char> id) =>
        $"The channel '{Quote(id)}' matches no channel id, name or alias of the catalog; declare it with IngestOptions.WithChannelAlias, add it with Catalog.WithChannel, or declare a fallback channel.";

    public static string UnknownSegmentMessage(ReadOnlySpan<char> id) =>
        $"The segment '{Quote(id)}' matches no segment id, name or alias of the catalog; declare it with IngestOptions.WithSegmentAlias, add it with Catalog.WithSegment, or declare a fallback segment.";

    /// <summary>Counts a rejected row, keeps its detail if there is room, and throws under the strict policy.</summary>
    /// <exception cref="InvalidDataException">The policy is strict.</exception>
    public void Reject(long line, string column, RejectionReason reason, string message) => Reject(new IngestRejection(line, column, reason, message));

    /// <summary>Counts a rejected row (under its first problem's reason), keeps its detail if there is room, and throws under the strict policy.</summary>
    /// <exception cref="InvalidDataException">The policy is strict.</exception>
    public void Reject(IngestRejection rejection)
    {
        _rejected++;
        _byReason[(int)rejection.Reason]++;
        if (_options.Policy == IngestPolicy.Strict)
        {
            string column = rejection.Column;
            string more = rejection.Problems.Length > 1 ? "; also " + string.Join("; ", rejection.Problems.Skip(1)) : string.Empty;
            throw new InvalidDataException(string.Create(
                CultureInfo.InvariantCulture, $"Line {rejection.Line}{(column.Length > 0 ? ", column '" + column + "'" : string.Empty)} is rejected ({rejection.Reason}): {rejection.Message}{more}"));
        }

        if (_rejections.Count < _options.MaxRejectionDetails)
        {
            _rejections.Add(rejection);
        }

        Tick();
    }

    /// <summary>Adds an accepted row, unless its id repeats an earlier one.</summary>
    public void Accept(long line, long unixTicks, int channel, bool channelMapped, int segment, bool segmentMapped, Topic topic, long user, UInt128? id, string idColumn, bool resolved = false, ReadOnlySpan<char> idText = default) =>
        Accept(line, unixTicks, channel, channelMapped, segment, segmentMapped, topic, user, id, idColumn, resolved, idText, ServiceFields.None);

    /// <summary>Adds an accepted row with its service fields (already checked for order and range), unless its id repeats an earlier one or its outcome does not fit.</summary>
    public void Accept(long line, long unixTicks, int channel, bool channelMapped, int segment, bool segmentMapped, Topic topic, long user, UInt128? id, string idColumn, bool resolved, ReadOnlySpan<char> idText, in ServiceFields service)
    {
        if (id is { } key && !_ids.TryAdd(key, line))
        {
            string quoted = idText.IsEmpty ? string.Empty : $" '{Quote(idText)}'";
            Reject(line, idColumn, RejectionReason.DuplicateId, string.Create(
                CultureInfo.InvariantCulture, $"The record id{quoted} was already used by row {_ids[key]}; an id names one record, so remove the repeated row or give it its own id."));
            return;
        }

        if (_builder.Count == Array.MaxLength || !_builder.CanAdd(topic))
        {
            Reject(line, string.Empty, RejectionReason.InvalidValue, $"A log holds at most {InteractionLogBuilder.MaxTopics} distinct topics and {Array.MaxLength} records.");
            return;
        }

        if (service.Outcome is { } outcome && !_builder.CanAdd(outcome))
        {
            Reject(line, string.Empty, RejectionReason.InvalidValue, $"A log holds at most {InteractionLogBuilder.MaxOutcomes} distinct outcomes; the outcome '{outcome}' is one more. Map the source's outcomes onto fewer ids.");
            return;
        }

        _builder.AddCoded(unixTicks, (byte)channel, (byte)segment, topic, user, service);
        _accepted++;
        _mappedChannels += channelMapped ? 1 : 0;
        _mappedSegments += segmentMapped ? 1 : 0;
        _resolvedLocalTimes += resolved ? 1 : 0;
        Tick();
    }

    /// <summary>Adds a run of accepted rows without ids or service fields in bulk, exactly as <see cref="Accept(long, long, int, bool, int, bool, Topic, long, UInt128?, string, bool, ReadOnlySpan{char})"/> one by one would: the same topic and size limits, progress and cancellation.</summary>
    /// <remarks>The run is cut where a row-by-row read would check the cancellation (every <see cref="CancellationEvery"/> rows), so that the checks and the progress reports fall on the same rows.</remarks>
    public void AcceptRun(ReadOnlySpan<long> unixTicks, ReadOnlySpan<byte> channels, ReadOnlySpan<byte> segments, ReadOnlySpan<Topic> topics, ReadOnlySpan<long> users, ReadOnlySpan<long> lines, ReadOnlySpan<byte> flags)
    {
        int done = 0;
        int n = unixTicks.Length;
        while (done < n)
        {
            int room = CancellationEvery - (int)(Rows % CancellationEvery);
            int piece = Math.Min(room, n - done);
            MakeRoom(piece);
            int added = _builder.Count > Array.MaxLength - piece
                ? 0
                : _builder.AddCodedRun(unixTicks.Slice(done, piece), channels.Slice(done, piece), segments.Slice(done, piece), topics.Slice(done, piece), users.Slice(done, piece));
            if (added > 0)
            {
                (long mappedChannels, long mappedSegments, long resolved) = ParsedRows.CountFlags(flags.Slice(done, added));
                _accepted += added;
                _mappedChannels += mappedChannels;
                _mappedSegments += mappedSegments;
                _resolvedLocalTimes += resolved;
                done += added;
                Tick();
            }

            if (added < piece)
            {
                // The next row does not fit (a topic too many, or the record limit): the row-by-row path rejects it.
                byte f = flags[done];
                Accept(lines[done], unixTicks[done], channels[done], (f & ParsedRows.ChannelMapped) != 0, segments[done], (f & ParsedRows.SegmentMapped) != 0, topics[done], users[done], null, string.Empty, (f & ParsedRows.Resolved) != 0);
                done++;
            }
        }
    }

    /// <summary>Allocates the log's columns for <paramref name="rows"/> rows, when a reader knows its input's row count (a Parquet file).</summary>
    public void ReserveRows(long rows) => _builder.Reserve((int)Math.Min(Math.Max(rows, 0), Array.MaxLength));

    /// <summary>Gets or sets the length of the whole input in bytes when the reader knows it (a file), else 0: the log's columns then grow to the size the rows so far predict.</summary>
    public long ExpectedBytes { get; set; }

    /// <summary>Gets or sets the bytes of input whose rows have been handed to the sink (whole blocks).</summary>
    public long BytesReplayed { get; set; }

    /// <summary>Makes room for <paramref name="more"/> rows: when the input's length is known, for as many rows as the accepted rows per byte so far predict (plus 2 %), so that a file's columns grow once or twice instead of doubling.</summary>
    private void MakeRoom(int more)
    {
        int needed = _builder.Count + more;
        if (needed <= _builder.Capacity || ExpectedBytes <= 0 || BytesReplayed <= 0 || _accepted <= 0)
        {
            return; // the builder grows by doubling
        }

        Int128 projected = (Int128)_accepted * ExpectedBytes / BytesReplayed;
        projected += projected / 50 + 1024;
        long floor = needed + (needed / 8);
        _builder.Reserve((int)Int128.Min(Int128.Max(projected, floor), Array.MaxLength));
    }

    public IngestResult Finish()
    {
        Report();
        var report = new IngestReport(
            _accepted, _rejected, _blank, BytesRead, _mappedChannels, _mappedSegments, _resolvedLocalTimes, _byReason, _rejections.ToImmutable(), IsComplete, Elapsed());
        return new IngestResult(_builder.Build(), report);
    }

    internal static string Clip(ReadOnlySpan<char> text) => text.Length <= 64 ? text.ToString() : string.Concat(text[..64], "…");

    /// <summary>Returns <paramref name="text"/> for a message: at most 40 characters, control characters as U+FFFD, cut with "…".</summary>
    internal static string Quote(ReadOnlySpan<char> text)
    {
        const int Max = 40;
        bool cut = text.Length > Max;
        ReadOnlySpan<char> shown = cut ? text[..Max] : text;
        if (cut && char.IsHighSurrogate(shown[^1]))
        {
            shown = shown[..^1];
        }

        Span<char> buffer = stackalloc char[Max];
        for (int i = 0; i < shown.Length; i++)
        {
            char c = shown[i];
            if (char.IsHighSurrogate(c) && i + 1 < shown.Length && char.IsLowSurrogate(shown[i + 1]))
            {
                buffer[i] = c;
                buffer[i + 1] = shown[++i];
                continue;
            }

            buffer[i] = char.IsControl(c) || char.IsSurrogate(c) ? '\uFFFD' : c;
        }

        string quoted = buffer[..shown.Length].ToString();
        return cut ? quoted + "…" : quoted;
    }

    /// <summary>Returns a masked form of a user identity for a message: its first two and last two characters and its length, never the whole.</summary>
    internal static string Mask(ReadOnlySpan<char> text)
    {
        ReadOnlySpan<char> trimmed = text.Trim();
        string length = trimmed.Length.ToString(CultureInfo.InvariantCulture);
        return trimmed.Length <= 6
            ? $"*** ({length} characters)"
            : $"{Quote(trimmed[..2])}***{Quote(trimmed[^2..])} ({length} characters)";
    }

    private static int Find(string[] ids, ReadOnlySpan<char> id)
    {
        for (int i = 0; i < ids.Length; i++)
        {
            if (id.SequenceEqual(ids[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static int Find(byte[][] ids, ReadOnlySpan<byte> id)
    {
        for (int i = 0; i < ids.Length; i++)
        {
            if (id.SequenceEqual(ids[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private void Tick()
    {
        long rows = Rows;
        if (rows % CancellationEvery == 0)
        {
            _cancellation.ThrowIfCancellationRequested();
            if (rows % ProgressEvery == 0)
            {
                Report();
            }
        }
    }

    private void Report() => _progress?.Report(new IngestProgress(Rows, BytesRead, Elapsed()));

    private TimeSpan Elapsed()
    {
        TimeSpan elapsed = _options.TimeProvider.GetElapsedTime(_started);
        Debug.Assert(elapsed >= TimeSpan.Zero, "A time provider's clock does not run backwards.");
        return elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed;
    }
}
