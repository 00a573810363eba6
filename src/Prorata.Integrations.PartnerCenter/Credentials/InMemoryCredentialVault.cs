using System.Collections.Concurrent;

namespace Prorata.Integrations.PartnerCenter.Credentials;

public sealed class InMemoryCredentialVault : ICredentialVault
{
    private readonly ConcurrentDictionary<string, byte[]> _entries = new(StringComparer.Ordinal);

    public Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(_entries.TryGetValue(name, out var bytes) ? bytes.ToArray() : null);

    public Task WriteAsync(string name, byte[] protectedBytes, CancellationToken cancellationToken)
    {
        _entries[name] = protectedBytes.ToArray();
        return Task.CompletedTask;
    }
}
