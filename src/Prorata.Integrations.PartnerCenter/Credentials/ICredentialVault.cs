namespace Prorata.Integrations.PartnerCenter.Credentials;

/// <summary>
/// Where protected (already encrypted) credential bytes are kept. The vault never sees clear text, so a database table
/// can implement it; the file and in-memory vaults serve the CLI, the demo and tests.
/// </summary>
public interface ICredentialVault
{
    Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken);

    Task WriteAsync(string name, byte[] protectedBytes, CancellationToken cancellationToken);
}
