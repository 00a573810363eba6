using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Prorata.Data.Identity;
using Prorata.Web.Infrastructure.Auth;

namespace Prorata.Web.Features.Account;

/// <summary>Sign-out and the Microsoft Entra ID round trip; the sign-in and setup forms are Blazor pages beside this file.</summary>
public static class AccountEndpoints
{
    public const string SignOutPath = "/signout";
    public const string ExternalPath = "/signin/entra-id";
    private const string ExternalCallbackPath = "/signin/entra-id/callback";

    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder app)
    {
        // Browser round trips, not API: kept out of the OpenAPI document.
        var account = app.MapGroup("").ExcludeFromDescription();
        // A form post (antiforgery-checked because it binds a form field), so a link on another site cannot sign staff out.
        account.MapPost(SignOutPath, async ([FromForm] string? returnUrl, ClaimsPrincipal principal, SignInManager<StaffUser> signIn, UserManager<StaffUser> users) =>
        {
            // A new stamp makes the cookie just given up worthless: a copy of it replayed later is refused.
            if (await users.GetUserAsync(principal) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
            }
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(SafeReturnUrl(returnUrl));
        }).AllowAnonymous();

        account.MapGet(ExternalPath, IResult (string? returnUrl, SignInManager<StaffUser> signIn, IOptions<EntraIdOptions> entraId) =>
        {
            if (!entraId.Value.IsConfigured)
            {
                return TypedResults.Problem("Microsoft Entra ID sign-in is not configured here.", statusCode: StatusCodes.Status404NotFound, title: "Not found.");
            }
            var callback = $"{ExternalCallbackPath}?returnUrl={Uri.EscapeDataString(SafeReturnUrl(returnUrl))}";
            var properties = signIn.ConfigureExternalAuthenticationProperties(EntraIdOptions.Scheme, callback);
            return TypedResults.Challenge(properties, [EntraIdOptions.Scheme]);
        }).AllowAnonymous();

        account.MapGet(ExternalCallbackPath, async (string? returnUrl, HttpContext http, SignInManager<StaffUser> signIn, EntraIdLinks links) =>
        {
            var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            if (external.Principal is null)
            {
                return Results.LocalRedirect($"{ProrataAuth.SignInPath}?error={EntraIdLinks.Incomplete}");
            }
            // Only staff who already exist may sign in: Prorata, not the tenant, grants roles.
            var (user, error) = await links.ResolveAsync(external.Principal);
            if (user is null || !await signIn.CanSignInAsync(user) || await signIn.UserManager.IsLockedOutAsync(user))
            {
                return Results.LocalRedirect($"{ProrataAuth.SignInPath}?error={error ?? EntraIdLinks.UnknownUser}");
            }
            await signIn.SignInAsync(user, isPersistent: false, EntraIdOptions.Scheme);
            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        }).AllowAnonymous();

        return app;
    }

    /// <summary>
    /// Only same-site paths: an open redirect would let a phishing link bounce through the sign-in page. Control characters
    /// are refused too: browsers drop a tab or newline, so "/\t/evil.example" would become "//evil.example".
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.Length <= 2048 && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            && !returnUrl.Any(char.IsControl) && !returnUrl.Contains('\\')
            ? returnUrl
            : "/";
}
