using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Djpk.Metrics.Csv;

/// <summary>Decodes UTF-8 CSV for the parser: skips a byte-order mark, marks invalid bytes, and makes every line break outside quotes one LF.</summary>
/// <remarks>
/// <para>An invalid UTF-8 sequence becomes <see cref="Marker"/>, a lone surrogate, which valid UTF-8 never decodes to:
/// a field holding one came from invalid bytes, whatever else the input holds (a real U+FFFF is kept).</para>
/// <para>Outside quoted fields, LF, CR LF, CR CR LF (a CRLF file converted once more) and a lone CR each end a record,
/// as in the JSON Lines reader; inside a quoted field every character is kept as it is.</para>
/// </remarks>
internal sealed class CsvText : TextReader
{
    /// <summary>The character an invalid UTF-8 sequence decodes to.</summary>
    public const char Marker = '\uDFFF';

    /// <summary>A character no line of the decoded text starts with: a low surrogate other than <see cref="Marker"/>, which
    /// valid text holds only after a high surrogate. The parser's comment character, as it has no "none".</summary>
    public const char NeverAtLineStart = '\uDC00';

    private const int Size = 1 << 16;

    private readonly Stream _stream;
    private readonly char _delimiter;
    private readonly byte[] _bytes = new byte[Size];
    private readonly char[] _decoded = new char[Size];
    private readonly char[] _chars = new char[Size + 3];
    private int _bytesStart, _bytesEnd, _charPos, _charLen;
    private bool _endOfStream, _started;
    private State _state;
    private int _pendingCr;

    public CsvText(Stream stream, char delimiter)
    {
        _stream = stream;
        _delimiter = delimiter;
    }

    private enum Filled
    {
        Some,
        End,
        NeedBytes,
    }

    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }

    /// <summary>Returns whether <paramref name="field"/> came from invalid UTF-8: it holds a surrogate without its pair.</summary>
    public static bool IsInvalid(ReadOnlySpan<char> field)
    {
        int i = field.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (i < 0)
        {
            return false;
        }

        for (; i < field.Length; i++)
        {
            char c = field[i];
            if (char.IsHighSurrogate(c) && i + 1 < field.Length && char.IsLowSurrogate(field[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    public override int Peek() => _charPos < _charLen || Fill() ? _chars[_charPos] : -1;

    public override int Read() => _charPos < _charLen || Fill() ? _chars[_charPos++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty || (_charPos == _charLen && !Fill()))
        {
            return 0;
        }

        int n = Math.Min(buffer.Length, _charLen - _charPos);
        _chars.AsSpan(_charPos, n).CopyTo(buffer);
        _charPos += n;
        return n;
    }

    public override int ReadBlock(Span<char> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = Read(buffer[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    public override int ReadBlock(char[] buffer, int index, int count) => ReadBlock(buffer.AsSpan(index, count));

    public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) =>
        buffer.IsEmpty || _charPos < _charLen ? new ValueTask<int>(Read(buffer.Span)) : ReadSlowAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(char[] buffer, int index, int count) => ReadAsync(buffer.AsMemory(index, count)).AsTask();

    public override async ValueTask<int> ReadBlockAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = await ReadAsync(buffer[total..], cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    public override Task<int> ReadBlockAsync(char[] buffer, int index, int count) => ReadBlockAsync(buffer.AsMemory(index, count)).AsTask();

    /// <summary>Returns the next character without consuming it, reading the stream asynchronously; -1 at the end.</summary>
    public async ValueTask<int> PeekAsync(CancellationToken cancellationToken) =>
        _charPos < _charLen || await FillAsync(cancellationToken).ConfigureAwait(false) ? _chars[_charPos] : -1;

    private async ValueTask<int> ReadSlowAsync(Memory<char> buffer, CancellationToken cancellationToken) =>
        await FillAsync(cancellationToken).ConfigureAwait(false) ? Read(buffer.Span) : 0;

    /// <summary>Decodes and normalizes the next piece of input; false at the end of the input.</summary>
    private bool Fill()
    {
        while (true)
        {
            Filled filled = TryFill();
            if (filled != Filled.NeedBytes)
            {
                return filled == Filled.Some;
            }

            Compact();
            while (_bytesEnd < _bytes.Length && !_endOfStream)
            {
                int read = _stream.Read(_bytes, _bytesEnd, _bytes.Length - _bytesEnd);
                _endOfStream = read == 0;
                _bytesEnd += read;
            }
        }
    }

    /// <summary>As <see cref="Fill"/>, reading the stream with <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/> only.</summary>
    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Filled filled = TryFill();
            if (filled != Filled.NeedBytes)
            {
                return filled == Filled.Some;
            }

            Compact();
            while (_bytesEnd < _bytes.Length && !_endOfStream)
            {
                int read = await _stream.ReadAsync(_bytes.AsMemory(_bytesEnd, _bytes.Length - _bytesEnd), cancellationToken).ConfigureAwait(false);
                _endOfStream = read == 0;
                _bytesEnd += read;
            }
        }
    }

    /// <summary>Decodes and normalizes buffered bytes; asks for more bytes (before producing any character) when fewer than a whole sequence is buffered.</summary>
    private Filled TryFill()
    {
        _charPos = _charLen = 0;
        while (_charLen == 0)
        {
            if (_endOfStream && _bytesStart == _bytesEnd)
            {
                Flush();
                return _charLen > 0 ? Filled.Some : Filled.End;
            }

            if (!_endOfStream && _bytesEnd - _bytesStart < 4)
            {
                return Filled.NeedBytes;
            }

            int decoded = Decode();
            Normalize(_decoded.AsSpan(0, decoded));
        }

        return Filled.Some;
    }

    private void Compact()
    {
        _bytes.AsSpan(_bytesStart, _bytesEnd - _bytesStart).CopyTo(_bytes);
        _bytesEnd -= _bytesStart;
        _bytesStart = 0;
    }

    /// <summary>Decodes buffered bytes into <see cref="_decoded"/>; an incomplete sequence at the end waits for more bytes.</summary>
    private int Decode()
    {
        int written = 0;
        while (_bytesStart < _bytesEnd && written < _decoded.Length)
        {
            ReadOnlySpan<byte> source = _bytes.AsSpan(_bytesStart, _bytesEnd - _bytesStart);
            OperationStatus status = Utf8.ToUtf16(source, _decoded.AsSpan(written), out int read, out int chars, replaceInvalidSequences: false, isFinalBlock: _endOfStream);
            _bytesStart += read;
            written += chars;
            if (status == OperationStatus.InvalidData && written < _decoded.Length)
            {
                _ = Rune.DecodeFromUtf8(_bytes.AsSpan(_bytesStart, _bytesEnd - _bytesStart), out _, out int invalid);
                _bytesStart += Math.Max(invalid, 1);
                _decoded[written++] = Marker;
            }
            else
            {
                break; // Done, DestinationTooSmall, or NeedMoreData (an incomplete sequence waits for the next read)
            }
        }

        if (!_started && written > 0)
        {
            _started = true;
            if (_decoded[0] == '\uFEFF')
            {
                _decoded.AsSpan(1, written - 1).CopyTo(_decoded);
                written--;
            }
        }

        return written;
    }

    private void Normalize(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            // A run without a quote (and outside quotes without a CR) is copied in bulk: outside quotes its characters
            // only move the state between field start and unquoted, which its last character decides.
            bool quoted = _state == State.Quoted;
            int special = quoted ? text.IndexOf('"') : text.IndexOfAny('"', '\r');
            int run = special < 0 ? text.Length : special;
            if (run == 0)
            {
                Step(text[0]);
                text = text[1..];
                continue;
            }

            if (!quoted)
            {
                if (text[0] == '\n')
                {
                    LoneBreaks(_pendingCr > 2 ? _pendingCr - 2 : 0); // CR LF and CR CR LF are one break, the LF below
                }
                else
                {
                    Flush();
                }

                char last = text[run - 1];
                _state = last == _delimiter || last == '\n' ? State.FieldStart : State.Unquoted;
            }

            text[..run].CopyTo(_chars.AsSpan(_charLen));
            _charLen += run;
            text = text[run..];
        }
    }

    private void Step(char c)
    {
        if (_state == State.Quoted)
        {
            _chars[_charLen++] = c;
            if (c == '"')
            {
                _state = State.QuoteInQuoted;
            }

            return;
        }

        if (c == '\r')
        {
            if (++_pendingCr > 2)
            {
                _chars[_charLen++] = '\n'; // the first of three CRs is a lone break whatever follows
                _pendingCr--;
            }

            _state = State.FieldStart;
            return;
        }

        if (c == '\n')
        {
            LoneBreaks(_pendingCr > 2 ? _pendingCr - 2 : 0); // CR LF and CR CR LF are one break
            _chars[_charLen++] = '\n';
            _state = State.FieldStart;
            return;
        }

        Flush();
        _chars[_charLen++] = c;
        _state = c == _delimiter ? State.FieldStart
            : c == '"' && _state is State.FieldStart or State.QuoteInQuoted ? State.Quoted
            : State.Unquoted;
    }

    /// <summary>Writes the CRs seen so far as lone line breaks.</summary>
    private void Flush() => LoneBreaks(_pendingCr);

    private void LoneBreaks(int count)
    {
        for (int i = 0; i < count; i++)
        {
            _chars[_charLen++] = '\n';
        }

        _pendingCr = 0;
    }
}
