namespace Prorata.Application.Commissions;

/// <summary>
/// A commission plan as the API and the page send it: <c>productId</c> a catalog product or "*", <c>skuId</c> optional,
/// <c>basis</c> revenue|margin, <c>rate</c> percent, <c>payout</c> invoice|cash|booking, dates written yyyy-MM-dd (the end
/// inclusive and optional).
/// </summary>
public sealed record PlanDraft(string? ProductId, string? SkuId, string? Basis, decimal? Rate, string? Payout, string? EffectiveFrom, string? EffectiveTo);
