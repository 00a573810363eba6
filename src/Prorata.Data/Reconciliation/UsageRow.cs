namespace Prorata.Data.Reconciliation;

/// <summary>
/// One row of a stored daily-rated usage file (microsoft-csp.md §2.2): one meter, one resource, one day, with every
/// column of the file (the typed ones here, the others in <see cref="OtherColumns"/>). <see cref="PlanSubscriptionId"/>
/// is the Prorata Azure plan subscription the row is billed under, null while the file's plan is not in Prorata.
/// The billing engine does not read rows: the import sums them per subscription, day and meter into change-log usage
/// entries (<see cref="UsageImporter"/>); a usage invoice line is traced back to its rows by subscription, month and
/// import time (<see cref="UsageTrace"/>).
/// </summary>
public sealed class UsageRow
{
    public Guid ImportId { get; set; }

    /// <summary>The row's line in the file (CSV header = 1; first JSON line = 1); with the import, the key.</summary>
    public long Row { get; set; }

    public required string CustomerId { get; set; }

    /// <summary>The Azure plan's Partner Center subscription id, as in the file.</summary>
    public required string SubscriptionId { get; set; }

    public Guid? PlanSubscriptionId { get; set; }

    /// <summary>
    /// When the row's usage entered the change log, if after its import: its plan became known to Prorata later
    /// (<see cref="UsageAssignment"/>). Null: at the import.
    /// </summary>
    public DateTimeOffset? LoggedAt { get; set; }

    public required string EntitlementId { get; set; }

    public DateOnly UsageDate { get; set; }

    public required string MeterId { get; set; }

    public required string MeterName { get; set; }

    public required string MeterCategory { get; set; }

    public required string ProductId { get; set; }

    public required string SkuId { get; set; }

    public required string ResourceUri { get; set; }

    public required string ChargeType { get; set; }

    public decimal UnitPrice { get; set; }

    public decimal EffectiveUnitPrice { get; set; }

    public decimal Quantity { get; set; }

    /// <summary>The partner's cost in the billing currency, net of partner earned credit.</summary>
    public decimal BillingPreTaxTotal { get; set; }

    public required string BillingCurrency { get; set; }

    public decimal PricingPreTaxTotal { get; set; }

    public required string PricingCurrency { get; set; }

    public decimal PcToBcExchangeRate { get; set; }

    /// <summary>PricingPreTaxTotal × PCToBCExchangeRate, unrounded: retail in the billing currency (microsoft-csp.md §6.1).</summary>
    public decimal Retail { get; set; }

    public decimal PartnerEarnedCreditPercentage { get; set; }

    /// <summary>Every other column of the file, packed by <see cref="Domain.Reconciliation.PackedColumns"/> as name/value pairs.</summary>
    public required string OtherColumns { get; set; }
}
