using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Prorata.Application.Outbox;
using Prorata.Application.Webhooks.Events;
using Prorata.Data;
using Prorata.Data.Invoices;
using Prorata.Data.Outbox;
using Prorata.Data.Webhooks;
using Prorata.Domain.Contracts;

namespace Prorata.Application.Webhooks;

/// <summary>
/// Turns a domain event into one delivery per active subscription that wants its type and existed when it happened, each
/// with its own outbox message. The body is fixed here, once per event: every subscription and every attempt sends the
/// same bytes. Run again for the same event (after a stop), it adds only the deliveries still missing.
/// </summary>
public sealed class WebhookFanOut(ProrataDbContext db, TimeProvider time, OutboxSignal signal) : IOutboxHandler
{
    /// <summary>
    /// The body as a receiver reads it: camelCase, and text as written ("+00:00", "&amp;", "ß") rather than escaped for
    /// embedding in HTML, which a webhook body never is.
    /// </summary>
    private static readonly JsonSerializerOptions Body = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public OutboxTopic Topic => OutboxTopic.DomainEvent;

    public async Task<OutboxDelivery> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var body = JsonNode.Parse(message.Payload)!.AsObject();
        var id = body["id"]!.GetValue<Guid>();
        var type = body["type"]!.GetValue<string>();
        var occurredAt = body["occurredAt"]!.GetValue<DateTimeOffset>();
        var subscriptions = (await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Active && s.CreatedAt <= occurredAt).ToListAsync(cancellationToken))
            .Where(s => WebhookEventTypes.Includes(s.EventTypes, type)).ToList();
        var made = await db.WebhookDeliveries.AsNoTracking().Where(d => d.EventId == id).Select(d => d.SubscriptionId).ToListAsync(cancellationToken);
        var missing = subscriptions.Where(s => !made.Contains(s.Id)).ToList();
        if (missing.Count == 0) return OutboxDelivery.Done;

        if (await DataAsync(type, body["data"]!, cancellationToken) is not { } data)
            return OutboxDelivery.Refused($"The {type} event {id} names an invoice that is not issued; nothing was sent.");
        if (!ReferenceEquals(data, body["data"])) body["data"] = data;
        var payload = body.ToJsonString(Body);
        var now = time.GetUtcNow();
        foreach (var subscription in missing)
        {
            var delivery = new WebhookDelivery
            {
                Id = Guid.CreateVersion7(now),
                SubscriptionId = subscription.Id,
                EventId = id,
                EventType = type,
                OccurredAt = occurredAt,
                Payload = payload,
                State = WebhookDeliveryState.Pending,
                CreatedAt = now,
                NextAttemptAt = now,
            };
            db.WebhookDeliveries.Add(delivery);
            OutboxWriter.Enqueue(db, OutboxTopic.WebhookDelivery, WebhookDeliveryRequest.Key(delivery.Id), new WebhookDeliveryRequest(delivery.Id), now,
                message.CustomerId, message.SubscriptionId);
        }
        // The worker takes the deliveries on its next turn, right after this save, rather than at its next poll.
        signal.Queued();
        return OutboxDelivery.Done;
    }

    /// <summary>
    /// The event's data as sent. An invoice event's is read from the issued invoice, which never changes after issue; a
    /// subscription change written by a Partner Center sync gets its customer from the contract, which never changes customer.
    /// </summary>
    private async Task<JsonNode?> DataAsync(string type, JsonNode data, CancellationToken cancellationToken)
    {
        switch (type)
        {
            case WebhookEventTypes.InvoiceIssued or WebhookEventTypes.CreditNoteIssued:
                var invoiceId = data.Deserialize<InvoiceReference>(OutboxWriter.Json)!.InvoiceId;
                var issued = await (from i in db.Invoices.AsNoTracking()
                                    join c in db.BillingContracts on i.ContractId equals c.Id
                                    where i.Id == invoiceId && i.Status != InvoiceStatus.Draft && i.Number != null
                                    select new { Invoice = i, c.CustomerId }).FirstOrDefaultAsync(cancellationToken);
                if (issued is null) return null;
                var invoice = issued.Invoice;
                return JsonSerializer.SerializeToNode(new InvoiceIssuedData(invoice.Id, invoice.DisplayNumber!, EnumText.ToWire(invoice.Kind), invoice.CreditedInvoiceId,
                    issued.CustomerId, invoice.ContractId, invoice.LegalEntityId, invoice.Currency, invoice.BillingDate, invoice.DueDate, invoice.Subtotal, invoice.TaxTotal,
                    invoice.Total, invoice.IssuedAt!.Value), OutboxWriter.Json);
            case WebhookEventTypes.SubscriptionChanged when data["customerId"] is null:
                var contractId = data["contractId"]!.GetValue<Guid>();
                data["customerId"] = await db.BillingContracts.AsNoTracking().Where(c => c.Id == contractId).Select(c => c.CustomerId).FirstAsync(cancellationToken);
                return data;
            default:
                return data;
        }
    }
}
