using System.Diagnostics;
using System.IO.Hashing;
using System.Text;
using Sylvan.Data.Csv;

using Djpk.Metrics.Ingest;
using Djpk.Metrics.Logs;
namespace Djpk.Metrics.Csv;

/// <summary>Reads an interaction log from CSV (RFC 4180): a header row, then one consultation per record, columns found by name.</summary>
/// <remarks>
/// <para>Parsed by Sylvan.Data.Csv in its standard RFC 4180 style: quoted fields may hold the delimiter, quotes
/// (doubled) and line breaks. The delimiter is a parameter (<c>;</c> is common in Indonesian exports); comments are off,
/// so no line is ever skipped silently. Columns are mapped by <see cref="LogColumns"/>; other columns are ignored.</para>
/// <para>Rows are numbered as a spreadsheet does: the header is row 1. A malformed quoted field, or a record longer than
/// four times <see cref="IngestOptions.MaxLineLength"/>, leaves the parser unable to find the next record: that row
/// is rejected, the read ends and <see cref="IngestReport.IsComplete"/> is <see langword="false"/>. A record over the
/// limit but within the parser's buffer is rejected as <see cref="RejectionReason.LineTooLong"/> and the read goes on.</para>
/// <para>Speed: the input is read in blocks of 1 MiB of whole lines, parsed on up to
/// <see cref="IngestOptions.MaxDegreeOfParallelism"/> threads and added to the log in file order, as long as its lines are
/// simple: valid UTF-8 without a quote or a lone carriage return, and within the line limit. From the first line that is
/// not, the rest of the input goes through the RFC 4180 parser one record after another. Either way every row is read,
/// numbered and reported exactly as a wholly sequential read would; only the speed differs.</para>
/// <para>The optional service columns (<see cref="LogColumns.FirstResponse"/> and the others) are read when the header
/// has them; an empty field is a record without the value. Instants are read as the timestamp is.</para>
/// </remarks>
public static class CsvLogReader
{
    /// <summary>Reads the CSV file at <paramref name="path"/>.</summary>
    /// <param name="path">The file, UTF-8 (a byte-order mark is allowed).</param>
    /// <param name="delimiter">The field delimiter, such as <c>,</c> or <c>;</c>.</param>
    /// <param name="columns">The column mapping; <see cref="LogColumns.Default"/> when <see langword="null"/>.</param>
    /// <param name="options">The catalog, policy, zone, fallbacks and limits, such as <see cref="IngestOptions.For(Catalog)"/> of a profile's catalog.</param>
    /// <param name="progress">Receives the rows and bytes read and the time elapsed every 65 536 rows and at the end.</param>
    /// <param name="cancellationToken">Stops the read between rows.</param>
    /// <returns>The log of the accepted rows and the report of the read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="delimiter"/> is a quote, a line break or a control character other than tab.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The header lacks a required column or names a mapped column twice; or the policy is strict and a row is rejected (the message names the row).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static IngestResult ReadFile(string path, IngestOptions options, char delimiter = ',', LogColumns? columns = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Read(stream, options, delimiter, columns, progress, cancellationToken);
    }

    /// <summary>Reads CSV from <paramref name="stream"/> to its end; the stream stays open.</summary>
    /// <param name="stream">The input, UTF-8 (a byte-order mark is allowed).</param>
    /// <param name="delimiter">The field delimiter, such as <c>,</c> or <c>;</c>.</param>
    /// <param name="columns">The column mapping; <see cref="LogColumns.Default"/> when <see langword="null"/>.</param>
    /// <param name="options">The catalog, policy, zone, fallbacks and limits, such as <see cref="IngestOptions.For(Catalog)"/> of a profile's catalog.</param>
    /// <param name="progress">Receives the rows and bytes read and the time elapsed every 65 536 rows and at the end.</param>
    /// <param name="cancellationToken">Stops the read between rows.</param>
    /// <returns>The log of the accepted rows and the report of the read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="delimiter"/> is a quote, a line break or a control character other than tab.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="InvalidDataException">The header lacks a required column or names a mapped column twice; or the policy is strict and a row is rejected (the message names the row).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static IngestResult Read(Stream stream, IngestOptions options, char delimiter = ',', LogColumns? columns = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ValueTask<IngestResult> read = ReadCoreAsync(stream, options, delimiter, columns, progress, false, cancellationToken);
        Debug.Assert(read.IsCompleted, "Without async every step completes synchronously.");
        return read.GetAwaiter().GetResult();
    }

    /// <summary>Reads CSV from <paramref name="stream"/> to its end without blocking a thread on I/O, as ASP.NET Core's request body requires; the stream stays open.</summary>
    /// <param name="stream">The input, UTF-8 (a byte-order mark is allowed); only its asynchronous read methods are called.</param>
    /// <param name="delimiter">The field delimiter, such as <c>,</c> or <c>;</c>.</param>
    /// <param name="columns">The column mapping; <see cref="LogColumns.Default"/> when <see langword="null"/>.</param>
    /// <param name="options">The catalog, policy, zone, fallbacks and limits, such as <see cref="IngestOptions.For(Catalog)"/> of a profile's catalog.</param>
    /// <param name="progress">Receives the rows and bytes read and the time elapsed every 65 536 rows and at the end.</param>
    /// <param name="cancellationToken">Stops the read between rows and cancels a pending read of the stream.</param>
    /// <returns>The log of the accepted rows and the report of the read, as <see cref="Read(Stream, IngestOptions, char, LogColumns?, IProgress{IngestProgress}?, CancellationToken)"/> gives them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="delimiter"/> is a quote, a line break or a control character other than tab; or a constant channel or segment of <paramref name="columns"/> is not in the catalog.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="InvalidDataException">The header lacks a required column or names a mapped column twice; or the policy is strict and a row is rejected (the message names the row).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static Task<IngestResult> ReadAsync(Stream stream, IngestOptions options, char delimiter = ',', LogColumns? columns = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ReadCoreAsync(stream, options, delimiter, columns, progress, true, cancellationToken).AsTask();

    private static async ValueTask<IngestResult> ReadCoreAsync(Stream stream, IngestOptions options, char delimiter, LogColumns? columns, IProgress<IngestProgress>? progress, bool async, CancellationToken cancellationToken, int blockSize = DefaultBlockSize, bool sequential = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        CheckDelimiter(delimiter);
        columns ??= LogColumns.Default;
        var sink = new RecordSink(options, progress, cancellationToken);
        if (delimiter > '\x7F' || sequential)
        {
            await ReadSequentialAsync(new CountingStream(stream, sink), sink, columns, delimiter, 0, async, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await new CsvBlockPipeline(sink, columns, delimiter, blockSize).RunAsync(stream, async, cancellationToken).ConfigureAwait(false);
        }

        return sink.Finish();
    }

    /// <summary>The bytes read and parsed as one block: thousands of records, and small enough to stay in cache.</summary>
    private const int DefaultBlockSize = 1 << 20;

    /// <summary>Reads as <see cref="Read(Stream, IngestOptions, char, LogColumns?, IProgress{IngestProgress}?, CancellationToken)"/> does, with the block size given (tests lower it to put records across blocks) or, when <paramref name="sequential"/>, with Sylvan's parser alone (tests compare the two).</summary>
    internal static IngestResult Read(Stream stream, IngestOptions options, char delimiter, LogColumns? columns, IProgress<IngestProgress>? progress, int blockSize, bool sequential)
    {
        ValueTask<IngestResult> read = ReadCoreAsync(stream, options, delimiter, columns, progress, false, default, blockSize, sequential);
        Debug.Assert(read.IsCompleted, "Without async every step completes synchronously.");
        return read.GetAwaiter().GetResult();
    }

    /// <summary>Reads CSV with Sylvan's RFC 4180 parser, one record after another, into the sink.</summary>
    /// <remarks>The input is a whole input (a byte-order mark allowed), or a header line followed by the rest of an input from a record boundary on; the row offset is what to add to the row numbers of the input (its header is row 1) to number the rows of the whole input.</remarks>
    internal static async ValueTask ReadSequentialAsync(Stream input, RecordSink sink, LogColumns columns, char delimiter, long rowOffset, bool async, CancellationToken cancellationToken)
    {
        int bufferSize = Math.Max(1 << 16, sink.Options.MaxLineLength * 4);
        var csvOptions = new CsvDataReaderOptions
        {
            HasHeaders = true,
            Delimiter = delimiter,
            Quote = '"',
            Escape = '"',
            Comment = CsvText.NeverAtLineStart, // '\0' would make a line that starts with NUL a comment, skipped
            CsvStyle = CsvStyle.Standard,
            BufferSize = bufferSize,
            MaxBufferSize = bufferSize,
            OwnsReader = false,
        };
        using var text = new CsvText(input, delimiter);
        if ((async ? await text.PeekAsync(cancellationToken).ConfigureAwait(false) : text.Peek()) < 0)
        {
            return;
        }

        CsvDataReader csv;
        try
        {
            csv = async // reads the header and looks ahead at the first record
                ? await CsvDataReader.CreateAsync(text, csvOptions, cancellationToken).ConfigureAwait(false)
                : CsvDataReader.Create(text, csvOptions);
        }
        catch (Exception e) when (e is CsvRecordTooLargeException or CsvFormatException)
        {
            sink.IsComplete = false;
            bool malformed = e is CsvFormatException;
            string message = rowOffset == 0
                ? $"The header or the first record is malformed or longer than the parser's buffer of {bufferSize} characters; the read ends here."
                : malformed ? MalformedMessage : TooLargeMessage(bufferSize);
            sink.Reject(rowOffset + 2, string.Empty, malformed ? RejectionReason.Malformed : RejectionReason.LineTooLong, message);
            return;
        }

        using CsvDataReader owned = csv; // disposing does no I/O: the reader does not own the text
        var map = new CsvColumnMap(Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToArray(), columns, sink, delimiter);
        var parser = new CsvRowParser(map, columns, sink);
        long row = 1;
        while (true)
        {
            try
            {
                if (!(async ? await csv.ReadAsync(cancellationToken).ConfigureAwait(false) : csv.Read()))
                {
                    break;
                }
            }
            catch (CsvRecordTooLargeException)
            {
                sink.IsComplete = false;
                sink.Reject(rowOffset + row + 1, string.Empty, RejectionReason.LineTooLong, TooLargeMessage(bufferSize));
                break;
            }
            catch (CsvFormatException)
            {
                sink.IsComplete = false;
                sink.Reject(rowOffset + row + 1, string.Empty, RejectionReason.Malformed, MalformedMessage);
                break;
            }

            row = csv.RowNumber + 1;
            parser.Parse(new SylvanFields(csv), rowOffset + row, sink);
        }
    }

    private const string MalformedMessage = "The record has a malformed quoted field; the read ends here.";

    private static string TooLargeMessage(int bufferSize) => $"The record is longer than the parser's buffer of {bufferSize} characters; the read ends here.";

    internal static void CheckDelimiter(char delimiter)
    {
        if (delimiter is '"' or '\r' or '\n' or '\0' || (char.IsControl(delimiter) && delimiter != '\t'))
        {
            throw new ArgumentException("The delimiter must not be a quote, a line break or a control character other than tab.", nameof(delimiter));
        }
    }
}
