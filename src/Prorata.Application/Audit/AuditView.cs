using Prorata.Data.Audit;

namespace Prorata.Application.Audit;

/// <summary>An audit entry as it is shown and sent: its changed fields read back from the stored JSON.</summary>
public sealed record AuditView(long Id, DateTimeOffset At, string Actor, string EntityType, string EntityId, string? Label, string Action,
    IReadOnlyList<AuditChange> Changes);
