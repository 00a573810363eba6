using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Prorata.Application;
using Prorata.Application.Portal;
using Prorata.Data;
using Prorata.Data.Portal;
using Prorata.Domain.Contracts;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Persistence;

namespace Prorata.Web.Features.PortalAdmin;

/// <summary>
/// /api/v1/portal-requests: the portal purchases and changes that wait for staff approval. Every staff role reads; Owner,
/// BillingAdmin and Sales (SubscriptionsWrite) approve and decline, as they buy and change subscriptions themselves.
/// </summary>
public static class ApprovalEndpoints
{
    public static IEndpointRouteBuilder MapApprovalsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/portal-requests").WithTags("Customer portal").RequireAuthorization(Policies.StaffRead);
        group.MapGet("/", ListAsync).WithName("ListPortalRequests").ProducesValidationProblem()
            .WithSummary("Portal requests, pending first, newest first within a state")
            .WithDescription("state: pending, approving, approved, declined, refused, withdrawn or all (default all); customerId: one customer's.");
        group.MapGet("/{requestId:guid}", GetAsync).WithName("GetPortalRequest").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{requestId:guid}/approve", ApproveAsync).WithName("ApprovePortalRequest").RequireAuthorization(Policies.SubscriptionsWrite)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Approve a pending request: the purchase or change is applied now, in the customer user's name")
            .WithDescription("200 with the request approved and resultSubscriptionId. A request decided already is 409; one the commerce rules refuse now "
                + "(a window closed meanwhile) ends refused, with the reason, and answers 422.");
        group.MapPost("/{requestId:guid}/decline", DeclineAsync).WithName("DeclinePortalRequest").RequireAuthorization(Policies.SubscriptionsWrite)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Decline a pending request with a reason the customer sees");
        return app;
    }

    /// <param name="state">pending, approving, approved, declined, refused, withdrawn or all (default).</param>
    /// <param name="customerId">Only this customer's requests.</param>
    /// <param name="approvals">The approval queue.</param>
    /// <param name="db">For the customers' names.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    private static async Task<Results<Ok<List<PortalRequestResponse>>, ValidationProblem>> ListAsync(string? state, Guid? customerId, PortalApprovals approvals,
        ProrataDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (!RequestStateFilter.TryRead(state, errors, out var chosen))
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "One or more query parameters are invalid.");
        return TypedResults.Ok(await ResponsesAsync(db, await approvals.ListAsync(chosen, customerId, cancellationToken), cancellationToken));
    }

    private static async Task<Results<Ok<PortalRequestResponse>, ProblemHttpResult>> GetAsync(Guid requestId, ProrataDbContext db, CancellationToken cancellationToken)
    {
        var request = await db.PortalRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        return request is null ? NoRequest(requestId) : TypedResults.Ok((await ResponsesAsync(db, [request], cancellationToken)).Single());
    }

    private static async Task<Results<Ok<PortalRequestResponse>, ProblemHttpResult>> ApproveAsync(Guid requestId, PortalApprovals approvals, ProrataDbContext db,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await approvals.ApproveAsync(requestId, PortalAdminEndpoints.StaffName(user), cancellationToken);
        if (result.Outcome == SaveOutcome.Saved) return TypedResults.Ok((await ResponsesAsync(db, [result.Entity!], cancellationToken)).Single());
        if (result.Outcome == SaveOutcome.Conflict && await db.PortalRequests.AsNoTracking().AnyAsync(r => r.Id == requestId && r.State == PortalRequestState.Refused
                && r.Outcome == result.Message, cancellationToken))
            return TypedResults.Problem(result.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The rules refused the change; the request is refused.");
        return result.ToProblem();
    }

    private static async Task<Results<Ok<PortalRequestResponse>, ValidationProblem, ProblemHttpResult>> DeclineAsync(Guid requestId, DeclineRequest request,
        PortalApprovals approvals, ProrataDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await approvals.DeclineAsync(requestId, PortalAdminEndpoints.StaffName(user), request.Reason, cancellationToken);
        return result.Outcome switch
        {
            SaveOutcome.Saved => TypedResults.Ok((await ResponsesAsync(db, [result.Entity!], cancellationToken)).Single()),
            SaveOutcome.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    /// <summary>Pending first (what staff have to act on), then the rest; the service's order (newest first) within each.</summary>
    public static async Task<List<PortalRequestResponse>> ResponsesAsync(ProrataDbContext db, IReadOnlyList<PortalRequest> requests, CancellationToken cancellationToken)
    {
        var ids = requests.Select(r => r.CustomerId).Distinct().ToList();
        var names = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return requests.OrderBy(r => r.State != PortalRequestState.Pending).Select(r => PortalRequestResponse.From(r, names.GetValueOrDefault(r.CustomerId, ""))).ToList();
    }

    private static ProblemHttpResult NoRequest(Guid id) => SaveResultHttp.NotFound($"No portal request has id '{id}'.");
}
