using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Json;

namespace Djpk.Metrics.Serialization;

/// <summary>Converts an <see cref="IngestReport"/> to and from an object of its counts, its rejections by reason and the rejections kept.</summary>
/// <remarks>
/// <para>Immutable. The schema:
/// <c>{"rowsRead":3,"accepted":2,"rejected":1,"blankLines":0,"bytesRead":180,"mappedChannels":0,"mappedSegments":0,"resolvedLocalTimes":0,"isComplete":true,"elapsed":"00:00:00.0150000","rejectedByReason":{"missingOffset":1},"rejections":[{"line":2,"column":"timestamp","reason":"missingOffset","message":"…","problems":[{"column":"timestamp","reason":"missingOffset","message":"…"}]}]}</c>.
/// A rejection's <c>column</c>, <c>reason</c> and <c>message</c> are its first problem's; <c>problems</c> lists them all.
/// <c>rejectedByReason</c> lists only the reasons with rejections, in <see cref="RejectionReason"/> order, with camelCase
/// names; <c>elapsed</c> is the invariant constant ("c") <see cref="TimeSpan"/> format.</para>
/// <para>Reading rebuilds an equal report; <c>rowsRead</c> is derived and must equal <c>accepted + rejected</c>, and the
/// counts by reason must add up to <c>rejected</c>. Unknown properties are ignored.</para>
/// </remarks>
public sealed class IngestReportJsonConverter : JsonConverter<IngestReport>
{
    private const string What = "An ingest report";

    /// <summary>Reads a report.</summary>
    /// <param name="reader">The reader, at the start of an object.</param>
    /// <param name="typeToConvert">The type, <see cref="IngestReport"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The report.</returns>
    /// <exception cref="JsonException">The value is not an object, a count is missing or negative, <c>rowsRead</c> is not <c>accepted + rejected</c>, the counts by reason do not add up to <c>rejected</c>, or a rejection is not valid.</exception>
    public override IngestReport Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonText.StartObject(ref reader, What);
        long? accepted = null, rejected = null, rowsRead = null;
        long blankLines = 0, bytesRead = 0, mappedChannels = 0, mappedSegments = 0, resolvedLocalTimes = 0;
        bool isComplete = true;
        TimeSpan elapsed = TimeSpan.Zero;
        long[] byReason = new long[Enum.GetValues<RejectionReason>().Length];
        ImmutableArray<IngestRejection>.Builder rejections = ImmutableArray.CreateBuilder<IngestRejection>();
        while (true)
        {
            JsonText.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            string property = reader.GetString()!;
            JsonText.Next(ref reader);
            switch (property)
            {
                case "rowsRead": rowsRead = Count(ref reader, property); break;
                case "accepted": accepted = Count(ref reader, property); break;
                case "rejected": rejected = Count(ref reader, property); break;
                case "blankLines": blankLines = Count(ref reader, property); break;
                case "bytesRead": bytesRead = Count(ref reader, property); break;
                case "mappedChannels": mappedChannels = Count(ref reader, property); break;
                case "mappedSegments": mappedSegments = Count(ref reader, property); break;
                case "resolvedLocalTimes": resolvedLocalTimes = Count(ref reader, property); break;
                case "isComplete": isComplete = JsonText.ReadBoolean(ref reader, property); break;
                case "elapsed": elapsed = Elapsed(ref reader); break;
                case "rejectedByReason": ReadByReason(ref reader, byReason); break;
                case "rejections": ReadRejections(ref reader, rejections); break;
                default: reader.Skip(); break;
            }
        }

        long a = accepted ?? throw JsonText.Missing(What, "accepted");
        long r = rejected ?? throw JsonText.Missing(What, "rejected");
        if (rowsRead is long read && read != a + r)
        {
            throw new JsonException($"{What}'s 'rowsRead' must equal 'accepted' + 'rejected' ({JsonText.Invariant(a)} + {JsonText.Invariant(r)}); found {JsonText.Invariant(read)}.");
        }

        if (byReason.Sum() != r)
        {
            throw new JsonException($"{What}'s 'rejectedByReason' must add up to 'rejected' ({JsonText.Invariant(r)}); it adds up to {JsonText.Invariant(byReason.Sum())}.");
        }

        return new IngestReport(a, r, blankLines, bytesRead, mappedChannels, mappedSegments, resolvedLocalTimes, byReason, rejections.ToImmutable(), isComplete, elapsed);
    }

    /// <summary>Writes <paramref name="value"/> as its counts, its rejections by reason and the rejections kept.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The report.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    public override void Write(Utf8JsonWriter writer, IngestReport value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteNumber("rowsRead", value.RowsRead);
        writer.WriteNumber("accepted", value.Accepted);
        writer.WriteNumber("rejected", value.Rejected);
        writer.WriteNumber("blankLines", value.BlankLines);
        writer.WriteNumber("bytesRead", value.BytesRead);
        writer.WriteNumber("mappedChannels", value.MappedChannels);
        writer.WriteNumber("mappedSegments", value.MappedSegments);
        writer.WriteNumber("resolvedLocalTimes", value.ResolvedLocalTimes);
        writer.WriteBoolean("isComplete", value.IsComplete);
        writer.WriteString("elapsed", value.Elapsed.ToString("c", CultureInfo.InvariantCulture));
        writer.WriteStartObject("rejectedByReason");
        foreach (RejectionReason reason in Enum.GetValues<RejectionReason>())
        {
            if (value.RejectedFor(reason) > 0)
            {
                writer.WriteNumber(JsonText.Name(reason), value.RejectedFor(reason));
            }
        }

        writer.WriteEndObject();
        writer.WriteStartArray("rejections");
        foreach (IngestRejection rejection in value.Rejections)
        {
            writer.WriteStartObject();
            writer.WriteNumber("line", rejection.Line);
            writer.WriteString("column", rejection.Column);
            writer.WriteString("reason", JsonText.Name(rejection.Reason));
            writer.WriteString("message", rejection.Message);
            writer.WriteStartArray("problems");
            foreach (IngestProblem problem in rejection.Problems)
            {
                writer.WriteStartObject();
                writer.WriteString("column", problem.Column);
                writer.WriteString("reason", JsonText.Name(problem.Reason));
                writer.WriteString("message", problem.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static long Count(ref Utf8JsonReader reader, string property)
    {
        long value = JsonText.ReadInt64(ref reader, property);
        return value >= 0 ? value : throw new JsonException($"'{property}' must be a count, 0 or more; found {JsonText.Invariant(value)}.");
    }

    private static TimeSpan Elapsed(ref Utf8JsonReader reader)
    {
        string text = JsonText.ReadString(ref reader, "elapsed");
        return TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out TimeSpan elapsed) && elapsed >= TimeSpan.Zero
            ? elapsed
            : throw new JsonException($"'elapsed' must be a non-negative time span such as \"00:00:01.5000000\"; found \"{text}\".");
    }

    private static void ReadByReason(ref Utf8JsonReader reader, long[] byReason)
    {
        JsonText.StartObject(ref reader, "'rejectedByReason'");
        while (true)
        {
            JsonText.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return;
            }

            RejectionReason reason = JsonText.ReadEnum<RejectionReason>(ref reader, "rejectedByReason");
            JsonText.Next(ref reader);
            byReason[(int)reason] = Count(ref reader, JsonText.Name(reason));
        }
    }

    private static void ReadRejections(ref Utf8JsonReader reader, ImmutableArray<IngestRejection>.Builder rejections)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"'rejections' must be an array of objects; found {JsonText.Describe(ref reader)}.");
        }

        while (true)
        {
            JsonText.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return;
            }

            JsonText.StartObject(ref reader, "A rejection");
            long? line = null;
            string column = string.Empty, message = string.Empty;
            RejectionReason? reason = null;
            ImmutableArray<IngestProblem>.Builder problems = ImmutableArray.CreateBuilder<IngestProblem>();
            while (true)
            {
                JsonText.Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                string property = reader.GetString()!;
                JsonText.Next(ref reader);
                switch (property)
                {
                    case "line": line = JsonText.ReadInt64(ref reader, property); break;
                    case "column": column = JsonText.ReadString(ref reader, property); break;
                    case "reason": reason = JsonText.ReadEnum<RejectionReason>(ref reader, property); break;
                    case "message": message = JsonText.ReadString(ref reader, property); break;
                    case "problems": ReadProblems(ref reader, problems); break;
                    default: reader.Skip(); break;
                }
            }

            long l = line ?? throw JsonText.Missing("A rejection", "line");
            if (l < 1)
            {
                throw new JsonException($"A rejection's 'line' must be 1 or more; found {JsonText.Invariant(l)}.");
            }

            rejections.Add(problems.Count > 0
                ? new IngestRejection(l, problems.ToImmutable())
                : new IngestRejection(l, column, reason ?? throw JsonText.Missing("A rejection", "reason"), message));
        }
    }

    private static void ReadProblems(ref Utf8JsonReader reader, ImmutableArray<IngestProblem>.Builder problems)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"'problems' must be an array of objects; found {JsonText.Describe(ref reader)}.");
        }

        while (true)
        {
            JsonText.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return;
            }

            JsonText.StartObject(ref reader, "A problem");
            string column = string.Empty, message = string.Empty;
            RejectionReason? reason = null;
            while (true)
            {
                JsonText.Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                string property = reader.GetString()!;
                JsonText.Next(ref reader);
                switch (property)
                {
                    case "column": column = JsonText.ReadString(ref reader, property); break;
                    case "reason": reason = JsonText.ReadEnum<RejectionReason>(ref reader, property); break;
                    case "message": message = JsonText.ReadString(ref reader, property); break;
                    default: reader.Skip(); break;
                }
            }

            problems.Add(new IngestProblem(column, reason ?? throw JsonText.Missing("A problem", "reason"), message));
        }
    }
}
