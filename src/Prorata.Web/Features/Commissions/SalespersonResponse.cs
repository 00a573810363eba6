using Prorata.Data.Commissions;

namespace Prorata.Web.Features.Commissions;

public sealed record SalespersonResponse(Guid Id, string Name, string Email, bool Active, IReadOnlyList<PlanResponse> Plans, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static SalespersonResponse From(Salesperson s) =>
        new(s.Id, s.Name, s.Email, s.Active, s.Plans.OrderBy(p => p.EffectiveFrom).ThenBy(p => p.ProductId).ThenBy(p => p.SkuId).Select(PlanResponse.From).ToList(),
            s.CreatedAt, s.UpdatedAt);
}
