using BenchmarkDotNet.Attributes;
using Djpk.Metrics.Comparison;

namespace Djpk.Metrics.Benchmarks;

/// <summary>Whole-number shares that sum to 100: the library's exact allocation against a naive LINQ one.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class LargestRemainderBenchmarks
{
    private long[] _counts = [];

    /// <summary>Gets or sets the number of cells (segments, channels, topics).</summary>
    [Params(10, 1_000)]
    public int Cells { get; set; }

    /// <summary>Builds the counts from a fixed seed: the same data on every run.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20231231);
        _counts = new long[Cells];
        for (int i = 0; i < _counts.Length; i++)
        {
            _counts[i] = random.Next(0, 20_000);
        }
    }

    /// <summary>Floors decimal shares, then bumps the largest remainders, with LINQ.</summary>
    [Benchmark(Baseline = true)]
    public decimal[] NaiveLinq()
    {
        decimal total = _counts.Sum(c => (decimal)c);
        var cells = _counts
            .Select((count, index) => (Index: index, Exact: count * 100m / total))
            .Select(cell => (cell.Index, Floor: Math.Floor(cell.Exact), Remainder: cell.Exact - Math.Floor(cell.Exact)))
            .ToList();
        int missing = (int)(100m - cells.Sum(cell => cell.Floor));
        HashSet<int> bumped = cells.OrderByDescending(cell => cell.Remainder).ThenBy(cell => cell.Index)
            .Take(missing).Select(cell => cell.Index).ToHashSet();
        return cells.Select(cell => cell.Floor + (bumped.Contains(cell.Index) ? 1m : 0m)).ToArray();
    }

    /// <summary>The library: exact 128-bit remainders, a deterministic tie rule, plain rounding kept beside it.</summary>
    [Benchmark]
    public ShareDistribution Library() => ShareAllocation.LargestRemainder(_counts, 0);
}
