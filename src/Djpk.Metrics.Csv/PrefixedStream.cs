using Djpk.Metrics.Ingest;

namespace Djpk.Metrics.Csv;

/// <summary>A read-only stream that first gives back bytes already read (in order), then the rest of another stream: how the block reader hands what it read ahead to the sequential parser.</summary>
internal sealed class PrefixedStream(IReadOnlyList<ReadOnlyMemory<byte>> prefix, Stream rest) : ReadOnlyStream
{
    private int _segment;
    private int _offset;

    public override int Read(Span<byte> buffer) => buffer.IsEmpty ? 0 : FromPrefix(buffer) is int n and > 0 ? n : rest.Read(buffer);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        buffer.IsEmpty ? 0 : FromPrefix(buffer.Span) is int n and > 0 ? n : await rest.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);

    // Copies what is left of the prefix's current segment; 0 once the prefix is used up.
    private int FromPrefix(Span<byte> buffer)
    {
        while (_segment < prefix.Count)
        {
            ReadOnlySpan<byte> left = prefix[_segment].Span[_offset..];
            if (left.IsEmpty)
            {
                _segment++;
                _offset = 0;
                continue;
            }

            int n = Math.Min(left.Length, buffer.Length);
            left[..n].CopyTo(buffer);
            _offset += n;
            return n;
        }

        return 0;
    }
}
