using System.Collections.Immutable;
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

    private IngestOptions(Catalog catalog)
    {
        Catalog = catalog;
        Policy = IngestPolicy.Strict;
        MaxRejectionDetails = DefaultMaxRejectionDetails;
        MaxLineLength = DefaultMaxLineLength;
        TimeProvider = TimeProvider.System;
        MaxDegreeOfParallelism = Environment.ProcessorCount;
    }

    /// <summary>Returns the default options over <paramref name="catalog"/>: strict, no zone, no fallbacks, 64 KiB lines, every core.</summary>
    /// <param name="catalog">The channels and segments the log may use, such as a profile's catalog.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is <see langword="null"/>.</exception>
    public static IngestOptions For(Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new(catalog);
    }

    /// <summary>Gets the catalog of channels and segments the log may use.</summary>
    public Catalog Catalog { get; private set; }

    /// <summary>Gets what the reader does with a bad row.</summary>
    public IngestPolicy Policy { get; private set; }

    /// <summary>Gets how many rejection details the report keeps; all rejections are counted regardless.</summary>
    public int MaxRejectionDetails { get; private set; }

    /// <summary>Gets the zone an offset-less timestamp is read in; <see langword="null"/> rejects such timestamps.</summary>
    public DateTimeZone? LocalZone { get; private set; }

    /// <summary>Gets the channel an unknown channel id is mapped to; <see langword="null"/> rejects the row.</summary>
    public Channel? ChannelFallback { get; private set; }

    /// <summary>Gets the segment an unknown segment id is mapped to; <see langword="null"/> rejects the row.</summary>
    public UserSegment? SegmentFallback { get; private set; }

    /// <summary>Gets the longest line (JSON Lines, bytes without the line break) or record (CSV, characters) accepted.</summary>
    public int MaxLineLength { get; private set; }

    /// <summary>Gets the most threads a reader that can parse in parallel (JSON Lines, CSV while its lines are simple, Parquet) uses; 1 reads sequentially. The default is every core.</summary>
    /// <remarks>The result does not depend on it: the log, the report and the row a strict read stops at are the same for every value.</remarks>
    public int MaxDegreeOfParallelism { get; private set; }

    /// <summary>Gets the time source that measures <see cref="IngestProgress.Elapsed"/> and <see cref="IngestReport.Elapsed"/>.</summary>
    public TimeProvider TimeProvider { get; private set; }

    /// <summary>Returns options that go on past bad rows and keep the first <paramref name="maxRejectionDetails"/> details.</summary>
    /// <param name="maxRejectionDetails">How many rejection details to keep, from 0.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRejectionDetails"/> is negative.</exception>
    public IngestOptions Collecting(int maxRejectionDetails = DefaultMaxRejectionDetails)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRejectionDetails);
        return Copy(o => { o.Policy = IngestPolicy.Collect; o.MaxRejectionDetails = maxRejectionDetails; });
    }

    /// <summary>Returns options that stop at the first bad row.</summary>
    /// <returns>The new options.</returns>
    public IngestOptions Strictly() => Copy(o => o.Policy = IngestPolicy.Strict);

    /// <summary>Returns options that read into <paramref name="catalog"/>; fallbacks and aliases whose entry is not in it are dropped.</summary>
    /// <param name="catalog">The catalog, such as a profile's catalog with an extra channel.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is <see langword="null"/>.</exception>
    public IngestOptions WithCatalog(Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Channel? channel = ChannelFallback is { } c && catalog.Contains(c) ? c : null;
        UserSegment? segment = SegmentFallback is { } s && catalog.Contains(s) ? s : null;
        return Copy(o =>
        {
            o.Catalog = catalog;
            o.ChannelFallback = channel;
            o.SegmentFallback = segment;
            o.ChannelAliases = o.ChannelAliases.RemoveRange(o.ChannelAliases.Where(p => !catalog.Contains(p.Value)).Select(p => p.Key));
            o.SegmentAliases = o.SegmentAliases.RemoveRange(o.SegmentAliases.Where(p => !catalog.Contains(p.Value)).Select(p => p.Key));
        });
    }

    /// <summary>Returns options that read an offset-less timestamp in <paramref name="zone"/>, such as Asia/Jakarta.</summary>
    /// <param name="zone">The zone; <see langword="null"/> to reject offset-less timestamps again.</param>
    /// <returns>The new options.</returns>
    /// <remarks>A local time that the zone skips or repeats (a daylight-saving change) is rejected as <see cref="RejectionReason.InvalidTimestamp"/>, unless <see cref="WithLocalTimeResolution"/> says otherwise.</remarks>
    public IngestOptions WithLocalZone(DateTimeZone? zone) => Copy(o => o.LocalZone = zone);

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

        return Copy(o => o.ChannelFallback = channel);
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

        return Copy(o => o.SegmentFallback = segment);
    }

    /// <summary>Returns options with a different limit on the length of a line or record.</summary>
    /// <param name="maxLineLength">The limit, from <see cref="MinMaxLineLength"/> to <see cref="MaxMaxLineLength"/>.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLineLength"/> is outside the allowed range.</exception>
    public IngestOptions WithMaxLineLength(int maxLineLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineLength, MinMaxLineLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLineLength, MaxMaxLineLength);
        return Copy(o => o.MaxLineLength = maxLineLength);
    }

    /// <summary>Returns options that parse on at most <paramref name="maxDegreeOfParallelism"/> threads (JSON Lines, CSV, Parquet); 1 reads sequentially.</summary>
    /// <param name="maxDegreeOfParallelism">The most threads to use, from 1.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is not positive.</exception>
    public IngestOptions WithMaxDegreeOfParallelism(int maxDegreeOfParallelism)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDegreeOfParallelism);
        return Copy(o => o.MaxDegreeOfParallelism = maxDegreeOfParallelism);
    }

    /// <summary>Returns options that measure elapsed time with <paramref name="timeProvider"/> (a fake one in tests).</summary>
    /// <param name="timeProvider">The time source.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    public IngestOptions WithTimeProvider(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return Copy(o => o.TimeProvider = timeProvider);
    }

    /// <summary>Gets the aliases of channels, by match key (trimmed, lower-case, without diacritics, runs of other characters than letters and digits as one space).</summary>
    /// <remarks>A channel text is matched first as an exact id, then by its match key against these aliases, then against the match keys of the catalog's ids and names (Indonesian and English, first entry wins).</remarks>
    public ImmutableDictionary<string, Channel> ChannelAliases { get; private set; } = ImmutableDictionary<string, Channel>.Empty;

    /// <summary>Gets the aliases of segments, by match key, matched as <see cref="ChannelAliases"/> are.</summary>
    public ImmutableDictionary<string, UserSegment> SegmentAliases { get; private set; } = ImmutableDictionary<string, UserSegment>.Empty;

    /// <summary>Gets the formats a timestamp may be written in, tried in order; <see cref="TimestampFormat.Iso"/> alone by default.</summary>
    public ImmutableArray<TimestampFormat> TimestampFormats { get; private set; } = [TimestampFormat.Iso];

    /// <summary>Gets what a reader does with a local time the <see cref="LocalZone"/> skips or repeats; <see cref="LocalTimeResolution.Reject"/> by default.</summary>
    public LocalTimeResolution LocalTimeResolution { get; private set; }

    /// <summary>Gets how a text user identity is normalised before it is hashed; <see cref="UserNormalization.Verbatim"/> by default.</summary>
    public UserNormalization UserNormalization { get; private set; } = UserNormalization.Verbatim;

    /// <summary>Returns options that read <paramref name="text"/> (matched loosely, see <see cref="ChannelAliases"/>) as <paramref name="channel"/>, such as "Telepon" as phone.</summary>
    /// <param name="text">The text an export uses.</param>
    /// <param name="channel">A channel of the catalog.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="text"/> has no letter or digit, or <paramref name="channel"/> is not in the <see cref="Catalog"/>, or the text is already an alias of another channel.</exception>
    public IngestOptions WithChannelAlias(string text, Channel channel)
    {
        string key = AliasKey(text);
        if (!Catalog.Contains(channel))
        {
            throw new ArgumentException($"The channel '{channel}' of the alias '{text}' must be in the catalog; add it with Catalog.WithChannel and pass the catalog with WithCatalog first.", nameof(channel));
        }

        if (ChannelAliases.TryGetValue(key, out Channel other) && other != channel)
        {
            throw new ArgumentException($"The alias '{text}' already names the channel '{other}'; an alias names one channel.", nameof(text));
        }

        return Copy(o => o.ChannelAliases = o.ChannelAliases.SetItem(key, channel));
    }

    /// <summary>Returns options that read <paramref name="text"/> (matched loosely, see <see cref="ChannelAliases"/>) as <paramref name="segment"/>, such as "K/L" as kementerian-lembaga.</summary>
    /// <param name="text">The text an export uses.</param>
    /// <param name="segment">A segment of the catalog.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="text"/> has no letter or digit, or <paramref name="segment"/> is not in the <see cref="Catalog"/>, or the text is already an alias of another segment.</exception>
    public IngestOptions WithSegmentAlias(string text, UserSegment segment)
    {
        string key = AliasKey(text);
        if (!Catalog.Contains(segment))
        {
            throw new ArgumentException($"The segment '{segment}' of the alias '{text}' must be in the catalog; add it with Catalog.WithSegment and pass the catalog with WithCatalog first.", nameof(segment));
        }

        if (SegmentAliases.TryGetValue(key, out UserSegment other) && other != segment)
        {
            throw new ArgumentException($"The alias '{text}' already names the segment '{other}'; an alias names one segment.", nameof(text));
        }

        return Copy(o => o.SegmentAliases = o.SegmentAliases.SetItem(key, segment));
    }

    /// <summary>Returns options that read timestamps in <paramref name="formats"/>, tried in order, such as <c>TimestampFormat.Pattern("dd/MM/yyyy HH:mm")</c>.</summary>
    /// <param name="formats">One or more formats; include <see cref="TimestampFormat.Iso"/> to keep ISO-8601.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="formats"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="formats"/> is empty.</exception>
    public IngestOptions WithTimestampFormats(params TimestampFormat[] formats)
    {
        ArgumentNullException.ThrowIfNull(formats);
        if (formats.Length == 0)
        {
            throw new ArgumentException("At least one timestamp format is required; TimestampFormat.Iso is the default.", nameof(formats));
        }

        foreach (TimestampFormat format in formats)
        {
            ArgumentNullException.ThrowIfNull(format, nameof(formats));
        }

        return Copy(o => o.TimestampFormats = [.. formats]);
    }

    /// <summary>Returns options that resolve a local time the zone skips or repeats by <paramref name="resolution"/>; resolved rows are counted in <see cref="IngestReport.ResolvedLocalTimes"/>.</summary>
    /// <param name="resolution">Reject (the default), or take the earlier or later instant.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resolution"/> is not defined.</exception>
    public IngestOptions WithLocalTimeResolution(LocalTimeResolution resolution)
    {
        if (!Enum.IsDefined(resolution))
        {
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "The resolution must be Reject, Earlier or Later.");
        }

        return Copy(o => o.LocalTimeResolution = resolution);
    }

    /// <summary>Returns options that normalise text user identities by <paramref name="normalization"/> before hashing, such as <see cref="UserNormalization.Email"/>.</summary>
    /// <param name="normalization">The normalisation.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="normalization"/> is <see langword="null"/>.</exception>
    public IngestOptions WithUserNormalization(UserNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(normalization);
        return Copy(o => o.UserNormalization = normalization);
    }

    internal bool HasIsoTimestampsOnly => TimestampFormats.Length == 1 && TimestampFormats[0].IsIso;

    private static string AliasKey(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string key = MatchKey.Of(text);
        if (key.Length == 0)
        {
            throw new ArgumentException("An alias must have a letter or a digit.", nameof(text));
        }

        return key;
    }

    private IngestOptions Copy(Action<IngestOptions> change)
    {
        var copy = (IngestOptions)MemberwiseClone();
        change(copy);
        return copy;
    }
}
