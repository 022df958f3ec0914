using System.Buffers;

namespace Djpk.Metrics.Logs;

/// <summary>A column of a mapped log file served as memory: a typed window on the mapping, which the log owns and releases.</summary>
/// <remarks>Pinning is free (the mapping never moves); disposing the column does nothing, because the mapping outlives it until the log is disposed.</remarks>
internal sealed unsafe class MappedColumn<T> : MemoryManager<T>
    where T : unmanaged
{
    private readonly T* _start;
    private readonly int _length;

    public MappedColumn(byte* start, int length)
    {
        _start = (T*)start;
        _length = length;
    }

    public override Span<T> GetSpan() => new(_start, _length);

    public override MemoryHandle Pin(int elementIndex = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(elementIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(elementIndex, _length);
        return new MemoryHandle(_start + elementIndex);
    }

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
    }
}
