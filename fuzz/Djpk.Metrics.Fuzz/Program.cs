using System.Data;
using System.Text;
using Djpk.Metrics.Fuzz;
using SharpFuzz;

// Usage:
//   dotnet Djpk.Metrics.Fuzz.dll TARGET              reads one input from stdin (under afl-fuzz: persistent, many inputs)
//   dotnet Djpk.Metrics.Fuzz.dll TARGET --replay DIR... runs every file of the folders in-process; exit 1 on a finding
//   dotnet Djpk.Metrics.Fuzz.dll --list              prints the targets
// A finding is an exception that escapes a target: the oracles throw OracleException when a documented contract breaks.
if (args.Length == 1 && args[0] == "--list")
{
    Console.WriteLine(string.Join('\n', Targets.All.Keys));
    return 0;
}

if (args.Length == 0 || !Targets.All.TryGetValue(args[0], out Action<byte[]>? target))
{
    Console.Error.WriteLine($"usage: Djpk.Metrics.Fuzz TARGET [--replay DIR...]; targets: {string.Join(", ", Targets.All.Keys)}");
    return 64;
}

if (args.Length >= 2 && args[1] == "--replay")
{
    // Outside afl-fuzz nobody maps the coverage bitmap the instrumented assemblies write to: give them one.
    unsafe
    {
        SharpFuzz.Common.Trace.SharedMem = (byte*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(1 << 20);
    }

    int files = 0, failures = 0;
    foreach (string file in args.Skip(2).Where(Directory.Exists).SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories)).Order(StringComparer.Ordinal))
    {
        files++;
        try
        {
            target(File.ReadAllBytes(file));
        }
        catch (Exception e)
        {
            failures++;
            Console.Error.WriteLine($"FINDING {args[0]} {file}: {e}");
        }
    }

    Console.WriteLine($"{args[0]}: {files} inputs replayed, {failures} findings");
    return failures == 0 ? 0 : 1;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var copy = new MemoryStream();
    stream.CopyTo(copy);
    target(copy.ToArray());
});
return 0;

namespace Djpk.Metrics.Fuzz
{
    /// <summary>A documented contract does not hold for the input.</summary>
    public sealed class OracleException(string message) : Exception(message);

    internal static class Targets
    {
        public static readonly IReadOnlyDictionary<string, Action<byte[]>> All = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
        {
            ["jsonl"] = ReaderTargets.JsonLines,
            ["csv"] = ReaderTargets.Csv,
            ["adonet"] = ReaderTargets.DataReader,
            ["claims"] = TextTargets.Claims,
            ["numbers"] = TextTargets.Numbers,
            ["report-json"] = TextTargets.ReportJson,
        };
    }
}
