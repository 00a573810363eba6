using System.Security.Cryptography;

namespace Prorata.Integrations.ReconFiles;

/// <summary>SHA-256 of a file's bytes: the same file imported twice is recognised by it and not counted twice.</summary>
public static class ReconFileHash
{
    public static async Task<string> ComputeAsync(Stream content, CancellationToken cancellationToken)
    {
        var hash = await SHA256.HashDataAsync(content, cancellationToken).ConfigureAwait(false);
        return Convert.ToHexStringLower(hash);
    }
}
