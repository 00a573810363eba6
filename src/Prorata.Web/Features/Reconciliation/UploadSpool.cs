using System.Security.Cryptography;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>
/// An uploaded Microsoft file written to a temporary file while its SHA-256 is computed: a month's file is hundreds of
/// megabytes, never held in memory, and the hash recognises the same file imported twice.
/// </summary>
public static class UploadSpool
{
    /// <returns>The SHA-256 of what was written, lower-case hex.</returns>
    public static async Task<string> WriteAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        await using var spool = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await spool.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
