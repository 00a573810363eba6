using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
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

        account.MapGet(ExternalPath, (string? returnUrl, SignInManager<StaffUser> signIn) =>
        {
            var callback = $"{ExternalCallbackPath}?returnUrl={Uri.EscapeDataString(SafeReturnUrl(returnUrl))}";
            var properties = signIn.ConfigureExternalAuthenticationProperties(EntraIdOptions.Scheme, callback);
            return TypedResults.Challenge(properties, [EntraIdOptions.Scheme]);
        }).AllowAnonymous();

        account.MapGet(ExternalCallbackPath, async (string? returnUrl, HttpContext http, SignInManager<StaffUser> signIn, UserManager<StaffUser> users) =>
        {
            var info = await signIn.GetExternalLoginInfoAsync();
            if (info is null)
            {
                return Results.LocalRedirect($"{ProrataAuth.SignInPath}?error=external");
            }
            var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false);
            if (!result.Succeeded)
            {
                // Only staff who already exist may link their Entra ID account: Prorata, not the tenant, grants roles.
                var email = info.Principal.FindFirstValue("email") ?? info.Principal.FindFirstValue("preferred_username");
                var user = email is null ? null : await users.FindByEmailAsync(email);
                if (user is null || !(await users.AddLoginAsync(user, info)).Succeeded)
                {
                    await http.SignOutAsync(IdentityConstants.ExternalScheme);
                    return Results.LocalRedirect($"{ProrataAuth.SignInPath}?error=unknown-user");
                }
                await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
            }
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        }).AllowAnonymous();

        return app;
    }

    /// <summary>Only same-site paths: an open redirect would let a phishing link bounce through the sign-in page.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            ? returnUrl
            : "/";
}
