namespace Prorata.Domain.Reconciliation;

/// <summary>
/// One row of Microsoft's daily-rated usage file (microsoft-csp.md §2.2): one meter, one resource, one day.
/// <see cref="SubscriptionId"/> is the Azure plan; <see cref="EntitlementId"/> the Azure subscription.
/// <see cref="BillingPreTaxTotal"/> is the partner's cost in the billing currency, already net of partner earned
/// credit; <see cref="PricingPreTaxTotal"/> is the retail amount in <see cref="PricingCurrency"/> (USD).
/// </summary>
public sealed record UsageLine
{
    public required long Row { get; init; }
    public required string CustomerId { get; init; }
    public required string SubscriptionId { get; init; }
    public string EntitlementId { get; init; } = "";
    public required DateOnly UsageDate { get; init; }
    public string MeterId { get; init; } = "";

    /// <summary>The meter's catalog product and SKU: what the invoice recon file's Azure plan line names (§6.1).</summary>
    public string ProductId { get; init; } = "";
    public string SkuId { get; init; } = "";
    public string MeterName { get; init; } = "";
    public string MeterCategory { get; init; } = "";
    public string ResourceUri { get; init; } = "";
    public string ChargeTypeName { get; init; } = "";
    public decimal UnitPrice { get; init; }
    public decimal EffectiveUnitPrice { get; init; }
    public required decimal Quantity { get; init; }
    public required decimal BillingPreTaxTotal { get; init; }
    public required string BillingCurrency { get; init; }
    public decimal PricingPreTaxTotal { get; init; }
    public string PricingCurrency { get; init; } = "";
    public decimal PcToBcExchangeRate { get; init; } = 1m;
    public decimal PartnerEarnedCreditPercentage { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> Extra { get; init; } = [];
}
