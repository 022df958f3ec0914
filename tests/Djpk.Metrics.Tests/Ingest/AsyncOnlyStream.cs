namespace Djpk.Metrics.Tests.Serialization;

/// <summary>A stream whose synchronous reads and writes throw, as ASP.NET Core's request and response bodies do by default.</summary>
internal sealed class AsyncOnlyStream(Stream inner) : Stream
{
    private const string Message = "Synchronous operations are disallowed. Call ReadAsync or WriteAsync instead.";

    public int AsyncReads { get; private set; }

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException(Message);

    public override int Read(Span<byte> buffer) => throw new InvalidOperationException(Message);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        AsyncReads++;
        await Task.Yield(); // really asynchronous: the caller must not rely on synchronous completion
        return await inner.ReadAsync(buffer[..Math.Min(buffer.Length, 7919)], cancellationToken); // short reads, as a network stream gives
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException(Message);

    public override void Write(ReadOnlySpan<byte> buffer) => throw new InvalidOperationException(Message);

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => throw new InvalidOperationException(Message);

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
