namespace Prorata.Data.Audit;

/// <summary>
/// One line of the audit log: who changed which customer, contract, price, setting, staff user or API key, when, and
/// each field before and after. Written by <see cref="AuditRecorder"/> in the same save as the change; never changed or
/// deleted (the interceptor refuses it, and a trigger in the database, <see cref="AuditTrigger"/>).
/// </summary>
public sealed class AuditEntry
{
    public const int MaxActorLength = 200;
    public const int MaxLabelLength = 200;
    public const int MaxEntityIdLength = 100;

    /// <summary>Increasing with every entry: the log's order.</summary>
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The staff user's e-mail, the API key's name ("API key PSA sync (prk_…)"), "cli" or "system".</summary>
    public required string Actor { get; set; }

    /// <summary>One of <see cref="AuditedTypes.Names"/>: Customer, BillingContract, StaffUser, ApiKey …</summary>
    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    /// <summary>What a person calls the entity (the customer's name, the key's name), when it was at hand.</summary>
    public string? Label { get; set; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>The changed fields as a JSON array of <see cref="AuditChange"/>; secrets and hashes never appear.</summary>
    public required string Changes { get; set; }
}
