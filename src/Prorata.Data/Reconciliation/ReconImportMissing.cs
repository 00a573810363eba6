namespace Prorata.Data.Reconciliation;

/// <summary>
/// An expected provider charge that no line of a stored import consumed, with why; a handful per import, so written by
/// EF in the import's transaction (<see cref="ReconImportWriter"/>).
/// </summary>
public sealed class ReconImportMissing
{
    public Guid ImportId { get; set; }

    /// <summary>The charge's place in the matcher's list; with the import, the key.</summary>
    public int Ordinal { get; set; }

    public required string Subscription { get; set; }

    /// <summary>camelCase, as in the file.</summary>
    public required string ChargeType { get; set; }

    public DateOnly ChargeStart { get; set; }

    public DateOnly ChargeEnd { get; set; }

    public decimal UnitPrice { get; set; }

    public decimal EffectiveUnitPrice { get; set; }

    public int Quantity { get; set; }

    public decimal Total { get; set; }

    public required string ReferenceId { get; set; }

    public required string ProductId { get; set; }

    public required string SkuId { get; set; }

    public required string Currency { get; set; }

    /// <summary>The <c>RootCause</c> name.</summary>
    public required string RootCause { get; set; }

    public required string Cause { get; set; }
}
