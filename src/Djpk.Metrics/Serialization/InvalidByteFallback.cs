using System.Text;

namespace Djpk.Metrics.Serialization;

/// <summary>Decodes each invalid UTF-8 byte sequence to a lone high surrogate, which valid UTF-8 can never produce, so a reader can reject the row instead of silently replacing the bytes.</summary>
internal sealed class InvalidByteFallback : DecoderFallback
{
    public const char Marker = '\uD800';

    public static readonly Encoding Utf8 = Create();

    public override int MaxCharCount => 1;

    /// <summary>Returns whether <paramref name="text"/> holds the marker of an invalid byte sequence.</summary>
    public static bool HasInvalidBytes(ReadOnlySpan<char> text)
    {
        int i;
        while ((i = text.IndexOf(Marker)) >= 0)
        {
            if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
            {
                return true;
            }

            text = text[(i + 2)..];
        }

        return false;
    }

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

    private static Encoding Create()
    {
        var encoding = (Encoding)new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).Clone();
        encoding.DecoderFallback = new InvalidByteFallback();
        return encoding;
    }

    private sealed class Buffer : DecoderFallbackBuffer
    {
        private int _remaining;

        public override int Remaining => _remaining;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
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
