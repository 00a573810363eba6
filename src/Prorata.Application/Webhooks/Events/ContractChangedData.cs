namespace Prorata.Application.Webhooks.Events;

/// <summary>The data of <c>contract.changed</c>: a billing contract created or changed by staff, with the terms it now has.</summary>
public sealed record ContractChangedData(
    Guid ContractId,
    Guid CustomerId,
    string Change,
    string Currency,
    int BillingDay,
    string InvoiceCadence,
    int PaymentTermsDays,
    Guid LegalEntityId,
    int Version);
