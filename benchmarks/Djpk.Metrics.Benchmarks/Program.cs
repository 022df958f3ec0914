using System.Globalization;
using BenchmarkDotNet.Running;
using Djpk.Metrics.Benchmarks;

if (args is ["memory", ..])
{
    LogMemory.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000_000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(LargestRemainderBenchmarks).Assembly).Run(args);
