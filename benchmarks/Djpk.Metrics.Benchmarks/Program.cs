using BenchmarkDotNet.Running;
using Djpk.Metrics.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(LargestRemainderBenchmarks).Assembly).Run(args);
