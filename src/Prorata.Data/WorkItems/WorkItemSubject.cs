namespace Prorata.Data.WorkItems;

/// <summary>What a work item is about; with <see cref="WorkItem.SubjectId"/> it gives the page a person goes to.</summary>
public enum WorkItemSubject
{
    None,
    Customer,
    Contract,
    Subscription,

    /// <summary>One entry of a subscription's license change log (its id).</summary>
    ChangeLogEntry,
    Invoice,
    ReconLine,
    ReconImport,
    PartnerCenterCustomer,
    PartnerCenterSubscription,
    OutboxMessage,
    LegalEntity,

    /// <summary>A webhook subscription (its id): the page with its delivery log.</summary>
    WebhookSubscription,
}
