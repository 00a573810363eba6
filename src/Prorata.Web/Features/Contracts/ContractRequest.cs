using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Contracts;

/// <summary>
/// Body of POST and PUT /api/v1/contracts. Enumerations are text (invoiceCadence monthly|quarterly|annual, refundPolicy
/// prorated|none, alignment contract|subscription, method markupOnCost|discountOffErp|fixedPrice) so that a wrong
/// value is named back. <see cref="Version"/> (PUT only, optional) guards against lost updates. <see cref="StartDate"/>
/// (optional) is when the contract starts: a quarterly or annual cadence counts from the first billing day on or after it.
/// The legal entity that issues the invoices is <see cref="LegalEntityId"/>, or an existing entity's legal name in
/// <see cref="LegalEntityName"/>; <see cref="PaymentTermsDays"/> left out follows the entity's default. A currency other than
/// the customer's is refused unless <see cref="ConfirmCurrency"/> is true.
/// </summary>
public sealed record ContractRequest(
    Guid? CustomerId,
    string? Currency,
    int? BillingDay,
    string? InvoiceCadence,
    int? PaymentTermsDays,
    string? RefundPolicy,
    string? Alignment,
    string? LegalEntityName,
    List<PricingRuleDraft>? PricingRules,
    int? Version,
    DateOnly? StartDate = null,
    Guid? LegalEntityId = null,
    bool? ConfirmCurrency = null)
{
    public BillingContractDraft ToDraft() =>
        new(CustomerId, Currency, BillingDay, InvoiceCadence, PaymentTermsDays, RefundPolicy, Alignment, LegalEntityName, PricingRules, StartDate, LegalEntityId);
}
