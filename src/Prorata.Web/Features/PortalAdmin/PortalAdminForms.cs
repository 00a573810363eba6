using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Prorata.Application;
using Prorata.Application.Portal;
using Prorata.Data.Portal;
using Prorata.Web.Features.Receivables;
using Prorata.Web.Infrastructure.Auth;

namespace Prorata.Web.Features.PortalAdmin;

/// <summary>
/// The buttons and small forms of the customer page's "Customer portal" section and of /approvals: each posts here, calls
/// the same service as the API and comes back to its page with the outcome (a refresh then posts nothing twice). The
/// invitation form is the page's own, so that the one-time link is shown in its answer and never in an address.
/// </summary>
public static class PortalAdminForms
{
    public const string MessageParameter = "portalMessage";
    public const string ErrorParameter = "portalError";

    public static IEndpointRouteBuilder MapPortalAdminForms(this IEndpointRouteBuilder app)
    {
        var customer = app.MapGroup("/customers/{id:guid}/portal").RequireAuthorization(Policies.CustomersWrite).ExcludeFromDescription();
        customer.MapPost("/users/{userId:guid}", UserAsync);
        customer.MapPost("/offers", AddOfferAsync);
        customer.MapPost("/offers/{offerId:guid}/remove", RemoveOfferAsync);
        customer.MapPost("/policy", PolicyAsync);

        var approvals = app.MapGroup("/approvals/{requestId:guid}").RequireAuthorization(Policies.SubscriptionsWrite).ExcludeFromDescription();
        approvals.MapPost("/approve", ApproveAsync);
        approvals.MapPost("/decline", DeclineAsync);
        return app;
    }

    /// <summary><paramref name="action"/> is role (with <paramref name="role"/>), disable or enable.</summary>
    private static async Task<RedirectHttpResult> UserAsync(Guid id, Guid userId, [FromForm] string action, [FromForm] string? role, PortalAccounts accounts,
        CancellationToken cancellationToken)
    {
        var result = action switch
        {
            "role" => await accounts.UpdateAsync(id, userId, role, null, null, cancellationToken),
            "disable" => await accounts.UpdateAsync(id, userId, null, true, null, cancellationToken),
            "enable" => await accounts.UpdateAsync(id, userId, null, false, null, cancellationToken),
            _ => SaveResult<CustomerUser>.Invalid(new Dictionary<string, string[]> { ["action"] = [$"action must be role, disable or enable; got '{action}'."] }),
        };
        return result.Outcome == SaveOutcome.Saved
            ? Back(id, $"{result.Entity!.Email}: {RoleText(result.Entity.Role)}, {(result.Entity.Disabled ? "disabled" : "enabled")}.")
            : Back(id, error: Problem(result));
    }

    private static async Task<RedirectHttpResult> AddOfferAsync(Guid id, [FromForm] Guid? contractId, [FromForm] string? productId, [FromForm] string? skuId,
        [FromForm] string? term, [FromForm] string? billingPlan, [FromForm] string? minSeats, [FromForm] string? maxSeats, [FromForm] bool? requiresApproval,
        PortalCatalog catalog, CancellationToken cancellationToken)
    {
        if (!TryCount(minSeats, out var min) || !TryCount(maxSeats, out var max))
            return Back(id, error: $"Seats must be whole numbers; got '{minSeats}' and '{maxSeats}'.");
        var result = await catalog.AddOfferAsync(id, new OfferDraft(contractId, productId, skuId, term, billingPlan, min, max, requiresApproval ?? false), cancellationToken);
        return result.Outcome == SaveOutcome.Saved
            ? Back(id, $"{result.Entity!.ProductId}/{result.Entity.SkuId} {result.Entity.Term} {result.Entity.BillingPlan} is in the customer's portal catalog.")
            : Back(id, error: Problem(result));
    }

    private static async Task<RedirectHttpResult> RemoveOfferAsync(Guid id, Guid offerId, PortalCatalog catalog, CancellationToken cancellationToken) =>
        await catalog.RemoveOfferAsync(id, offerId, cancellationToken)
            ? Back(id, "Offer taken out of the customer's portal catalog; its subscriptions stay.")
            : Back(id, error: "That offer is not in the customer's portal catalog any more.");

    private static async Task<RedirectHttpResult> PolicyAsync(Guid id, [FromForm] string? approvalAbove, PortalCatalog catalog, CancellationToken cancellationToken)
    {
        if (!FormNumbers.TryParse(approvalAbove, out var amount)) return Back(id, error: $"approvalAbove must be an amount such as 500.00, or empty; got '{approvalAbove}'.");
        var result = await catalog.SetApprovalAboveAsync(id, amount, cancellationToken);
        return result.Outcome == SaveOutcome.Saved
            ? Back(id, result.Entity!.ApprovalAbove is { } above
                ? $"Purchases and changes adding more than {above.ToString("N2", CultureInfo.InvariantCulture)} to the next invoice wait for approval."
                : "No amount needs approval; offers marked so still do.")
            : Back(id, error: Problem(result));
    }

    private static async Task<RedirectHttpResult> ApproveAsync(Guid requestId, PortalApprovals approvals, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await approvals.ApproveAsync(requestId, PortalAdminEndpoints.StaffName(user), cancellationToken);
        return result.Outcome == SaveOutcome.Saved
            ? Approvals($"Approved: {result.Entity!.Title} for {result.Entity.RequestedBy} is applied.")
            : Approvals(error: result.Message);
    }

    private static async Task<RedirectHttpResult> DeclineAsync(Guid requestId, [FromForm] string? reason, PortalApprovals approvals, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var result = await approvals.DeclineAsync(requestId, PortalAdminEndpoints.StaffName(user), reason, cancellationToken);
        return result.Outcome == SaveOutcome.Saved
            ? Approvals($"Declined: {result.Entity!.Title} for {result.Entity.RequestedBy}; they see your reason.")
            : Approvals(error: Problem(result));
    }

    public static string RoleText(CustomerUserRole role) => role switch
    {
        CustomerUserRole.Admin => "admin",
        CustomerUserRole.Billing => "billing",
        _ => "read-only",
    };

    private static bool TryCount(string? text, out int? count)
    {
        count = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return false;
        count = value;
        return true;
    }

    private static string Problem<T>(SaveResult<T> result) where T : class => result.Message ?? string.Join(" ", result.Errors.Values.SelectMany(e => e));

    private static RedirectHttpResult Back(Guid customerId, string? message = null, string? error = null) =>
        TypedResults.LocalRedirect($"/customers/{customerId}?{(error is null ? MessageParameter : ErrorParameter)}={Uri.EscapeDataString(error ?? message!)}#portal");

    private static RedirectHttpResult Approvals(string? message = null, string? error = null) =>
        TypedResults.LocalRedirect($"/approvals?{(error is null ? "message" : "error")}={Uri.EscapeDataString(error ?? message!)}");
}
