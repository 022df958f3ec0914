using System.Collections.Immutable;
using System.Globalization;
using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Logs;

/// <summary>An interaction log kept in a folder as one columnar log file per calendar month, Hive-style: <c>month=2023-12/log.djpklog</c>.</summary>
/// <remarks>
/// <para>Months are calendar months in <see cref="Calendar"/>'s zone: a consultation at 2023-11-30T17:30Z belongs to
/// <c>month=2023-12</c> in Asia/Jakarta. Each partition is a file <see cref="InteractionLog.Save(Stream)"/> writes, so any
/// single month can also be opened with <see cref="InteractionLog.Open"/> or <see cref="InteractionLog.Load(string)"/>, and DuckDB-style tools see the month in the path.</para>
/// <para><see cref="Append"/> writes only the months its log has records in: the partitions of other months are neither
/// opened nor rewritten. <see cref="Read(IEnumerable{ReportingPeriod})"/> opens only the partitions of the months asked for.
/// A partition is replaced by writing a temporary file beside it and renaming it over the old one, so a reader sees the
/// old month or the new one, never half a file. The type keeps no state but its folder and calendar; it does not lock
/// the folder against a second writer.</para>
/// <para>Immutable.</para>
/// </remarks>
public sealed class PartitionedLog
{
    /// <summary>The name of the log file in each month's folder.</summary>
    public const string PartitionFileName = "log.djpklog";

    private const string MonthPrefix = "month=";

    /// <summary>Creates a view of the partitioned log in <paramref name="folder"/>, split by the months of <paramref name="calendar"/>; nothing is read or written yet.</summary>
    /// <param name="folder">The folder; it need not exist until the first <see cref="Append"/>.</param>
    /// <param name="calendar">The calendar whose months split the log, such as <see cref="ReportingCalendar.Jakarta"/>. Use the same calendar for every append to a folder.</param>
    /// <exception cref="ArgumentNullException"><paramref name="folder"/> or <paramref name="calendar"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="folder"/> is empty or not a valid path.</exception>
    public PartitionedLog(string folder, ReportingCalendar calendar)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(calendar);
        Folder = Path.GetFullPath(folder);
        Calendar = calendar;
    }

    /// <summary>Gets the full path of the folder that holds the partitions.</summary>
    public string Folder { get; }

    /// <summary>Gets the calendar whose months split the log.</summary>
    public ReportingCalendar Calendar { get; }

    /// <summary>Returns the months that have a partition in the folder, in order; none when the folder does not exist.</summary>
    /// <returns>The months, ascending.</returns>
    /// <remarks>Lists folder names only: no partition is opened, so a corrupted one is found when it is read.</remarks>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be listed with the caller's rights.</exception>
    /// <exception cref="IOException">The folder cannot be listed.</exception>
    public ImmutableArray<ReportingPeriod> Months()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var months = new List<ReportingPeriod>();
        foreach (string directory in Directory.EnumerateDirectories(Folder, MonthPrefix + "*"))
        {
            string name = Path.GetFileName(directory)[MonthPrefix.Length..];
            if (ReportingPeriod.TryParse(name, out ReportingPeriod month) && month.Grain == PeriodGrain.Month && month.ToString() == name
                && File.Exists(Path.Combine(directory, PartitionFileName)))
            {
                months.Add(month);
            }
        }

        months.Sort();
        return [.. months];
    }

    /// <summary>Returns the path of the partition file of <paramref name="month"/>, whether it exists or not.</summary>
    /// <param name="month">A month.</param>
    /// <returns>The path, such as <c>{Folder}/month=2023-12/log.djpklog</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="month"/> is not a month.</exception>
    public string PathOf(ReportingPeriod month)
    {
        if (month.Grain != PeriodGrain.Month)
        {
            throw new ArgumentException($"A partition holds one calendar month, but '{month}' is a {month.Grain.ToString().ToLowerInvariant()}; pass ReportingPeriod.Month(year, month).", nameof(month));
        }

        return Path.Combine(Folder, MonthPrefix + month.ToString(), PartitionFileName);
    }

    /// <summary>Adds the records of <paramref name="log"/> to the partitions of their months, creating the folder and the partitions as needed.</summary>
    /// <param name="log">The records to add, of one month or several.</param>
    /// <returns>The months whose partitions were written, ascending; empty for an empty log.</returns>
    /// <remarks>
    /// A month that has no partition yet gets one with the log's records of that month. A month that already has one is
    /// rewritten as its records followed by the new ones (so appending a month's log twice counts it twice), with the
    /// union of the two catalogs. Partitions of months the log has no records in are not opened, read or written.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The log's catalog and an existing partition's catalog together exceed <see cref="Catalog.MaxEntries"/> channels or segments, or <see cref="InteractionLogBuilder.MaxTopics"/> topics.</exception>
    /// <exception cref="InvalidDataException">A partition of one of the log's months exists but is corrupted or holds records outside its month; it is left as it was.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written with the caller's rights.</exception>
    /// <exception cref="IOException">A partition cannot be read or written.</exception>
    public ImmutableArray<ReportingPeriod> Append(InteractionLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log.Count == 0)
        {
            return [];
        }

        PeriodRange range = Calendar.RangeOf(log.Earliest!.Value, log.Latest!.Value, PeriodGrain.Month);
        long[] starts = new long[range.Count + 1];
        for (int m = 0; m < range.Count; m++)
        {
            starts[m] = Calendar.StartOf(range[m]).ToUnixTimeTicks();
        }

        starts[range.Count] = Calendar.StartOf(range.Last.Next()).ToUnixTimeTicks();
        int[] monthOf = new int[log.Count];
        int[] sizes = new int[range.Count];
        long low = 0, high = 0;
        int current = -1;
        using LogMapping.Lease lease = log.Lease();
        ReadOnlySpan<long> ticks = log.Ticks;
        for (int i = 0; i < log.Count; i++)
        {
            long tick = ticks[i];
            if (current < 0 || tick < low || tick >= high)
            {
                int found = Array.BinarySearch(starts, tick);
                current = found >= 0 ? found : ~found - 1;
                (low, high) = (starts[current], starts[current + 1]);
            }

            monthOf[i] = current;
            sizes[current]++;
        }

        var written = ImmutableArray.CreateBuilder<ReportingPeriod>();
        for (int m = 0; m < range.Count; m++)
        {
            if (sizes[m] == 0)
            {
                continue;
            }

            ReportingPeriod month = range[m];
            string path = PathOf(month);
            InteractionLog? existing = File.Exists(path) ? OpenPartition(month, path) : null;
            Catalog catalog = existing is null ? log.Catalog : Union(existing.Catalog, log.Catalog);
            var builder = new InteractionLogBuilder(catalog);
            if (existing is not null)
            {
                AddAll(builder, existing, null, 0);
            }

            AddAll(builder, log, monthOf, m);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            string temporary = path + ".tmp";
            builder.Build().Save(temporary);
            File.Move(temporary, path, overwrite: true);
            written.Add(month);
        }

        return written.ToImmutable();
    }

    /// <summary>Reads the partitions of <paramref name="months"/>, and only those, into one log.</summary>
    /// <param name="months">The months to read, each once, in any order.</param>
    /// <returns>The records of those months, month by month in ascending order, each month's records in the order they were appended, under the union of the partitions' catalogs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="months"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A period of <paramref name="months"/> is not a month, or one is repeated; or the partitions' catalogs together exceed <see cref="Catalog.MaxEntries"/> channels or segments, or the log would exceed <see cref="InteractionLogBuilder.MaxTopics"/> topics.</exception>
    /// <exception cref="FileNotFoundException">A month asked for has no partition (the message names it; <see cref="Months"/> lists those there are).</exception>
    /// <exception cref="InvalidDataException">A partition asked for is corrupted, or holds records outside its month (the message names its file).</exception>
    /// <exception cref="UnauthorizedAccessException">A partition cannot be read with the caller's rights.</exception>
    /// <exception cref="IOException">A partition cannot be read.</exception>
    public InteractionLog Read(IEnumerable<ReportingPeriod> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        ReportingPeriod[] asked = [.. months];
        Array.Sort(asked);
        for (int i = 0; i < asked.Length; i++)
        {
            _ = PathOf(asked[i]);
            if (i > 0 && asked[i] == asked[i - 1])
            {
                throw new ArgumentException($"The month {asked[i]} is asked for twice; ask for each month once.", nameof(months));
            }
        }

        var parts = new InteractionLog[asked.Length];
        for (int i = 0; i < asked.Length; i++)
        {
            string path = PathOf(asked[i]);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The partitioned log in '{Folder}' has no partition for {asked[i]}: append that month's log first, or ask only for the months Months() lists.", path);
            }

            parts[i] = OpenPartition(asked[i], path);
        }

        if (parts.Length == 1)
        {
            return parts[0];
        }

        Catalog catalog = parts.Length == 0 ? Catalog.Empty : parts.Select(p => p.Catalog).Aggregate(Union);
        var builder = new InteractionLogBuilder(catalog);
        foreach (InteractionLog part in parts)
        {
            AddAll(builder, part, null, 0);
        }

        return builder.Build();
    }

    /// <summary>Reads every partition into one log, as <see cref="Read(IEnumerable{ReportingPeriod})"/> of <see cref="Months"/>.</summary>
    /// <returns>The whole log, month by month; an empty log when there are no partitions.</returns>
    /// <exception cref="InvalidDataException">A partition is corrupted, or holds records outside its month.</exception>
    /// <exception cref="ArgumentException">The partitions' catalogs together exceed <see cref="Catalog.MaxEntries"/> channels or segments, or the log would exceed <see cref="InteractionLogBuilder.MaxTopics"/> topics.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or a partition cannot be read with the caller's rights.</exception>
    /// <exception cref="IOException">The folder or a partition cannot be read.</exception>
    public InteractionLog ReadAll() => Read(Months());

    /// <summary>Returns the path of the folder.</summary>
    /// <returns>The folder's full path.</returns>
    public override string ToString() => Folder;

    private InteractionLog OpenPartition(ReportingPeriod month, string path)
    {
        InteractionLog part;
        try
        {
            part = InteractionLog.Load(path); // copied, not mapped: Append rewrites the file it came from
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"The partition '{path}' of {month} is corrupted ({e.Message}); restore it from a backup, or delete it and append that month's log again.", e);
        }

        if (part.Count > 0 && (part.EarliestTicks < Calendar.StartOf(month).ToUnixTimeTicks() || part.LatestTicks >= Calendar.StartOf(month.Next()).ToUnixTimeTicks()))
        {
            throw new InvalidDataException(string.Create(
                CultureInfo.InvariantCulture,
                $"The partition '{path}' holds records outside {month} in {Calendar.Zone.Id}: it was moved from another month or written with another calendar; open the folder with the calendar it was written with."));
        }

        return part;
    }

    private static Catalog Union(Catalog first, Catalog second)
    {
        Catalog union = first;
        foreach (ChannelInfo channel in second.Channels)
        {
            union = union.Contains(channel.Channel) ? union : union.WithChannel(channel);
        }

        foreach (UserSegmentInfo segment in second.Segments)
        {
            union = union.Contains(segment.Segment) ? union : union.WithSegment(segment);
        }

        return union;
    }

    // Adds the records of source (only those of month when monthOf is given), re-coding channels and segments into the builder's catalog.
    private static void AddAll(InteractionLogBuilder builder, InteractionLog source, int[]? monthOf, int month)
    {
        Catalog target = builder.Catalog;
        byte[] channels = [.. source.Catalog.Channels.Select(c => (byte)target.CodeOf(c.Channel))];
        byte[] segments = [.. source.Catalog.Segments.Select(s => (byte)target.CodeOf(s.Segment))];
        using LogMapping.Lease lease = source.Lease();
        ReadOnlySpan<long> ticks = source.Ticks;
        ReadOnlySpan<byte> channelCodes = source.ChannelCodes;
        ReadOnlySpan<byte> segmentCodes = source.SegmentCodes;
        ReadOnlySpan<ushort> topicCodes = source.TopicCodes;
        ReadOnlySpan<int> userCodes = source.UserCodes;
        ReadOnlySpan<long> userKeys = source.UserKeys;
        bool hasService = source.ServiceColumns != ServiceColumns.None;
        for (int i = 0; i < source.Count; i++)
        {
            if (monthOf is not null && monthOf[i] != month)
            {
                continue;
            }

            Topic topic = source.Topics[topicCodes[i]];
            if (!builder.CanAdd(topic))
            {
                throw new ArgumentException($"The log would have more than {InteractionLogBuilder.MaxTopics} distinct topics; keep fewer topics per month.", nameof(source));
            }

            ServiceFields service = hasService ? source.ServiceAt(i) : ServiceFields.None;
            if (service.Outcome is { } outcome && !builder.CanAdd(outcome))
            {
                throw new ArgumentException($"The log would have more than {InteractionLogBuilder.MaxOutcomes} distinct outcomes.", nameof(source));
            }

            builder.AddCoded(ticks[i], channels[channelCodes[i]], segments[segmentCodes[i]], topic, userKeys[userCodes[i]], service);
        }
    }
}
