namespace Djpk.Metrics.Ingest;

/// <summary>A read-only view of a stream that counts the bytes read through it.</summary>
internal sealed class CountingStream(Stream inner, RecordSink sink) : ReadOnlyStream
{
    public override int Read(Span<byte> buffer)
    {
        int read = inner.Read(buffer);
        sink.BytesRead += read;
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        sink.BytesRead += read;
        return read;
    }
}
