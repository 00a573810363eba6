using Prorata.Domain.Catalog;

namespace Prorata.Data.Catalog;

/// <summary>
/// One price-list row of a <see cref="PriceListVersion"/>, keyed by (ProductId, SkuId, Term, BillingPlan, Market,
/// Currency, EffectiveFrom) as microsoft-csp.md §1.2 says. UnitPrice and ErpPrice are for the whole term.
/// </summary>
public sealed class PriceListEntry
{
    public long Id { get; set; }

    public Guid VersionId { get; set; }

    public required string ProductId { get; set; }

    public required string SkuId { get; set; }

    public required string Title { get; set; }

    public TermDuration Term { get; set; }

    public BillingPlan BillingPlan { get; set; }

    public required string Market { get; set; }

    public required string Currency { get; set; }

    public decimal UnitPrice { get; set; }

    public decimal? ErpPrice { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    /// <summary>Inclusive; null means open-ended.</summary>
    public DateOnly? EffectiveTo { get; set; }

    public Publisher Publisher { get; set; }

    /// <param name="customerPriceFrom">The version's rollout day, if it has one; customers never follow before the row is in force.</param>
    public PriceListRow ToRow(DateOnly? customerPriceFrom = null) =>
        new(ProductId, SkuId, Title, Term, BillingPlan, UnitPrice, ErpPrice, Currency, EffectiveFrom, EffectiveTo, Publisher,
            customerPriceFrom is { } from && from < EffectiveFrom ? EffectiveFrom : customerPriceFrom);
}
