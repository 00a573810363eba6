using PartnerCenterSimulator.State;

namespace PartnerCenterSimulator.Api;

/// <summary>The Entra ID v1 authorize and token endpoints, as far as the secure application model uses them.</summary>
public static class TokenEndpoints
{
    public static void MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        // Consent happens here at once, as if an Admin Agent had signed in and accepted: with MFA unless the settings say otherwise.
        app.MapGet("/{tenant}/oauth2/authorize", (HttpRequest request, TokenIssuer issuer, SimulatorSettings settings) =>
        {
            var clientId = request.Query["client_id"].ToString();
            var redirect = request.Query["redirect_uri"].ToString();
            if (clientId.Length == 0 || !Uri.TryCreate(redirect, UriKind.Absolute, out var redirectUri))
            {
                return Results.BadRequest(new { error = "invalid_request" });
            }
            var code = issuer.IssueCode(clientId, settings.ConsentWithMfa);
            var state = Uri.EscapeDataString(request.Query["state"].ToString());
            var separator = redirectUri.Query.Length > 0 ? '&' : '?';
            return Results.Redirect($"{redirectUri}{separator}code={Uri.EscapeDataString(code)}&state={state}");
        });

        app.MapPost("/{tenant}/oauth2/token", async (HttpRequest request, TokenIssuer issuer) =>
        {
            if (!request.HasFormContentType)
            {
                return Results.BadRequest(new { error = "invalid_request" });
            }
            var form = await request.ReadFormAsync();
            var clientId = form["client_id"].ToString();
            if (clientId.Length == 0 || form["client_secret"].ToString().Length == 0)
            {
                return Results.Json(new { error = "invalid_client" }, statusCode: 401);
            }
            var pair = form["grant_type"].ToString() switch
            {
                "authorization_code" => issuer.RedeemCode(form["code"].ToString(), clientId),
                "refresh_token" => issuer.RedeemRefreshToken(form["refresh_token"].ToString(), clientId),
                _ => null,
            };
            if (pair is null)
            {
                return Results.BadRequest(new { error = "invalid_grant", error_description = "The code or refresh token is invalid, expired or already redeemed." });
            }
            return Results.Json(new Dictionary<string, object>
            {
                ["token_type"] = "Bearer",
                ["access_token"] = pair.AccessToken,
                ["refresh_token"] = pair.RefreshToken,
                ["expires_in"] = pair.ExpiresInSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["resource"] = form["resource"].ToString(),
            });
        }).DisableAntiforgery();
    }
}
