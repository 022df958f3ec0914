using System.Diagnostics;
using Djpk.Metrics.Aggregation;

namespace Djpk.Metrics.Tests.Aggregation;

/// <summary>Cubes computed in separate processes (the Aggregation sample's <c>--part</c> mode) merge to the cube of the whole log.</summary>
public class CubeProcessesTests
{
    [Fact]
    public void ReadFrom_CubesOfThreePartitionsFromThreeProcesses_MergeToTheWhole()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"djpk-cubes-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            string[] files = [.. Enumerable.Range(0, 4).Select(i => Path.Combine(folder, $"part-{i}.djpkcube"))];
            Process[] processes =
            [
                .. Enumerable.Range(0, 3).Select(i => Start(i, 3, files[i])),
                Start(0, 1, files[3]), // the whole log, also from another process
            ];
            foreach (Process process in processes)
            {
                Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "A sample process did not finish in 2 minutes.");
                Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
                process.Dispose();
            }

            (CountCube Counts, DistinctUserCube Users)[] read = [.. files.Select(Read)];
            CountCube merged = CountCube.Merge(read[..3].Select(r => r.Counts));
            DistinctUserCube mergedUsers = DistinctUserCube.Merge(read[..3].Select(r => r.Users));

            Assert.True(CubeAssert.Same(read[3].Counts, merged));
            Assert.True(CubeAssert.Same(read[3].Users, mergedUsers));
            Assert.Equal(20_000, merged.Total());
            Assert.Equal(read[3].Users.CountBetween(merged.Periods.First, merged.Periods.Last), mergedUsers.CountBetween(merged.Periods.First, merged.Periods.Last));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (CountCube, DistinctUserCube) Read(string file)
    {
        using FileStream input = File.OpenRead(file);
        return (CountCube.ReadFrom(input), DistinctUserCube.ReadFrom(input));
    }

    private static Process Start(int part, int parts, string file)
    {
        // The sample is built beside this assembly's configuration: tests/Djpk.Metrics.Tests/bin/<configuration>/<framework>/.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = here.Name, configuration = here.Parent!.Name;
        string root = here.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        string sample = Path.Combine(root, "samples", "Djpk.Metrics.Samples.Aggregation", "bin", configuration, framework, "Djpk.Metrics.Samples.Aggregation.dll");
        Assert.True(File.Exists(sample), $"The Aggregation sample must be built at {sample}.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in (string[])["exec", sample, "--part", part.ToString(System.Globalization.CultureInfo.InvariantCulture), parts.ToString(System.Globalization.CultureInfo.InvariantCulture), file])
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }
}
