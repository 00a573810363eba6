using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Prorata.Application;
using Prorata.Application.ApiKeys;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Persistence;

namespace Prorata.Web.Features.Settings;

/// <summary>
/// /api/v1/api-keys, the Owner's only: list (never a secret), make one (201 with its secret, this once), revoke. The
/// Settings page's API keys section (/settings/api-keys) does the same through its own forms.
/// </summary>
public static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapApiKeys(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/api-keys").WithTags("API keys").RequireAuthorization(Policies.OwnerOnly);
        group.MapGet("/", async (ApiKeys keys, CancellationToken cancellationToken) => TypedResults.Ok(await keys.ListAsync(cancellationToken)))
            .WithName("ListApiKeys")
            .WithSummary("List the API keys")
            .WithDescription("Every key, newest first, with its role, who made it and when, when it was last used (to the minute), when it expires "
                + "and its state: active, expired or revoked. Secrets are never listed.");
        group.MapPost("/", CreateAsync)
            .WithName("CreateApiKey")
            .WithSummary("Make an API key")
            .WithDescription("Makes a key with a name, one staff role (Owner, BillingAdmin, Finance, Sales, ReadOnly) and an optional expiry. "
                + "The answer's secret (prk_<id>_<secret>) is shown this once: Prorata keeps only its SHA-256. Send it as "
                + "Authorization: Bearer prk_… or X-Api-Key: prk_…; the request then acts with the key's role.")
            .ProducesValidationProblem();
        group.MapPost("/{id:guid}/revoke", RevokeAsync)
            .WithName("RevokeApiKey")
            .WithSummary("Revoke an API key")
            .WithDescription("The key is refused (401) from its next request on, for good. It stays listed as revoked, with who revoked it and when. "
                + "Revoking it again changes nothing.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:guid}", RevokeAsync)
            .WithName("DeleteApiKey")
            .WithSummary("Revoke an API key (DELETE)")
            .WithDescription("The same as POST /api/v1/api-keys/{id}/revoke: the key is revoked and stays listed as revoked.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Created<IssuedApiKey>, ValidationProblem>> CreateAsync(
        ApiKeyDraft request, ApiKeys keys, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await keys.CreateAsync(request, Actor(user), cancellationToken);
        return result.Outcome == SaveOutcome.Saved
            ? TypedResults.Created($"/api/v1/api-keys/{result.Entity!.Key.Id}", result.Entity)
            : result.ToValidationProblem();
    }

    private static async Task<Results<Ok<ApiKeyView>, ProblemHttpResult>> RevokeAsync(Guid id, ApiKeys keys, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await keys.RevokeAsync(id, Actor(user), cancellationToken);
        return result.Outcome == SaveOutcome.Saved ? TypedResults.Ok(result.Entity!) : result.ToProblem();
    }

    public static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "staff";
}
