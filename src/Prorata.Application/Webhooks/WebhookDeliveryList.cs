using Prorata.Data.Webhooks;

namespace Prorata.Application.Webhooks;

/// <summary>One page of a subscription's delivery log, newest first.</summary>
public sealed record WebhookDeliveryList(IReadOnlyList<WebhookDelivery> Items, int Total, int Page, int PageSize);
