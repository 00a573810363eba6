using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Prorata.Application;
using Prorata.Application.Receivables.Collection;
using Prorata.Data;
using Prorata.Data.Receivables;
using Prorata.Integrations.GoCardless;
using Prorata.Integrations.Stripe;
using Prorata.Integrations.Stripe.Webhooks;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Http;
using Prorata.Web.Infrastructure.Persistence;

namespace Prorata.Web.Features.Receivables;

/// <summary>
/// Saved payment methods and the providers' calls back: staff start a hosted setup page for a customer (its link goes to
/// the customer), the customer comes back to /payment-setup/done (anonymous: it asks the provider, never trusts the
/// browser), and Stripe and GoCardless post their signed webhooks to /webhooks/stripe and /webhooks/gocardless.
/// </summary>
public static class PaymentCollectionEndpoints
{
    public static IEndpointRouteBuilder MapPaymentCollection(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/customers/{id:guid}/payment-methods").WithTags("Payment methods").RequireAuthorization(Policies.StaffRead);
        api.MapGet("/", async (Guid id, ProrataDbContext db, CancellationToken ct) => TypedResults.Ok(
            (await db.SavedPaymentMethods.AsNoTracking().Where(m => m.CustomerId == id).ToListAsync(ct)).OrderByDescending(m => m.CreatedAt).Select(PaymentMethodResponse.From).ToList()));
        api.MapPost("/setup", StartSetupAsync).RequireAuthorization(Policies.ContractsWrite).ProducesValidationProblem();
        api.MapDelete("/{methodId:guid}", async (Guid id, Guid methodId, PaymentSetups setups, CancellationToken ct) =>
                await setups.RevokeAsync(id, methodId, ct) ? Results.NoContent() : SaveResultHttp.NotFound($"The customer has no active payment method '{methodId}'."))
            .RequireAuthorization(Policies.ContractsWrite);
        app.MapGet("/payment-setup/done", SetupDoneAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/webhooks/stripe", StripeWebhookAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/webhooks/gocardless", GoCardlessWebhookAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Created<object>, ValidationProblem, ProblemHttpResult>> StartSetupAsync(Guid id, PaymentSetupRequest request, PaymentSetups setups,
        PublicAddress address, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<PaymentProvider>(request.Provider, ignoreCase: true, out var provider) || provider == PaymentProvider.Manual || int.TryParse(request.Provider, out _))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["provider"] = [$"provider must be stripe or goCardless; got '{request.Provider}'."] });
        SaveResult<PaymentSetupSession> result;
        try
        {
            result = await setups.StartAsync(id, provider,
                setup => (new Uri(address.Link($"/payment-setup/done?setup={setup}")), new Uri(address.Link($"/payment-setup/done?setup={setup}&cancelled=true"))),
                cancellationToken);
        }
        catch (CollectorUnavailableException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status502BadGateway, title: $"{provider} did not answer; nothing was saved.");
        }
        return result.Outcome switch
        {
            SaveOutcome.Saved => TypedResults.Created(result.Entity!.Url, (object)new { setupId = result.Entity.Id, url = result.Entity.Url, provider = request.Provider }),
            SaveOutcome.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    /// <summary>The page the customer lands on after the provider's hosted page: plain words, no staff data.</summary>
    private static async Task<ContentHttpResult> SetupDoneAsync(Guid? setup, bool? cancelled, PaymentSetups setups, CancellationToken cancellationToken)
    {
        Data.Receivables.SavedPaymentMethod? saved = null;
        if (setup is { } id && cancelled != true)
        {
            try
            {
                saved = await setups.CompleteAsync(id, cancellationToken);
            }
            catch (Exception e) when (e is CollectorUnavailableException or StripeUnavailableException or GoCardlessUnavailableException)
            {
                // The provider's webhook completes it as well; the customer need not wait for it here.
            }
        }
        var message = saved is not null
            ? $"Thank you: {saved.Display} is saved for your invoices. You can close this page."
            : cancelled == true ? "Nothing was saved. You can close this page, or open the link again to start over."
            : "Your payment method is being confirmed. You can close this page; we will use it once the provider confirms it.";
        return TypedResults.Content(
            $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Payment method</title></head><body><main><h1>Payment method</h1><p id=\"setup-result\">{WebUtility.HtmlEncode(message)}</p></main></body></html>",
            "text/html; charset=utf-8");
    }

    private static async Task<IResult> StripeWebhookAsync(HttpRequest request, IServiceProvider services, TimeProvider time, CancellationToken cancellationToken)
    {
        var stripe = services.GetService<StripeGateway>();
        if (stripe is null) return Results.NotFound();
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        switch (stripe.ReadWebhook(body, request.Headers["Stripe-Signature"].FirstOrDefault(), time.GetUtcNow()))
        {
            case WebhookAccepted accepted:
                await services.GetRequiredService<StripeEvents>().HandleAsync(accepted.Event, cancellationToken);
                return Results.Ok();
            case WebhookRefused refused:
                return Results.Problem(refused.Message, statusCode: StatusCodes.Status400BadRequest, title: $"Webhook refused: {refused.Reason}.");
            default:
                return Results.BadRequest();
        }
    }

    private static async Task<IResult> GoCardlessWebhookAsync(HttpRequest request, IServiceProvider services, CancellationToken cancellationToken)
    {
        var gocardless = services.GetService<GoCardlessGateway>();
        if (gocardless is null) return Results.NotFound();
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        IReadOnlyList<GoCardlessEvent> events;
        try
        {
            events = gocardless.ReadWebhook(body, request.Headers[GoCardlessGateway.SignatureHeaderName].FirstOrDefault());
        }
        catch (GoCardlessWebhookRefusedException e)
        {
            return Results.Problem(e.Message, statusCode: GoCardlessGateway.InvalidSignatureStatusCode, title: "Invalid webhook signature.");
        }
        var handler = services.GetRequiredService<GoCardlessEvents>();
        foreach (var e in events) await handler.HandleAsync(e, cancellationToken);
        return Results.NoContent();
    }
}
