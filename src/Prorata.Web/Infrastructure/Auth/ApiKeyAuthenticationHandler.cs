using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Prorata.Application.ApiKeys;

namespace Prorata.Web.Infrastructure.Auth;

/// <summary>
/// Authenticates an API request by its key (<see cref="ApiKeyAuthentication"/>): the principal has the key's one staff
/// role, so every authorization policy judges it as it judges a staff user with that role. A refused key is 401 with
/// the reason; a valid key whose role does not allow the call, 403.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeys keys, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!ApiKeyAuthentication.IsApi(Request) || ApiKeyAuthentication.PresentedKey(Request) is not { } presented)
        {
            return AuthenticateResult.NoResult();
        }
        var check = await keys.AuthenticateAsync(presented, Context.RequestAborted);
        if (check.Caller is not { } caller)
        {
            return AuthenticateResult.Fail(check.Refusal!);
        }
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, ApiKeyToken.PrefixOf(caller.Id)),
                new Claim(ClaimTypes.Name, caller.Actor),
                new Claim(ClaimTypes.Role, caller.Role),
            ],
            Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"Prorata\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "The API key is refused.",
                Detail = result.Failure?.Message ?? "Send the key as Authorization: Bearer prk_… or X-Api-Key: prk_….",
            },
        });
    }
}
