using System.Globalization;

namespace Djpk.Metrics.Ingest;

/// <summary>How far a long load has got: rows and bytes read, and the time since it started.</summary>
/// <remarks>Immutable. The default value is no rows, no bytes, no time.</remarks>
public readonly record struct IngestProgress
{
    /// <summary>Creates a progress report.</summary>
    /// <param name="rows">The rows read so far, accepted or rejected.</param>
    /// <param name="bytes">The bytes read so far; zero for a database reader, which does not know them.</param>
    /// <param name="elapsed">The time since the load started, measured by the options' <see cref="TimeProvider"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative.</exception>
    public IngestProgress(long rows, long bytes, TimeSpan elapsed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(elapsed, TimeSpan.Zero);
        Rows = rows;
        Bytes = bytes;
        Elapsed = elapsed;
    }

    /// <summary>Gets the rows read so far, accepted or rejected.</summary>
    public long Rows { get; }

    /// <summary>Gets the bytes read so far; zero for a database reader.</summary>
    public long Bytes { get; }

    /// <summary>Gets the time since the load started.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Returns the invariant text form, such as <c>100000 rows, 8500000 bytes, 00:00:00.2500000</c>.</summary>
    /// <returns>The progress as text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Rows} rows, {Bytes} bytes, {Elapsed:c}");
}
