using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Prorata.Application;
using Prorata.Application.Portal;
using Prorata.Data;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Http;
using Prorata.Web.Infrastructure.Persistence;

namespace Prorata.Web.Features.PortalAdmin;

/// <summary>
/// /api/v1/customers/{id}/portal: a customer's portal users (list, invite with the one-time link in the answer, role and
/// disable), its portal catalog (list with prices, add, remove) and its approval amount. Every staff role reads; Owner and
/// BillingAdmin (CustomersWrite) change.
/// </summary>
public static class PortalAdminEndpoints
{
    public static IEndpointRouteBuilder MapPortalAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/customers/{id:guid}/portal").WithTags("Customer portal").RequireAuthorization(Policies.StaffRead);
        group.MapGet("/users", UsersAsync).WithName("ListPortalUsers").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The customer's portal users")
            .WithDescription("Each user with its role, when it joined or until when its invitation is open, MFA, last sign-in and whether it is disabled.");
        group.MapPost("/invitations", InviteAsync).WithName("InvitePortalUser").RequireAuthorization(Policies.CustomersWrite)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Invite a person of the customer to the portal")
            .WithDescription("201 with link, the one-time link (7 days), shown in this answer only and e-mailed through the outbox. Inviting an address "
                + "again before it joins replaces the link. An address of another customer's user, or one that has joined, is 409.");
        group.MapPatch("/users/{userId:guid}", UpdateUserAsync).WithName("UpdatePortalUser").RequireAuthorization(Policies.CustomersWrite)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Change a portal user's role, or disable or enable it")
            .WithDescription("Either change signs the user out of every session.");
        group.MapGet("/offers", OffersAsync).WithName("ListPortalOffers").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The customer's portal catalog, with its prices");
        group.MapPost("/offers", AddOfferAsync).WithName("AddPortalOffer").RequireAuthorization(Policies.CustomersWrite)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Let the customer buy an offer in the portal")
            .WithDescription("A SKU no price list has for the term, billing plan and contract currency is 400 naming skuId; the same SKU, term and plan twice is 409.");
        group.MapDelete("/offers/{offerId:guid}", RemoveOfferAsync).WithName("RemovePortalOffer").RequireAuthorization(Policies.CustomersWrite)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Take an offer out of the customer's portal catalog")
            .WithDescription("Subscriptions bought from it stay; the customer can no longer buy it or change its seats in the portal.");
        group.MapGet("/policy", PolicyAsync).WithName("GetPortalPolicy").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The customer's approval amount");
        group.MapPut("/policy", SetPolicyAsync).WithName("SetPortalPolicy").RequireAuthorization(Policies.CustomersWrite)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Set the customer's approval amount")
            .WithDescription("A purchase or seat change adding more than approvalAbove to the next invoice waits for staff approval; null: none waits for its amount.");
        return app;
    }

    private static async Task<Results<Ok<List<PortalUserResponse>>, ProblemHttpResult>> UsersAsync(Guid id, ProrataDbContext db, PortalAccounts accounts,
        CancellationToken cancellationToken)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == id, cancellationToken)) return NoCustomer(id);
        return TypedResults.Ok((await accounts.UsersOfAsync(id, cancellationToken)).Select(PortalUserResponse.From).ToList());
    }

    private static async Task<Results<Created<PortalInvitationResponse>, ValidationProblem, ProblemHttpResult>> InviteAsync(Guid id, PortalInvitationRequest request,
        PortalInvitations invitations, PublicAddress address, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await invitations.InviteAsync(id, request.Email, request.Role, StaffName(user), token => InvitationLink(address, token), cancellationToken);
        return result.Outcome switch
        {
            SaveOutcome.Saved => TypedResults.Created($"/api/v1/customers/{id}/portal/users", PortalInvitationResponse.From(result.Entity!)),
            SaveOutcome.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    private static async Task<Results<Ok<PortalUserResponse>, ValidationProblem, ProblemHttpResult>> UpdateUserAsync(Guid id, Guid userId, PortalUserChangeRequest request,
        PortalAccounts accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.UpdateAsync(id, userId, request.Role, request.Disabled, actingUserId: null, cancellationToken);
        return result.Outcome switch
        {
            SaveOutcome.Saved => TypedResults.Ok(PortalUserResponse.From(result.Entity!)),
            SaveOutcome.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    private static async Task<Results<Ok<List<PortalOfferResponse>>, ProblemHttpResult>> OffersAsync(Guid id, ProrataDbContext db, PortalCatalog catalog,
        CancellationToken cancellationToken)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == id, cancellationToken)) return NoCustomer(id);
        return TypedResults.Ok((await catalog.OffersAsync(id, cancellationToken)).Select(PortalOfferResponse.From).ToList());
    }

    private static async Task<Results<Created<PortalOfferResponse>, ValidationProblem, ProblemHttpResult>> AddOfferAsync(Guid id, OfferDraft request, PortalCatalog catalog,
        CancellationToken cancellationToken)
    {
        var result = await catalog.AddOfferAsync(id, request, cancellationToken);
        if (result.Outcome != SaveOutcome.Saved) return result.Outcome == SaveOutcome.Invalid ? result.ToValidationProblem() : result.ToProblem();
        var added = (await catalog.OffersAsync(id, cancellationToken)).Single(v => v.Offer.Id == result.Entity!.Id);
        return TypedResults.Created($"/api/v1/customers/{id}/portal/offers/{added.Offer.Id}", PortalOfferResponse.From(added));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveOfferAsync(Guid id, Guid offerId, PortalCatalog catalog, CancellationToken cancellationToken) =>
        await catalog.RemoveOfferAsync(id, offerId, cancellationToken) ? TypedResults.NoContent()
            : SaveResultHttp.NotFound($"The portal catalog of customer '{id}' has no offer '{offerId}'.");

    private static async Task<Results<Ok<PortalPolicyResponse>, ProblemHttpResult>> PolicyAsync(Guid id, ProrataDbContext db, PortalCatalog catalog,
        CancellationToken cancellationToken)
    {
        var currency = await db.Customers.AsNoTracking().Where(c => c.Id == id).Select(c => c.Currency).FirstOrDefaultAsync(cancellationToken);
        return currency is null ? NoCustomer(id) : TypedResults.Ok(PortalPolicyResponse.From(id, currency, await catalog.PolicyAsync(id, cancellationToken)));
    }

    private static async Task<Results<Ok<PortalPolicyResponse>, ValidationProblem, ProblemHttpResult>> SetPolicyAsync(Guid id, PortalPolicyRequest request,
        ProrataDbContext db, PortalCatalog catalog, CancellationToken cancellationToken)
    {
        var result = await catalog.SetApprovalAboveAsync(id, request.ApprovalAbove, cancellationToken);
        if (result.Outcome != SaveOutcome.Saved) return result.Outcome == SaveOutcome.Invalid ? result.ToValidationProblem() : result.ToProblem();
        var currency = await db.Customers.AsNoTracking().Where(c => c.Id == id).Select(c => c.Currency).FirstAsync(cancellationToken);
        return TypedResults.Ok(PortalPolicyResponse.From(id, currency, result.Entity));
    }

    /// <summary>The invitation link on Prorata's public address, never the request's Host (which the caller chooses).</summary>
    public static Uri InvitationLink(PublicAddress address, string token) => new(address.Link(PortalInvitations.InvitePath + token));

    public static string StaffName(ClaimsPrincipal user) => user.Identity?.Name ?? "staff";

    private static ProblemHttpResult NoCustomer(Guid id) => SaveResultHttp.NotFound($"No customer has id '{id}'.");
}
