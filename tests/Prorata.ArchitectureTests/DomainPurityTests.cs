using System.Reflection;
using System.Xml.Linq;
using Prorata.Domain.Money;

namespace Prorata.ArchitectureTests;

/// <summary>Arrows point inward: the domain depends on nothing but the base class library (STYLE.md, "The house").</summary>
public sealed class DomainPurityTests
{
    private static readonly Assembly Domain = typeof(Money).Assembly;

    [Fact]
    public void DomainAssembly_References_OnlySystemAndNetstandard()
    {
        var foreign = Domain.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name is not ("System" or "netstandard" or "mscorlib") && !name.StartsWith("System.", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(foreign);
    }

    [Fact]
    public void DomainProject_Has_NoPackageOrProjectReferences()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Prorata.Domain", "Prorata.Domain.csproj"));

        var references = project.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference" or "Reference")
            .Select(e => e.ToString())
            .ToList();

        Assert.Empty(references);
    }

    private static string RepositoryRoot() =>
        typeof(DomainPurityTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
}
