using Prorata.Application.Commissions;
using Prorata.Data.Commissions;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Commissions;

/// <summary>A commission plan as the API writes it: productId "*" for every product, skuId null for every SKU, the end inclusive (null: open).</summary>
public sealed record PlanResponse(Guid Id, Guid SalespersonId, string ProductId, string? SkuId, string Basis, decimal Rate, string Payout, DateOnly EffectiveFrom,
    DateOnly? EffectiveTo)
{
    public static PlanResponse From(SalespersonPlan p) =>
        new(p.Id, p.SalespersonId, p.ProductId, p.SkuId, EnumText.ToWire(p.Basis), decimal.Parse(CommissionCsv.Percent(p.Rate), System.Globalization.CultureInfo.InvariantCulture),
            EnumText.ToWire(p.Payout), p.EffectiveFrom, p.EffectiveTo);
}
