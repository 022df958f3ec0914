using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
        bool clean = block.IndexOf((byte)'"') < 0 && Utf8.IsValid(block); // then so is every line: a line break is never inside a sequence
        bool noCr = block.IndexOf((byte)'\r') < 0;
        while (offset < block.Length)
        {
            int newline = block[offset..].IndexOf((byte)'\n');
            int end = newline < 0 ? block.Length : offset + newline;
            ReadOnlySpan<byte> line = block[offset..end];
            if (newline >= 0 && line.EndsWith((byte)'\r'))
            {
                line = line[..^1];
            }

            if (line.Length > _max || (!noCr && line.IndexOf((byte)'\r') >= 0) || (!clean && (line.IndexOf((byte)'"') >= 0 || !Utf8.IsValid(line))))
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
        int count = 0;
        _starts[count++] = 0;

        // Find the delimiters 16 characters at a time: compare, take the mask, and walk its set bits.
        ref ushort text = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetArrayDataReference(_chars));
        int at = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<ushort> delimiters = Vector256.Create((ushort)delimiter);
            for (; at + Vector256<ushort>.Count <= length; at += Vector256<ushort>.Count)
            {
                uint mask = Vector256.Equals(Vector256.LoadUnsafe(ref text, (nuint)at), delimiters).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    Add(ref count, at + BitOperations.TrailingZeroCount(mask) + 1);
                    mask &= mask - 1;
                }
            }
        }

        for (; at < length; at++)
        {
            if (_chars[at] == delimiter)
            {
                Add(ref count, at + 1);
            }
        }

        _starts[count] = length + 1; // past the end, as if a delimiter followed the last field
        return new SplitFields(_chars, _starts, count);
    }

    // Starts the field after a delimiter, keeping room for the end mark.
    private void Add(ref int count, int start)
    {
        if (count + 2 > _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
        }

        _starts[count++] = start;
    }
}
