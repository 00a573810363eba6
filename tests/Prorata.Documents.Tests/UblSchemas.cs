using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Prorata.Documents.Tests;

/// <summary>
/// The OASIS UBL 2.1 schemas (Schemas/ubl-2.1, copied unchanged from the OASIS release) compiled once. Imports are resolved
/// only to files under that folder: validation never reaches the network.
/// </summary>
internal static class UblSchemas
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Schemas", "ubl-2.1");
    private static readonly Lazy<XmlSchemaSet> Set = new(Compile);

    /// <summary>Every error and warning the schemas report for the document; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(XDocument document)
    {
        var problems = new List<string>();
        document.Validate(Set.Value, (_, e) => problems.Add($"{e.Severity}: {e.Message}"));
        return problems;
    }

    private static XmlSchemaSet Compile()
    {
        var resolver = new LocalFilesOnly(Root);
        // The W3C signature schema OASIS ships declares its entities in an internal DOCTYPE.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = resolver };
        var set = new XmlSchemaSet { XmlResolver = resolver };
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "common"), "*.xsd").Order().Concat(
                     [Path.Combine(Root, "maindoc", "UBL-Invoice-2.1.xsd"), Path.Combine(Root, "maindoc", "UBL-CreditNote-2.1.xsd")]))
        {
            using var reader = XmlReader.Create(file, settings);
            set.Add(null, reader);
        }
        set.Compile();
        return set;
    }

    private sealed class LocalFilesOnly(string root) : XmlResolver
    {
        private readonly string _root = Path.GetFullPath(root) + Path.DirectorySeparatorChar;

        public override object GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            var path = absoluteUri.IsFile ? Path.GetFullPath(absoluteUri.LocalPath) : null;
            if (path is null || !path.StartsWith(_root, StringComparison.Ordinal))
                throw new XmlException($"The UBL schemas may load only files under {_root}, not {absoluteUri}.");
            return File.OpenRead(path);
        }
    }
}
