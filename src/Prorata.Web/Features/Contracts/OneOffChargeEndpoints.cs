using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Prorata.Application;
using Prorata.Application.Invoices;
using Prorata.Data.Invoices;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Persistence;

namespace Prorata.Web.Features.Contracts;

/// <summary>
/// One-off charges and credits Finance adds to a contract's next invoice: /api/v1/contracts/{id}/one-off-charges and
/// /api/v1/one-off-charges/{id}, and the contract page's form posts. Every staff role reads; billing roles write.
/// </summary>
public static class OneOffChargeEndpoints
{
    public static IEndpointRouteBuilder MapOneOffCharges(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("One-off charges").RequireAuthorization(Policies.StaffRead);
        group.MapGet("/contracts/{id:guid}/one-off-charges", ListAsync).WithName("ListOneOffCharges");
        group.MapPost("/contracts/{id:guid}/one-off-charges", AddAsync).WithName("AddOneOffCharge")
            .RequireAuthorization(Policies.BillingWrite)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/one-off-charges/{id:guid}", RemoveAsync).WithName("RemoveOneOffCharge")
            .RequireAuthorization(Policies.BillingWrite)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var forms = app.MapGroup("/contracts").RequireAuthorization(Policies.BillingWrite).ExcludeFromDescription();
        forms.MapPost("/{id:guid}/one-off-charges", AddFormAsync);
        forms.MapPost("/{id:guid}/one-off-charges/{chargeId:guid}/remove", RemoveFormAsync);
        return app;
    }

    private static async Task<Ok<List<OneOffChargeResponse>>> ListAsync(Guid id, OneOffCharges charges, CancellationToken cancellationToken) =>
        TypedResults.Ok((await charges.ListAsync(id, cancellationToken)).Select(OneOffChargeResponse.From).ToList());

    private static async Task<Results<Created<OneOffChargeResponse>, ValidationProblem, ProblemHttpResult>> AddAsync(
        Guid id, OneOffChargeRequest request, OneOffCharges charges, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await charges.AddAsync(id, request.SubscriptionId ?? Guid.Empty, request.Description, request.Amount ?? 0m, Actor(http), cancellationToken);
        return result.Outcome switch
        {
            SaveOutcome.Saved => TypedResults.Created($"/api/v1/contracts/{id}/one-off-charges", OneOffChargeResponse.From(result.Entity!)),
            SaveOutcome.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(Guid id, OneOffCharges charges, CancellationToken cancellationToken)
    {
        var result = await charges.RemoveAsync(id, cancellationToken);
        return result.Outcome == SaveOutcome.Saved ? TypedResults.NoContent() : result.ToProblem();
    }

    /// <summary>The contract page's form: subscription, reason and signed amount.</summary>
    private static async Task<RedirectHttpResult> AddFormAsync(Guid id, IFormCollection form, OneOffCharges charges, HttpContext http, CancellationToken cancellationToken)
    {
        var amountText = form["amount"].ToString().Trim();
        if (!decimal.TryParse(amountText, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
            return Back(id, error: $"amount must be a number such as 50.00 or -20.00; got '{amountText}'.");
        if (!Guid.TryParse(form["subscriptionId"].ToString(), out var subscriptionId))
            return Back(id, error: "subscriptionId: choose one of the contract's subscriptions.");
        var result = await charges.AddAsync(id, subscriptionId, form["description"].ToString(), amount, Actor(http), cancellationToken);
        return result.Outcome == SaveOutcome.Saved
            ? Back(id, message: $"Added '{result.Entity!.Description}' to the next invoice.")
            : Back(id, error: result.Message ?? string.Join(" ", result.Errors.SelectMany(e => e.Value)));
    }

    private static async Task<RedirectHttpResult> RemoveFormAsync(Guid id, Guid chargeId, IFormCollection form, OneOffCharges charges, CancellationToken cancellationToken)
    {
        // Bound so that the post's antiforgery token is checked; the step takes no field.
        _ = form;
        var result = await charges.RemoveAsync(chargeId, cancellationToken);
        return result.Outcome == SaveOutcome.Saved ? Back(id, message: $"Removed '{result.Entity!.Description}'.") : Back(id, error: result.Message ?? "");
    }

    private static RedirectHttpResult Back(Guid id, string? message = null, string? error = null) =>
        TypedResults.LocalRedirect(error is null
            ? $"/contracts/{id}?message={Uri.EscapeDataString(message ?? "")}"
            : $"/contracts/{id}?error={Uri.EscapeDataString(error)}");

    private static string Actor(HttpContext http) => http.User.Identity?.Name ?? "staff";
}

/// <summary>Body of POST /api/v1/contracts/{id}/one-off-charges. <see cref="Amount"/> is negative for a credit.</summary>
public sealed record OneOffChargeRequest(Guid? SubscriptionId, string? Description, decimal? Amount);

public sealed record OneOffChargeResponse(Guid Id, Guid ContractId, Guid SubscriptionId, string Description, decimal Amount, string CreatedBy,
    DateTimeOffset CreatedAt, Guid? InvoiceId)
{
    public static OneOffChargeResponse From(OneOffCharge c) =>
        new(c.Id, c.ContractId, c.SubscriptionId, c.Description, c.Amount, c.CreatedBy, c.CreatedAt, c.InvoiceId);
}
