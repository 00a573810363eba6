namespace Prorata.Integrations.ReconFiles;

/// <summary>
/// The typed columns of one file kind: canonical names (their index is the field id), accepted aliases, and the
/// groups of which at least one column must be present. Header names are compared case-insensitively
/// (microsoft-csp.md §2.1: <c>MPNID</c> and <c>MpnId</c>; the Graph export writes camelCase).
/// </summary>
internal sealed class ColumnSchema
{
    private readonly Dictionary<string, int> fieldByName = new(StringComparer.OrdinalIgnoreCase);

    public ColumnSchema(string[] names, (string Alias, int Field)[] aliases, int[][] required)
    {
        Names = names;
        Required = required;
        for (var i = 0; i < names.Length; i++)
        {
            fieldByName.Add(names[i], i);
        }
        foreach (var (alias, field) in aliases)
        {
            fieldByName.Add(alias, field);
        }
    }

    public string[] Names { get; }

    public int[][] Required { get; }

    public bool TryFind(string name, out int field) => fieldByName.TryGetValue(name.Trim(), out field);
}
