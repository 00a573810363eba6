namespace Prorata.Domain.Contracts;

/// <summary>
/// A billing contract as a person or an API caller typed it, before validation: enumerations are still text
/// so that a wrong value can be named back to the caller instead of failing deserialization.
/// </summary>
public sealed record BillingContractDraft(
    Guid? CustomerId,
    string? Currency,
    int? BillingDay,
    string? InvoiceCadence,
    int? PaymentTermsDays,
    string? RefundPolicy,
    string? Alignment,
    string? LegalEntityName,
    IReadOnlyList<PricingRuleDraft>? PricingRules,
    DateOnly? StartDate = null,
    Guid? LegalEntityId = null);
