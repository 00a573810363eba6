namespace Prorata.Web.Features.Catalog;

/// <summary>Body of POST /api/v1/catalog/products: a partner service (recurring) or one-time item, priced per cycle.</summary>
public sealed record PartnerProductRequest(string? ProductId, string? SkuId, string? Title, string? Kind, string? Currency, decimal? PricePerCycle,
    string? Term, string? BillingPlan);
