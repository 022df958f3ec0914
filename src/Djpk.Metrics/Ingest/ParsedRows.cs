using Djpk.Metrics.Logs;

namespace Djpk.Metrics.Ingest;

/// <summary>The rows a parallel parser read from one block, in line order: accepted rows as columns, rejected rows as details.</summary>
/// <remarks>
/// Replayed into the sink in file order, so duplicate ids, the topic limit, the rejection details kept, the progress,
/// the cancellation and the strict policy's exception happen exactly as in a sequential read. Runs of rows without an
/// id or service fields go to the sink in bulk (<see cref="RecordSink.AcceptRun"/>); the others one by one.
/// </remarks>
internal sealed class ParsedRows : IRowTarget
{
    internal const byte ChannelMapped = 1, SegmentMapped = 2, HasId = 4, Resolved = 8, HasService = 16;

    private readonly List<IngestRejection> _rejections = [];
    private long[] _lines = new long[1024];
    private long[] _ticks = new long[1024];
    private long[] _users = new long[1024];
    private byte[] _channels = new byte[1024];
    private byte[] _segments = new byte[1024];
    private byte[] _flags = new byte[1024];
    private Topic[] _topics = new Topic[1024];
    private UInt128[] _ids = new UInt128[1024];
    private string?[]? _idTexts; // allocated at the first row whose id text is kept for the duplicate message
    private ServiceFields[]? _service; // allocated at the first row with a service field
    private int _count;

    /// <summary>Gets or sets the bytes of input the block held.</summary>
    public long Bytes { get; set; }

    /// <summary>Gets or sets the blank lines of the block.</summary>
    public long Blank { get; set; }

    /// <summary>Gets whether a row of the block was rejected.</summary>
    public bool HasRejections => _rejections.Count > 0;

    /// <summary>Empties the rows for the next block, keeping the arrays.</summary>
    public void Clear()
    {
        Array.Clear(_topics, 0, _count); // drop the references
        if (_service is not null)
        {
            Array.Clear(_service, 0, _count);
        }

        if (_idTexts is not null)
        {
            Array.Clear(_idTexts, 0, _count);
        }

        _count = 0;
        _rejections.Clear();
        Blank = 0;
        Bytes = 0;
    }

    /// <inheritdoc/>
    public void CountBlank() => Blank++;

    /// <inheritdoc/>
    public void Accept(long line, long unixTicks, int channel, bool channelMapped, int segment, bool segmentMapped, Topic topic, long user, UInt128? id, string idColumn, bool resolved, ReadOnlySpan<char> idText, in ServiceFields service)
    {
        string? text = idText.IsEmpty ? null : idText.ToString();
        if (service.Any)
        {
            Accept(line, unixTicks, channel, channelMapped, segment, segmentMapped, topic, user, id, resolved, service, text);
        }
        else
        {
            Accept(line, unixTicks, channel, channelMapped, segment, segmentMapped, topic, user, id, resolved, text);
        }
    }

    public void Reject(long line, string column, RejectionReason reason, string message) =>
        _rejections.Add(new IngestRejection(line, column, reason, message));

    public void Reject(IngestRejection rejection) => _rejections.Add(rejection);

    /// <summary>Keeps an accepted row with service fields.</summary>
    public void Accept(long line, long ticks, int channel, bool channelMapped, int segment, bool segmentMapped, Topic topic, long user, UInt128? id, bool resolved, in ServiceFields service, string? idText = null)
    {
        Accept(line, ticks, channel, channelMapped, segment, segmentMapped, topic, user, id, resolved, idText);
        int i = _count - 1;
        _service ??= new ServiceFields[_lines.Length];
        _service[i] = service;
        _flags[i] |= HasService;
    }

    /// <summary>Keeps an accepted row; <paramref name="idText"/> is the id as the input wrote it, for the message of a later duplicate.</summary>
    public void Accept(long line, long ticks, int channel, bool channelMapped, int segment, bool segmentMapped, Topic topic, long user, UInt128? id, bool resolved, string? idText = null)
    {
        if (_count == _lines.Length)
        {
            int capacity = checked(_count * 2);
            Array.Resize(ref _lines, capacity);
            Array.Resize(ref _ticks, capacity);
            Array.Resize(ref _users, capacity);
            Array.Resize(ref _channels, capacity);
            Array.Resize(ref _segments, capacity);
            Array.Resize(ref _flags, capacity);
            Array.Resize(ref _topics, capacity);
            Array.Resize(ref _ids, capacity);
            if (_service is not null)
            {
                Array.Resize(ref _service, capacity);
            }

            if (_idTexts is not null)
            {
                Array.Resize(ref _idTexts, capacity);
            }
        }

        int i = _count;
        _lines[i] = line;
        _ticks[i] = ticks;
        _users[i] = user;
        _channels[i] = (byte)channel;
        _segments[i] = (byte)segment;
        _flags[i] = (byte)((channelMapped ? ChannelMapped : 0) | (segmentMapped ? SegmentMapped : 0) | (id.HasValue ? HasId : 0) | (resolved ? Resolved : 0));
        _topics[i] = topic;
        _ids[i] = id.GetValueOrDefault();
        if (idText is not null)
        {
            _idTexts ??= new string?[_lines.Length];
            _idTexts[i] = idText;
        }

        _count = i + 1;
    }

    /// <summary>Hands the rows to <paramref name="sink"/> in line order.</summary>
    public void ReplayInto(RecordSink sink, string idColumn)
    {
        sink.Blank(Blank);
        sink.BytesReplayed += Bytes;
        int r = 0;
        int i = 0;
        while (i < _count)
        {
            long line = _lines[i];
            while (r < _rejections.Count && _rejections[r].Line < line)
            {
                sink.Reject(_rejections[r++]);
            }

            // A run of rows before the next rejection, none with an id or service fields, goes in bulk.
            long stop = r < _rejections.Count ? _rejections[r].Line : long.MaxValue;
            int end = i;
            while (end < _count && (_flags[end] & (HasId | HasService)) == 0 && _lines[end] < stop)
            {
                end++;
            }

            if (end > i)
            {
                int n = end - i;
                sink.AcceptRun(_ticks.AsSpan(i, n), _channels.AsSpan(i, n), _segments.AsSpan(i, n), _topics.AsSpan(i, n), _users.AsSpan(i, n), _lines.AsSpan(i, n), _flags.AsSpan(i, n));
                i = end;
                continue;
            }

            byte flags = _flags[i];
            sink.Accept(
                line,
                _ticks[i],
                _channels[i],
                (flags & ChannelMapped) != 0,
                _segments[i],
                (flags & SegmentMapped) != 0,
                _topics[i],
                _users[i],
                (flags & HasId) != 0 ? _ids[i] : null,
                idColumn,
                (flags & Resolved) != 0,
                _idTexts?[i],
                (flags & HasService) != 0 ? _service![i] : ServiceFields.None);
            i++;
        }

        while (r < _rejections.Count)
        {
            sink.Reject(_rejections[r++]);
        }
    }

    /// <summary>Counts the rows of <paramref name="flags"/> whose channel, segment or local time was mapped or resolved.</summary>
    internal static (long Channels, long Segments, long Resolved) CountFlags(ReadOnlySpan<byte> flags)
    {
        if (flags.IndexOfAnyExcept((byte)0) < 0)
        {
            return (0, 0, 0);
        }

        long channels = 0, segments = 0, resolved = 0;
        foreach (byte f in flags)
        {
            channels += f & ChannelMapped;
            segments += (f & SegmentMapped) >> 1;
            resolved += (f & Resolved) >> 3;
        }

        return (channels, segments, resolved);
    }
}
