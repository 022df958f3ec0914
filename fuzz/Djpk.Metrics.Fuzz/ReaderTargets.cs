using System.Data;
using System.Text;
using Djpk.Metrics.Csv;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Profiles;
using NodaTime;

namespace Djpk.Metrics.Fuzz;

/// <summary>The log readers under their documented contracts (docs/formats.md).</summary>
/// <remarks>
/// Collect mode never throws on rows; <c>Accepted + Rejected == RowsRead</c> and the log holds the accepted rows; the row
/// count equals one computed here independently; a strict read throws <see cref="InvalidDataException"/> exactly when
/// the collecting read rejected a row; the parallel JSON Lines read equals the sequential one.
/// </remarks>
internal static class ReaderTargets
{
    private const int MaxLineLength = 256; // the smallest limit, so that short inputs reach the long-line paths

    private static readonly IngestOptions Collect = DjpkProfile.IngestOptions
        .Collecting(maxRejectionDetails: 1000)
        .WithLocalZone(DateTimeZoneProviders.Tzdb["Asia/Jakarta"])
        .WithMaxLineLength(MaxLineLength)
        .WithMaxDegreeOfParallelism(1);

    private static readonly IngestOptions Strict = Collect.Strictly();

    public static void JsonLines(byte[] input)
    {
        IngestResult result = JsonLinesLogReader.Read(new MemoryStream(input), Collect);
        Check(result);
        Equal(JsonRows(input), result.Report.RowsRead, "rows read, counted independently");
        IngestResult parallel = JsonLinesLogReader.Read(new MemoryStream(input), Collect.WithMaxDegreeOfParallelism(2));
        Equal(result.Report.ToString(), parallel.Report.ToString(), "parallel report");
        Equal(result.Report.BlankLines, parallel.Report.BlankLines, "parallel blank lines");
        StrictAgrees(result, () => JsonLinesLogReader.Read(new MemoryStream(input), Strict));
    }

    public static void Csv(byte[] input)
    {
        char delimiter = DelimiterOf(input);
        IngestResult result;
        try
        {
            result = CsvLogReader.Read(new MemoryStream(input), Collect, delimiter);
        }
        catch (InvalidDataException)
        {
            return; // documented: the header lacks a required column or names one twice
        }

        Check(result);
        if (result.Report.IsComplete && !input.Contains((byte)'"'))
        {
            Equal(CsvRows(input, delimiter), result.Report.RowsRead, "rows read, counted independently");
        }

        StrictAgrees(result, () => CsvLogReader.Read(new MemoryStream(input), Strict, delimiter));
    }

    public static void DataReader(byte[] input)
    {
        using DataTable table = TableOf(input);
        IngestResult result = DataReaderLogReader.Read(table.CreateDataReader(), Collect);
        Check(result);
        Equal((long)table.Rows.Count, result.Report.RowsRead, "rows read = rows of the table");
        StrictAgrees(result, () => DataReaderLogReader.Read(table.CreateDataReader(), Strict));
    }

    private static void Check(IngestResult result)
    {
        IngestReport report = result.Report;
        Equal(report.RowsRead, report.Accepted + report.Rejected, "Accepted + Rejected");
        Equal(report.Accepted, (long)result.Log.Count, "log records");
        Equal(report.Rejected, Enum.GetValues<RejectionReason>().Sum(report.RejectedFor), "rejections by reason");
        foreach (Logs.Consultation c in result.Log)
        {
            // Every accepted instant is in the supported range, so every calendar and writer can take it.
            if (c.Timestamp < Instant.FromUtc(1, 1, 1, 18, 0) || c.Timestamp >= Instant.FromUtc(9999, 12, 26, 6, 0)) // 9999-12-26T05:59:59.9999999Z is the last (its ISO week ends in 9999)
            {
                throw new OracleException($"accepted an instant outside the supported range: {c.Timestamp}");
            }
        }
    }

    private static void StrictAgrees(IngestResult collected, Func<IngestResult> strict)
    {
        try
        {
            IngestResult result = strict();
            if (collected.Report.Rejected != 0)
            {
                throw new OracleException("the strict read accepted what the collecting read rejected");
            }

            Equal(collected.Report.ToString(), result.Report.ToString(), "strict report");
        }
        catch (InvalidDataException) when (collected.Report.Rejected != 0)
        {
        }
    }

    /// <summary>Counts the rows of JSON Lines by the documented rule: lines end with LF, CR LF, CR CR LF or a lone CR; blank lines are not rows.</summary>
    private static long JsonRows(byte[] input)
    {
        ReadOnlySpan<byte> rest = input;
        if (rest.StartsWith("\uFEFF"u8))
        {
            rest = rest[3..];
        }

        long rows = 0;
        foreach (ReadOnlyMemory<byte> line in Lines(rest.ToArray()))
        {
            rows += line.Span.ContainsAnyExcept((byte)' ', (byte)'\t') ? 1 : 0;
        }

        return rows;
    }

    /// <summary>Counts the data rows of a CSV without quotes: lines after the header that are not blank (white space without a delimiter).</summary>
    private static long CsvRows(byte[] input, char delimiter)
    {
        string text = new UTF8Encoding(false, false).GetString(input);
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        long rows = 0;
        bool header = true;
        foreach (ReadOnlyMemory<byte> line in Lines(Encoding.UTF8.GetBytes(text)))
        {
            string s = Encoding.UTF8.GetString(line.Span);
            if (!header && (s.Contains(delimiter, StringComparison.Ordinal) || !string.IsNullOrWhiteSpace(s)))
            {
                rows++;
            }

            header = false;
        }

        return rows;
    }

    private static IEnumerable<ReadOnlyMemory<byte>> Lines(byte[] bytes)
    {
        int start = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                yield return bytes.AsMemory(start, i - start);
                start = i + 1;
            }
            else if (bytes[i] == (byte)'\r')
            {
                yield return bytes.AsMemory(start, i - start);
                if (i + 1 < bytes.Length && bytes[i + 1] == (byte)'\n')
                {
                    i++;
                }
                else if (i + 2 < bytes.Length && bytes[i + 1] == (byte)'\r' && bytes[i + 2] == (byte)'\n')
                {
                    i += 2;
                }

                start = i + 1;
            }
        }

        if (start < bytes.Length)
        {
            yield return bytes.AsMemory(start);
        }
    }

    /// <summary>The delimiter is the first of , ; tab | in the input (a comma when none is).</summary>
    private static char DelimiterOf(byte[] input)
    {
        int i = input.AsSpan().IndexOfAny(",;\t|"u8);
        return i < 0 ? ',' : (char)input[i];
    }

    /// <summary>Builds a table of object columns (timestamp, channel, segment, topic, user, id) whose values' types and contents come from the input.</summary>
    private static DataTable TableOf(byte[] input)
    {
        var table = new DataTable();
        foreach (string name in new[] { "timestamp", "channel", "segment", "topic", "user", "id" })
        {
            table.Columns.Add(name, typeof(object));
        }

        var bytes = new ByteSource(input);
        while (!bytes.End && table.Rows.Count < 256)
        {
            table.Rows.Add(bytes.Timestamp(), bytes.Text(), bytes.Text(), bytes.Text(), bytes.User(), bytes.Id());
        }

        return table;
    }

    private static void Equal<T>(T expected, T actual, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new OracleException($"{what}: expected {expected}, got {actual}");
        }
    }

    /// <summary>Reads typed values from fuzzer bytes; past the end every read gives zeros.</summary>
    private sealed class ByteSource(byte[] input)
    {
        private static readonly string[] Words = ["whatsapp", "phone", "email", "pemda", "akademisi", "lainnya", "", " ", "DBH"];
        private int _at;

        public bool End => _at >= input.Length;

        public object Timestamp() => Byte() switch
        {
            0 => Text(),
            1 => new DateTimeOffset(Ticks(DateTime.MaxValue.Ticks - (1680 * TimeSpan.TicksPerMinute)) + (840 * TimeSpan.TicksPerMinute), TimeSpan.FromMinutes((Byte() % 29 * 60) - 840)),
            2 => new DateTime(Ticks(DateTime.MaxValue.Ticks), DateTimeKind.Utc),
            3 => new DateTime(Ticks(DateTime.MaxValue.Ticks), DateTimeKind.Unspecified),
            4 => new DateTime(Ticks(DateTime.MaxValue.Ticks), DateTimeKind.Local),
            5 => DBNull.Value,
            6 => (long)Long(),
            _ => 1.5,
        };

        public object Text() => Byte() switch
        {
            0 => DBNull.Value,
            1 => String(),
            2 => String().ToCharArray(),
            3 => 42L,
            _ => Words[Byte() % Words.Length],
        };

        public object User() => Byte() switch
        {
            0 => DBNull.Value,
            1 => String(),
            2 => Long(),
            3 => (ulong)Long(),
            4 => (int)Long(),
            5 => 1.5,
            _ => (byte)Byte(),
        };

        public object Id() => Byte() switch
        {
            0 => DBNull.Value,
            1 => String(),
            2 => Long(),
            3 => 1.5m,
            _ => DBNull.Value,
        };

        private int Byte() => _at < input.Length ? input[_at++] : 0;

        private long Long()
        {
            long value = 0;
            for (int i = 0; i < 8; i++)
            {
                value = (value << 8) | (uint)Byte();
            }

            return value;
        }

        private long Ticks(long max) => (long)((ulong)Long() % (ulong)max);

        private string String()
        {
            int length = Byte() % 48;
            int start = Math.Min(_at, input.Length);
            int count = Math.Min(length, input.Length - start);
            _at = start + count;
            return Encoding.UTF8.GetString(input, start, count);
        }
    }
}
