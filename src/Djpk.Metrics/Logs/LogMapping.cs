using System.IO.MemoryMappedFiles;

namespace Djpk.Metrics.Logs;

/// <summary>A read-only mapping of a whole log file and the pointer to its first byte; the log opened from it owns it.</summary>
/// <remarks>
/// The view's handle counts references: <see cref="Lease"/> adds one for the length of a query, so disposing the log while
/// a query runs on another thread unmaps the file only when the query ends (the query then fails with
/// <see cref="ObjectDisposedException"/> at its next column access, or finishes). After <see cref="Dispose"/>, a new lease
/// is an <see cref="ObjectDisposedException"/>.
/// </remarks>
internal sealed unsafe class LogMapping : IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private int _disposed;

    private LogMapping(MemoryMappedFile file, MemoryMappedViewAccessor view, byte* start, long length)
    {
        _file = file;
        _view = view;
        Start = start;
        Length = length;
    }

    public byte* Start { get; }

    public long Length { get; }

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Maps <paramref name="file"/> (of <paramref name="length"/> bytes, more than 0) read-only; the mapping keeps the file open.</summary>
    public static LogMapping Map(FileStream file, long length)
    {
        MemoryMappedFile? mapped = null;
        MemoryMappedViewAccessor? view = null;
        try
        {
            mapped = MemoryMappedFile.CreateFromFile(file, mapName: null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            view = mapped.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            // No reference is added for the pointer itself: the log keeps the view reachable, queries hold a Lease, and
            // an undisposed log's view is unmapped by the handle's finalizer once the log is unreachable.
            byte* start = (byte*)view.SafeMemoryMappedViewHandle.DangerousGetHandle();
            return new LogMapping(mapped, view, start + view.PointerOffset, length);
        }
        catch
        {
            view?.Dispose();
            mapped?.Dispose();
            throw;
        }
    }

    /// <summary>Keeps the mapping alive until the lease is disposed.</summary>
    /// <exception cref="ObjectDisposedException">The mapping was disposed.</exception>
    public Lease Acquire()
    {
        ObjectDisposedException.ThrowIf(IsDisposed, typeof(InteractionLog));
        bool added = false;
        try
        {
            _view.SafeMemoryMappedViewHandle.DangerousAddRef(ref added);
        }
        catch (ObjectDisposedException e)
        {
            throw new ObjectDisposedException("The log was disposed: its file is no longer mapped; open it again.", e);
        }

        return new Lease(_view.SafeMemoryMappedViewHandle);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _view.Dispose(); // unmaps now, or when the last lease ends
        _file.Dispose();
    }

    /// <summary>A reference on the mapping's handle, released on dispose; the default lease (a log in memory) holds nothing.</summary>
    internal readonly struct Lease(System.Runtime.InteropServices.SafeHandle? handle) : IDisposable
    {
        public void Dispose() => handle?.DangerousRelease();
    }
}
