using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Unicode;
using Djpk.Metrics.Ingest;

namespace Djpk.Metrics.Csv;

/// <summary>Reads CSV in blocks of whole lines, parses up to <see cref="IngestOptions.MaxDegreeOfParallelism"/> blocks at once, and replays their rows into the sink in file order; hands the input to the sequential parser from the first line that is not simple.</summary>
/// <remarks>
/// The log and the report do not depend on the number of threads or on where the blocks are cut: rows are numbered by
/// line (a simple line is one record), replayed in order, and the sequential parser takes over at a record boundary with
/// the header in front and the row numbers offset, so every row is read as a wholly sequential read would read it.
/// </remarks>
internal sealed class CsvBlockPipeline(RecordSink sink, LogColumns columns, char delimiter, int blockSize)
{
    private readonly int _max = sink.Options.MaxLineLength;
    private readonly int _threads = sink.Options.MaxDegreeOfParallelism;
    private readonly Queue<InFlight> _inFlight = new();
    private readonly ConcurrentBag<CsvBlockParser> _parsers = [];
    private readonly ConcurrentBag<ParsedRows> _spareRows = [];
    private readonly List<byte[]> _held = []; // blocks handed to the sequential parser, returned to the pool at the end
    private CsvColumnMap _map = null!;
    private byte[] _header = [];
    private (long Line, ReadOnlyMemory<byte> Remainder)? _stop;

    /// <summary>Reads the whole of <paramref name="stream"/> into the sink.</summary>
    public async ValueTask RunAsync(Stream stream, bool async, CancellationToken cancellationToken)
    {
        if (stream.CanSeek)
        {
            sink.ExpectedBytes = Math.Max(0, stream.Length - stream.Position); // sizes the log's columns from the first blocks
        }

        int size = Math.Max(blockSize, 2 * (_max + 2));
        byte[]? buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            (int filled, bool end) = await FillAsync(stream, buffer, 0, async, cancellationToken).ConfigureAwait(false);
            int start = buffer.AsSpan(0, filled).StartsWith("\uFEFF"u8) ? 3 : 0;
            if (start == filled && end)
            {
                return; // empty, or only a byte-order mark: no header, no rows
            }

            int pos = ReadHeader(buffer.AsSpan(start, filled - start), end);
            if (pos < 0)
            {
                // The header is not simple: the whole input goes to the sequential parser, from its first byte.
                await SequentialAsync([buffer.AsMemory(0, filled)], stream, 0, async, cancellationToken).ConfigureAwait(false);
                return;
            }

            pos += start;
            long line = 1; // lines handed out so far: the header
            while (true)
            {
                if (!end && filled < buffer.Length)
                {
                    (filled, end) = await FillAsync(stream, buffer, filled, async, cancellationToken).ConfigureAwait(false);
                }

                if (end)
                {
                    if (pos < filled)
                    {
                        byte[] last = buffer;
                        buffer = null; // the queue owns it now
                        await DispatchAsync(last, pos, filled, line + 1, async).ConfigureAwait(false);
                    }

                    break;
                }

                int cut = buffer.AsSpan(pos, filled - pos).LastIndexOf((byte)'\n');
                if (cut < 0)
                {
                    // A line longer than a block is longer than the limit: not simple. The blocks before it are replayed first.
                    while (_inFlight.Count > 0 && _stop is null)
                    {
                        await CompleteAsync(_inFlight.Dequeue(), async).ConfigureAwait(false);
                    }

                    if (_stop is null)
                    {
                        _stop = (line + 1, buffer.AsMemory(pos, filled - pos));
                        _held.Add(buffer);
                        buffer = null;
                    }

                    break;
                }

                cut += pos + 1;
                byte[] next = ArrayPool<byte>.Shared.Rent(size);
                buffer.AsSpan(cut, filled - cut).CopyTo(next);
                long lines = buffer.AsSpan(pos, cut - pos).Count((byte)'\n');
                byte[] block = buffer;
                int blockStart = pos;
                buffer = next;
                filled -= cut;
                pos = 0;
                await DispatchAsync(block, blockStart, cut, line + 1, async).ConfigureAwait(false);
                line += lines;
                if (_stop is not null)
                {
                    break;
                }
            }

            while (_inFlight.Count > 0 && _stop is null)
            {
                await CompleteAsync(_inFlight.Dequeue(), async).ConfigureAwait(false);
            }

            if (_stop is { } stop)
            {
                // Everything read after the first line that is not simple goes to the sequential parser, in order.
                var prefix = new List<ReadOnlyMemory<byte>> { _header, stop.Remainder };
                while (_inFlight.Count > 0)
                {
                    InFlight later = _inFlight.Dequeue();
                    ParsedRows discarded = await ResultAsync(later, async).ConfigureAwait(false);
                    Recycle(discarded);
                    prefix.Add(later.Block.AsMemory(later.Start, later.End - later.Start));
                    _held.Add(later.Block);
                }

                if (buffer is not null)
                {
                    prefix.Add(buffer.AsMemory(pos, filled - pos));
                }

                await SequentialAsync(prefix, stream, stop.Line - 2, async, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            // After an exception (strict policy, cancellation), let the parsers still running finish with their blocks.
            while (_inFlight.Count > 0)
            {
                InFlight running = _inFlight.Dequeue();
                if (async)
                {
                    await ((Task)running.Task).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
                else
                {
                    ((IAsyncResult)running.Task).AsyncWaitHandle.WaitOne();
                }

                ArrayPool<byte>.Shared.Return(running.Block);
            }

            foreach (byte[] held in _held)
            {
                ArrayPool<byte>.Shared.Return(held);
            }
        }
    }

    private async ValueTask<(int Filled, bool End)> FillAsync(Stream stream, byte[] buffer, int filled, bool async, CancellationToken cancellationToken)
    {
        while (filled < buffer.Length)
        {
            int read = async
                ? await stream.ReadAsync(buffer.AsMemory(filled, buffer.Length - filled), cancellationToken).ConfigureAwait(false)
                : stream.Read(buffer, filled, buffer.Length - filled);
            if (read == 0)
            {
                return (filled, true);
            }

            filled += read;
            sink.BytesRead += read;
        }

        return (filled, false);
    }

    /// <summary>Reads the header line at the start of <paramref name="text"/> when it is simple, and maps the columns.</summary>
    /// <returns>Where the first record starts in <paramref name="text"/>; -1 when the header is not simple (a quote, a lone CR, invalid UTF-8, a second byte-order mark, or longer than the limit).</returns>
    /// <exception cref="InvalidDataException">The header lacks a required column or names a mapped column twice.</exception>
    private int ReadHeader(ReadOnlySpan<byte> text, bool end)
    {
        int newline = text.IndexOf((byte)'\n');
        if (newline < 0 && !end)
        {
            return -1;
        }

        ReadOnlySpan<byte> header = newline < 0 ? text : text[..newline];
        if (newline >= 0 && header.EndsWith((byte)'\r'))
        {
            header = header[..^1];
        }

        if (header.Length > _max || header.IndexOfAny((byte)'"', (byte)'\r') >= 0 || header.StartsWith("\uFEFF"u8) || !Utf8.IsValid(header))
        {
            return -1;
        }

        _header = [.. header, (byte)'\n'];
        _map = new CsvColumnMap(Encoding.UTF8.GetString(header).Split(delimiter), columns, sink, delimiter);
        return newline < 0 ? text.Length : newline + 1;
    }

    /// <summary>Hands the rest of the input to the sequential parser: <paramref name="prefix"/> (the header, then what was read ahead), then <paramref name="stream"/>.</summary>
    private ValueTask SequentialAsync(IReadOnlyList<ReadOnlyMemory<byte>> prefix, Stream stream, long rowOffset, bool async, CancellationToken cancellationToken)
    {
        var input = new PrefixedStream(prefix, new CountingStream(stream, sink)); // the bytes of the prefix are counted already
        return CsvLogReader.ReadSequentialAsync(input, sink, columns, delimiter, rowOffset, async, cancellationToken);
    }

    /// <summary>Parses <paramref name="block"/>[<paramref name="start"/>..<paramref name="end"/>] (now or on another thread); the queue owns the block until its rows are replayed.</summary>
    private async ValueTask DispatchAsync(byte[] block, int start, int end, long firstLine, bool async)
    {
        ParsedRows rows = _spareRows.TryTake(out ParsedRows? spare) ? spare : new ParsedRows();
        rows.Bytes = end - start;
        Task<(ParsedRows, long, int)> task;
        if (_threads == 1)
        {
            task = Task.FromResult(Parse(block, start, end, firstLine, rows));
        }
        else
        {
            task = Task.Run(() => Parse(block, start, end, firstLine, rows));
        }

        _inFlight.Enqueue(new InFlight(task, block, start, end));
        while (_inFlight.Count > _threads && _stop is null)
        {
            await CompleteAsync(_inFlight.Dequeue(), async).ConfigureAwait(false);
        }
    }

    private (ParsedRows Rows, long StopLine, int StopOffset) Parse(byte[] block, int start, int end, long firstLine, ParsedRows rows)
    {
        CsvBlockParser parser = _parsers.TryTake(out CsvBlockParser? spare) ? spare : new CsvBlockParser(_map, columns, sink, delimiter);
        try
        {
            (long line, int offset) = parser.ParseBlock(block.AsSpan(start, end - start), firstLine, rows);
            return (rows, line, offset);
        }
        finally
        {
            _parsers.Add(parser);
        }
    }

    /// <summary>Replays a parsed block into the sink; a block that met a line that is not simple replays the rows before it and marks where the sequential parser takes over.</summary>
    private async ValueTask CompleteAsync(InFlight entry, bool async)
    {
        (ParsedRows rows, long stopLine, int stopOffset) = await ResultWithStopAsync(entry, async).ConfigureAwait(false);
        try
        {
            rows.ReplayInto(sink, columns.Id);
        }
        finally
        {
            Recycle(rows);
            if (stopLine > 0)
            {
                _stop = (stopLine, entry.Block.AsMemory(entry.Start + stopOffset, entry.End - entry.Start - stopOffset));
                _held.Add(entry.Block);
            }
            else
            {
                ArrayPool<byte>.Shared.Return(entry.Block);
            }
        }
    }

    private static async ValueTask<(ParsedRows, long, int)> ResultWithStopAsync(InFlight entry, bool async)
    {
        if (async)
        {
            await ((Task)entry.Task).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        else if (!entry.Task.IsCompleted)
        {
            ((IAsyncResult)entry.Task).AsyncWaitHandle.WaitOne(); // block without spinning: the parsers need both cores
        }

        return entry.Task.GetAwaiter().GetResult();
    }

    private static async ValueTask<ParsedRows> ResultAsync(InFlight entry, bool async) => (await ResultWithStopAsync(entry, async).ConfigureAwait(false)).Item1;

    private void Recycle(ParsedRows rows)
    {
        rows.Clear();
        _spareRows.Add(rows);
    }

    /// <summary>A block being parsed: the task, and the bytes it owns until its rows are replayed.</summary>
    private readonly record struct InFlight(Task<(ParsedRows Rows, long StopLine, int StopOffset)> Task, byte[] Block, int Start, int End);
}
