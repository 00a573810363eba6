using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Contracts;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Persistence;
using Prorata.Application.Search;
using Prorata.Application.Subscriptions;
using Prorata.Domain.Subscriptions;
using Prorata.Web.Features.Search;

namespace Prorata.Web.Features.Subscriptions;

/// <summary>
/// /api/v1/subscriptions and the subscription pages' form posts. Every change goes through
/// <see cref="SubscriptionChanges"/>: a refusal is 422 with the rule's code and nothing is written.
/// </summary>
public static class SubscriptionEndpoints
{
    public static IEndpointRouteBuilder MapSubscriptions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/subscriptions").WithTags("Subscriptions").RequireAuthorization(Policies.StaffRead);
        group.MapGet("/", ListAsync).WithName("ListSubscriptions").ProducesValidationProblem()
            .WithSummary("Subscriptions matching the filters, with their customer, a page at a time, with the total");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetSubscription");
        group.MapGet("/{id:guid}/changes", ChangesAsync).WithName("ListSubscriptionChanges");
        group.MapPost("/", PurchaseAsync).WithName("CreateSubscription").RequireAuthorization(Policies.SubscriptionsWrite)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status502BadGateway);
        group.MapPost("/preview", PreviewPurchaseAsync).WithName("PreviewPurchase").RequireAuthorization(Policies.SubscriptionsWrite)
            .WithSummary("What a purchase would put on the contract's next invoice (its first, prorated charge); nothing is written")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:guid}/changes/preview", PreviewAsync).WithName("PreviewSubscriptionChange").RequireAuthorization(Policies.SubscriptionsWrite)
            .WithSummary("What a change would put on the contract's next invoice, with and without it; nothing is written")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:guid}/changes", ChangeAsync).WithName("ChangeSubscription").RequireAuthorization(Policies.SubscriptionsWrite)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway);

        // The pages' plain HTML forms post here and are sent back to the page with the outcome in the query string.
        var forms = app.MapGroup("/subscriptions").RequireAuthorization(Policies.SubscriptionsWrite).ExcludeFromDescription();
        forms.MapPost("/new", PurchaseFormAsync);
        forms.MapPost("/{id:guid}/change", ChangeFormAsync);
        return app;
    }

    /// <param name="q">Words in the title or the customer's name, a product or SKU id, or the Microsoft subscription id.</param>
    /// <param name="contractId">Only this contract's subscriptions.</param>
    /// <param name="customerId">Only this customer's subscriptions (all its contracts).</param>
    /// <param name="status">Only this status: active, suspended, cancelled, expired.</param>
    /// <param name="productId">Only this Microsoft product id.</param>
    /// <param name="sort">created (default, newest first), customer, title, seats or status; '-' first for descending.</param>
    /// <param name="page">1-based page; the response's nextPage is the next one.</param>
    /// <param name="pageSize">Rows per page, 1 to 1000 (default 100).</param>
    /// <param name="search">The subscriptions list.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    private static async Task<Results<Ok<ListResponse<SubscriptionResponse>>, ValidationProblem>> ListAsync(string? q, Guid? contractId, Guid? customerId,
        string? status, string? productId, string? sort, int? page, int? pageSize, SubscriptionSearch search, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var query = ListQuery.Read(q, sort, page, pageSize, SubscriptionSearch.Sorts, errors);
        var parsedStatus = string.IsNullOrWhiteSpace(status) ? (SubscriptionStatus?)null : EnumText.Parse(status, SubscriptionStatus.Active, "status", errors);
        if (!errors.IsValid) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "One or more query parameters are invalid.");
        var filter = new SubscriptionFilter { ContractId = contractId, CustomerId = customerId, Status = parsedStatus, ProductId = productId };
        return TypedResults.Ok(ListResponse<SubscriptionResponse>.From(await search.ListAsync(filter, query, cancellationToken), SubscriptionResponse.From));
    }

    private static async Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult>> GetAsync(Guid id, ProrataDbContext db, CancellationToken cancellationToken) =>
        await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is { } s
            ? TypedResults.Ok(SubscriptionResponse.From(s))
            : SaveResultHttp.NotFound($"No subscription has id '{id}'.");

    private static async Task<Ok<List<ChangeLogEntryResponse>>> ChangesAsync(Guid id, ProrataDbContext db, CancellationToken cancellationToken)
    {
        // A subscription made by a partial upgrade begins with the source's upgrade entry.
        var entries = await db.LicenseChangeLog.AsNoTracking().Where(e => e.SubscriptionId == id || e.NewSubscriptionId == id)
            .OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var records = await db.ProvisioningRecords.AsNoTracking().Where(r => r.SubscriptionId == id).ToDictionaryAsync(r => r.LicenseChangeEntryId, cancellationToken);
        return TypedResults.Ok(entries.Select(e => ChangeLogEntryResponse.From(e, records.GetValueOrDefault(e.Id))).ToList());
    }

    private static async Task<Results<Created<ChangeAcceptedResponse>, ValidationProblem, ProblemHttpResult>> PurchaseAsync(
        SubscriptionRequest request, SubscriptionChanges changes, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.ToPurchase(errors) is not { } purchase) return Invalid(errors);
        var outcome = await changes.PurchaseAsync(purchase, ChangeOutcomeHttp.StaffActor(user), cancellationToken);
        return outcome.Subscription is { } s
            ? TypedResults.Created($"/api/v1/subscriptions/{s.Id}", new ChangeAcceptedResponse(SubscriptionResponse.From(s), ChangeLogEntryResponse.From(outcome.Entry!, outcome.Provisioning)))
            : outcome.ToProblem();
    }

    private static async Task<Results<Ok<ChangeAcceptedResponse>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid id, ChangeRequestBody request, SubscriptionChanges changes, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.ToChange(errors) is not { } change) return Invalid(errors);
        var outcome = await changes.ChangeAsync(id, change, ChangeOutcomeHttp.StaffActor(user), cancellationToken);
        return outcome.Subscription is { } s
            ? TypedResults.Ok(new ChangeAcceptedResponse(SubscriptionResponse.From(s), ChangeLogEntryResponse.From(outcome.Entry!))
            {
                NewSubscription = outcome.Created is { } created ? SubscriptionResponse.From(created) : null,
            })
            : outcome.ToProblem();
    }

    private static async Task<Results<Ok<ChangePreviewResponse>, ValidationProblem, ProblemHttpResult>> PreviewAsync(
        Guid id, ChangeRequestBody request, SubscriptionChanges changes, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.ToChange(errors) is not { } change) return Invalid(errors);
        return (await changes.PreviewAsync(id, change, cancellationToken)).ToPreviewResult();
    }

    private static Results<Ok<ChangePreviewResponse>, ValidationProblem, ProblemHttpResult> ToPreviewResult(this ChangePreviewOutcome outcome) => outcome switch
    {
        { Preview: { } preview } => TypedResults.Ok(ChangePreviewResponse.From(preview)),
        { Refusal: { } refusal } => ChangeOutcome.Refused(refusal).ToProblem(),
        _ => ChangeOutcome.Missing(outcome.NotFound!).ToProblem(),
    };

    private static async Task<Results<Ok<ChangePreviewResponse>, ValidationProblem, ProblemHttpResult>> PreviewPurchaseAsync(
        SubscriptionRequest request, SubscriptionChanges changes, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.ToPurchase(errors) is not { } purchase) return Invalid(errors);
        return (await changes.PreviewPurchaseAsync(purchase, cancellationToken)).ToPreviewResult();
    }

    // A form posted without any field binds to null: it is refused like an empty one, naming what is missing.
    private static async Task<RedirectHttpResult> PurchaseFormAsync([FromForm] SubscriptionForm? form, SubscriptionChanges changes, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var purchase = (form ?? new SubscriptionForm()).ToRequest().ToPurchase(errors);
        if (purchase is null) return Back("/subscriptions", error: FirstError(errors));
        var outcome = await changes.PurchaseAsync(purchase, ChangeOutcomeHttp.StaffActor(user), cancellationToken);
        return outcome.Subscription is { } s
            ? Back($"/subscriptions/{s.Id}", message: $"Bought {s.Quantity} × {s.Title}.")
            : Back("/subscriptions", error: Describe(outcome));
    }

    private static async Task<RedirectHttpResult> ChangeFormAsync(Guid id, [FromForm] ChangeForm? form, SubscriptionChanges changes, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var change = (form ?? new ChangeForm()).ToRequest().ToChange(errors);
        if (change is null) return Back($"/subscriptions/{id}", error: FirstError(errors));
        var outcome = await changes.ChangeAsync(id, change, ChangeOutcomeHttp.StaffActor(user), cancellationToken);
        if (outcome.Created is { } created)
            return Back($"/subscriptions/{created.Id}", message: $"Moved {created.Quantity} seats to this new subscription on {created.Title}.");
        return outcome.Subscription is not null
            ? Back($"/subscriptions/{id}", message: $"Recorded: {EnumText.ToWire(change.Type)}.")
            : Back($"/subscriptions/{id}", error: Describe(outcome));
    }

    private static ValidationProblem Invalid(ValidationErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "One or more fields are invalid; nothing was saved.");

    private static string FirstError(ValidationErrors errors) => errors.ToDictionary().First().Value[0];

    private static string Describe(ChangeOutcome outcome) =>
        outcome.Refusal is { } refusal ? $"{refusal.Code}: {refusal.Message}" : outcome.NotFound ?? "Another change was recorded at the same moment; try again.";

    private static RedirectHttpResult Back(string path, string? message = null, string? error = null) =>
        TypedResults.LocalRedirect(message is not null
            ? $"{path}?message={Uri.EscapeDataString(message)}"
            : $"{path}?error={Uri.EscapeDataString(error ?? "")}");
}
