namespace Prorata.Data.Reconciliation;

/// <summary>
/// One line of a stored recon file: the fields the matcher reads, typed, and what matching found (state, the expected
/// charge's total, money at stake, cause). Written by binary COPY on PostgreSQL (<see cref="ReconImportWriter"/>).
/// </summary>
public sealed class ReconImportLine
{
    /// <summary>The expected charge type of an Azure plan line matched against imported daily usage.</summary>
    public const string UsageChargeType = "usage";

    /// <summary>Starts <see cref="OtherColumns"/> packed as name/value pairs, for a line whose columns differ from the import's.</summary>
    public const char PairsMark = '\u001D';

    public Guid ImportId { get; set; }

    /// <summary>The line's row number in the file; with the import, the key.</summary>
    public long Row { get; set; }

    public required string CustomerId { get; set; }

    public required string SubscriptionId { get; set; }

    public required string ProductId { get; set; }

    public required string SkuId { get; set; }

    public required string ChargeType { get; set; }

    public DateOnly ChargeStart { get; set; }

    public DateOnly ChargeEnd { get; set; }

    public decimal UnitPrice { get; set; }

    public decimal EffectiveUnitPrice { get; set; }

    public decimal BillableQuantity { get; set; }

    public decimal Subtotal { get; set; }

    public decimal Total { get; set; }

    public required string Currency { get; set; }

    public required string ReferenceId { get; set; }

    public required string PromotionId { get; set; }

    /// <summary>The <c>ReconState</c> name: Matched, AmountMismatch, …</summary>
    public required string State { get; set; }

    public decimal? ExpectedTotal { get; set; }

    public decimal MoneyAtStake { get; set; }

    /// <summary>The <c>RootCause</c> name: None, PriceChange, …</summary>
    public required string RootCause { get; set; }

    public string? Cause { get; set; }

    // The expected charge's own fields, so that a discrepancy reads back in full after a restart; its subscription,
    // product, SKU and currency are the line's (the matcher pairs a line only with a charge of its subscription).

    /// <summary>The expected charge's type, camelCase as in the file; null when no charge was expected.</summary>
    public string? ExpectedChargeType { get; set; }

    public DateOnly? ExpectedChargeStart { get; set; }

    public DateOnly? ExpectedChargeEnd { get; set; }

    public decimal? ExpectedUnitPrice { get; set; }

    public decimal? ExpectedEffectiveUnitPrice { get; set; }

    public int? ExpectedQuantity { get; set; }

    public string? ExpectedReferenceId { get; set; }

    /// <summary>For an Azure plan line: the units the imported daily usage rows add up to (the expected total is their cost).</summary>
    public decimal? ExpectedUsageQuantity { get; set; }

    /// <summary>For an Azure plan line: how many daily usage rows the expectation sums.</summary>
    public int? ExpectedUsageRows { get; set; }

    // The file's other typed columns and every column the matcher has no field for, so that a stored line shows all of
    // the file's line after a restart (issue 5: unknown columns kept). Null on lines stored before they were kept.

    public string? PartnerId { get; set; }

    public string? CustomerName { get; set; }

    public string? InvoiceNumber { get; set; }

    public string? OrderId { get; set; }

    public DateOnly? OrderDate { get; set; }

    public string? ProductName { get; set; }

    public string? SkuName { get; set; }

    public string? SubscriptionDescription { get; set; }

    public decimal? Quantity { get; set; }

    public decimal? TaxTotal { get; set; }

    public decimal? PcToBcExchangeRate { get; set; }

    public string? TermAndBillingCycle { get; set; }

    public string? BillingFrequency { get; set; }

    /// <summary>
    /// The columns without a typed field: their values packed by <c>PackedColumns.PackValues</c> when the line has the
    /// import's <see cref="ReconImport.OtherColumnNames"/> (every CSV line), else name/value pairs prefixed by U+001D.
    /// </summary>
    public string? OtherColumns { get; set; }
}
