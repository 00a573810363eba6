using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Prorata.Application.Exceptions;
using Prorata.Application.WorkItems;
using Prorata.Data;
using Prorata.Data.WorkItems;
using Prorata.Domain.Contracts;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Persistence;

namespace Prorata.Web.Features.Exceptions;

/// <summary>
/// GET /api/v1/exceptions (the dashboard's figures) and /api/v1/work-items: list with filters and paging, one with its
/// history, and the workflow (assign, note, resolve, reopen, resolve many). Every staff role reads; Owner, BillingAdmin
/// and Finance act. The Exceptions pages post their forms to /exceptions/… and come back with the outcome.
/// </summary>
public static partial class ExceptionsEndpoints
{
    private const string Invalid = "One or more fields are invalid; nothing was changed.";

    public static IEndpointRouteBuilder MapExceptions(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/exceptions", (ProrataDbContext db, CancellationToken cancellationToken) => OpenExceptions.LoadAsync(db, cancellationToken))
            .WithName("GetExceptions").WithTags("Exceptions").RequireAuthorization(Policies.StaffRead);

        var items = app.MapGroup("/api/v1/work-items").WithTags("Work items").RequireAuthorization(Policies.StaffRead);
        items.MapGet("/", ListAsync).WithName("ListWorkItems");
        items.MapGet("/{id:long}", GetAsync).WithName("GetWorkItem");
        items.MapPost("/{id:long}/assign", (long id, AssignWorkItemRequest request, WorkItemActions actions, ClaimsPrincipal user, CancellationToken cancellationToken) =>
                AnswerAsync(actions.AssignAsync(id, request.Assignee, Actor(user), cancellationToken), "assignee"))
            .WithName("AssignWorkItem").RequireAuthorization(Policies.BillingWrite);
        items.MapPost("/{id:long}/notes", (long id, WorkItemNoteRequest request, WorkItemActions actions, ClaimsPrincipal user, CancellationToken cancellationToken) =>
                AnswerAsync(actions.AddNoteAsync(id, request.Text, Actor(user), cancellationToken), "text"))
            .WithName("AddWorkItemNote").RequireAuthorization(Policies.BillingWrite);
        items.MapPost("/{id:long}/resolve", (long id, ResolveWorkItemRequest request, WorkItemActions actions, ClaimsPrincipal user, CancellationToken cancellationToken) =>
                AnswerAsync(actions.ResolveAsync(id, request.Resolution, Actor(user), cancellationToken), "resolution"))
            .WithName("ResolveWorkItem").RequireAuthorization(Policies.BillingWrite);
        items.MapPost("/{id:long}/reopen", (long id, ReopenWorkItemRequest request, WorkItemActions actions, ClaimsPrincipal user, CancellationToken cancellationToken) =>
                AnswerAsync(actions.ReopenAsync(id, request.Reason, Actor(user), cancellationToken), "reason"))
            .WithName("ReopenWorkItem").RequireAuthorization(Policies.BillingWrite);
        items.MapPost("/resolve", ResolveManyAsync).WithName("ResolveWorkItems").RequireAuthorization(Policies.BillingWrite);

        app.MapPost("/exceptions/resolve", ResolveManyFormAsync).RequireAuthorization(Policies.BillingWrite).ExcludeFromDescription();
        app.MapPost("/exceptions/{id:long}", ActFormAsync).RequireAuthorization(Policies.BillingWrite).ExcludeFromDescription();
        return app;
    }

    /// <summary>Reads the list's query: <c>state</c> open (default), resolved or all; <c>kind</c> a kind's name; ids; page from 1.</summary>
    public static WorkItemFilter? Filter(string? state, string? kind, string? code, string? assignedTo, Guid? customerId, Guid? contractId, Guid? subscriptionId,
        string? q, int? page, int? pageSize, ValidationErrors errors)
    {
        WorkItemState? chosen = (state ?? "open").Trim().ToLowerInvariant() switch
        {
            "open" => WorkItemState.Open,
            "resolved" => WorkItemState.Resolved,
            "all" => null,
            _ => Refuse(errors, "state", $"state must be open, resolved or all; got '{state}'."),
        };
        var kindValue = string.IsNullOrWhiteSpace(kind) ? (WorkItemKind?)null : EnumText.Parse(kind, default(WorkItemKind), "kind", errors);
        if (page is < 1) errors.Add("page", $"page must be 1 or more; got {page}.");
        if (pageSize is < 1 or > WorkItemFilter.MaxPageSize) errors.Add("pageSize", $"pageSize must be between 1 and {WorkItemFilter.MaxPageSize}; got {pageSize}.");
        if (q is { Length: > 200 }) errors.Add("q", $"q must be at most 200 characters; got {q.Length}.");
        if (!errors.IsValid) return null;
        return new WorkItemFilter
        {
            State = chosen, Kind = kindValue, Code = code, AssignedTo = assignedTo, CustomerId = customerId, ContractId = contractId, SubscriptionId = subscriptionId,
            Text = q, Page = page ?? 1, PageSize = pageSize ?? WorkItemFilter.DefaultPageSize,
        };
    }

    private static async Task<Results<Ok<WorkItemListResponse>, ValidationProblem>> ListAsync(string? state, string? kind, string? code, string? assignedTo,
        Guid? customerId, Guid? contractId, Guid? subscriptionId, string? q, int? page, int? pageSize, WorkItemSearch search, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (Filter(state, kind, code, assignedTo, customerId, contractId, subscriptionId, q, page, pageSize, errors) is not { } filter)
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "One or more query parameters are invalid.");
        var found = await search.ListAsync(filter, cancellationToken);
        return TypedResults.Ok(new WorkItemListResponse(found.Items.Select(i => WorkItemResponse.From(i)).ToList(), found.Total, found.Page, found.PageSize,
            found.AtStake, found.PerKind.ToDictionary(k => EnumText.ToWire(k.Key), k => k.Value)));
    }

    private static async Task<Results<Ok<WorkItemResponse>, ProblemHttpResult>> GetAsync(long id, WorkItemSearch search, CancellationToken cancellationToken) =>
        await search.FindAsync(id, cancellationToken) is { } item
            ? TypedResults.Ok(WorkItemResponse.From(item, withNotes: true))
            : SaveResultHttp.NotFound($"No work item has id {id}.");

    private static async Task<Results<Ok<List<WorkItemResponse>>, ValidationProblem, ProblemHttpResult>> ResolveManyAsync(ResolveWorkItemsRequest request,
        WorkItemActions actions, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await actions.ResolveManyAsync(request.Ids ?? [], request.Resolution, Actor(user), cancellationToken);
        return result switch
        {
            { NotFound: { } missing } => SaveResultHttp.NotFound(missing),
            { Invalid: { } invalid } => TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [invalid.StartsWith("resolution", StringComparison.Ordinal) ? "resolution" : "ids"] = [invalid] }, title: Invalid),
            _ => TypedResults.Ok(result.Items.Select(i => WorkItemResponse.From(i)).ToList()),
        };
    }

    private static async Task<Results<Ok<WorkItemResponse>, ValidationProblem, ProblemHttpResult>> AnswerAsync(Task<WorkItemActionResult> action, string field)
    {
        var result = await action;
        return result switch
        {
            { NotFound: { } missing } => SaveResultHttp.NotFound(missing),
            { Invalid: { } invalid } when invalid.StartsWith(field, StringComparison.Ordinal) =>
                TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [invalid] }, title: Invalid),
            { Invalid: { } invalid } => TypedResults.Problem(invalid, statusCode: StatusCodes.Status409Conflict, title: "Conflict; nothing was changed."),
            _ => TypedResults.Ok(WorkItemResponse.From(result.Items[0], withNotes: true)),
        };
    }

    /// <summary>The detail page's forms: <paramref name="action"/> is assign, note, resolve or reopen; the outcome comes back as the page's message.</summary>
    private static async Task<RedirectHttpResult> ActFormAsync(long id, [FromForm] string action, [FromForm] string? text, WorkItemActions actions, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var actor = Actor(user);
        var result = action switch
        {
            "assign" => await actions.AssignAsync(id, text, actor, cancellationToken),
            "note" => await actions.AddNoteAsync(id, text, actor, cancellationToken),
            "resolve" => await actions.ResolveAsync(id, text, actor, cancellationToken),
            "reopen" => await actions.ReopenAsync(id, text, actor, cancellationToken),
            _ => WorkItemActionResult.Refused($"action must be assign, note, resolve or reopen; got '{action}'."),
        };
        var message = result.NotFound ?? result.Invalid ?? action switch
        {
            "assign" => result.Items[0].AssignedTo is { } to ? $"Assigned to {to}." : "Unassigned.",
            "note" => "Note added.",
            "resolve" => "Resolved.",
            _ => "Reopened.",
        };
        return TypedResults.LocalRedirect($"/exceptions/{id}?message={Uri.EscapeDataString(message)}");
    }

    private static async Task<RedirectHttpResult> ResolveManyFormAsync([FromForm] long[]? ids, [FromForm] string? resolution, [FromForm] string? back,
        WorkItemActions actions, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await actions.ResolveManyAsync(ids ?? [], resolution, Actor(user), cancellationToken);
        var message = result.NotFound ?? result.Invalid ?? (result.Items.Count == 1 ? "1 work item resolved." : $"{result.Items.Count} work items resolved.");
        // Back to the same filtered list; only a local query string is accepted.
        var query = back is { Length: > 0 and <= 500 } && BackQuery().IsMatch(back) ? back + "&" : "?";
        return TypedResults.LocalRedirect($"/exceptions{query}message={Uri.EscapeDataString(message)}");
    }

    [GeneratedRegex(@"^\?[A-Za-z0-9=&%._~+\-]*$")]
    private static partial Regex BackQuery();

    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "staff";

    private static WorkItemState? Refuse(ValidationErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return null;
    }
}
