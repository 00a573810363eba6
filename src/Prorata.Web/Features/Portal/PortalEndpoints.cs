using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Prorata.Application.Invoices;
using Prorata.Application.Invoices.Documents;
using Prorata.Application.Portal;
using Prorata.Application.Receivables.Collection;
using Prorata.Application.Receivables.Views;
using Prorata.Application.Subscriptions;
using Prorata.Data;
using Prorata.Data.Receivables;
using Prorata.Domain.Contracts;
using Prorata.Domain.Subscriptions;
using Prorata.Web.Features.Subscriptions;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Http;

namespace Prorata.Web.Features.Portal;

/// <summary>
/// The portal's form posts, files and sign-in plumbing. Every route is under /portal and judged by the portal cookie alone
/// (<see cref="PortalCookie"/>); each reads the customer from the cookie, so another customer's id answers 404 like an id
/// that does not exist. Forms send the person back to a page with the outcome in the query string.
/// </summary>
public static class PortalEndpoints
{
    public const string CodePath = "/portal/signin/code";
    public const string MicrosoftSignInPath = "/portal/signin/microsoft";
    private const string MicrosoftDonePath = "/portal/signin/microsoft/done";

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/portal").AllowAnonymous().ExcludeFromDescription();
        open.MapPost("/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(PortalCookie.Scheme);
            return TypedResults.LocalRedirect(PortalCookie.SignInPath);
        });
        open.MapGet("/signin/microsoft", (Microsoft.Extensions.Options.IOptions<PortalEntraIdOptions> options) => options.Value.IsConfigured
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = MicrosoftDonePath }, [PortalEntraIdOptions.Scheme])
            : Results.NotFound());
        open.MapGet("/signin/microsoft/done", MicrosoftDoneAsync);

        var reader = app.MapGroup("/portal").RequireAuthorization(PortalCookie.Reader).ExcludeFromDescription();
        reader.MapGet("/brand/logo", async (HttpContext http, PortalViews views, CancellationToken ct) =>
            await views.LogoAsync(Caller(http).CustomerId, ct) is { } png ? Results.File(png, "image/png") : Results.NotFound());
        reader.MapGet("/invoices/{id:guid}/pdf", PdfAsync);
        reader.MapGet("/invoices/{id:guid}/ubl", UblAsync);
        reader.MapGet("/statement", StatementAsync);

        var admin = app.MapGroup("/portal").RequireAuthorization(PortalCookie.Admin).ExcludeFromDescription();
        admin.MapPost("/subscriptions/{id:guid}/change", ChangeFormAsync);
        admin.MapPost("/buy/{offerId:guid}", PurchaseFormAsync);
        admin.MapPost("/requests/{id:guid}/withdraw", async (Guid id, [FromForm] string? unused, HttpContext http, PortalApprovals approvals, CancellationToken ct) =>
        {
            var result = await approvals.WithdrawAsync(Caller(http), id, ct);
            return result.Entity is not null ? Back("/portal/requests", message: "Withdrawn.") : NotFoundOr(result.Outcome, "/portal/requests", result.Message);
        });
        admin.MapPost("/users/invite", InviteFormAsync);
        admin.MapPost("/users/{id:guid}", UserFormAsync);

        var payer = app.MapGroup("/portal").RequireAuthorization(PortalCookie.Payer).ExcludeFromDescription();
        payer.MapPost("/invoices/{id:guid}/pay", PayFormAsync);
        payer.MapPost("/payment-methods/setup", SetupFormAsync);
        payer.MapGet("/payment-methods/done", SetupDoneAsync);
        payer.MapPost("/payment-methods/{id:guid}/remove", async (Guid id, [FromForm] string? unused, HttpContext http, PaymentSetups setups, CancellationToken ct) =>
            await setups.RevokeAsync(Caller(http).CustomerId, id, ct) ? Back("/portal/payment-methods", message: "Removed.") : (IResult)TypedResults.NotFound());

        reader.MapPost("/account/mfa/begin", async ([FromForm] string? unused, HttpContext http, PortalAccounts accounts, CancellationToken ct) =>
        {
            await accounts.BeginTotpAsync(Caller(http), ct);
            return Back("/portal/account", message: "Scan the code with your authenticator app, then enter the code it shows.");
        });
        reader.MapPost("/account/mfa/confirm", async ([FromForm] string? code, HttpContext http, PortalAccounts accounts, CancellationToken ct) =>
            await accounts.ConfirmTotpAsync(Caller(http), code, ct) is { } problem
                ? Back("/portal/account", error: problem)
                : await SignInAgainAsync(http, accounts, "/portal/account", "Two-step sign-in is on: from now on you enter a code after your password."));
        reader.MapPost("/account/mfa/disable", async ([FromForm] string? code, HttpContext http, PortalAccounts accounts, CancellationToken ct) =>
            await accounts.DisableTotpAsync(Caller(http), code, ct) is { } problem
                ? Back("/portal/account", error: problem)
                : await SignInAgainAsync(http, accounts, "/portal/account", "Two-step sign-in is off."));

        app.MapPortalApi();
        return app;
    }

    public static PortalCaller Caller(HttpContext http) =>
        PortalCookie.CallerOf(http.User) ?? throw new InvalidOperationException("A portal route ran without a portal user.");

    private static async Task<IResult> MicrosoftDoneAsync(HttpContext http, PortalAccounts accounts, CancellationToken cancellationToken)
    {
        var external = await http.AuthenticateAsync(PortalEntraIdOptions.ExternalScheme);
        await http.SignOutAsync(PortalEntraIdOptions.ExternalScheme);
        if (external.Principal is null) return Back(PortalCookie.SignInPath, error: "Microsoft sign-in did not complete; try again.");
        var (user, error) = await accounts.ResolveEntraAsync(external.Principal, cancellationToken);
        if (user is null) return Back(PortalCookie.SignInPath, error: error);
        await http.SignInAsync(PortalCookie.Scheme, PortalCookie.Principal(user));
        return TypedResults.LocalRedirect("/portal");
    }

    /// <summary>The stamp changed (MFA on or off): the person stays signed in with a fresh cookie, every other session ends.</summary>
    private static async Task<IResult> SignInAgainAsync(HttpContext http, PortalAccounts accounts, string path, string message)
    {
        var caller = Caller(http);
        var user = (await accounts.UsersOfAsync(caller.CustomerId, http.RequestAborted)).First(u => u.Id == caller.UserId);
        await http.SignInAsync(PortalCookie.Scheme, PortalCookie.Principal(user));
        return Back(path, message: message);
    }

    private static async Task<IResult> PdfAsync(Guid id, HttpContext http, PortalViews views, ProrataDbContext db, InvoicePdf pdf, CancellationToken cancellationToken)
    {
        if (!await views.OwnsInvoiceAsync(Caller(http), id, cancellationToken)) return TypedResults.NotFound();
        var (_, document) = (await InvoiceDocuments.LoadAsync(db, id, cancellationToken))!.Value;
        return TypedResults.File(pdf.Render(document), "application/pdf", $"{document.Number}.pdf");
    }

    private static async Task<IResult> UblAsync(Guid id, HttpContext http, PortalViews views, ProrataDbContext db, InvoiceUbl ubl, CancellationToken cancellationToken)
    {
        if (!await views.OwnsInvoiceAsync(Caller(http), id, cancellationToken)) return TypedResults.NotFound();
        var (_, document) = (await InvoiceDocuments.LoadAsync(db, id, cancellationToken))!.Value;
        return TypedResults.File(ubl.WriteUtf8(document), "application/xml", $"{document.Number}.xml");
    }

    private static async Task<IResult> StatementAsync(string? currency, DateOnly? from, DateOnly? to, HttpContext http, ReceivablesViews views, ProrataDbContext db,
        StatementPdf pdf, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = Caller(http);
        var customerCurrency = await db.Customers.Where(c => c.Id == caller.CustomerId).Select(c => c.Currency).FirstAsync(cancellationToken);
        var end = to ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var start = from ?? new DateOnly(end.Year, end.Month, 1).AddMonths(-11);
        if (start > end) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = [$"from ({start:yyyy-MM-dd}) must not be after to ({end:yyyy-MM-dd})."] });
        var code = (currency ?? customerCurrency).Trim().ToUpperInvariant();
        if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["currency"] = [$"currency must be an ISO 4217 code such as EUR; got '{currency}'."] });
        var statement = (await views.StatementAsync(caller.CustomerId, code, start, end, cancellationToken))!;
        return TypedResults.File(pdf.Render(statement, (await StatementParties.LoadAsync(db, caller.CustomerId, statement.Currency, cancellationToken))!), "application/pdf",
            $"statement-{start:yyyy-MM-dd}-{end:yyyy-MM-dd}.pdf");
    }

    private static async Task<IResult> ChangeFormAsync(Guid id, [FromForm] PortalChangeForm? form, HttpContext http, PortalOrders orders, CancellationToken cancellationToken)
    {
        form ??= new PortalChangeForm();
        var errors = new ValidationErrors();
        var change = new ChangeRequestBody(form.Type, form.Quantity, form.Enabled is null ? null : form.Enabled == "true", null, null, null, null).ToChange(errors);
        var page = $"/portal/subscriptions/{id}";
        if (change is null) return Back(page, error: errors.ToDictionary().First().Value[0]);
        var submitted = await orders.ChangeAsync(Caller(http), id, change, form.Confirm is not null, cancellationToken);
        if (submitted.Decision.NotFound is not null) return TypedResults.NotFound();
        return submitted switch
        {
            { Queued: { } request } => Back("/portal/requests", message: $"Sent to your partner for approval: {request.Reason}"),
            { Applied.Subscription: not null } => Back(page, message: PortalText.Done(change.Type, change.Quantity, change.Enabled)
                + (submitted.Decision.HoldNotice is { } hold ? " " + hold : "")),
            _ => Back(page, error: submitted.Problem ?? submitted.Decision.Refused),
        };
    }

    private static async Task<IResult> PurchaseFormAsync(Guid offerId, [FromForm] PortalPurchaseForm? form, HttpContext http, PortalOrders orders, CancellationToken cancellationToken)
    {
        form ??= new PortalPurchaseForm();
        if (form.Quantity is not (>= 1 and <= InputBounds.MaxSeats)) return Back("/portal/buy", error: $"Seats must be a whole number from 1 to {InputBounds.MaxSeats:N0}.");
        var submitted = await orders.PurchaseAsync(Caller(http), offerId, form.Quantity.Value, form.Confirm is not null, cancellationToken);
        if (submitted.Decision.NotFound is not null) return TypedResults.NotFound();
        return submitted switch
        {
            { Queued: { } request } => Back("/portal/requests", message: $"Sent to your partner for approval: {request.Reason}"),
            { Applied.Subscription: { } bought } => Back($"/portal/subscriptions/{bought.Id}", message: $"Bought {bought.Quantity:N0} × {bought.Title}."
                + (submitted.Decision.HoldNotice is { } hold ? " " + hold : "")),
            _ => Back("/portal/buy", error: submitted.Problem ?? submitted.Decision.Refused),
        };
    }

    private static async Task<IResult> InviteFormAsync([FromForm] PortalInviteForm? form, HttpContext http, PortalInvitations invitations, PublicAddress address,
        CancellationToken cancellationToken)
    {
        var caller = Caller(http);
        var result = await invitations.InviteAsync(caller.CustomerId, form?.Email, form?.Role, caller.Email,
            token => new Uri(address.Link(PortalInvitations.InvitePath + token)), cancellationToken);
        return result.Entity is { } issued
            ? Back("/portal/users", message: $"Invited {issued.User.Email}: the e-mail with the link is on its way.")
            : Back("/portal/users", error: result.Message ?? result.Errors.Values.First()[0]);
    }

    private static async Task<IResult> UserFormAsync(Guid id, [FromForm] PortalUserForm? form, HttpContext http, PortalAccounts accounts, CancellationToken cancellationToken)
    {
        var caller = Caller(http);
        var result = await accounts.UpdateAsync(caller.CustomerId, id, form?.Role, form?.Disabled is null ? null : form.Disabled == "true", caller.UserId, cancellationToken);
        return result.Entity is { } user ? Back("/portal/users", message: $"Saved {user.Email}.") : NotFoundOr(result.Outcome, "/portal/users", result.Message ?? result.Errors.Values.First()[0]);
    }

    private static async Task<IResult> PayFormAsync(Guid id, [FromForm] string? unused, HttpContext http, PortalPayments payments, CancellationToken cancellationToken)
    {
        var outcome = await payments.PayAsync(Caller(http), id, cancellationToken);
        return outcome.State switch
        {
            PortalPaymentState.NotFound => TypedResults.NotFound(),
            PortalPaymentState.NeedsMethod => Back($"/portal/payment-methods?invoice={id}", error: outcome.Message),
            PortalPaymentState.Paid or PortalPaymentState.Processing => Back($"/portal/invoices/{id}", message: outcome.Message),
            _ => Back($"/portal/invoices/{id}", error: outcome.Message),
        };
    }

    private static async Task<IResult> SetupFormAsync([FromForm] PortalSetupForm? form, HttpContext http, PaymentSetups setups, PortalViews views, PublicAddress address,
        CancellationToken cancellationToken)
    {
        var caller = Caller(http);
        if (!Enum.TryParse<PaymentProvider>(form?.Provider, ignoreCase: true, out var provider) || provider == PaymentProvider.Manual || int.TryParse(form?.Provider, out _))
            return Back("/portal/payment-methods", error: $"Choose how to pay: card or Direct Debit; got '{form?.Provider}'.");
        // A payment after the setup is only for one of the caller's own invoices.
        var invoice = form?.Invoice is { } wanted && await views.OwnsInvoiceAsync(caller, wanted, cancellationToken) ? wanted : (Guid?)null;
        var then = invoice is { } i ? $"&invoice={i}" : "";
        try
        {
            var result = await setups.StartAsync(caller.CustomerId, provider,
                setup => (new Uri(address.Link($"/portal/payment-methods/done?setup={setup}{then}")), new Uri(address.Link($"/portal/payment-methods?error={Uri.EscapeDataString("Nothing was saved.")}"))),
                cancellationToken);
            // A page with the provider's link, not a redirect: the form may only post to Prorata (CSP form-action 'self').
            return result.Entity is { } session ? TypedResults.LocalRedirect($"/portal/payment-methods/continue?setup={session.Id}")
                : Back("/portal/payment-methods", error: result.Message ?? result.Errors.Values.First()[0]);
        }
        catch (CollectorUnavailableException)
        {
            return Back("/portal/payment-methods", error: $"{provider} did not answer; nothing was saved. Try again in a moment.");
        }
    }

    /// <summary>Back from the provider's hosted page: the provider is asked (the browser is never trusted), then the invoice is paid if one was waiting.</summary>
    private static async Task<IResult> SetupDoneAsync(Guid? setup, Guid? invoice, HttpContext http, PaymentSetups setups, PortalPayments payments, ProrataDbContext db,
        CancellationToken cancellationToken)
    {
        var caller = Caller(http);
        if (setup is not { } id || !await db.PaymentSetupSessions.AnyAsync(s => s.Id == id && s.CustomerId == caller.CustomerId, cancellationToken))
            return TypedResults.NotFound();
        SavedPaymentMethod? saved;
        try
        {
            saved = await setups.CompleteAsync(id, cancellationToken);
        }
        catch (CollectorUnavailableException)
        {
            saved = null;
        }
        if (saved is null) return Back("/portal/payment-methods", error: "The provider has not confirmed the new method yet; it appears here once it does.");
        if (invoice is not { } invoiceId) return Back("/portal/payment-methods", message: $"{saved.Display} is saved.");
        var outcome = await payments.PayAsync(caller, invoiceId, cancellationToken);
        return outcome.State is PortalPaymentState.Paid or PortalPaymentState.Processing
            ? Back($"/portal/invoices/{invoiceId}", message: $"{saved.Display} is saved. {outcome.Message}")
            : Back($"/portal/invoices/{invoiceId}", error: outcome.Message);
    }

    private static IResult NotFoundOr(Application.SaveOutcome outcome, string path, string? error) =>
        outcome == Application.SaveOutcome.NotFound ? TypedResults.NotFound() : Back(path, error: error);

    public static IResult Back(string path, string? message = null, string? error = null)
    {
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return TypedResults.LocalRedirect(message is not null
            ? $"{path}{separator}message={Uri.EscapeDataString(message)}"
            : $"{path}{separator}error={Uri.EscapeDataString(error ?? "")}");
    }
}
