using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Contracts;

/// <summary>One row of the pricing rules table; a row left entirely blank is not a rule.</summary>
public sealed class PricingRuleForm
{
    public string? ProductId { get; set; }

    public string? SkuId { get; set; }

    public string? Method { get; set; }

    public decimal? Value { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(ProductId) && string.IsNullOrWhiteSpace(SkuId)
        && string.IsNullOrWhiteSpace(Method) && Value is null;

    public PricingRuleDraft ToDraft() => new(ProductId, SkuId, Method, Value);
}
