using Prorata.Data.Webhooks;
using Prorata.Domain.Contracts;

namespace Prorata.Application.Webhooks;

/// <summary>The delivery log's filter as the API, the pages and the command line read it: a state (all when absent), a page from 1, a page size.</summary>
public static class WebhookLogFilter
{
    public static bool TryRead(string? state, int? page, int? pageSize, ValidationErrors errors, out WebhookDeliveryState? chosen)
    {
        chosen = string.IsNullOrWhiteSpace(state) ? null : EnumText.Parse(state, default(WebhookDeliveryState), "state", errors);
        if (page is < 1) errors.Add("page", $"page must be 1 or more; got {page}.");
        if (pageSize is < 1 or > WebhookLog.MaxPageSize) errors.Add("pageSize", $"pageSize must be between 1 and {WebhookLog.MaxPageSize}; got {pageSize}.");
        return errors.IsValid;
    }
}
