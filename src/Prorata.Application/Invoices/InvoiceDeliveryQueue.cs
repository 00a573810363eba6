using Prorata.Application.Outbox;
using Prorata.Data;
using Prorata.Data.Customers;
using Prorata.Data.Invoices;
using Prorata.Data.Outbox;

namespace Prorata.Application.Invoices;

/// <summary>
/// Queues the e-mail of an issued invoice in the caller's unit of work: the delivery record and its outbox message are
/// saved with the issue (or the resend), or not at all; the outbox worker sends it.
/// </summary>
public static class InvoiceDeliveryQueue
{
    public sealed record Payload(Guid DeliveryId);

    public static InvoiceDelivery Enqueue(ProrataDbContext db, CustomerInvoice invoice, Customer customer, string requestedBy, DateTimeOffset now)
    {
        var delivery = New(invoice.Id, customer, requestedBy, now);
        db.InvoiceDeliveries.Add(delivery);
        OutboxWriter.Enqueue(db, OutboxTopic.InvoiceDelivery, Key(delivery.Id), new Payload(delivery.Id), now, customer.Id);
        return delivery;
    }

    public static InvoiceDelivery New(Guid invoiceId, Customer customer, string requestedBy, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        return new InvoiceDelivery
        {
            Id = id,
            InvoiceId = invoiceId,
            Recipients = string.Join(",", customer.InvoiceRecipients),
            State = InvoiceDeliveryState.Pending,
            // One Message-ID for every attempt of this sending: a repeat after a lost answer is recognisably the same e-mail.
            MessageId = $"<invoice-{invoiceId:N}.{id:N}@prorata.invalid>",
            RequestedBy = requestedBy,
            QueuedAt = now,
        };
    }

    public static string Key(Guid deliveryId) => $"invoice-delivery:{deliveryId}";
}
