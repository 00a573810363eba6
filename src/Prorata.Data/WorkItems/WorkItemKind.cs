namespace Prorata.Data.WorkItems;

/// <summary>
/// What kind of thing needs a person. Each kind has its own codes (<see cref="WorkItem.Code"/>): a sync issue's
/// <c>Orphan</c>, a billing alert's <c>MissingPricingStrategy</c>, a replay refusal's <c>SubscriptionNotActive</c>…
/// </summary>
public enum WorkItemKind
{
    /// <summary>Partner Center and Prorata disagree, or the connection needs the Owner (orphan, mismatch, consent).</summary>
    SyncIssue,

    /// <summary>The billing run billed something a person must confirm, or could not price it.</summary>
    BillingAlert,

    /// <summary>A change-log entry the engine could not apply when it replayed the log: money it cannot bill on its own.</summary>
    ReplayRefusal,

    /// <summary>A line of Microsoft's invoice that does not match what Prorata expected, or a charge Prorata does not bill on.</summary>
    ReconDiscrepancy,

    /// <summary>A purchase or seat increase that has not reached Microsoft.</summary>
    ProvisioningFailure,

    /// <summary>A message to an outside system that kept failing.</summary>
    DeliveryFailure,

    /// <summary>A contract the billing run could not bill at all; the run went on without it.</summary>
    BillingFailure,

    /// <summary>Azure usage of a plan no Prorata subscription is linked to: unbilled until one is.</summary>
    UnbilledUsage,

    /// <summary>
    /// An invoice that cannot go out as it should: a customer nobody decided the tax of, a seller without an address, a
    /// tax provider that does not answer, an e-mail that did not arrive.
    /// </summary>
    InvoiceProblem,

    /// <summary>A line billed under its provider cost plus the margin floor: a stacked promotion, a price rise not passed on.</summary>
    MarginBelowFloor,

    /// <summary>An event a webhook endpoint refused, or did not take after the outbox's last attempt: redeliver once it is fixed.</summary>
    WebhookFailure,
}
