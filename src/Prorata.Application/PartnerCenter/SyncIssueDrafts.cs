using Prorata.Application.WorkItems;
using Prorata.Data.WorkItems;
using Prorata.Integrations.PartnerCenter.Sync;

namespace Prorata.Application.PartnerCenter;

/// <summary>A Partner Center sync exception as a work item: about the Partner Center subscription, else its customer.</summary>
public static class SyncIssueDrafts
{
    public static WorkItemDraft Draft(SyncIssue issue)
    {
        var customer = string.IsNullOrEmpty(issue.CustomerId) ? null : issue.CustomerId;
        var (subject, subjectId) = issue.SubscriptionId is { } subscription ? (WorkItemSubject.PartnerCenterSubscription, subscription)
            : customer is not null ? (WorkItemSubject.PartnerCenterCustomer, customer)
            : (WorkItemSubject.None, (string?)null);
        return new WorkItemDraft(issue.Kind == SyncExceptionKind.ProvisioningFailed ? WorkItemKind.ProvisioningFailure : WorkItemKind.SyncIssue,
            issue.Kind.ToString(), subject, subjectId, issue.Message)
        {
            PartnerCenterCustomerId = customer,
            PartnerCenterSubscriptionId = issue.SubscriptionId,
        };
    }
}
