namespace Prorata.Web.Infrastructure.Security;

/// <summary>The 256-bit key that encrypts the key ring at rest when no certificate is configured (<c>Prorata:DataProtection:Key</c>).</summary>
public sealed class KeyRingSecret(byte[] key)
{
    public const int KeyBytes = 32;

    public byte[] Key { get; } = key.Length == KeyBytes ? key : throw new ArgumentException($"The key ring secret must be {KeyBytes} bytes.", nameof(key));
}
