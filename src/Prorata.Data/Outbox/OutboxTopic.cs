namespace Prorata.Data.Outbox;

/// <summary>What an outbox message asks for; each topic has one handler.</summary>
public enum OutboxTopic
{
    /// <summary>A change of a linked subscription sent to Partner Center while the person waits (seat change, cancellation, upgrade…).</summary>
    PartnerCenterChange,

    /// <summary>A purchase placed in Partner Center while the person waits.</summary>
    PartnerCenterPurchase,

    /// <summary>What waited for a credit hold to lift, sent to Partner Center after the lift.</summary>
    PartnerCenterRelease,

    /// <summary>A draft invoice to issue once its legal entity's tax provider answers (Avalara was down when it was due).</summary>
    InvoiceIssue,

    /// <summary>An issued invoice to e-mail (PDF and UBL) to its customer's billing addresses.</summary>
    InvoiceDelivery,

    /// <summary>An issued or voided invoice to settle in its customer's receivables (credit applied, hold followed).</summary>
    ReceivablesUpdate,

    /// <summary>A payment reminder of an overdue invoice to e-mail to the customer (dunning).</summary>
    PaymentReminder,

    /// <summary>One attempt to collect an invoice from the customer's saved card, SEPA debit or Direct Debit mandate.</summary>
    AutoCharge,

    /// <summary>
    /// Something that happened (an invoice issued, a payment recorded…), written only while an active webhook subscription
    /// wants its type: fanned out into one webhook delivery per subscription that does.
    /// </summary>
    DomainEvent,

    /// <summary>One event POSTed, signed, to one webhook subscription's endpoint.</summary>
    WebhookDelivery,

    /// <summary>A customer portal invitation to e-mail: its one-time link, encrypted with the key ring while it waits.</summary>
    PortalInvitation,
}
