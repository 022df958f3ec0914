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
internal sealed class RecordSink
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
    private readonly HashSet<UInt128> _ids = [];
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
        _started = _options.TimeProvider.GetTimestamp();
    }

    public IngestOptions Options => _options;

    public long Rows => _accepted + _rejected;

    public long BytesRead { get; set; }

    public bool IsComplete { get; set; } = true;

    public void Blank() => _blank++;

    /// <summary>Counts <paramref name="count"/> blank lines at once.</summary>
    public void Blank(long count) => _blank += count;

    /// <summary>Returns the channel code of <paramref name="id"/>, the fallback's code for an unknown id, or -1.</summary>
    public int ChannelCode(ReadOnlySpan<char> id, out bool mapped)
    {
        int code = Find(_channelIds, id);
        mapped = code < 0 && _channelFallback >= 0;
        return code >= 0 ? code : _channelFallback;
    }

    /// <summary>Returns the segment code of <paramref name="id"/>, the fallback's code for an unknown id, or -1.</summary>
    public int SegmentCode(ReadOnlySpan<char> id, out bool mapped)
    {
        int code = Find(_segmentIds, id);
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
        $"The channel '{Clip(id)}' is not in the catalog; add it with Catalog.WithChannel or declare a fallback channel.";

    public static string UnknownSegmentMessage(ReadOnlySpan<char> id) =>
        $"The segment '{Clip(id)}' is not in the catalog; add it with Catalog.WithSegment or declare a fallback segment.";

    /// <summary>Counts a rejected row, keeps its detail if there is room, and throws under the strict policy.</summary>
    /// <exception cref="InvalidDataException">The policy is strict.</exception>
    public void Reject(long line, string column, RejectionReason reason, string message)
    {
        _rejected++;
        _byReason[(int)reason]++;
        var rejection = new IngestRejection(line, column, reason, message);
        if (_options.Policy == IngestPolicy.Strict)
        {
            throw new InvalidDataException(string.Create(
                CultureInfo.InvariantCulture, $"Line {line}{(column.Length > 0 ? ", column '" + column + "'" : string.Empty)} is rejected ({reason}): {message}"));
        }

        if (_rejections.Count < _options.MaxRejectionDetails)
        {
            _rejections.Add(rejection);
        }

        Tick();
    }

    /// <summary>Adds an accepted row, unless its id repeats an earlier one.</summary>
    public void Accept(long line, long unixTicks, int channel, bool channelMapped, int segment, bool segmentMapped, Topic topic, long user, UInt128? id, string idColumn)
    {
        if (id is { } key && !_ids.Add(key))
        {
            Reject(line, idColumn, RejectionReason.DuplicateId, "The record id was already used by an earlier row.");
            return;
        }

        if (_builder.Count == Array.MaxLength || !_builder.CanAdd(topic))
        {
            Reject(line, string.Empty, RejectionReason.InvalidValue, $"A log holds at most {InteractionLogBuilder.MaxTopics} distinct topics and {Array.MaxLength} records.");
            return;
        }

        _builder.AddCoded(unixTicks, (byte)channel, (byte)segment, topic, user);
        _accepted++;
        _mappedChannels += channelMapped ? 1 : 0;
        _mappedSegments += segmentMapped ? 1 : 0;
        Tick();
    }

    public IngestResult Finish()
    {
        Report();
        var report = new IngestReport(
            _accepted, _rejected, _blank, BytesRead, _mappedChannels, _mappedSegments, _byReason, _rejections.ToImmutable(), IsComplete, Elapsed());
        return new IngestResult(_builder.Build(), report);
    }

    internal static string Clip(ReadOnlySpan<char> text) => text.Length <= 64 ? text.ToString() : string.Concat(text[..64], "…");

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
