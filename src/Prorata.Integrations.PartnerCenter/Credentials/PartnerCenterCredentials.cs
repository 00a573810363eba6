using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Prorata.Integrations.PartnerCenter.Credentials;

/// <summary>
/// The secure application model (§4.8): an Admin Agent consents once through the authorization-code flow; the refresh
/// token that comes back is kept encrypted and exchanged for access tokens, and every exchange returns a new refresh
/// token that replaces the stored one. No password is ever stored; the client secret comes from configuration.
/// </summary>
public sealed class PartnerCenterCredentials(
    IHttpClientFactory httpClientFactory,
    IRefreshTokenStore store,
    IOptions<PartnerCenterOptions> options,
    TimeProvider time,
    ILogger<PartnerCenterCredentials> logger)
{
    public const string TokenClientName = "Prorata.PartnerCenter.Token";

    // Renew the access token a little before it expires so a request is never sent with one about to lapse.
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly PartnerCenterOptions _options = options.Value;
    private string? _accessToken;
    private DateTimeOffset _accessTokenExpiresAt;

    /// <summary>Where to send the consenting Admin Agent (who signs in with MFA); <paramref name="state"/> guards against CSRF.</summary>
    public Uri GetConsentUri(string state) =>
        new(_options.Authority, $"{Uri.EscapeDataString(_options.TenantId)}/oauth2/authorize?response_type=code"
            + $"&client_id={Uri.EscapeDataString(_options.ApplicationId)}&redirect_uri={Uri.EscapeDataString(_options.RedirectUri.ToString())}"
            + $"&resource={Uri.EscapeDataString(_options.Resource)}&state={Uri.EscapeDataString(state)}");

    public async Task<CredentialStatus> CompleteConsentAsync(string authorizationCode, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var tokens = await RedeemAsync(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = authorizationCode,
                ["redirect_uri"] = _options.RedirectUri.ToString(),
            }, cancellationToken);
            var record = new RefreshTokenRecord(
                tokens.RefreshToken ?? throw new PartnerCenterException("The token endpoint returned no refresh token; check the app's offline access."),
                time.GetUtcNow());
            await store.SaveAsync(record, cancellationToken);
            // Calls go out under the new consent from now on: an access token of the old one (say, given without MFA)
            // would otherwise keep failing until it expired.
            _accessToken = tokens.AccessToken;
            _accessTokenExpiresAt = time.GetUtcNow().AddSeconds(tokens.ExpiresInSeconds);
            logger.LogInformation("Partner Center consent completed; refresh token stored");
            return CredentialStatus.Of(record, time.GetUtcNow());
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        var cached = _accessToken;
        if (cached is not null && time.GetUtcNow() < _accessTokenExpiresAt - ExpiryMargin)
        {
            return cached;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_accessToken is not null && time.GetUtcNow() < _accessTokenExpiresAt - ExpiryMargin)
            {
                return _accessToken;
            }
            var stored = await store.GetAsync(cancellationToken)
                ?? throw new PartnerCenterException("Partner Center has not been consented yet: an Admin Agent must complete the consent flow.");
            var tokens = await RedeemAsync(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = stored.Token,
            }, cancellationToken);
            // Persist the rotated refresh token before using the access token: losing it would force a new consent.
            await store.SaveAsync(new RefreshTokenRecord(tokens.RefreshToken ?? stored.Token, tokens.RefreshToken is null ? stored.IssuedAt : time.GetUtcNow()), cancellationToken);
            _accessToken = tokens.AccessToken;
            _accessTokenExpiresAt = time.GetUtcNow().AddSeconds(tokens.ExpiresInSeconds);
            logger.LogInformation("Partner Center access token renewed; refresh token rotated");
            return _accessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets an access token Partner Center rejected (401), so the next call redeems the refresh token again.</summary>
    public void Invalidate(string accessToken)
    {
        if (_accessToken == accessToken)
        {
            _accessToken = null;
        }
    }

    public async Task<CredentialStatus> GetStatusAsync(CancellationToken cancellationToken) =>
        CredentialStatus.Of(await store.GetAsync(cancellationToken), time.GetUtcNow());

    private async Task<TokenResponse> RedeemAsync(Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        form["client_id"] = _options.ApplicationId;
        form["client_secret"] = _options.ClientSecret;
        form["resource"] = _options.Resource;
        var http = httpClientFactory.CreateClient(TokenClientName);
        using var content = new FormUrlEncodedContent(form);
        // Not retried: a redeemed refresh token may already be spent, and a blind retry could lose the rotated one.
        using var response = await http.PostAsync(new Uri(_options.Authority, $"{Uri.EscapeDataString(_options.TenantId)}/oauth2/token"), content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var error = await ReadErrorAsync(response, cancellationToken);
            throw new PartnerCenterException(
                $"The token endpoint refused the {form["grant_type"]} grant ({error}); an Admin Agent must consent again.", (int)response.StatusCode);
        }
        var tokens = await response.Content.ReadFromJsonAsync<TokenResponse>(TokenJson, cancellationToken);
        if (tokens?.AccessToken is null)
        {
            throw new PartnerCenterException("The token endpoint returned no access token.");
        }
        return tokens;
    }

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            // Only the error code is kept: descriptions can echo request details.
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            return body.TryGetProperty("error", out var code) ? code.GetString() ?? "unknown" : "unknown";
        }
        catch (JsonException)
        {
            return ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }
    }

    private static readonly JsonSerializerOptions TokenJson = new() { NumberHandling = JsonNumberHandling.AllowReadingFromString };

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("expires_in")] int ExpiresInSeconds);
}
