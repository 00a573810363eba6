namespace Prorata.Integrations.PartnerCenter.Credentials;

/// <summary>The current refresh token and when Microsoft issued it; <see cref="ToString"/> never shows the token.</summary>
public sealed record RefreshTokenRecord(string Token, DateTimeOffset IssuedAt)
{
    public override string ToString() => $"RefreshTokenRecord {{ Token = ***, IssuedAt = {IssuedAt:O} }}";
}
