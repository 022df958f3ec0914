using System.Buffers;
using System.IO.Hashing;
using System.Text;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Logs;

namespace Djpk.Metrics.Csv;

/// <summary>Reads one CSV record's fields into a row of the log or a rejection; one per thread, as it holds a topic cache and the row's problems.</summary>
/// <remarks>It only reads the sink's options and catalog codes, which is safe from any thread; the row goes to the target it is given (the sink, or a block's rows).</remarks>
internal sealed class CsvRowParser(CsvColumnMap map, LogColumns columns, RecordSink sink)
{
    private readonly TopicCache _topics = new();
    private readonly ProblemList _problems = new();
    private readonly ServiceText _serviceText = new(sink);

    /// <summary>Reads the record <paramref name="csv"/> at row <paramref name="row"/> into <paramref name="target"/>.</summary>
    public void Parse<TFields, TTarget>(in TFields csv, long row, TTarget target)
        where TFields : struct, ICsvFields
        where TTarget : IRowTarget
    {
        int count = csv.Count;
        if (count == 1 && csv.Field(0).IsWhiteSpace())
        {
            target.CountBlank();
            return;
        }

        if (count > map.Width)
        {
            target.Reject(row, string.Empty, RejectionReason.ExtraField, $"The record has {count} fields; the header has {map.Width}.");
            return;
        }

        int length = 0;
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<char> field = csv.Field(i);
            length += field.Length;
            if (CsvText.IsInvalid(field))
            {
                target.Reject(row, map.Names[i], RejectionReason.InvalidUtf8, "The field is not valid UTF-8.");
                return;
            }
        }

        if (length > sink.Options.MaxLineLength)
        {
            target.Reject(row, string.Empty, RejectionReason.LineTooLong, $"The record is longer than the limit of {sink.Options.MaxLineLength} characters.");
            return;
        }

        for (int i = 0; i < map.Required.Length; i++)
        {
            if (map.Required[i] >= count)
            {
                target.Reject(row, map.Names[map.Required[i]], RejectionReason.MissingField, $"The record has {count} fields; the header has {map.Width}.");
                return;
            }
        }

        ProblemList problems = _problems;
        problems.Clear();
        long ticks = 0;
        bool resolved = false, timestampRead = false;
        ReadOnlySpan<char> timestamp = csv.Field(map.Timestamp);
        if (timestamp.IsWhiteSpace())
        {
            problems.Add(columns.Timestamp, RejectionReason.MissingField, "The timestamp is empty; every row needs the date and time of the consultation.");
        }
        else if (!sink.TryTimestamp(timestamp, out ticks, out resolved, out RejectionReason reason, out string message))
        {
            problems.Add(columns.Timestamp, reason, message);
        }
        else
        {
            timestampRead = true;
        }

        int channel = map.ConstantChannel;
        bool channelMapped = false;
        if (channel < 0)
        {
            ReadOnlySpan<char> channelId = csv.Field(map.Channel);
            channel = sink.ChannelCode(channelId, out channelMapped);
            if (channel < 0)
            {
                problems.Add(columns.Channel, channelId.IsWhiteSpace() ? RejectionReason.MissingField : RejectionReason.UnknownChannel, RecordSink.UnknownChannelMessage(channelId));
            }
        }

        int segment = map.ConstantSegment;
        bool segmentMapped = false;
        if (segment < 0)
        {
            ReadOnlySpan<char> segmentId = csv.Field(map.Segment);
            segment = sink.SegmentCode(segmentId, out segmentMapped);
            if (segment < 0)
            {
                problems.Add(columns.Segment, segmentId.IsWhiteSpace() ? RejectionReason.MissingField : RejectionReason.UnknownSegment, RecordSink.UnknownSegmentMessage(segmentId));
            }
        }

        Topic topic = Topic.Unspecified;
        if (map.Topic >= 0 && map.Topic < count)
        {
            ReadOnlySpan<char> topicText = csv.Field(map.Topic);
            if (_topics.TopicOf(topicText) is { } named)
            {
                topic = named;
            }
            else
            {
                problems.Add(columns.Topic, RejectionReason.InvalidValue, $"A topic must be at most {Topic.MaxLength} characters with no control characters; the topic '{RecordSink.Quote(topicText)}' has {topicText.Length}.");
            }
        }

        ReadOnlySpan<char> userText = csv.Field(map.User);
        long user;
        bool userRead = columns.UserIsText
            ? sink.TryTextUser(userText, out user, out RejectionReason userReason, out string userMessage)
            : UserText.TryParse(userText, false, out user, out userReason, out userMessage);
        if (!userRead)
        {
            problems.Add(columns.User, userReason, userMessage);
        }

        UInt128? id = null;
        ReadOnlySpan<char> idText = default;
        if (map.Id >= 0 && map.Id < count && csv.Field(map.Id) is { IsEmpty: false } idField)
        {
            idText = idField;
            id = HashId(idText);
        }

        if (map.Service.Length == 0)
        {
            if (problems.Count > 0)
            {
                target.Reject(problems.ToRejection(row));
                return;
            }

            target.Accept(row, ticks, channel, channelMapped, segment, segmentMapped, topic, user, id, columns.Id, resolved, idText, ServiceFields.None);
            return;
        }

        ServiceRow service = ServiceRow.Empty;
        foreach ((ServiceColumns field, int index, string name) in map.Service)
        {
            if (index < count)
            {
                _serviceText.ReadText(field, csv.Field(index), name, problems, ref service);
            }
        }

        ServiceText.CheckOrder(timestampRead ? ticks : null, service, columns.FirstResponse, columns.End, problems);
        if (problems.Count > 0)
        {
            target.Reject(problems.ToRejection(row));
            return;
        }

        target.Accept(row, ticks, channel, channelMapped, segment, segmentMapped, topic, user, id, columns.Id, resolved || service.Resolved, idText, service.Fields);
    }

    private static UInt128 HashId(ReadOnlySpan<char> text)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = max > 512 ? ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> bytes = rented ?? stackalloc byte[512];
        int length = Encoding.UTF8.GetBytes(text, bytes);
        UInt128 hash = XxHash128.HashToUInt128(bytes[..length]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return hash;
    }
}
