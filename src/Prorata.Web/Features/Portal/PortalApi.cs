using Microsoft.AspNetCore.Http.HttpResults;
using Prorata.Application.Portal;
using Prorata.Domain.Contracts;
using Prorata.Web.Features.Subscriptions;
using Prorata.Web.Infrastructure.Auth;

namespace Prorata.Web.Features.Portal;

/// <summary>
/// The portal's JSON API (/portal/api/v1) for a customer's own programs and apps, on the portal cookie: the same reads and
/// the same guarded purchases and changes as the pages, through the same services. A refusal is a 422 naming its code and,
/// for a closed NCE window, the day it becomes possible; a submission that costs money without confirm: true is a 422
/// NotConfirmed carrying the preview.
/// </summary>
public static class PortalApi
{
    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/portal/api/v1").RequireAuthorization(PortalCookie.Reader).WithTags("Customer portal").WithGroupName(PortalFeature.OpenApiDocument);
        api.MapGet("/subscriptions", async (HttpContext http, PortalViews views, CancellationToken ct) =>
            TypedResults.Ok((await views.SubscriptionsAsync(PortalEndpoints.Caller(http), ct)).Select(PortalSubscriptionResponse.From).ToList()));
        api.MapGet("/subscriptions/{id:guid}", async Task<Results<Ok<PortalSubscriptionResponse>, NotFound>> (Guid id, HttpContext http, PortalViews views, CancellationToken ct) =>
            await views.SubscriptionAsync(PortalEndpoints.Caller(http), id, ct) is { } s ? TypedResults.Ok(PortalSubscriptionResponse.From(s)) : TypedResults.NotFound());
        api.MapGet("/offers", async (HttpContext http, PortalCatalog catalog, CancellationToken ct) =>
            TypedResults.Ok((await catalog.OffersAsync(PortalEndpoints.Caller(http).CustomerId, ct)).Select(PortalOfferResponse.From).ToList()));
        api.MapGet("/invoices", async (HttpContext http, PortalViews views, CancellationToken ct) =>
            TypedResults.Ok((await views.InvoicesAsync(PortalEndpoints.Caller(http), ct)).Select(PortalInvoiceResponse.From).ToList()));
        api.MapGet("/invoices/{id:guid}", async Task<Results<Ok<PortalInvoiceResponse>, NotFound>> (Guid id, HttpContext http, PortalViews views, CancellationToken ct) =>
            await views.InvoiceAsync(PortalEndpoints.Caller(http), id, ct) is { } i ? TypedResults.Ok(PortalInvoiceResponse.From(i)) : TypedResults.NotFound());
        api.MapGet("/requests", async (HttpContext http, PortalViews views, CancellationToken ct) =>
            TypedResults.Ok((await views.RequestsAsync(PortalEndpoints.Caller(http), ct)).Select(PortalRequestResponse.From).ToList()));
        api.MapGet("/usage", async (HttpContext http, PortalViews views, CancellationToken ct) =>
            TypedResults.Ok((await views.UsageAsync(PortalEndpoints.Caller(http), ct))
                .Select(u => new PortalUsageResponse(u.Month, u.SubscriptionId, u.Title, u.Currency, u.Amount)).ToList()));

        var admin = api.MapGroup("").RequireAuthorization(PortalCookie.Admin);
        admin.MapGet("/users", async (HttpContext http, PortalAccounts accounts, CancellationToken ct) =>
            TypedResults.Ok((await accounts.UsersOfAsync(PortalEndpoints.Caller(http).CustomerId, ct)).Select(PortalUserResponse.From).ToList()));
        admin.MapPost("/subscriptions/{id:guid}/changes/preview", async (Guid id, PortalChangeBody body, HttpContext http, PortalOrders orders, CancellationToken ct) =>
            ChangeOf(body, out var change) is { } invalid ? invalid : Decision(await orders.PreviewChangeAsync(PortalEndpoints.Caller(http), id, change!, ct)));
        admin.MapPost("/subscriptions/{id:guid}/changes", async (Guid id, PortalChangeBody body, HttpContext http, PortalOrders orders, CancellationToken ct) =>
            ChangeOf(body, out var change) is { } invalid ? invalid
            : Submission(await orders.ChangeAsync(PortalEndpoints.Caller(http), id, change!, body.Confirm ?? false, ct)));
        admin.MapPost("/offers/{id:guid}/preview", async (Guid id, PortalPurchaseBody body, HttpContext http, PortalOrders orders, CancellationToken ct) =>
            SeatsOf(body) is { } invalid ? invalid : Decision(await orders.PreviewPurchaseAsync(PortalEndpoints.Caller(http), id, body.Quantity!.Value, ct)));
        admin.MapPost("/offers/{id:guid}/purchase", async (Guid id, PortalPurchaseBody body, HttpContext http, PortalOrders orders, CancellationToken ct) =>
            SeatsOf(body) is { } invalid ? invalid
            : Submission(await orders.PurchaseAsync(PortalEndpoints.Caller(http), id, body.Quantity!.Value, body.Confirm ?? false, ct)));
        admin.MapPost("/requests/{id:guid}/withdraw", async (Guid id, HttpContext http, PortalApprovals approvals, CancellationToken ct) =>
        {
            var result = await approvals.WithdrawAsync(PortalEndpoints.Caller(http), id, ct);
            return result.Entity is { } r ? Results.Ok(PortalRequestResponse.From(r))
                : result.Outcome == Application.SaveOutcome.NotFound ? Results.NotFound() : Results.Problem(result.Message, statusCode: StatusCodes.Status409Conflict);
        });
        api.MapPost("/invoices/{id:guid}/pay", async (Guid id, HttpContext http, PortalPayments payments, CancellationToken ct) =>
        {
            var outcome = await payments.PayAsync(PortalEndpoints.Caller(http), id, ct);
            return outcome.State switch
            {
                PortalPaymentState.NotFound => Results.NotFound(),
                PortalPaymentState.Paid or PortalPaymentState.Processing => Results.Ok(new { state = outcome.State.ToString(), message = outcome.Message }),
                _ => Results.Problem(outcome.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: outcome.State.ToString()),
            };
        }).RequireAuthorization(PortalCookie.Payer);
        return app;
    }

    private static IResult? ChangeOf(PortalChangeBody body, out Application.Subscriptions.ChangeRequest? change)
    {
        var errors = new ValidationErrors();
        change = new ChangeRequestBody(body.Type, body.Quantity, body.Enabled, null, null, null, null).ToChange(errors);
        return change is null ? TypedResults.ValidationProblem(errors.ToDictionary(), title: "One or more fields are invalid; nothing was changed.") : null;
    }

    private static IResult? SeatsOf(PortalPurchaseBody body) => body.Quantity is >= 1 and <= InputBounds.MaxSeats ? null
        : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["quantity"] = [$"quantity must be between 1 and {InputBounds.MaxSeats:N0}; got {body.Quantity}."] });

    private static IResult Decision(PortalDecision decision) =>
        decision.NotFound is not null ? TypedResults.NotFound()
        : decision.Refused is not null ? Refusal(decision)
        : TypedResults.Ok(PortalDecisionResponse.From(decision));

    private static IResult Submission(PortalSubmission submission)
    {
        var decision = submission.Decision;
        if (decision.NotFound is not null) return TypedResults.NotFound();
        if (submission.Queued is { } request)
            return TypedResults.Accepted($"/portal/api/v1/requests", new PortalSubmissionResponse("awaitingApproval", null, request.Id, request.Reason));
        if (submission.Applied?.Subscription is { } subscription)
            return TypedResults.Ok(new PortalSubmissionResponse("done", subscription.Id, null, decision.HoldNotice ?? "Done."));
        if (decision.Refused is not null) return Refusal(decision);
        return TypedResults.Problem(submission.Problem, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Refused when applied.");
    }

    private static IResult Refusal(PortalDecision decision) => TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Title = decision.RefusalCode,
        Detail = decision.Refused,
        Extensions =
        {
            ["code"] = decision.RefusalCode,
            ["possibleFrom"] = decision.PossibleFrom?.ToString("yyyy-MM-dd"),
            ["preview"] = decision.Preview is null ? null : PortalDecisionResponse.From(decision),
        },
    });
}
