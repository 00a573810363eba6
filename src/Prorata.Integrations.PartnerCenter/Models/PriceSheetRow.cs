namespace Prorata.Integrations.PartnerCenter.Models;

/// <summary>One row of the NCE license-based price list (§3); <see cref="UnitPrice"/> is the price of the whole term.</summary>
public sealed record PriceSheetRow(
    string ProductTitle,
    string ProductId,
    string SkuId,
    string SkuTitle,
    string TermDuration,
    string BillingPlan,
    string Market,
    string Currency,
    decimal UnitPrice,
    decimal? ErpPrice,
    DateTimeOffset EffectiveStart,
    DateTimeOffset? EffectiveEnd);
