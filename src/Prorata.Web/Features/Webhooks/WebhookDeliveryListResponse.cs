using Prorata.Application.Webhooks;

namespace Prorata.Web.Features.Webhooks;

/// <summary>A page of the delivery log, newest first.</summary>
public sealed record WebhookDeliveryListResponse(IReadOnlyList<WebhookDeliveryResponse> Items, int Total, int Page, int PageSize)
{
    public static WebhookDeliveryListResponse From(WebhookDeliveryList list) =>
        new(list.Items.Select(WebhookDeliveryResponse.From).ToList(), list.Total, list.Page, list.PageSize);
}
