namespace Prorata.Data.Audit;

/// <summary>One field of an <see cref="AuditEntry"/>: its value before and after, as text (null: none).</summary>
public sealed record AuditChange(string Field, string? Before, string? After);
