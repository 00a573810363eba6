using Prorata.Application.Receivables;

namespace Prorata.Web.Features.Receivables;

/// <summary>POST /api/v1/customers/{id}/payments: a payment Finance received.</summary>
public sealed record PaymentRequest(decimal? Amount, string? Currency, DateTimeOffset? ReceivedAt, string? Method, string? Reference, Guid? InvoiceId)
{
    public PaymentDraft ToDraft() => new(Amount, Currency, ReceivedAt, Method, Reference, InvoiceId);
}
