using System.Diagnostics;
using System.Globalization;
using Djpk.Metrics.Logs;
using Djpk.Metrics.Testing;

namespace Djpk.Metrics.Benchmarks;

/// <summary>Measures the resident size of a synthetic log: <c>dotnet run -c Release --project benchmarks/Djpk.Metrics.Benchmarks -- memory 10000000</c>.</summary>
internal static class LogMemory
{
    public static void Run(int records)
    {
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        InteractionLog log = SyntheticLog.Generate(records).Log; // the raw columns of the generator become garbage here
        TimeSpan generated = clock.Elapsed;
        long after = GC.GetTotalMemory(forceFullCollection: true);
        long retained = after - before;
        using var process = Process.GetCurrentProcess();
        CultureInfo invariant = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(invariant, $"records: {log.Count:N0}; distinct users: {log.DistinctUsers:N0}; generated and built in {generated.TotalSeconds:F1} s"));
        Console.WriteLine(string.Create(invariant, $"managed heap retained by the log: {retained:N0} bytes = {(double)retained / log.Count:F2} bytes per record"));
        Console.WriteLine(string.Create(invariant, $"columns and tables (ColumnBytes): {log.ColumnBytes:N0} bytes = {(double)log.ColumnBytes / log.Count:F2} bytes per record"));
        Console.WriteLine(string.Create(invariant, $"process working set: {process.WorkingSet64:N0} bytes; peak while building: {process.PeakWorkingSet64:N0} bytes"));
        GC.KeepAlive(log);
    }
}
