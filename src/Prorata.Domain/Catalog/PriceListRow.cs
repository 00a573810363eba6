namespace Prorata.Domain.Catalog;

/// <summary>
/// One row of a price list. <see cref="UnitPrice"/> and <see cref="ErpPrice"/> are the price of the WHOLE term
/// (microsoft-csp.md §1.2); the price of one charge cycle is UnitPrice × cycleMonths / termMonths.
/// <see cref="EffectiveTo"/> is inclusive; null means open-ended. <see cref="CustomerPriceFrom"/> is the partner's
/// rollout decision (billing-rules §2): from that day the customer price of terms already running follows this row
/// (`immediately` or `onDate`); null means customers get it at their renewal (`atRenewal`). Microsoft's cost never follows.
/// <see cref="UpgradesTo"/> lists the targets Microsoft's catalog allows an upgrade to; null when the catalog did not say,
/// and then any other paid offer of the same term is accepted (eligibility never comes from price).
/// </summary>
public sealed record PriceListRow(
    string ProductId,
    string SkuId,
    string Title,
    TermDuration Term,
    BillingPlan BillingPlan,
    decimal UnitPrice,
    decimal? ErpPrice,
    string Currency,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    Publisher Publisher = Publisher.Microsoft,
    DateOnly? CustomerPriceFrom = null,
    IReadOnlyList<UpgradeTarget>? UpgradesTo = null)
{
    public bool InForceOn(DateOnly day) => EffectiveFrom <= day && (EffectiveTo is null || day <= EffectiveTo);

    public decimal CyclePrice => UnitPrice * (int)BillingPlan / (int)Term;

    public decimal? CycleErpPrice => ErpPrice * (int)BillingPlan / (int)Term;
}
