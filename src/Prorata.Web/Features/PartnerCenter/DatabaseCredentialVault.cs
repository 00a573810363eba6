using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.PartnerCenter;
using Prorata.Integrations.PartnerCenter.Credentials;

namespace Prorata.Web.Features.PartnerCenter;

/// <summary>
/// Keeps the encrypted refresh token in the database, so it survives restarts and every instance shares it. The bytes
/// arrive already protected; the Data Protection keys that open them live outside the database (see
/// <see cref="PartnerCenterFeature"/>), so a database backup alone cannot reveal the token.
/// </summary>
public sealed class DatabaseCredentialVault(IServiceScopeFactory scopes, TimeProvider time) : ICredentialVault
{
    public async Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        return await db.PartnerCenterCredentials.AsNoTracking().Where(c => c.Name == name).Select(c => c.ProtectedValue).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task WriteAsync(string name, byte[] protectedBytes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        var row = await db.PartnerCenterCredentials.FirstOrDefaultAsync(c => c.Name == name, cancellationToken);
        if (row is null)
        {
            db.PartnerCenterCredentials.Add(new PartnerCenterCredential { Name = name, ProtectedValue = protectedBytes, UpdatedAt = time.GetUtcNow() });
        }
        else
        {
            row.ProtectedValue = protectedBytes;
            row.UpdatedAt = time.GetUtcNow();
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
