using Prorata.Data.Contracts;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Contracts;

public sealed record ContractResponse(
    Guid Id,
    Guid CustomerId,
    string Currency,
    int BillingDay,
    string InvoiceCadence,
    int PaymentTermsDays,
    string RefundPolicy,
    string Alignment,
    Guid LegalEntityId,
    string? LegalEntityName,
    IReadOnlyList<PricingRuleResponse> PricingRules,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version,
    DateOnly? StartDate,
    Guid? SalespersonId,
    string? CustomerName)
{
    public static ContractResponse From(BillingContract c) =>
        new(c.Id, c.CustomerId, c.Currency, c.BillingDay, EnumText.ToWire(c.InvoiceCadence), c.PaymentTermsDays,
            EnumText.ToWire(c.RefundPolicy), EnumText.ToWire(c.Alignment), c.LegalEntityId, c.LegalEntity?.Name,
            c.PricingRules.OrderBy(r => r.Position).Select(PricingRuleResponse.From).ToList(),
            c.CreatedAt, c.UpdatedAt, c.Version, c.StartDate, c.SalespersonId, c.Customer?.Name);
}
