using Microsoft.EntityFrameworkCore;
using Prorata.Application.Outbox;
using Prorata.Application.Webhooks.Events;
using Prorata.Data;
using Prorata.Data.Contracts;
using Prorata.Data.Customers;
using Prorata.Data.Invoices;
using Prorata.Data.Outbox;
using Prorata.Data.Receivables;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Contracts;

namespace Prorata.Application.Webhooks;

/// <summary>
/// Writes what happened into the outbox, in the caller's unit of work, for the webhook subscriptions to receive. An event
/// is written only while an active subscription wants its type, so that an installation without webhooks queues nothing;
/// a subscription receives the events that happen after it was made.
/// </summary>
public static class DomainEvents
{
    public static DomainEvent InvoiceIssued(CustomerInvoice invoice, DateTimeOffset now) =>
        New(invoice.Kind == InvoiceKind.CreditNote ? WebhookEventTypes.CreditNoteIssued : WebhookEventTypes.InvoiceIssued, new InvoiceReference(invoice.Id), now);

    public static DomainEvent PaymentRecorded(Payment payment) =>
        New(WebhookEventTypes.PaymentRecorded, new PaymentRecordedData(payment.Id, payment.CustomerId, payment.Currency, payment.Amount, payment.ReceivedAt,
            EnumText.ToWire(payment.Method), EnumText.ToWire(payment.Provider), payment.Reference, payment.InvoiceId), payment.RecordedAt);

    /// <summary>After <see cref="ChangeLog.Append"/>: the entry has its sequence and the subscription its new state.</summary>
    /// <param name="subscription">The subscription the entry changed.</param>
    /// <param name="entry">The appended entry.</param>
    /// <param name="customerId">The contract's customer when the caller knows it; the fan-out reads it from the contract otherwise.</param>
    public static DomainEvent SubscriptionChanged(CustomerSubscription subscription, LicenseChangeEntry entry, Guid? customerId) =>
        New(WebhookEventTypes.SubscriptionChanged, new SubscriptionChangedData(subscription.Id, subscription.ContractId, customerId, entry.Sequence,
            EnumText.ToWire(entry.Type), entry.At, EnumText.ToWire(entry.Source), entry.Quantity, EnumText.ToWire(subscription.Status), subscription.Quantity,
            subscription.AutoRenew, subscription.ProductId, subscription.SkuId, entry.AwaitingProvisioning), entry.RecordedAt);

    public static DomainEvent CustomerChanged(Customer customer, bool created) =>
        New(WebhookEventTypes.CustomerChanged, new CustomerChangedData(customer.Id, created ? "created" : "updated", customer.Name, customer.Currency,
            customer.BillingEmail, customer.ParentCustomerId, customer.CreditHold, customer.Version), customer.UpdatedAt);

    public static DomainEvent InvoiceVoided(CustomerInvoice invoice, Guid customerId, DateTimeOffset voidedAt) =>
        New(WebhookEventTypes.InvoiceVoided, new InvoiceVoidedData(invoice.Id, invoice.DisplayNumber, customerId, invoice.ContractId, invoice.Currency,
            invoice.BillingDate, invoice.Total, voidedAt), voidedAt);

    public static DomainEvent PaymentReversed(Payment payment, PaymentReversal reversal) =>
        New(WebhookEventTypes.PaymentReversed, new PaymentReversedData(payment.Id, payment.CustomerId, payment.Currency, payment.Amount, payment.Reference,
            EnumText.ToWire(reversal.Reason), reversal.ReversedAt), reversal.ReversedAt);

    public static DomainEvent ContractChanged(BillingContract contract, bool created) =>
        New(WebhookEventTypes.ContractChanged, new ContractChangedData(contract.Id, contract.CustomerId, created ? "created" : "updated", contract.Currency,
            contract.BillingDay, EnumText.ToWire(contract.InvoiceCadence), contract.PaymentTermsDays, contract.LegalEntityId, contract.Version), contract.UpdatedAt);

    /// <summary>Whether an active subscription wants <paramref name="type"/>: a path that writes many events asks once.</summary>
    public static async Task<bool> WantedAsync(ProrataDbContext db, string type, CancellationToken cancellationToken)
    {
        var subscribed = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Active).Select(s => s.EventTypes).ToListAsync(cancellationToken);
        return subscribed.Any(types => WebhookEventTypes.Includes(types, type));
    }

    /// <summary>Queues the event, unasked: for a caller that checked <see cref="WantedAsync"/>.</summary>
    public static void Record(ProrataDbContext db, DomainEvent domainEvent, Guid? customerId, Guid? subscriptionId = null) =>
        OutboxWriter.Enqueue(db, OutboxTopic.DomainEvent, domainEvent.Key, domainEvent, domainEvent.OccurredAt, customerId, subscriptionId);

    /// <summary>Queues the event when an active subscription wants its type.</summary>
    public static async Task RecordAsync(ProrataDbContext db, DomainEvent domainEvent, Guid? customerId, CancellationToken cancellationToken, Guid? subscriptionId = null)
    {
        if (await WantedAsync(db, domainEvent.Type, cancellationToken)) Record(db, domainEvent, customerId, subscriptionId);
    }

    private static DomainEvent New(string type, object data, DateTimeOffset occurredAt) => new(Guid.CreateVersion7(occurredAt), type, occurredAt, data);
}
