using System.Text;

namespace Djpk.Metrics.Ingest;

/// <summary>Decodes each invalid UTF-8 byte sequence to U+FFFF, a Unicode noncharacter, and counts them, so a reader can reject the row instead of silently replacing the bytes.</summary>
/// <remarks>
/// The runtime refuses a lone surrogate as a fallback, so the marker is a noncharacter that valid text does not
/// interchange; a field is flagged only when it holds the marker and the decoder has met invalid bytes, so a real
/// U+FFFF in a clean file is kept.
/// </remarks>
internal sealed class InvalidByteFallback : DecoderFallback
{
    public const char Marker = '\uFFFF';

    public int InvalidSequences { get; private set; }

    public override int MaxCharCount => 1;

    /// <summary>Returns a UTF-8 encoding (no byte-order mark written) that decodes through a new fallback.</summary>
    public static (Encoding Encoding, InvalidByteFallback Fallback) CreateUtf8()
    {
        var fallback = new InvalidByteFallback();
        var encoding = (Encoding)new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).Clone();
        encoding.DecoderFallback = fallback;
        return (encoding, fallback);
    }

    /// <summary>Returns whether <paramref name="text"/> came from invalid bytes.</summary>
    public bool IsInvalid(ReadOnlySpan<char> text) => InvalidSequences > 0 && text.Contains(Marker);

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    private sealed class Buffer(InvalidByteFallback owner) : DecoderFallbackBuffer
    {
        private int _remaining;

        public override int Remaining => _remaining;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            owner.InvalidSequences++;
            _remaining = 1;
            return true;
        }

        public override char GetNextChar()
        {
            if (_remaining == 0)
            {
                return '\0';
            }

            _remaining = 0;
            return Marker;
        }

        public override bool MovePrevious()
        {
            if (_remaining == 0)
            {
                _remaining = 1;
                return true;
            }

            return false;
        }

        public override void Reset() => _remaining = 0;
    }
}
