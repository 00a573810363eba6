namespace Prorata.Application.Webhooks.Events;

/// <summary>
/// What an invoice or credit-note event holds in the outbox: the invoice's id. Its data is read from the issued invoice when
/// the event is fanned out, which is what was issued (an issued invoice never changes); the billing run's PostgreSQL path
/// numbers the invoice inside its SQL batch, so the number is not known when the event is written.
/// </summary>
public sealed record InvoiceReference(Guid InvoiceId);
