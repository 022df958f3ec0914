using System.Globalization;
using System.Text.RegularExpressions;
using Djpk.Metrics.Tool;

namespace Djpk.Metrics.Tests.Tool;

/// <summary>Runs every '$ djpk-metrics …' example of docs/tool.md on the document's own files and checks the output it shows.</summary>
/// <remarks>A shown output may elide lines with '…': the lines before it must start the output and the lines after it end it.</remarks>
public sealed partial class ToolDocTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("djpk-tool-doc-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Examples_InDocsToolMd_GiveTheOutputTheyShow()
    {
        string doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "tool.md")).ReplaceLineEndings("\n");
        Match log = CsvBlock().Match(doc);
        Assert.True(log.Success, "docs/tool.md shows konsultasi.csv in a csv block");
        File.WriteAllText(Path.Combine(_directory, "konsultasi.csv"), log.Groups[1].Value);

        int examples = 0;
        foreach (Match block in TextBlock().Matches(doc))
        {
            string[] lines = block.Groups[1].Value.TrimEnd('\n').Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                if (!lines[i].StartsWith("$ ", StringComparison.Ordinal))
                {
                    continue;
                }

                int end = Array.FindIndex(lines, i + 1, l => l.StartsWith("$ ", StringComparison.Ordinal));
                string[] shown = lines[(i + 1)..(end < 0 ? lines.Length : end)];
                string[] command = lines[i][2..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (command[0] == "cat")
                {
                    File.WriteAllText(Path.Combine(_directory, command[1]), string.Join('\n', shown) + "\n");
                    continue;
                }

                Assert.Equal("djpk-metrics", command[0]);
                CheckShown(lines[i], shown, RunInDirectory(command[1..]));
                examples++;
            }
        }

        Assert.True(examples >= 6, string.Create(CultureInfo.InvariantCulture, $"only {examples} examples found"));
    }

    private static void CheckShown(string command, string[] shown, string[] actual)
    {
        int gap = Array.IndexOf(shown, "…");
        string[] head = gap < 0 ? shown : shown[..gap];
        string[] tail = gap < 0 ? [] : shown[(gap + 1)..];
        if (gap < 0)
        {
            Assert.True(shown.SequenceEqual(actual), $"{command}\nshown:\n{string.Join('\n', shown)}\nactual:\n{string.Join('\n', actual)}");
            return;
        }

        Assert.True(actual.Take(head.Length).SequenceEqual(head), $"{command}: the shown start differs:\n{string.Join('\n', actual.Take(head.Length))}");
        Assert.True(actual.TakeLast(tail.Length).SequenceEqual(tail), $"{command}: the shown end differs:\n{string.Join('\n', actual.TakeLast(tail.Length))}");
    }

    // Output lines, then error lines, as a terminal shows them when both go to it and the error comes last.
    private string[] RunInDirectory(string[] args)
    {
        string[] inDirectory = [.. args.Select(a => File.Exists(Path.Combine(_directory, a)) || a.EndsWith(".jsonl", StringComparison.Ordinal) ? Path.Combine(_directory, a) : a)];
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        Cli.Run(inDirectory, output, error);
        string text = (output.ToString() + error.ToString()).Replace(_directory + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);
        return text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Djpk.Metrics.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Djpk.Metrics.sln) is not above the test's directory.");
    }

    [GeneratedRegex("```csv\n(timestamp,[^`]*?)```", RegexOptions.CultureInvariant)]
    private static partial Regex CsvBlock();

    [GeneratedRegex("```text\n([^`]*?)```", RegexOptions.CultureInvariant)]
    private static partial Regex TextBlock();
}
