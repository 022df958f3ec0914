using System.Text;
using System.Text.Unicode;
using Djpk.Metrics.Ingest;

namespace Djpk.Metrics.Csv;

/// <summary>Parses the lines of a block of CSV into <see cref="ParsedRows"/> while they are simple, and says where the first line that is not begins; one per thread.</summary>
/// <remarks>
/// A simple line is valid UTF-8 without a quote or a carriage return (but its CR LF ending) and at most
/// <see cref="IngestOptions.MaxLineLength"/> bytes long: split at the delimiter, its fields are what the RFC 4180 parser
/// would give, so the row is read exactly as the sequential read reads it. From the first line that is not simple, the
/// rest of the input goes to the sequential parser, which handles quotes, line breaks in fields, lone CRs and invalid bytes.
/// </remarks>
internal sealed class CsvBlockParser(CsvColumnMap map, LogColumns columns, RecordSink sink, char delimiter)
{
    private readonly CsvRowParser _parser = new(map, columns, sink);
    private readonly int _max = sink.Options.MaxLineLength;
    private readonly bool _strict = sink.Options.Policy == IngestPolicy.Strict;
    private char[] _chars = new char[256];
    private int[] _starts = new int[16];

    /// <summary>Parses the lines of <paramref name="block"/> (the first is line <paramref name="firstLine"/>; the last need not end with a line break) into <paramref name="rows"/>.</summary>
    /// <returns>The line and the offset in the block of the first line that is not simple; (0, 0) when every line was.</returns>
    public (long Line, int Offset) ParseBlock(ReadOnlySpan<byte> block, long firstLine, ParsedRows rows)
    {
        long number = firstLine;
        int offset = 0;
        while (offset < block.Length)
        {
            int newline = block[offset..].IndexOf((byte)'\n');
            int end = newline < 0 ? block.Length : offset + newline;
            ReadOnlySpan<byte> line = block[offset..end];
            if (newline >= 0 && line.EndsWith((byte)'\r'))
            {
                line = line[..^1];
            }

            if (line.Length > _max || line.IndexOfAny((byte)'"', (byte)'\r') >= 0 || !Utf8.IsValid(line))
            {
                return (number, offset);
            }

            _parser.Parse(Split(line), number, rows);
            if (_strict && rows.HasRejections)
            {
                break; // the strict read stops at this line, or at an earlier one of an earlier block
            }

            number++;
            offset = newline < 0 ? block.Length : end + 1;
        }

        return (0, 0);
    }

    private SplitFields Split(ReadOnlySpan<byte> line)
    {
        if (_chars.Length < line.Length)
        {
            _chars = new char[Math.Max(line.Length, _chars.Length * 2)];
        }

        int length = Encoding.UTF8.GetChars(line, _chars);
        ReadOnlySpan<char> text = _chars.AsSpan(0, length);
        int count = 0;
        int at = 0;
        while (true)
        {
            if (count + 2 > _starts.Length)
            {
                Array.Resize(ref _starts, _starts.Length * 2);
            }

            _starts[count++] = at;
            int next = text[at..].IndexOf(delimiter);
            if (next < 0)
            {
                _starts[count] = length + 1; // past the end, as if a delimiter followed the last field
                return new SplitFields(_chars, _starts, count);
            }

            at += next + 1;
        }
    }
}
