using Prorata.Data.Catalog;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Catalog;

/// <summary>One row of a price-list version as imported: UnitPrice and ErpPrice for the whole term, CyclePrice for one charge cycle.</summary>
public sealed record PriceListRowResponse(string ProductId, string SkuId, string Title, string Term, string BillingPlan, string Market, string Currency,
    decimal UnitPrice, decimal? ErpPrice, decimal CyclePrice, DateOnly EffectiveFrom, DateOnly? EffectiveTo)
{
    public static PriceListRowResponse From(PriceListEntry e) =>
        new(e.ProductId, e.SkuId, e.Title, e.Term.ToString(), EnumText.ToWire(e.BillingPlan), e.Market, e.Currency, e.UnitPrice, e.ErpPrice, e.ToRow().CyclePrice,
            e.EffectiveFrom, e.EffectiveTo);
}
