using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Prorata.Integrations.PartnerCenter.Credentials;

/// <summary>
/// Encrypts the refresh token with ASP.NET Core Data Protection before it reaches the vault, so neither the database nor a
/// backup holds it in clear text. The purpose string isolates these payloads from every other protector in the app.
/// </summary>
public sealed class ProtectedRefreshTokenStore(IDataProtectionProvider protection, ICredentialVault vault) : IRefreshTokenStore
{
    public const string Purpose = "Prorata.Integrations.PartnerCenter.RefreshToken.v1";
    private const string EntryName = "partner-center-refresh-token";
    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public async Task<RefreshTokenRecord?> GetAsync(CancellationToken cancellationToken)
    {
        var bytes = await vault.ReadAsync(EntryName, cancellationToken);
        if (bytes is null)
        {
            return null;
        }
        var payload = JsonSerializer.Deserialize<Payload>(_protector.Unprotect(bytes))
            ?? throw new InvalidOperationException("The stored Partner Center credential is unreadable.");
        return new RefreshTokenRecord(payload.Token, payload.IssuedAt);
    }

    public Task SaveAsync(RefreshTokenRecord record, CancellationToken cancellationToken) =>
        vault.WriteAsync(EntryName, _protector.Protect(JsonSerializer.SerializeToUtf8Bytes(new Payload(record.Token, record.IssuedAt))), cancellationToken);

    private sealed record Payload(string Token, DateTimeOffset IssuedAt);
}
