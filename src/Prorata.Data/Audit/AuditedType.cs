namespace Prorata.Data.Audit;

/// <summary>
/// How the audit log names and shows one kind of entity: its name in CSP words, its id and label, the fields shown as
/// "[hidden]" when they change (secrets), and the fields it leaves out (bookkeeping, hashes). <see cref="Only"/>, when
/// set, lists the one fields worth showing (a staff user's row is mostly Identity's machinery).
/// </summary>
public sealed record AuditedType(
    string Name,
    Func<object, string> Id,
    Func<object, string?> Label,
    IReadOnlySet<string> Hidden,
    IReadOnlySet<string> Ignored,
    IReadOnlySet<string>? Only = null)
{
    /// <summary>Kept on every row by the code that saves it: not what anyone changed.</summary>
    public static readonly IReadOnlySet<string> Bookkeeping = new HashSet<string>(["Id", "Version", "CreatedAt", "UpdatedAt"]);

    public bool Shows(string field) => Only?.Contains(field) ?? !Ignored.Contains(field) && !Bookkeeping.Contains(field);
}
