namespace Prorata.Data.Reconciliation;

/// <summary>
/// One daily-rated usage file stored with all its rows. The SHA-256 of the file's bytes is unique, so the same file
/// imported twice is recognised; a refused file is never stored (its transaction is rolled back).
/// </summary>
public sealed class UsageImport
{
    public Guid Id { get; set; }

    public required string FileName { get; set; }

    /// <summary>Lowercase hex SHA-256 of the file's bytes.</summary>
    public required string Sha256 { get; set; }

    /// <summary>
    /// When the file was stored; also the timestamp of the change-log usage entries it wrote, so a billing run dated D
    /// bills the rows imported before D 00:00 (billing-rules.md §4: an invoice is what is known at 00:00 of its date).
    /// </summary>
    public DateTimeOffset ReceivedAt { get; set; }

    public long Rows { get; set; }

    /// <summary>Rows whose Azure plan is no Prorata subscription: stored and shown, not billed.</summary>
    public long UnassignedRows { get; set; }

    /// <summary>Σ BillingPreTaxTotal: the partner's cost of the file.</summary>
    public decimal Cost { get; set; }
}
