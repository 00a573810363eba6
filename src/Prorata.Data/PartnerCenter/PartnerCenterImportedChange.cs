namespace Prorata.Data.PartnerCenter;

/// <summary>
/// Where a synced license change came from: the activity-log record (null when only the state showed it) and who made
/// it in Partner Center. The unique key on (record, kind) stops a record from being logged twice even if the cursor
/// were lost.
/// </summary>
public sealed class PartnerCenterImportedChange
{
    public long Id { get; set; }

    public long LicenseChangeEntryId { get; set; }

    public required string PartnerCenterSubscriptionId { get; set; }

    public string? AuditRecordId { get; set; }

    /// <summary>QuantityChanged, StatusChanged or AutoRenewChanged.</summary>
    public required string Kind { get; set; }

    public string? ChangedBy { get; set; }
}
