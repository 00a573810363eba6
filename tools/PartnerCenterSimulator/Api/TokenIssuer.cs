using System.Collections.Concurrent;
using System.Security.Cryptography;
using PartnerCenterSimulator.Clock;

namespace PartnerCenterSimulator.Api;

/// <summary>
/// A stand-in for Entra ID's v1 token endpoint under the secure application model (§4.8): an authorization code is
/// redeemed once; every refresh-token redemption returns a new refresh token and retires the old one. Tokens carry
/// whether the consent was given with multi-factor authentication (the <c>amr</c> claim's <c>mfa</c>), down the whole
/// chain of refreshed tokens, as Entra ID's do.
/// </summary>
public sealed class TokenIssuer(SimulatedClock clock)
{
    public const string ConsentingUser = "admin.agent@partner.onmicrosoft.com";

    /// <summary>The application any other bearer token is taken for: the simulator is meant to be easy to drive by hand.</summary>
    public const string AnyApplication = "00000000-0000-0000-0000-0000000000aa";

    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private readonly ConcurrentDictionary<string, Grant> _refreshTokens = new();
    private readonly ConcurrentDictionary<string, (Grant Grant, DateTimeOffset ExpiresAt)> _accessTokens = new();

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public int Redemptions => _redemptions;

    private int _redemptions;

    public string IssueCode(string clientId, bool withMfa)
    {
        var code = Random("code");
        _codes[code] = new Grant(clientId, withMfa);
        return code;
    }

    public TokenPair? RedeemCode(string code, string clientId) =>
        _codes.TryRemove(code, out var grant) && grant.ClientId == clientId ? Issue(grant) : null;

    public TokenPair? RedeemRefreshToken(string refreshToken, string clientId)
    {
        if (!_refreshTokens.TryRemove(refreshToken, out var grant) || grant.ClientId != clientId)
        {
            return null;
        }
        Interlocked.Increment(ref _redemptions);
        return Issue(grant);
    }

    /// <summary>The application behind a bearer token and whether it carries MFA, or null when it is expired or was revoked.</summary>
    public Grant? Authenticate(string accessToken)
    {
        if (accessToken == "expired")
        {
            return null;
        }
        if (!_accessTokens.TryGetValue(accessToken, out var issued))
        {
            return new Grant(AnyApplication, WithMfa: true);
        }
        return clock.GetUtcNow() < issued.ExpiresAt ? issued.Grant : null;
    }

    public void ExpireAllAccessTokens()
    {
        foreach (var key in _accessTokens.Keys)
        {
            _accessTokens[key] = (_accessTokens[key].Grant, DateTimeOffset.MinValue);
        }
    }

    private TokenPair Issue(Grant grant)
    {
        var access = Random("at");
        var refresh = Random("rt");
        _accessTokens[access] = (grant, clock.GetUtcNow() + AccessTokenLifetime);
        _refreshTokens[refresh] = grant;
        return new TokenPair(access, refresh, (int)AccessTokenLifetime.TotalSeconds);
    }

    private static string Random(string prefix) => $"{prefix}.{Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant()}";

    public sealed record Grant(string ClientId, bool WithMfa);
}
