namespace Prorata.Integrations.PartnerCenter.Credentials;

/// <summary>One file per credential in a directory; written to a temporary file then moved, so a crash never leaves half a token.</summary>
public sealed class FileCredentialVault(string directory) : ICredentialVault
{
    public async Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        var path = PathOf(name);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    public async Task WriteAsync(string name, byte[] protectedBytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = PathOf(name);
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, protectedBytes, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    private string PathOf(string name) => Path.Combine(directory, string.Concat(name.Split(Path.GetInvalidFileNameChars())) + ".bin");
}
