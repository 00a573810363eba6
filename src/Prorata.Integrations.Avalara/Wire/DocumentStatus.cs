namespace Prorata.Integrations.Avalara.Wire;

/// <summary>AvaTax's DocumentStatus: Saved (recorded, not reported), Committed (reported on a filing), Cancelled (voided).</summary>
public enum DocumentStatus
{
    Temporary,
    Saved,
    Posted,
    Committed,
    Cancelled,
    Adjusted,
    Queued,
    PendingApproval,
    Uncommitted,
}
