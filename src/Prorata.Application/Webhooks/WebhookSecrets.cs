using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Prorata.Application.Webhooks;

/// <summary>
/// Signing secrets: 32 random bytes from the operating system's CSPRNG, written as <c>whsec_</c> and base64url. Prorata
/// must read a secret again to sign, so it keeps it encrypted with the Data Protection key ring (not hashed); a database
/// backup alone cannot sign.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    private const string Purpose = "Prorata.Webhooks.SigningSecret";
    private const string Prefix = "whsec_";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public static string New() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The last four characters, shown beside a subscription so a person can tell which secret a receiver holds.</summary>
    public static string Hint(string secret) => secret[^4..];

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
