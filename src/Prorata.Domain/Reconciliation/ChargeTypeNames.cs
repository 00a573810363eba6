using Prorata.Domain.Billing;

namespace Prorata.Domain.Reconciliation;

/// <summary>
/// Microsoft's ChargeType spellings (microsoft-csp.md §2.1): compared case-insensitively because the files write
/// both <c>new</c> and <c>New</c>; written back in camelCase as the recon file and the what-if output do.
/// </summary>
public static class ChargeTypeNames
{
    private static readonly ChargeType[] Types = Enum.GetValues<ChargeType>();
    private static readonly string[] Names = Array.ConvertAll(Types, t => CamelCase(t.ToString()));

    public static string ToCamelCase(ChargeType type) => Names[Array.IndexOf(Types, type)];

    /// <summary>Parses without allocating; called once per recon line.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out ChargeType type)
    {
        text = text.Trim();
        for (var i = 0; i < Names.Length; i++)
        {
            if (text.Equals(Names[i], StringComparison.OrdinalIgnoreCase))
            {
                type = Types[i];
                return true;
            }
        }
        type = default;
        return false;
    }

    private static string CamelCase(string pascal) => string.Concat(pascal[..1].ToLowerInvariant(), pascal[1..]);
}
