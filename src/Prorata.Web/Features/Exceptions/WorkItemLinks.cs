using Prorata.Data.WorkItems;

namespace Prorata.Web.Features.Exceptions;

/// <summary>The page a person opens to act on a work item's subject.</summary>
public static class WorkItemLinks
{
    public static string? Of(WorkItem item) => (item.SubjectKind, item.SubjectId) switch
    {
        (_, null) => Fallback(item),
        (WorkItemSubject.Customer, var id) => $"/customers/{id}",
        (WorkItemSubject.Contract, var id) => $"/contracts/{id}",
        (WorkItemSubject.Subscription, var id) => $"/subscriptions/{id}",
        (WorkItemSubject.Invoice, var id) => $"/invoices/{id}",
        (WorkItemSubject.ReconImport, var id) => $"/reconciliation/{id}",
        (WorkItemSubject.ReconLine, var id) when id.Split('/') is [var import, var row] => $"/reconciliation/{import}/rows/{row}",
        (WorkItemSubject.PartnerCenterCustomer or WorkItemSubject.PartnerCenterSubscription, _) => "/partner-center#issues",
        (WorkItemSubject.WebhookSubscription, var id) => $"/settings/webhooks/{id}",
        _ => Fallback(item),
    };

    private static string? Fallback(WorkItem item) =>
        item.SubscriptionId is { } subscription ? $"/subscriptions/{subscription}"
        : item.ContractId is { } contract ? $"/contracts/{contract}"
        : item.CustomerId is { } customer ? $"/customers/{customer}"
        : null;
}
