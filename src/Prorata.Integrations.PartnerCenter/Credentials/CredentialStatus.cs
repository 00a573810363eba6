namespace Prorata.Integrations.PartnerCenter.Credentials;

/// <summary>
/// Health of the stored refresh token. It lives 90 days from issue and every use replaces it, so it only ages when
/// unused; <see cref="ExpiringSoon"/> turns on at 80 days so someone acts before Microsoft forces a new consent.
/// </summary>
public sealed record CredentialStatus(bool Consented, DateTimeOffset? IssuedAt, DateTimeOffset? ExpiresAt, bool ExpiringSoon, bool Expired)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    public static readonly TimeSpan WarnAfter = TimeSpan.FromDays(80);

    public bool NeedsAttention => !Consented || ExpiringSoon || Expired;

    public static CredentialStatus Of(RefreshTokenRecord? record, DateTimeOffset now)
    {
        if (record is null)
        {
            return new CredentialStatus(false, null, null, false, false);
        }
        var age = now - record.IssuedAt;
        return new CredentialStatus(true, record.IssuedAt, record.IssuedAt + Lifetime, age >= WarnAfter && age < Lifetime, age >= Lifetime);
    }
}
