using System.IO.Hashing;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Unicode;
using Djpk.Metrics.Ingest;
using Djpk.Metrics.Logs;

namespace Djpk.Metrics.Csv;

/// <summary>Parses the lines of a block of CSV into <see cref="ParsedRows"/> while they are simple, and says where the first line that is not begins; one per thread.</summary>
/// <remarks>
/// A simple line is valid UTF-8 without a quote or a carriage return (but its CR LF ending) and at most
/// <see cref="IngestOptions.MaxLineLength"/> bytes long: split at the delimiter, its fields are what the RFC 4180 parser
/// would give, so the row is read exactly as the sequential read reads it. From the first line that is not simple, the
/// rest of the input goes to the sequential parser, which handles quotes, line breaks in fields, lone CRs and invalid bytes.
/// A simple line whose values are all plainly valid (see <see cref="TryFastLine"/>) is read from its bytes; any other is
/// split into characters for the row parser, which says what is wrong with it.
/// </remarks>
internal sealed class CsvBlockParser(CsvColumnMap map, LogColumns columns, RecordSink sink, char delimiter)
{
    private readonly CsvRowParser _parser = new(map, columns, sink);
    private readonly int _max = sink.Options.MaxLineLength;
    private readonly bool _strict = sink.Options.Policy == IngestPolicy.Strict;
    private readonly bool _fast = map.Service.Length == 0 && delimiter < 0x80 && map.Width > 1;
    private readonly bool _verbatimUsers = sink.Options.UserNormalization.IsVerbatim;
    private readonly TopicCache _topics = new();
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

            if (_chars.Length < line.Length)
            {
                _chars = new char[Math.Max(line.Length, _chars.Length * 2)];
            }

            if (!_fast || !TryFastLine(line, number, rows))
            {
                _parser.Parse(Split(line), number, rows);
            }

            if (_strict && rows.HasRejections)
            {
                break; // the strict read stops at this line, or at an earlier one of an earlier block
            }

            number++;
            offset = newline < 0 ? block.Length : end + 1;
        }

        return (0, 0);
    }

    /// <summary>Reads a simple line from its bytes when the row parser would accept it as it stands; returns false, having kept nothing, for any other line.</summary>
    /// <remarks>
    /// Read here: a line of exactly the header's fields, without service columns, whose timestamp begins with a digit and
    /// parses, whose channel and segment are catalog ids as written (or constants), whose topic is valid, and whose user is
    /// integer text (or, for text identities kept verbatim, text that begins with a visible ASCII character). Those are the
    /// values the row parser reads to the same codes, topic, key and id hash without a fallback or a problem; every other
    /// line goes to it.
    /// </remarks>
    private bool TryFastLine(ReadOnlySpan<byte> line, long number, ParsedRows rows)
    {
        int width = map.Width;
        if (_starts.Length < width + 1)
        {
            _starts = new int[width + 1];
        }

        // Find the delimiters 32 bytes at a time: compare, take the mask, and walk its set bits.
        byte separator = (byte)delimiter;
        int count = 1, at = 0;
        _starts[0] = 0;
        ref byte text = ref MemoryMarshal.GetReference(line);
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<byte> separators = Vector256.Create(separator);
            for (; at + Vector256<byte>.Count <= line.Length; at += Vector256<byte>.Count)
            {
                uint mask = Vector256.Equals(Vector256.LoadUnsafe(ref text, (nuint)at), separators).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    if (count == width)
                    {
                        return false;
                    }

                    _starts[count++] = at + BitOperations.TrailingZeroCount(mask) + 1;
                    mask &= mask - 1;
                }
            }
        }

        for (; at < line.Length; at++)
        {
            if (line[at] == separator)
            {
                if (count == width)
                {
                    return false;
                }

                _starts[count++] = at + 1;
            }
        }

        if (count != width)
        {
            return false;
        }

        _starts[count] = line.Length + 1;
        ReadOnlySpan<byte> timestamp = Field(line, map.Timestamp);
        if (timestamp is not [>= (byte)'0' and <= (byte)'9', ..] || !sink.TryTimestampUtf8(timestamp, _chars, out long ticks, out bool resolved))
        {
            return false;
        }

        int channel = map.ConstantChannel < 0 ? sink.KnownChannel(Field(line, map.Channel)) : map.ConstantChannel;
        int segment = map.ConstantSegment < 0 ? sink.KnownSegment(Field(line, map.Segment)) : map.ConstantSegment;
        if (channel < 0 || segment < 0)
        {
            return false;
        }

        Topic topic = Topic.Unspecified;
        if (map.Topic >= 0)
        {
            if (_topics.TopicOfUtf8(Field(line, map.Topic), _chars) is not { } named)
            {
                return false;
            }

            topic = named;
        }

        ReadOnlySpan<byte> userText = Field(line, map.User);
        long user;
        if (!columns.UserIsText)
        {
            if (!UserText.TryInteger(userText, out user))
            {
                return false;
            }
        }
        else if (_verbatimUsers && userText is [> (byte)' ' and < 0x80, ..])
        {
            user = UserText.IntegerOrHash(userText);
        }
        else
        {
            return false;
        }

        UInt128? id = null;
        string? idText = null;
        if (map.Id >= 0 && Field(line, map.Id) is { IsEmpty: false } idField)
        {
            id = XxHash128.HashToUInt128(idField);
            idText = Encoding.UTF8.GetString(idField);
        }

        rows.Accept(number, ticks, channel, false, segment, false, topic, user, id, resolved, idText);
        return true;
    }

    // The field at index k of the line _starts splits.
    private ReadOnlySpan<byte> Field(ReadOnlySpan<byte> line, int k) => line[_starts[k]..(_starts[k + 1] - 1)];

    private SplitFields Split(ReadOnlySpan<byte> line)
    {
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
