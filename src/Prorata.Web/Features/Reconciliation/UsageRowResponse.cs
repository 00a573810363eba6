using Prorata.Data.Reconciliation;
using Prorata.Domain.Reconciliation;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>One stored Microsoft usage row with every column of the file; <see cref="Retail"/> is retail in the billing currency.</summary>
public sealed record UsageRowResponse(
    Guid ImportId,
    long Row,
    string CustomerId,
    string SubscriptionId,
    Guid? PlanSubscriptionId,
    string EntitlementId,
    DateOnly UsageDate,
    string MeterId,
    string MeterName,
    string MeterCategory,
    string ProductId,
    string SkuId,
    string ResourceUri,
    string ChargeType,
    decimal UnitPrice,
    decimal EffectiveUnitPrice,
    decimal Quantity,
    decimal BillingPreTaxTotal,
    string BillingCurrency,
    decimal PricingPreTaxTotal,
    string PricingCurrency,
    decimal PcToBcExchangeRate,
    decimal Retail,
    decimal PartnerEarnedCreditPercentage,
    IReadOnlyDictionary<string, string> OtherColumns)
{
    public static UsageRowResponse From(UsageRow r) => new(
        r.ImportId, r.Row, r.CustomerId, r.SubscriptionId, r.PlanSubscriptionId, r.EntitlementId, r.UsageDate, r.MeterId, r.MeterName, r.MeterCategory,
        r.ProductId, r.SkuId, r.ResourceUri, r.ChargeType, r.UnitPrice, r.EffectiveUnitPrice, r.Quantity, r.BillingPreTaxTotal, r.BillingCurrency,
        r.PricingPreTaxTotal, r.PricingCurrency, r.PcToBcExchangeRate, r.Retail, r.PartnerEarnedCreditPercentage,
        PackedColumns.UnpackPairs(r.OtherColumns).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value));
}
