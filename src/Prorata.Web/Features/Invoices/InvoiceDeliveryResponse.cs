using Prorata.Data.Invoices;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Invoices;

/// <summary>One e-mail of an invoice: to whom, its state (pending, sent, failed), attempts and the last error.</summary>
public sealed record InvoiceDeliveryResponse(Guid Id, string[] Recipients, string State, int Attempts, string? LastError, string MessageId, string RequestedBy,
    DateTimeOffset QueuedAt, DateTimeOffset? SentAt)
{
    public static InvoiceDeliveryResponse From(InvoiceDelivery d) =>
        new(d.Id, d.Recipients.Split(','), EnumText.ToWire(d.State), d.Attempts, d.LastError, d.MessageId, d.RequestedBy, d.QueuedAt, d.SentAt);
}
