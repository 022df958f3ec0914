using System.Data.Common;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Djpk.Metrics.Logs;
using NodaTime;

namespace Djpk.Metrics.Ingest;

/// <summary>Reads an interaction log from any ADO.NET <see cref="DbDataReader"/>: a query over a database table, such as SQLite or DuckDB.</summary>
/// <remarks>
/// <para>Columns are found by name (<see cref="LogColumns"/>, ignoring case); other columns are ignored. A timestamp may be
/// a <see cref="DateTimeOffset"/>, a <see cref="DateTime"/>, text in the declared <see cref="IngestOptions.TimestampFormats"/>
/// (ISO-8601 by default), or, when a format other than ISO-8601 is declared, a number (Unix seconds or milliseconds, an Excel serial). A
/// <see cref="DateTime"/> of kind <see cref="DateTimeKind.Utc"/> is an instant; any other kind is a local time, read in
/// <see cref="IngestOptions.LocalZone"/> or rejected without one. (DuckDB returns <c>TIMESTAMPTZ</c> values as UTC times of
/// unspecified kind: read them with the zone <see cref="DateTimeZone.Utc"/>.) A user is an integer or integer text, or a
/// text identity with <see cref="LogColumns.WithUserIdentity"/>; a NULL topic is unspecified.</para>
/// <para>The optional service columns (<see cref="LogColumns.FirstResponse"/> and the others) are read when the reader
/// has them: instants as the timestamp is, agent and case keys as integers or text (hashed as text users are), the
/// outcome as text, the satisfaction score as a number or text 1 to 5. A NULL or empty cell is a record without the field.</para>
/// <para>Rows are numbered from 1. The reader is read to its end and not closed. <see cref="IngestReport.BytesRead"/> is 0.</para>
/// </remarks>
public static class DataReaderLogReader
{
    /// <summary>Reads every row of <paramref name="reader"/>'s current result set.</summary>
    /// <param name="reader">The open reader.</param>
    /// <param name="columns">The column mapping; <see cref="LogColumns.Default"/> when <see langword="null"/>.</param>
    /// <param name="options">The catalog, policy, zone, fallbacks and limits, such as <see cref="IngestOptions.For(Catalog)"/> of a profile's catalog.</param>
    /// <param name="progress">Receives the rows read and the time elapsed every 65 536 rows and at the end.</param>
    /// <param name="cancellationToken">Stops the read between rows.</param>
    /// <returns>The log of the accepted rows and the report of the read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidDataException">The reader lacks a required column or has a mapped column twice; or the policy is strict and a row is rejected (the message names the row).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static IngestResult Read(DbDataReader reader, IngestOptions options, LogColumns? columns = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        columns ??= LogColumns.Default;
        var sink = new RecordSink(options, progress, cancellationToken);
        string[] names = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
        var map = new Map
        {
            Timestamp = Find(names, columns.Timestamp, true),
            ConstantChannel = sink.ConstantCode(columns.ConstantChannel),
            ConstantSegment = sink.ConstantCode(columns.ConstantSegment),
            User = Find(names, columns.User, true),
            Topic = Find(names, columns.Topic, false),
            Id = Find(names, columns.Id, false),
        };
        map.Service = [.. ServiceText.Names(columns).Select(f => (f.Field, Find(names, f.Name, false), f.Name)).Where(f => f.Item2 >= 0)];
        map.ServiceText = new ServiceText(sink);
        map.Instant = (object value, out long t, out bool r, out RejectionReason why, out string said) => TryTimestamp(value, sink, out t, out r, out why, out said);
        map.Channel = Find(names, columns.Channel, map.ConstantChannel < 0);
        map.Segment = Find(names, columns.Segment, map.ConstantSegment < 0);
        if (columns.UnknownFields == UnknownFieldPolicy.Reject)
        {
            string[] mapped = columns.All();
            foreach (string name in names)
            {
                if (!mapped.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    throw new InvalidDataException($"The reader has the column '{RecordSink.Quote(name)}' that the mapping does not name; map it, leave it out of the query, or ignore unknown columns with LogColumns.WithUnknownFields(UnknownFieldPolicy.Ignore).");
                }
            }
        }

        long row = 0;
        while (reader.Read())
        {
            row++;
            ParseRow(reader, sink, columns, row, map);
        }

        return sink.Finish();
    }

    private static void ParseRow(DbDataReader reader, RecordSink sink, LogColumns columns, long row, Map map)
    {
        ProblemList problems = map.Problems;
        problems.Clear();
        bool timestampRead = TryTimestamp(reader.GetValue(map.Timestamp), sink, out long ticks, out bool resolved, out RejectionReason reason, out string message);
        if (!timestampRead)
        {
            problems.Add(columns.Timestamp, reason, message);
        }

        int channel = map.ConstantChannel;
        bool channelMapped = false;
        if (channel < 0)
        {
            if (!TryText(reader.GetValue(map.Channel), out string? channelId) || channelId.Length == 0)
            {
                problems.Add(columns.Channel, channelId is null ? RejectionReason.WrongType : RejectionReason.MissingField, "The channel must be a non-empty text id, name or alias.");
            }
            else if ((channel = sink.ChannelCode(channelId, out channelMapped)) < 0)
            {
                problems.Add(columns.Channel, RejectionReason.UnknownChannel, RecordSink.UnknownChannelMessage(channelId));
            }
        }

        int segment = map.ConstantSegment;
        bool segmentMapped = false;
        if (segment < 0)
        {
            if (!TryText(reader.GetValue(map.Segment), out string? segmentId) || segmentId.Length == 0)
            {
                problems.Add(columns.Segment, segmentId is null ? RejectionReason.WrongType : RejectionReason.MissingField, "The segment must be a non-empty text id, name or alias.");
            }
            else if ((segment = sink.SegmentCode(segmentId, out segmentMapped)) < 0)
            {
                problems.Add(columns.Segment, RejectionReason.UnknownSegment, RecordSink.UnknownSegmentMessage(segmentId));
            }
        }

        Topic topic = Topic.Unspecified;
        if (map.Topic >= 0 && reader.GetValue(map.Topic) is not DBNull)
        {
            if (!TryText(reader.GetValue(map.Topic), out string? name))
            {
                problems.Add(columns.Topic, RejectionReason.WrongType, "The topic must be text.");
            }
            else if (sink.TopicOf(name) is { } named)
            {
                topic = named;
            }
            else
            {
                problems.Add(columns.Topic, RejectionReason.InvalidValue, $"A topic must be at most {Topic.MaxLength} characters with no control characters; the topic '{RecordSink.Quote(name)}' has {name.Length}.");
            }
        }

        if (!TryUser(reader.GetValue(map.User), columns.UserIsText, sink, out long user, out reason, out message))
        {
            problems.Add(columns.User, reason, message);
        }

        UInt128? id = null;
        string? idText = null;
        if (map.Id >= 0 && reader.GetValue(map.Id) is not DBNull and { } idValue)
        {
            idText = Convert.ToString(idValue, CultureInfo.InvariantCulture) ?? string.Empty;
            id = XxHash128.HashToUInt128(Encoding.UTF8.GetBytes(idText));
        }

        ServiceRow service = ServiceRow.Empty;
        if (map.Service.Length > 0)
        {
            foreach ((ServiceColumns field, int index, string name) in map.Service)
            {
                map.ServiceText.Read(field, reader.GetValue(index), name, problems, ref service, map.Instant);
            }

            ServiceText.CheckOrder(timestampRead ? ticks : null, service, columns.FirstResponse, columns.End, problems);
        }

        if (problems.Count > 0)
        {
            sink.Reject(problems.ToRejection(row));
            return;
        }

        sink.Accept(row, ticks, channel, channelMapped, segment, segmentMapped, topic, user, id, columns.Id, resolved || service.Resolved, idText, service.Fields);
    }

    private static bool TryText(object value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text)
    {
        text = value switch
        {
            string s => s,
            char[] chars => new string(chars),
            DBNull => string.Empty,
            _ => null,
        };
        return text is not null && value is not DBNull;
    }

    private static bool TryTimestamp(object value, RecordSink sink, out long ticks, out bool resolved, out RejectionReason reason, out string message)
    {
        DateTimeZone? zone = sink.Options.LocalZone;
        resolved = false;
        ticks = 0;
        reason = RejectionReason.InvalidTimestamp;
        message = string.Empty;
        switch (value)
        {
            case DBNull:
                reason = RejectionReason.MissingField;
                message = "The timestamp is NULL.";
                return false;
            case string text:
                return sink.TryTimestamp(text, out ticks, out resolved, out reason, out message);
            case long or int or decimal or double when sink.AcceptsNumericTimestamps:
                // Unix seconds or milliseconds, or an Excel serial, stored as a number: read as its invariant text in the declared formats.
                return sink.TryTimestamp(Convert.ToString(value, CultureInfo.InvariantCulture), out ticks, out resolved, out reason, out message);
            case DateTimeOffset offset:
                ticks = Instant.FromDateTimeOffset(offset).ToUnixTimeTicks();
                return Supported(ref ticks, out message);
            case DateTime { Kind: DateTimeKind.Utc } utc:
                ticks = Instant.FromDateTimeUtc(utc).ToUnixTimeTicks();
                return Supported(ref ticks, out message);
            case DateTime local:
                Span<char> buffer = stackalloc char[TimestampText.MaxFormattedLength];
                int length = TimestampText.Format(DateTime.SpecifyKind(local, DateTimeKind.Utc).Ticks - DateTime.UnixEpoch.Ticks, 0, buffer);
                return TimestampText.TryParse(buffer[..(length - 1)], zone, sink.Options.LocalTimeResolution, out ticks, out resolved, out reason, out message); // without the Z: a local time
            default:
                reason = RejectionReason.WrongType;
                message = "The timestamp must be a date and time or ISO-8601 text.";
                return false;
        }
    }

    private static bool Supported(ref long ticks, out string message)
    {
        if (TimestampText.IsSupported(ticks))
        {
            message = string.Empty;
            return true;
        }

        ticks = 0;
        message = TimestampText.OutOfRangeMessage;
        return false;
    }

    private static bool TryUser(object value, bool isText, RecordSink sink, out long user, out RejectionReason reason, out string message)
    {
        user = 0;
        reason = RejectionReason.WrongType;
        message = "The user must be a whole number in the 64-bit range, or text with LogColumns.WithUserIdentity.";
        switch (value)
        {
            case DBNull:
                reason = RejectionReason.MissingField;
                message = "The user is NULL.";
                return false;
            case string text when isText:
                return sink.TryTextUser(text, out user, out reason, out message);
            case string text:
                return UserText.TryParse(text, false, out user, out reason, out message);
            case long or int or short or sbyte or byte or ushort or uint when !isText:
                user = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                return true;
            case ulong big when !isText && big <= long.MaxValue:
                user = (long)big;
                return true;
            default:
                return false;
        }
    }

    private static int Find(string[] names, string name, bool required)
    {
        int found = -1;
        for (int i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                found = found < 0 ? i : throw new InvalidDataException($"The reader has the column '{name}' twice.");
            }
        }

        return found >= 0 || !required ? found : throw new InvalidDataException($"The reader has no column '{name}'; map the columns with LogColumns.WithNames.");
    }

    /// <summary>Where the mapped columns are, and the constant codes (-1 when the column is read).</summary>
    private sealed class Map
    {
        public ProblemList Problems { get; } = new();

        public int Timestamp { get; init; }

        public int Channel { get; set; }

        public int Segment { get; set; }

        public int ConstantChannel { get; init; }

        public int ConstantSegment { get; init; }

        public int User { get; init; }

        public int Topic { get; init; }

        public int Id { get; init; }

        /// <summary>Gets the service columns the reader has: the field, its index and its name.</summary>
        public (ServiceColumns Field, int Index, string Name)[] Service { get; set; } = [];

        public ServiceText ServiceText { get; set; } = null!;

        public InstantReader Instant { get; set; } = null!;
    }
}
