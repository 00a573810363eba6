namespace Prorata.Integrations.PartnerCenter.Credentials;

/// <summary>Keeps the one refresh token of the secure application model; every redemption replaces it (§4.8).</summary>
public interface IRefreshTokenStore
{
    Task<RefreshTokenRecord?> GetAsync(CancellationToken cancellationToken);

    Task SaveAsync(RefreshTokenRecord record, CancellationToken cancellationToken);
}
