using Prorata.Data.Contracts;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Contracts;

public sealed record PricingRuleResponse(string ProductId, string? SkuId, string Method, decimal Value)
{
    public static PricingRuleResponse From(ContractPricingRule r) => new(r.ProductId, r.SkuId, EnumText.ToWire(r.Method), r.Value);
}
