using BenchmarkDotNet.Attributes;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Testing;
using NodaTime;

namespace Djpk.Metrics.Benchmarks;

/// <summary>Building an <see cref="InteractionLog"/> from ready columns (the synthetic log's arrays), through the public builder.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class LogBuildBenchmarks
{
    private SyntheticLog _data = null!;
    private Channel[] _channels = [];
    private UserSegment[] _segments = [];
    private Topic[] _topics = [];

    /// <summary>Gets or sets the number of records.</summary>
    [ParamsSource(typeof(BenchmarkSizes), nameof(BenchmarkSizes.LogRecords))]
    public int Records { get; set; }

    /// <summary>Generates the columns from the fixed seed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = LogData.Get(Records);
        _channels = [.. DjpkProfile.Catalog.Channels.Select(c => c.Channel)];
        _segments = [.. DjpkProfile.Catalog.Segments.Select(s => s.Segment)];
        _topics = [.. Enumerable.Range(0, 200).Select(SyntheticLog.TopicNamed)]; // the generator's topic codes
    }

    /// <summary>Adds every record and builds the log (user keys sorted and coded, columns trimmed).</summary>
    [Benchmark(Baseline = true)]
    public int AddAndBuild()
    {
        long[] ticks = _data.Ticks;
        byte[] channels = _data.Channels;
        byte[] segments = _data.Segments;
        ushort[] topics = _data.Topics;
        long[] users = _data.Users;
        var builder = new InteractionLogBuilder(DjpkProfile.Catalog);
        for (int i = 0; i < ticks.Length; i++)
        {
            builder.Add(new Consultation(Instant.FromUnixTimeTicks(ticks[i]), _channels[channels[i]], _segments[segments[i]], _topics[topics[i]], new UserKey(users[i])));
        }

        return builder.Build().DistinctUsers;
    }

    /// <summary>Adds the ready columns in one call and builds the log: the columns are copied once and adopted, the user keys coded on both cores.</summary>
    [Benchmark]
    public int AddColumnsAndBuild() =>
        new InteractionLogBuilder(DjpkProfile.Catalog)
            .AddColumns(_data.Ticks, _data.Channels, _data.Segments, _data.Topics, _topics, _data.Users)
            .Build()
            .DistinctUsers;
}
