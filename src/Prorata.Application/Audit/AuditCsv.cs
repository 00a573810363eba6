namespace Prorata.Application.Audit;

/// <summary>The audit log as CSV rows, the same for the API's export and the command line: one row per changed field.</summary>
public static class AuditCsv
{
    public static IReadOnlyList<string> Header { get; } = ["Id", "At", "Actor", "EntityType", "EntityId", "Label", "Action", "Field", "Before", "After"];

    public static IEnumerable<IReadOnlyList<object?>> Rows(AuditView entry)
    {
        IReadOnlyList<object?> Row(string? field, string? before, string? after) =>
            [entry.Id, entry.At, entry.Actor, entry.EntityType, entry.EntityId, entry.Label, entry.Action, field, before, after];
        return entry.Changes.Count == 0 ? [Row(null, null, null)] : entry.Changes.Select(c => Row(c.Field, c.Before, c.After));
    }
}
