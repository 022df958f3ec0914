using Djpk.Metrics.Comparison;
using Djpk.Metrics.Csv;
using Djpk.Metrics.Reporting;
using Djpk.Metrics.Statistics;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Djpk.Metrics.Tests.Conventions;

/// <summary>The layers of DESIGN.md: each namespace uses only its own layer and the layers below, with no cycle, and each package only the packages below it.</summary>
/// <remarks>References are read from the compiled assemblies with Mono.Cecil — signatures, attributes and every instruction
/// of every method body, closures included — so a reference that hides in a method body counts too.</remarks>
public class ArchitectureTests
{
    // Layer of each namespace (DESIGN.md, "Layers and packages").
    private static readonly Dictionary<string, int> Layers = new(StringComparer.Ordinal)
    {
        ["Djpk.Metrics"] = 1,
        ["Djpk.Metrics.Periods"] = 1,
        ["Djpk.Metrics.Comparison"] = 1,
        ["Djpk.Metrics.Formatting"] = 1,
        ["Djpk.Metrics.Json"] = 1,
        ["Djpk.Metrics.Logs"] = 2,
        ["Djpk.Metrics.Ingest"] = 2,
        ["Djpk.Metrics.Aggregation"] = 3,
        ["Djpk.Metrics.Social"] = 3,
        ["Djpk.Metrics.Web"] = 3,
        ["Djpk.Metrics.InformationRequests"] = 3,
        ["Djpk.Metrics.Complaints"] = 3,
        ["Djpk.Metrics.Service"] = 3,
        ["Djpk.Metrics.Serialization"] = 3,
        ["Djpk.Metrics.Csv"] = 3,
        ["Djpk.Metrics.Phone"] = 3,
        ["Djpk.Metrics.Parquet"] = 3,
        ["Djpk.Metrics.Excel"] = 3,
        ["Djpk.Metrics.Statistics"] = 4,
        ["Djpk.Metrics.Reporting"] = 5,
        ["Djpk.Metrics.Verification"] = 5,
        ["Djpk.Metrics.Reporting.Serialization"] = 5,
        ["Djpk.Metrics.Profiles"] = 6,
    };

    private static readonly Lazy<HashSet<(string From, string To)>> Edges = new(ReadEdges);

    public static TheoryData<string, string[]> Packages => new()
    {
        { "Djpk.Metrics", [] },
        { "Djpk.Metrics.Csv", ["Djpk.Metrics"] },
        { "Djpk.Metrics.Phone", ["Djpk.Metrics"] },
        { "Djpk.Metrics.Parquet", ["Djpk.Metrics"] },
        { "Djpk.Metrics.Excel", ["Djpk.Metrics"] },
        { "Djpk.Metrics.Statistics", ["Djpk.Metrics"] },
        { "Djpk.Metrics.Reporting", ["Djpk.Metrics", "Djpk.Metrics.Statistics"] },
    };

    [Fact]
    public void Namespaces_ReferenceOnlyTheirOwnLayerAndBelow()
    {
        Assert.NotEmpty(Edges.Value);
        Assert.Empty(UpwardReferences(Edges.Value));
    }

    [Fact]
    public void Namespaces_FormNoCycle() => Assert.Empty(Cycle(Edges.Value));

    [Fact]
    public void EveryNamespace_HasALayer()
    {
        string[] namespaces = [.. Edges.Value.SelectMany(e => new[] { e.From, e.To }).Distinct().Where(n => !Layers.ContainsKey(n))];
        Assert.Empty(namespaces);
    }

    [Fact]
    public void UpwardReferences_OfAnEdgeFromPeriodsToReporting_AreFound()
    {
        (string, string)[] edges = [("Djpk.Metrics.Periods", "Djpk.Metrics.Comparison"), ("Djpk.Metrics.Periods", "Djpk.Metrics.Reporting")];
        Assert.Equal(["Djpk.Metrics.Periods (layer 1) -> Djpk.Metrics.Reporting (layer 5)"], UpwardReferences(edges));
    }

    [Fact]
    public void Cycle_OfTwoNamespacesReferencingEachOther_IsFound()
    {
        (string, string)[] edges = [("Djpk.Metrics", "Djpk.Metrics.Formatting"), ("Djpk.Metrics.Formatting", "Djpk.Metrics.Comparison"), ("Djpk.Metrics.Comparison", "Djpk.Metrics")];
        Assert.NotEmpty(Cycle(edges));
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Package_ReferencesOnlyThePackagesBelowIt(string package, string[] allowed)
    {
        using AssemblyDefinition assembly = AssemblyDefinition.ReadAssembly(Path.Combine(AppContext.BaseDirectory, package + ".dll"));
        string[] references = [.. assembly.MainModule.AssemblyReferences.Select(r => r.Name).Where(n => n.StartsWith("Djpk.", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        Assert.Equal(allowed, references);
    }

    [Fact]
    public void CorePackage_DependsOnNoStatisticsCsvOrSerializationLibrary()
    {
        using AssemblyDefinition assembly = AssemblyDefinition.ReadAssembly(Path.Combine(AppContext.BaseDirectory, "Djpk.Metrics.dll"));
        string[] references = [.. assembly.MainModule.AssemblyReferences.Select(r => r.Name)];
        Assert.DoesNotContain(references, r => r.StartsWith("MathNet", StringComparison.Ordinal) || r.StartsWith("Sylvan", StringComparison.Ordinal) || r.StartsWith("NodaTime.Serialization", StringComparison.Ordinal));
        Assert.Contains("NodaTime", references);
    }

    private static List<string> UpwardReferences(IEnumerable<(string From, string To)> edges) =>
        [.. edges.Where(e => Layers.TryGetValue(e.From, out int from) && Layers.TryGetValue(e.To, out int to) && to > from)
            .Select(e => $"{e.From} (layer {Layers[e.From]}) -> {e.To} (layer {Layers[e.To]})")
            .Order(StringComparer.Ordinal)];

    // A cycle of namespaces as "A -> B -> A", or empty when the graph is acyclic (depth-first search).
    private static string Cycle(IEnumerable<(string From, string To)> edges)
    {
        ILookup<string, string> next = edges.Where(e => e.From != e.To).ToLookup(e => e.From, e => e.To);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 on the path, 2 done
        var path = new List<string>();
        string? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (string to in next[node].Order(StringComparer.Ordinal))
            {
                if (state.GetValueOrDefault(to) == 1)
                {
                    return string.Join(" -> ", path.Skip(path.IndexOf(to)).Append(to));
                }

                if (state.GetValueOrDefault(to) == 0 && Visit(to) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        foreach (string node in next.Select(g => g.Key).Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle)
            {
                return cycle;
            }
        }

        return string.Empty;
    }

    private static HashSet<(string From, string To)> ReadEdges()
    {
        var edges = new HashSet<(string, string)>();
        foreach (Type marker in new[] { typeof(PercentChange), typeof(CsvLogReader), typeof(Djpk.Metrics.Phone.PhoneNormalization), typeof(Djpk.Metrics.Parquet.ParquetLogReader), typeof(Djpk.Metrics.Excel.ExcelLogReader), typeof(MonthlySeries), typeof(MonthlyReport) })
        {
            using AssemblyDefinition assembly = AssemblyDefinition.ReadAssembly(marker.Assembly.Location);
            foreach (TypeDefinition type in assembly.MainModule.GetTypes())
            {
                string from = NamespaceOf(type);
                if (!from.StartsWith("Djpk.Metrics", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (TypeReference used in References(type))
                {
                    AddEdges(edges, from, used);
                }
            }
        }

        return edges;
    }

    private static void AddEdges(HashSet<(string, string)> edges, string from, TypeReference? type)
    {
        while (type is TypeSpecification { ElementType: var element } and not GenericInstanceType)
        {
            type = element;
        }

        if (type is null || type is GenericParameter)
        {
            return;
        }

        if (type is GenericInstanceType generic)
        {
            foreach (TypeReference argument in generic.GenericArguments)
            {
                AddEdges(edges, from, argument);
            }

            type = generic.ElementType;
        }

        string to = NamespaceOf(type);
        if (to.StartsWith("Djpk.Metrics", StringComparison.Ordinal) && to != from)
        {
            edges.Add((from, to));
        }
    }

    private static string NamespaceOf(TypeReference type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.Namespace;
    }

    private static IEnumerable<TypeReference> References(TypeDefinition type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (InterfaceImplementation implemented in type.Interfaces)
        {
            yield return implemented.InterfaceType;
        }

        foreach (CustomAttribute attribute in type.CustomAttributes)
        {
            yield return attribute.AttributeType;
        }

        foreach (FieldDefinition field in type.Fields)
        {
            yield return field.FieldType;
        }

        foreach (PropertyDefinition property in type.Properties)
        {
            yield return property.PropertyType;
        }

        foreach (MethodDefinition method in type.Methods)
        {
            yield return method.ReturnType;
            foreach (ParameterDefinition parameter in method.Parameters)
            {
                yield return parameter.ParameterType;
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (VariableDefinition variable in method.Body.Variables)
            {
                yield return variable.VariableType;
            }

            foreach (Instruction instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference operand:
                        yield return operand;
                        break;
                    case MethodReference called:
                        yield return called.DeclaringType;
                        yield return called.ReturnType;
                        foreach (ParameterDefinition parameter in called.Parameters)
                        {
                            yield return parameter.ParameterType;
                        }

                        if (called is GenericInstanceMethod genericMethod)
                        {
                            foreach (TypeReference argument in genericMethod.GenericArguments)
                            {
                                yield return argument;
                            }
                        }

                        break;
                    case FieldReference field:
                        yield return field.DeclaringType;
                        yield return field.FieldType;
                        break;
                }
            }
        }
    }
}
