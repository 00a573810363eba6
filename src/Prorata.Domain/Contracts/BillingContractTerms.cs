using Prorata.Domain.Catalog;
using Prorata.Domain.Money;

namespace Prorata.Domain.Contracts;

/// <summary>The validated terms of a billing contract (billing-rules §4).</summary>
public sealed record BillingContractTerms(
    Guid CustomerId,
    Currency Currency,
    int BillingDay,
    InvoiceCadence InvoiceCadence,
    int PaymentTermsDays,
    RefundPolicy RefundPolicy,
    ContractAlignment Alignment,
    LegalEntityReference LegalEntity,
    IReadOnlyList<PricingRule> PricingRules,
    DateOnly? StartDate = null);

/// <summary>The legal entity a contract names: by id, or by its legal name; the application finds the record.</summary>
public sealed record LegalEntityReference(Guid? Id, string? Name);
