namespace Prorata.Application.Webhooks.Events;

/// <summary>The data of <c>payment.recorded</c>: money a customer paid, recorded by Finance or collected by a provider.</summary>
public sealed record PaymentRecordedData(
    Guid PaymentId,
    Guid CustomerId,
    string Currency,
    decimal Amount,
    DateTimeOffset ReceivedAt,
    string Method,
    string Provider,
    string Reference,
    Guid? InvoiceId);
