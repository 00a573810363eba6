using System.Collections.Concurrent;
using System.Security.Cryptography;
using PartnerCenterSimulator.Clock;

namespace PartnerCenterSimulator.Api;

/// <summary>
/// A stand-in for Entra ID's v1 token endpoint under the secure application model (§4.8): an authorization code is
/// redeemed once; every refresh-token redemption returns a new refresh token and retires the old one.
/// </summary>
public sealed class TokenIssuer(SimulatedClock clock)
{
    public const string ConsentingUser = "admin.agent@partner.onmicrosoft.com";

    private readonly ConcurrentDictionary<string, string> _codes = new();
    private readonly ConcurrentDictionary<string, string> _refreshTokens = new();
    private readonly ConcurrentDictionary<string, (string ClientId, DateTimeOffset ExpiresAt)> _accessTokens = new();

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public int Redemptions => _redemptions;

    private int _redemptions;

    public string IssueCode(string clientId)
    {
        var code = Random("code");
        _codes[code] = clientId;
        return code;
    }

    public TokenPair? RedeemCode(string code, string clientId) =>
        _codes.TryRemove(code, out var issuedTo) && issuedTo == clientId ? Issue(clientId) : null;

    public TokenPair? RedeemRefreshToken(string refreshToken, string clientId)
    {
        if (!_refreshTokens.TryRemove(refreshToken, out var issuedTo) || issuedTo != clientId)
        {
            return null;
        }
        Interlocked.Increment(ref _redemptions);
        return Issue(clientId);
    }

    /// <summary>The application behind a bearer token, or null when the token is expired or was revoked.</summary>
    public string? Authenticate(string accessToken)
    {
        if (accessToken == "expired")
        {
            return null;
        }
        if (!_accessTokens.TryGetValue(accessToken, out var issued))
        {
            // Any other bearer token is accepted, as the simulator is meant to be easy to drive by hand.
            return "00000000-0000-0000-0000-0000000000aa";
        }
        return clock.GetUtcNow() < issued.ExpiresAt ? issued.ClientId : null;
    }

    public void ExpireAllAccessTokens()
    {
        foreach (var key in _accessTokens.Keys)
        {
            _accessTokens[key] = (_accessTokens[key].ClientId, DateTimeOffset.MinValue);
        }
    }

    private TokenPair Issue(string clientId)
    {
        var access = Random("at");
        var refresh = Random("rt");
        _accessTokens[access] = (clientId, clock.GetUtcNow() + AccessTokenLifetime);
        _refreshTokens[refresh] = clientId;
        return new TokenPair(access, refresh, (int)AccessTokenLifetime.TotalSeconds);
    }

    private static string Random(string prefix) => $"{prefix}.{Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant()}";
}
