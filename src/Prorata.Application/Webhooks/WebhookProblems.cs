using Prorata.Application.WorkItems;
using Prorata.Data.Webhooks;
using Prorata.Data.WorkItems;

namespace Prorata.Application.Webhooks;

/// <summary>
/// The work items of webhook deliveries, one open item per endpoint and code: an endpoint that stays down counts its
/// undelivered events as occurrences, and the item links to the subscription's delivery log, where they are redelivered.
/// </summary>
public static class WebhookProblems
{
    /// <summary>The endpoint answered a 3xx or 4xx (other than 408 and 429): the event is not sent again by itself.</summary>
    public const string EndpointRefused = "EndpointRefused";

    /// <summary>The endpoint failed every attempt the outbox makes (no answer, 5xx, 429).</summary>
    public const string DeliveryAbandoned = "DeliveryAbandoned";

    public static WorkItemDraft Refused(WebhookSubscription subscription, WebhookDelivery delivery, string answer) =>
        new(WorkItemKind.WebhookFailure, EndpointRefused, WorkItemSubject.WebhookSubscription, subscription.Id.ToString(),
            $"{subscription.Url} refused the {delivery.EventType} event {delivery.EventId} ({answer}); it is not sent again by itself. "
            + "Fix the endpoint, then redeliver the event from the webhook's delivery log.");

    public static WorkItemDraft Abandoned(WebhookSubscription subscription, WebhookDelivery delivery, int attempts, string last) =>
        new(WorkItemKind.WebhookFailure, DeliveryAbandoned, WorkItemSubject.WebhookSubscription, subscription.Id.ToString(),
            $"{subscription.Url} did not take the {delivery.EventType} event {delivery.EventId} in {attempts} attempts (last: {last}). "
            + "Redeliver it from the webhook's delivery log once the endpoint answers.");
}
