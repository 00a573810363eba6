namespace Prorata.Application.Webhooks.Events;

/// <summary>The data of <c>payment.reversed</c>: a recorded payment taken back (recorded by mistake, failed, charged back).</summary>
public sealed record PaymentReversedData(
    Guid PaymentId,
    Guid CustomerId,
    string Currency,
    decimal Amount,
    string Reference,
    string Reason,
    DateTimeOffset ReversedAt);
