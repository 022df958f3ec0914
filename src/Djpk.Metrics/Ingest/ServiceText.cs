using System.Globalization;
using Djpk.Metrics.Logs;

namespace Djpk.Metrics.Ingest;

/// <summary>Reads the optional service fields (first response, end, outcome, agent, case, satisfaction) of a row, the same way in every reader.</summary>
/// <remarks>Not thread-safe: it caches outcome texts; each reader (and each parallel parser) holds its own.</remarks>
internal sealed class ServiceText(RecordSink sink)
{
    private const int MaxCachedOutcomes = 1024;

    private readonly Dictionary<string, Outcome?> _outcomes = new(StringComparer.Ordinal);
    private Dictionary<string, Outcome?>.AlternateLookup<ReadOnlySpan<char>> Lookup => _outcomes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Returns the service fields and the names <paramref name="columns"/> gives them, in <see cref="ServiceColumns"/> order.</summary>
    public static (ServiceColumns Field, string Name)[] Names(LogColumns columns) =>
    [
        (ServiceColumns.FirstResponse, columns.FirstResponse),
        (ServiceColumns.End, columns.End),
        (ServiceColumns.Outcome, columns.Outcome),
        (ServiceColumns.Agent, columns.Agent),
        (ServiceColumns.Case, columns.Case),
        (ServiceColumns.Satisfaction, columns.Satisfaction),
    ];

    /// <summary>Reads a text field (a CSV field, say): blank text is no value.</summary>
    public void ReadText(ServiceColumns field, ReadOnlySpan<char> text, string column, ProblemList problems, ref ServiceRow row)
    {
        switch (field)
        {
            case ServiceColumns.FirstResponse or ServiceColumns.End:
                TryInstant(text, column, problems, ref row, field == ServiceColumns.End);
                break;
            case ServiceColumns.Outcome:
                TryOutcome(text, column, problems, ref row);
                break;
            case ServiceColumns.Agent:
                row.Agent = Key(text);
                break;
            case ServiceColumns.Case:
                row.Case = Key(text);
                break;
            default:
                TrySatisfaction(text, column, problems, ref row);
                break;
        }
    }

    /// <summary>Reads a cell as a reader of typed values (a database, a workbook, a Parquet file) hands it: its type picks how, as the timestamp, user and text cells are read.</summary>
    /// <param name="field">The one service field the cell holds.</param>
    /// <param name="value">The cell: <see langword="null"/> or <see cref="DBNull"/> for no value, text, a number, or a date and time.</param>
    /// <param name="column">The column (or cell) to name in a problem.</param>
    /// <param name="problems">Receives the problem of an invalid value.</param>
    /// <param name="row">Receives the value.</param>
    /// <param name="instant">Reads a non-text instant (a date and time, or a number under a numeric format) as the reader reads a timestamp.</param>
    public void Read(ServiceColumns field, object? value, string column, ProblemList problems, ref ServiceRow row, InstantReader instant)
    {
        if (value is null or DBNull)
        {
            return;
        }

        string? text = value switch
        {
            string s => s,
            char[] chars => new string(chars),
            _ => null,
        };
        switch (field)
        {
            case ServiceColumns.FirstResponse or ServiceColumns.End:
                bool end = field == ServiceColumns.End;
                if (text is not null)
                {
                    TryInstant(text, column, problems, ref row, end);
                }
                else if (instant(value, out long ticks, out bool resolved, out RejectionReason reason, out string message))
                {
                    SetInstant(ref row, ticks, resolved, end);
                }
                else
                {
                    problems.Add(column, reason, InstantMessage(message, end));
                }

                break;
            case ServiceColumns.Outcome:
                if (text is not null)
                {
                    TryOutcome(text, column, problems, ref row);
                }
                else
                {
                    problems.Add(column, RejectionReason.WrongType, "The outcome must be text, such as 'answered'.");
                }

                break;
            case ServiceColumns.Agent or ServiceColumns.Case:
                long? key = text is not null ? Key(text) : WholeNumber(value);
                if (key is null && text is null)
                {
                    problems.Add(column, RejectionReason.WrongType, $"The {(field == ServiceColumns.Agent ? "agent" : "case")} must be a whole number in the 64-bit range (up to 2^53 in a workbook), or text.");
                }
                else if (field == ServiceColumns.Agent)
                {
                    row.Agent = key;
                }
                else
                {
                    row.Case = key;
                }

                break;
            default:
                if (text is not null)
                {
                    TrySatisfaction(text, column, problems, ref row);
                }
                else if (value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal)
                {
                    TrySatisfaction(Convert.ToDouble(value, CultureInfo.InvariantCulture), column, problems, ref row);
                }
                else
                {
                    problems.Add(column, RejectionReason.WrongType, "The satisfaction score must be a number or text, 1 to 5.");
                }

                break;
        }
    }

    private static long? WholeNumber(object value) => value switch
    {
        sbyte or byte or short or ushort or int or uint or long => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        ulong big when big <= long.MaxValue => (long)big,
        double d when d == Math.Floor(d) && Math.Abs(d) <= 9_007_199_254_740_992d => (long)d, // exact in a double: 42 is the key 42
        _ => null,
    };

    /// <summary>Reads an instant as the timestamp is read (formats, zone, resolution policy); blank text is no value.</summary>
    public bool TryInstant(ReadOnlySpan<char> text, string column, ProblemList problems, ref ServiceRow row, bool end)
    {
        if (text.IsWhiteSpace())
        {
            return true;
        }

        if (!sink.TryTimestamp(text, out long ticks, out bool resolved, out RejectionReason reason, out string message))
        {
            problems.Add(column, reason, InstantMessage(message, end));
            return false;
        }

        SetInstant(ref row, ticks, resolved, end);
        return true;
    }

    /// <summary>Stores a parsed instant in <paramref name="row"/>.</summary>
    public static void SetInstant(ref ServiceRow row, long ticks, bool resolved, bool end)
    {
        if (end)
        {
            row.End = ticks;
        }
        else
        {
            row.Response = ticks;
        }

        row.Resolved |= resolved;
    }

    /// <summary>Prefixes a timestamp parser's message with the field it was about.</summary>
    public static string InstantMessage(string message, bool end) =>
        (end ? "The end is not a valid time, read as the timestamp is: " : "The first response is not a valid time, read as the timestamp is: ") + message;

    /// <summary>Reads an agent or case key: integer text is that integer, other text its XXH3 hash, as text users are; blank text is no value.</summary>
    public static long? Key(ReadOnlySpan<char> text) => text.IsWhiteSpace() ? null : UserText.IntegerOrHash(text);

    /// <summary>Reads an outcome: trimmed, lower-cased, spaces and underscores as hyphens ("No Answer" is "no-answer"); blank text is no value.</summary>
    public bool TryOutcome(ReadOnlySpan<char> text, string column, ProblemList problems, ref ServiceRow row)
    {
        ReadOnlySpan<char> trimmed = text.Trim();
        if (trimmed.IsEmpty)
        {
            return true;
        }

        if (!Lookup.TryGetValue(trimmed, out Outcome? outcome))
        {
            Span<char> id = trimmed.Length <= 128 ? stackalloc char[trimmed.Length] : new char[trimmed.Length];
            trimmed.ToLowerInvariant(id);
            id.Replace(' ', '-');
            id.Replace('_', '-');
            outcome = Metrics.Outcome.TryCreate(id.ToString(), out Outcome created) ? created : null;
            if (_outcomes.Count < MaxCachedOutcomes)
            {
                Lookup.TryAdd(trimmed, outcome);
            }
        }

        if (outcome is null)
        {
            problems.Add(column, RejectionReason.InvalidValue, $"The outcome '{RecordSink.Quote(trimmed)}' is not an outcome id: letters and digits in words joined by single hyphens, spaces or underscores, such as 'answered', 'abandoned' or 'no answer'; fix the value or leave it empty.");
            return false;
        }

        row.Outcome = outcome;
        return true;
    }

    /// <summary>Reads a satisfaction score: integer text 1 to 5; blank text is no value.</summary>
    public static bool TrySatisfaction(ReadOnlySpan<char> text, string column, ProblemList problems, ref ServiceRow row)
    {
        ReadOnlySpan<char> trimmed = text.Trim();
        if (trimmed.IsEmpty)
        {
            return true;
        }

        if (trimmed.Length == 1 && trimmed[0] is >= '1' and <= '5')
        {
            row.Satisfaction = (byte)(trimmed[0] - '0');
            return true;
        }

        problems.Add(column, RejectionReason.InvalidValue, SatisfactionMessage(RecordSink.Quote(trimmed)));
        return false;
    }

    /// <summary>Stores a numeric satisfaction score, or reports it out of range.</summary>
    public static bool TrySatisfaction(double score, string column, ProblemList problems, ref ServiceRow row)
    {
        if (score is >= Consultation.MinSatisfaction and <= Consultation.MaxSatisfaction && score == Math.Floor(score))
        {
            row.Satisfaction = (byte)score;
            return true;
        }

        problems.Add(column, RejectionReason.InvalidValue, SatisfactionMessage(score.ToString("R", CultureInfo.InvariantCulture)));
        return false;
    }

    public static string SatisfactionMessage(string shown) =>
        $"The satisfaction score '{shown}' must be a whole number from {Consultation.MinSatisfaction} (worst) to {Consultation.MaxSatisfaction} (best); fix the score or leave it empty for a contact without one.";

    /// <summary>Checks the order of the instants: a first response not before the timestamp, an end not before either.</summary>
    /// <remarks>The timestamp is <see langword="null"/> when it could not be read: then only the response and the end are compared.</remarks>
    public static void CheckOrder(long? timestamp, in ServiceRow row, string responseColumn, string endColumn, ProblemList problems)
    {
        if (row.Response != ServiceData.NoTime && timestamp is { } contact && row.Response < contact)
        {
            problems.Add(responseColumn, RejectionReason.TimesOutOfOrder, string.Create(
                CultureInfo.InvariantCulture,
                $"The first response {Format(row.Response)} is before the contact's timestamp {Format(contact)}; a reply cannot come before its message: fix the times (or their zone), or leave the first response empty."));
        }

        if (row.End == ServiceData.NoTime)
        {
            return;
        }

        if (row.Response != ServiceData.NoTime && row.End < row.Response)
        {
            problems.Add(endColumn, RejectionReason.TimesOutOfOrder, string.Create(
                CultureInfo.InvariantCulture,
                $"The end {Format(row.End)} is before the first response {Format(row.Response)}; a contact ends after it is answered: fix the times, or leave the end empty."));
        }
        else if (timestamp is { } start && row.End < start)
        {
            problems.Add(endColumn, RejectionReason.TimesOutOfOrder, string.Create(
                CultureInfo.InvariantCulture,
                $"The end {Format(row.End)} is before the contact's timestamp {Format(start)}; a contact ends after it starts: fix the times (or their zone), or leave the end empty."));
        }
    }

    private static string Format(long ticks)
    {
        if (!TimestampText.IsSupported(ticks))
        {
            return ticks.ToString(CultureInfo.InvariantCulture) + " ticks";
        }

        Span<char> buffer = stackalloc char[TimestampText.MaxFormattedLength];
        return buffer[..TimestampText.Format(ticks, 0, buffer)].ToString();
    }
}
