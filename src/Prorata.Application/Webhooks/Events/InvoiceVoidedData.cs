namespace Prorata.Application.Webhooks.Events;

/// <summary>The data of <c>invoice.voided</c>: an invoice taken back before any payment; a draft has no number.</summary>
public sealed record InvoiceVoidedData(
    Guid InvoiceId,
    string? Number,
    Guid CustomerId,
    Guid ContractId,
    string Currency,
    DateOnly BillingDate,
    decimal Total,
    DateTimeOffset VoidedAt);
