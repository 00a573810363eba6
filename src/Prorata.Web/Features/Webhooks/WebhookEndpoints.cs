using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Prorata.Application;
using Prorata.Application.Webhooks;
using Prorata.Data.Webhooks;
using Prorata.Domain.Contracts;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Persistence;

namespace Prorata.Web.Features.Webhooks;

/// <summary>
/// /api/v1/webhooks, the Owner's only: subscriptions (list, add with the secret shown once, read, change, remove, a new
/// secret), each one's delivery log a page at a time, a delivery with its body and attempts, and redelivery. The webhook
/// pages post their buttons to /settings/webhooks/… and come back with the outcome.
/// </summary>
public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.OwnerOnly);
        group.MapGet("/", ListAsync).WithName("ListWebhooks");
        group.MapGet("/event-types", () => TypedResults.Ok(WebhookEventTypes.Known)).WithName("ListWebhookEventTypes");
        group.MapPost("/", CreateAsync).WithName("CreateWebhook").ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync).WithName("GetWebhook");
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateWebhook").ProducesValidationProblem();
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteWebhook");
        group.MapPost("/{id:guid}/secret", RotateAsync).WithName("RotateWebhookSecret").ProducesValidationProblem();
        group.MapGet("/{id:guid}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries").ProducesValidationProblem();
        group.MapGet("/{id:guid}/deliveries/{deliveryId:guid}", DeliveryAsync).WithName("GetWebhookDelivery");
        group.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", RedeliverAsync).WithName("RedeliverWebhookEvent");

        app.MapPost("/settings/webhooks/{id:guid}/state", StateFormAsync).RequireAuthorization(Policies.OwnerOnly).ExcludeFromDescription();
        app.MapPost("/settings/webhooks/{id:guid}/deliveries/{deliveryId:guid}/redeliver", RedeliverFormAsync).RequireAuthorization(Policies.OwnerOnly).ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<List<WebhookResponse>>> ListAsync(WebhookLog webhooks, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok((await webhooks.ListAsync(cancellationToken)).Select(s => WebhookResponse.From(s, time.GetUtcNow())).ToList());

    private static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> GetAsync(Guid id, WebhookLog webhooks, TimeProvider time,
        CancellationToken cancellationToken) =>
        await webhooks.FindAsync(id, cancellationToken) is { } found ? TypedResults.Ok(WebhookResponse.From(found, time.GetUtcNow())) : SaveResultHttp.NotFound($"No webhook has id '{id}'.");

    private static async Task<Results<Created<WebhookResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(WebhookRequest request, WebhookSubscriptions webhooks,
        ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        var result = await webhooks.CreateAsync(Draft(request), user.Identity?.Name ?? "staff", cancellationToken);
        return result.Outcome switch
        {
            SaveOutcome.Saved => TypedResults.Created($"/api/v1/webhooks/{result.Entity!.Subscription.Id}", WebhookResponse.From(result.Entity, time.GetUtcNow())),
            SaveOutcome.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    private static async Task<Results<Ok<WebhookResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(Guid id, WebhookRequest request, WebhookSubscriptions webhooks,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var result = await webhooks.UpdateAsync(id, Draft(request), request.Version, cancellationToken);
        return result.Outcome switch
        {
            SaveOutcome.Saved => TypedResults.Ok(WebhookResponse.From(result.Entity!, time.GetUtcNow())),
            SaveOutcome.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, WebhookSubscriptions webhooks, CancellationToken cancellationToken) =>
        await webhooks.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : SaveResultHttp.NotFound($"No webhook has id '{id}'.");

    private static async Task<Results<Ok<WebhookResponse>, ValidationProblem, ProblemHttpResult>> RotateAsync(Guid id, RotateSecretRequest request,
        WebhookSubscriptions webhooks, TimeProvider time, CancellationToken cancellationToken)
    {
        var result = await webhooks.RotateSecretAsync(id, request.GraceHours, cancellationToken);
        return result.Outcome switch
        {
            SaveOutcome.Saved => TypedResults.Ok(WebhookResponse.From(result.Entity!, time.GetUtcNow())),
            SaveOutcome.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    private static async Task<Results<Ok<WebhookDeliveryListResponse>, ValidationProblem, ProblemHttpResult>> DeliveriesAsync(Guid id, string? state, int? page, int? pageSize,
        WebhookLog webhooks, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (!WebhookLogFilter.TryRead(state, page, pageSize, errors, out var chosen))
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "One or more query parameters are invalid.");
        if (await webhooks.FindAsync(id, cancellationToken) is null) return SaveResultHttp.NotFound($"No webhook has id '{id}'.");
        return TypedResults.Ok(WebhookDeliveryListResponse.From(await webhooks.DeliveriesAsync(id, chosen, page ?? 1, pageSize ?? 50, cancellationToken)));
    }

    private static async Task<Results<Ok<WebhookDeliveryResponse>, ProblemHttpResult>> DeliveryAsync(Guid id, Guid deliveryId, WebhookLog webhooks,
        CancellationToken cancellationToken) =>
        await webhooks.DeliveryAsync(id, deliveryId, cancellationToken) is { } delivery
            ? TypedResults.Ok(WebhookDeliveryResponse.WithLog(delivery))
            : SaveResultHttp.NotFound($"Webhook '{id}' has no delivery '{deliveryId}'.");

    private static async Task<Results<Accepted<WebhookDeliveryResponse>, ProblemHttpResult>> RedeliverAsync(Guid id, Guid deliveryId, WebhookSubscriptions webhooks,
        CancellationToken cancellationToken)
    {
        var result = await webhooks.RedeliverAsync(id, deliveryId, cancellationToken);
        return result.Outcome == SaveOutcome.Saved
            ? TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries/{deliveryId}", WebhookDeliveryResponse.From(result.Entity!))
            : result.ToProblem();
    }

    /// <summary>The webhook page's buttons: <paramref name="action"/> is activate, deactivate or delete.</summary>
    private static async Task<RedirectHttpResult> StateFormAsync(Guid id, [FromForm] string action, WebhookSubscriptions webhooks, CancellationToken cancellationToken)
    {
        if (action == "delete")
        {
            var removed = await webhooks.DeleteAsync(id, cancellationToken);
            return TypedResults.LocalRedirect($"/settings/webhooks?message={Uri.EscapeDataString(removed ? "Webhook removed with its delivery log." : "No such webhook.")}");
        }
        var result = action switch
        {
            "activate" => await webhooks.SetActiveAsync(id, true, cancellationToken),
            "deactivate" => await webhooks.SetActiveAsync(id, false, cancellationToken),
            _ => SaveResult<WebhookSubscription>.Invalid(new Dictionary<string, string[]> { ["action"] = [$"action must be activate, deactivate or delete; got '{action}'."] }),
        };
        var message = result.Outcome == SaveOutcome.Saved
            ? result.Entity!.Active ? "Webhook active: new events are sent to it." : "Webhook inactive: it is sent nothing until it is activated again."
            : result.Message ?? string.Join(" ", result.Errors.Values.SelectMany(e => e));
        return TypedResults.LocalRedirect($"/settings/webhooks/{id}?message={Uri.EscapeDataString(message)}");
    }

    private static async Task<RedirectHttpResult> RedeliverFormAsync(Guid id, Guid deliveryId, WebhookSubscriptions webhooks, CancellationToken cancellationToken)
    {
        var result = await webhooks.RedeliverAsync(id, deliveryId, cancellationToken);
        var message = result.Outcome == SaveOutcome.Saved ? "Redelivery queued: it is sent in a moment." : result.Message!;
        return TypedResults.LocalRedirect($"/settings/webhooks/{id}/deliveries/{deliveryId}?message={Uri.EscapeDataString(message)}");
    }

    private static WebhookDraft Draft(WebhookRequest request) => new(request.Url, request.EventTypes, request.Description, request.Active);
}
