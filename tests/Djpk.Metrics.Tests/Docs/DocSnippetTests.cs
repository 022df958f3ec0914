using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Djpk.Metrics.Tests.Docs;

/// <summary>Tests that run the console: never in parallel with each other.</summary>
[CollectionDefinition(nameof(ConsoleTests), DisableParallelization = true)]
public sealed class ConsoleTests;

/// <summary>Compiles every ```csharp block of README.md and docs/*.md as the Program.cs of a fresh console app (implicit usings on),
/// against the library's assemblies, runs it, and checks the output the doc states.</summary>
/// <remarks>
/// <para>Stated output: a line <c>Console.WriteLine(…); // text</c> says that <c>text</c> (up to a " — " that starts a note)
/// is a line of the output, in order; a "…" ends a prefix. A ```text block right after the code is the whole output.</para>
/// <para>A block preceded by <c>&lt;!-- snippet: compile-only --&gt;</c> is compiled but not run. Blocks run in a
/// temporary directory holding copies of the test fixtures (the seed report's text and figures), under the invariant
/// culture (<c>Console.WriteLine</c> of a number follows the current culture; the library's own text never does).</para>
/// </remarks>
[Collection(nameof(ConsoleTests))]
public class DocSnippetTests
{
    private const string ImplicitUsings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Where(IsManaged)
            .Select(p => MetadataReference.CreateFromFile(p))]);

    public static TheoryData<string, int> Blocks
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (string file in DocFiles())
            {
                foreach (Snippet snippet in Snippet.Read(file))
                {
                    data.Add(file, snippet.Line);
                }
            }

            return data;
        }
    }

    [Fact]
    public void Docs_HaveCSharpBlocks() => Assert.True(Blocks.Count >= 15, $"found {Blocks.Count} blocks");

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Block_CompilesRunsAndPrintsItsStatedOutput(string file, int line)
    {
        Snippet snippet = Snippet.Read(file).Single(s => s.Line == line);
        string where = $"{file}:{line}";

        CSharpCompilation compilation = CSharpCompilation.Create(
            "Snippet_" + line,
            [
                CSharpSyntaxTree.ParseText(ImplicitUsings, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest)),
                CSharpSyntaxTree.ParseText(snippet.Code, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: where),
            ],
            References.Value,
            new CSharpCompilationOptions(snippet.Library ? OutputKind.DynamicallyLinkedLibrary : OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = compilation.Emit(image);
        string[] errors = [.. emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => Describe(file, line, d))];
        Assert.True(emitted.Success, $"The C# block at {where} does not compile:\n{string.Join('\n', errors)}");
        if (!snippet.Run || snippet.Library)
        {
            return;
        }

        string output = Run(image.ToArray());
        string[] lines = output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        if (snippet.Output is string whole)
        {
            Assert.Equal(whole.ReplaceLineEndings("\n").TrimEnd('\n'), string.Join('\n', lines));
        }

        int at = 0;
        foreach (string expected in snippet.Expected)
        {
            bool prefix = expected.EndsWith('…');
            string text = prefix ? expected[..^1] : expected;
            while (at < lines.Length && !(prefix ? lines[at].StartsWith(text, StringComparison.Ordinal) : lines[at] == text))
            {
                at++;
            }

            Assert.True(at < lines.Length, $"The C# block at {where} states the output line '{expected}', which is not printed (in order). Output:\n{output}");
            at++;
        }
    }

    private static string Run(byte[] image)
    {
        var context = new AssemblyLoadContext("snippet", isCollectible: true);
        TextWriter console = Console.Out;
        string directory = Environment.CurrentDirectory;
        string work = Directory.CreateTempSubdirectory("djpk-snippet-").FullName;
        foreach (string fixture in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures")))
        {
            File.Copy(fixture, Path.Combine(work, Path.GetFileName(fixture)));
        }

        var captured = new StringWriter();
        System.Globalization.CultureInfo culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture; // Console.WriteLine(decimal) follows it
            Environment.CurrentDirectory = work;
            Console.SetOut(captured);
            MethodInfo entry = context.LoadFromStream(new MemoryStream(image)).EntryPoint!;
            object? result = entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
            (result as Task)?.GetAwaiter().GetResult();
        }
        finally
        {
            Console.SetOut(console);
            System.Globalization.CultureInfo.CurrentCulture = culture;
            Environment.CurrentDirectory = directory;
            context.Unload();
            Directory.Delete(work, recursive: true);
        }

        return captured.ToString();
    }

    private static string Describe(string file, int line, Diagnostic d)
    {
        FileLinePositionSpan span = d.Location.GetLineSpan();
        return $"{file}:{line + 1 + span.StartLinePosition.Line}: {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private static bool IsManaged(string path)
    {
        try
        {
            _ = AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Djpk.Metrics.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (with Djpk.Metrics.sln) is not above the test's directory.");
    }

    // Paths relative to the repository root, with '/' separators: "README.md", "docs/trends.md".
    private static IEnumerable<string> DocFiles() =>
        [.. Directory.GetFiles(Path.Combine(Root(), "docs"), "*.md").Select(p => "docs/" + Path.GetFileName(p)).Prepend("README.md").Order(StringComparer.Ordinal)];

    private sealed record Snippet(int Line, string Code, bool Run, string? Output, IReadOnlyList<string> Expected, bool Library)
    {
        // "Console.WriteLine(…);   // text", the statement alone on its line.
        private static readonly System.Text.RegularExpressions.Regex StatedOutput = new(@"^\s*Console\.WriteLine\(.*\);\s*// (.*)$");

        // Line is the 1-based line of the opening fence.
        public static IEnumerable<Snippet> Read(string file)
        {
            string[] lines = File.ReadAllLines(Path.Combine(Root(), file));
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim() != "```csharp")
                {
                    continue;
                }

                int start = i;
                var code = new StringBuilder();
                var expected = new List<string>();
                for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
                {
                    code.AppendLine(lines[i]);
                    System.Text.RegularExpressions.Match stated = StatedOutput.Match(lines[i]);
                    if (stated.Success)
                    {
                        string text = stated.Groups[1].Value;
                        int note = text.IndexOf(" — ", StringComparison.Ordinal);
                        expected.Add((note >= 0 ? text[..note] : text).TrimEnd());
                    }
                }

                int previous = start - 1;
                while (previous >= 0 && lines[previous].Trim().Length == 0)
                {
                    previous--;
                }

                bool run = previous < 0 || lines[previous].Trim() != "<!-- snippet: compile-only -->";
                bool library = previous >= 0 && lines[previous].Trim() == "<!-- snippet: library -->";
                int next = i + 1;
                while (next < lines.Length && lines[next].Trim().Length == 0)
                {
                    next++;
                }

                string? output = null;
                if (next < lines.Length && lines[next].Trim() == "```text")
                {
                    var text = new StringBuilder();
                    for (next++; next < lines.Length && lines[next].Trim() != "```"; next++)
                    {
                        text.AppendLine(lines[next]);
                    }

                    output = text.ToString();
                }

                yield return new Snippet(start + 1, code.ToString(), run, output, expected, library);
            }
        }
    }
}
