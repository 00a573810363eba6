using Prorata.Domain.Catalog;

namespace Prorata.Data.Catalog;

/// <summary>
/// One offer that differs from the previous price list: added (no old price), removed (no new price) or repriced. Prices
/// are per charge cycle (UnitPrice × cycle / term), the way invoices and margins are counted.
/// </summary>
public sealed record PriceChange(
    string ProductId, string SkuId, string Title, TermDuration Term, BillingPlan BillingPlan, string Market, string Currency,
    decimal? OldCycleCost, decimal? NewCycleCost, DateOnly? EffectiveFrom, IReadOnlyList<AffectedSubscription> Affected)
{
    public string Kind => OldCycleCost is null ? "added" : NewCycleCost is null ? "removed" : "repriced";
}
