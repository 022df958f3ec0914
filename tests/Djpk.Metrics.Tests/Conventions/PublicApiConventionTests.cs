using System.Reflection;
using System.Runtime.CompilerServices;
using Djpk.Metrics.Comparison;

namespace Djpk.Metrics.Tests.Conventions;

/// <summary>Checks by reflection that the public API keeps the codebase's conventions.</summary>
public class PublicApiConventionTests
{
    private static readonly Type[] PublicTypes = typeof(PercentChange).Assembly.GetExportedTypes();

    [Fact]
    public void PublicStructs_AreReadOnly()
    {
        Type[] structs = PublicTypes.Where(t => t.IsValueType && !t.IsEnum).ToArray();
        Assert.NotEmpty(structs);
        Assert.All(structs, t => Assert.True(t.IsDefined(typeof(IsReadOnlyAttribute)), $"{t} is not a readonly struct."));
    }

    [Fact]
    public void PublicClasses_AreSealedOrStatic() =>
        Assert.All(
            PublicTypes.Where(t => t.IsClass),
            t => Assert.True(t.IsSealed, $"{t} is neither sealed nor static."));

    // An init accessor (as Consultation's optional service fields have) sets a property only in an object initializer or
    // a with expression, so the value stays immutable; only a plain public setter breaks the convention.
    [Fact]
    public void PublicProperties_HaveNoSetters() =>
        Assert.All(
            PublicTypes.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)),
            p => Assert.True(p.SetMethod is null || !p.SetMethod.IsPublic || IsInitOnly(p.SetMethod), $"{p.DeclaringType}.{p.Name} has a public setter."));

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    [Fact]
    public void ToMethods_ReturnTheNamedType()
    {
        MethodInfo[] methods = PublicTypes
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.Name.Length > 2 && m.Name.StartsWith("To", StringComparison.Ordinal) && char.IsUpper(m.Name[2]) && m.Name != "ToString")
            .ToArray();
        Assert.NotEmpty(methods);
        Assert.All(methods, m =>
        {
            Type returned = Nullable.GetUnderlyingType(m.ReturnType) ?? m.ReturnType;
            string named = m.Name["To".Length..];
            bool matches = returned.Name == named
                || (returned == typeof(decimal) && named is "Percent" or "Points")
                || (returned.Name == "MidpointRounding" && named == "MidpointRounding");
            Assert.True(matches, $"{m.DeclaringType}.{m.Name} returns {returned.Name}.");
        });
    }

    [Fact]
    public void PublicNames_UseNoHelperWords() =>
        Assert.DoesNotContain(PublicTypes, t => t.Name.EndsWith("Helper", StringComparison.Ordinal)
            || t.Name.EndsWith("Manager", StringComparison.Ordinal) || t.Name.EndsWith("Util", StringComparison.Ordinal) || t.Name.EndsWith("Utils", StringComparison.Ordinal));
}
