using NodaTime;

namespace Djpk.Metrics.Ingest;

/// <summary>How a log reader treats its input: the catalog, the policy for bad rows, fallbacks, the zone of offset-less timestamps and limits.</summary>
/// <remarks>
/// <para>Immutable: every <c>With…</c> method returns a new instance. <see cref="For(Catalog)"/> reads into
/// the catalog given, such as a profile's, is <see cref="IngestPolicy.Strict"/>, rejects offset-less timestamps, unknown channels and
/// segments, and limits a line to <see cref="DefaultMaxLineLength"/> bytes, and parses on every core.</para>
/// </remarks>
public sealed class IngestOptions
{
    /// <summary>The default limit on a line or record, in bytes (JSON Lines) or characters (CSV): 64 KiB.</summary>
    public const int DefaultMaxLineLength = 64 * 1024;

    /// <summary>The default number of rejection details kept under <see cref="IngestPolicy.Collect"/>.</summary>
    public const int DefaultMaxRejectionDetails = 1000;

    /// <summary>The smallest line limit accepted, in bytes or characters.</summary>
    public const int MinMaxLineLength = 256;

    /// <summary>The largest line limit accepted, in bytes or characters: 16 MiB.</summary>
    public const int MaxMaxLineLength = 16 * 1024 * 1024;

    private IngestOptions(
        Catalog catalog,
        IngestPolicy policy,
        int maxRejectionDetails,
        DateTimeZone? localZone,
        Channel? channelFallback,
        UserSegment? segmentFallback,
        int maxLineLength,
        TimeProvider timeProvider,
        int maxDegreeOfParallelism)
    {
        Catalog = catalog;
        Policy = policy;
        MaxRejectionDetails = maxRejectionDetails;
        LocalZone = localZone;
        ChannelFallback = channelFallback;
        SegmentFallback = segmentFallback;
        MaxLineLength = maxLineLength;
        TimeProvider = timeProvider;
        MaxDegreeOfParallelism = maxDegreeOfParallelism;
    }

    /// <summary>Returns the default options over <paramref name="catalog"/>: strict, no zone, no fallbacks, 64 KiB lines, every core.</summary>
    /// <param name="catalog">The channels and segments the log may use, such as a profile's catalog.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is <see langword="null"/>.</exception>
    public static IngestOptions For(Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new(catalog, IngestPolicy.Strict, DefaultMaxRejectionDetails, null, null, null, DefaultMaxLineLength, TimeProvider.System, Environment.ProcessorCount);
    }

    /// <summary>Gets the catalog of channels and segments the log may use.</summary>
    public Catalog Catalog { get; }

    /// <summary>Gets what the reader does with a bad row.</summary>
    public IngestPolicy Policy { get; }

    /// <summary>Gets how many rejection details the report keeps; all rejections are counted regardless.</summary>
    public int MaxRejectionDetails { get; }

    /// <summary>Gets the zone an offset-less timestamp is read in; <see langword="null"/> rejects such timestamps.</summary>
    public DateTimeZone? LocalZone { get; }

    /// <summary>Gets the channel an unknown channel id is mapped to; <see langword="null"/> rejects the row.</summary>
    public Channel? ChannelFallback { get; }

    /// <summary>Gets the segment an unknown segment id is mapped to; <see langword="null"/> rejects the row.</summary>
    public UserSegment? SegmentFallback { get; }

    /// <summary>Gets the longest line (JSON Lines, bytes without the line break) or record (CSV, characters) accepted.</summary>
    public int MaxLineLength { get; }

    /// <summary>Gets the most threads a reader that can parse in parallel (JSON Lines) uses; 1 reads sequentially. The default is every core.</summary>
    /// <remarks>The result does not depend on it: the log, the report and the row a strict read stops at are the same for every value.</remarks>
    public int MaxDegreeOfParallelism { get; }

    /// <summary>Gets the time source that measures <see cref="IngestProgress.Elapsed"/> and <see cref="IngestReport.Elapsed"/>.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Returns options that go on past bad rows and keep the first <paramref name="maxRejectionDetails"/> details.</summary>
    /// <param name="maxRejectionDetails">How many rejection details to keep, from 0.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRejectionDetails"/> is negative.</exception>
    public IngestOptions Collecting(int maxRejectionDetails = DefaultMaxRejectionDetails)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRejectionDetails);
        return new(Catalog, IngestPolicy.Collect, maxRejectionDetails, LocalZone, ChannelFallback, SegmentFallback, MaxLineLength, TimeProvider, MaxDegreeOfParallelism);
    }

    /// <summary>Returns options that stop at the first bad row.</summary>
    /// <returns>The new options.</returns>
    public IngestOptions Strictly() =>
        new(Catalog, IngestPolicy.Strict, MaxRejectionDetails, LocalZone, ChannelFallback, SegmentFallback, MaxLineLength, TimeProvider, MaxDegreeOfParallelism);

    /// <summary>Returns options that read into <paramref name="catalog"/>; fallbacks not in it are dropped.</summary>
    /// <param name="catalog">The catalog, such as a profile's catalog with an extra channel.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is <see langword="null"/>.</exception>
    public IngestOptions WithCatalog(Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Channel? channel = ChannelFallback is { } c && catalog.Contains(c) ? c : null;
        UserSegment? segment = SegmentFallback is { } s && catalog.Contains(s) ? s : null;
        return new(catalog, Policy, MaxRejectionDetails, LocalZone, channel, segment, MaxLineLength, TimeProvider, MaxDegreeOfParallelism);
    }

    /// <summary>Returns options that read an offset-less timestamp in <paramref name="zone"/>, such as Asia/Jakarta.</summary>
    /// <param name="zone">The zone; <see langword="null"/> to reject offset-less timestamps again.</param>
    /// <returns>The new options.</returns>
    /// <remarks>A local time that the zone skips or repeats (a daylight-saving change) is rejected as <see cref="RejectionReason.InvalidTimestamp"/>.</remarks>
    public IngestOptions WithLocalZone(DateTimeZone? zone) =>
        new(Catalog, Policy, MaxRejectionDetails, zone, ChannelFallback, SegmentFallback, MaxLineLength, TimeProvider, MaxDegreeOfParallelism);

    /// <summary>Returns options that map an unknown channel id to <paramref name="channel"/>, counted in <see cref="IngestReport.MappedChannels"/>.</summary>
    /// <param name="channel">A channel of the catalog; <see langword="null"/> to reject unknown channels again.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is not in the <see cref="Catalog"/>.</exception>
    public IngestOptions WithChannelFallback(Channel? channel)
    {
        if (channel is { } c && !Catalog.Contains(c))
        {
            throw new ArgumentException($"The fallback channel '{c}' must be in the catalog.", nameof(channel));
        }

        return new(Catalog, Policy, MaxRejectionDetails, LocalZone, channel, SegmentFallback, MaxLineLength, TimeProvider, MaxDegreeOfParallelism);
    }

    /// <summary>Returns options that map an unknown segment id to <paramref name="segment"/>, such as DJPK's "lainnya", counted in <see cref="IngestReport.MappedSegments"/>.</summary>
    /// <param name="segment">A segment of the catalog; <see langword="null"/> to reject unknown segments again.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentException"><paramref name="segment"/> is not in the <see cref="Catalog"/>.</exception>
    public IngestOptions WithSegmentFallback(UserSegment? segment)
    {
        if (segment is { } s && !Catalog.Contains(s))
        {
            throw new ArgumentException($"The fallback segment '{s}' must be in the catalog.", nameof(segment));
        }

        return new(Catalog, Policy, MaxRejectionDetails, LocalZone, ChannelFallback, segment, MaxLineLength, TimeProvider, MaxDegreeOfParallelism);
    }

    /// <summary>Returns options with a different limit on the length of a line or record.</summary>
    /// <param name="maxLineLength">The limit, from <see cref="MinMaxLineLength"/> to <see cref="MaxMaxLineLength"/>.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLineLength"/> is outside the allowed range.</exception>
    public IngestOptions WithMaxLineLength(int maxLineLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineLength, MinMaxLineLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLineLength, MaxMaxLineLength);
        return new(Catalog, Policy, MaxRejectionDetails, LocalZone, ChannelFallback, SegmentFallback, maxLineLength, TimeProvider, MaxDegreeOfParallelism);
    }

    /// <summary>Returns options that parse on at most <paramref name="maxDegreeOfParallelism"/> threads (JSON Lines); 1 reads sequentially.</summary>
    /// <param name="maxDegreeOfParallelism">The most threads to use, from 1.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is not positive.</exception>
    public IngestOptions WithMaxDegreeOfParallelism(int maxDegreeOfParallelism)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDegreeOfParallelism);
        return new(Catalog, Policy, MaxRejectionDetails, LocalZone, ChannelFallback, SegmentFallback, MaxLineLength, TimeProvider, maxDegreeOfParallelism);
    }

    /// <summary>Returns options that measure elapsed time with <paramref name="timeProvider"/> (a fake one in tests).</summary>
    /// <param name="timeProvider">The time source.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    public IngestOptions WithTimeProvider(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new(Catalog, Policy, MaxRejectionDetails, LocalZone, ChannelFallback, SegmentFallback, MaxLineLength, timeProvider, MaxDegreeOfParallelism);
    }
}
