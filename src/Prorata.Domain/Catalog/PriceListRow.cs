namespace Prorata.Domain.Catalog;

/// <summary>
/// One row of a price list. <see cref="UnitPrice"/> and <see cref="ErpPrice"/> are the price of the WHOLE term
/// (microsoft-csp.md §1.2); the price of one charge cycle is UnitPrice × cycleMonths / termMonths.
/// <see cref="EffectiveTo"/> is inclusive; null means open-ended.
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
    Publisher Publisher = Publisher.Microsoft)
{
    public bool InForceOn(DateOnly day) => EffectiveFrom <= day && (EffectiveTo is null || day <= EffectiveTo);

    public decimal CyclePrice => UnitPrice * (int)BillingPlan / (int)Term;

    public decimal? CycleErpPrice => ErpPrice * (int)BillingPlan / (int)Term;
}
