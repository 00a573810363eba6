using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Prorata.Application.ApiKeys;

/// <summary>
/// The text a caller sends: <c>prk_</c>, the key's id (32 hex digits, so the key is found by its primary key without
/// trying every hash) and <c>_</c>, then 32 bytes from the operating system's CSPRNG in base64url (43 characters).
/// </summary>
public static class ApiKeyToken
{
    public const string Start = "prk_";

    private const int IdLength = 32;
    private const int SecretBytes = 32;

    // prk_ + id + _ + 43 characters: anything much longer is not a key and is not hashed.
    private const int MaxLength = 128;

    public static string PrefixOf(Guid id) => $"{Start}{id:N}";

    public static (string Token, byte[] Hash) New(Guid id)
    {
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return ($"{PrefixOf(id)}_{secret}", Hash(secret));
    }

    public static bool TryParse(string text, out Guid id, out string secret)
    {
        (id, secret) = (Guid.Empty, "");
        if (text.Length > MaxLength || text.Length < Start.Length + IdLength + 2 || !text.StartsWith(Start, StringComparison.Ordinal)
            || text[Start.Length + IdLength] != '_'
            || !Guid.TryParseExact(text.AsSpan(Start.Length, IdLength), "N", out id))
        {
            return false;
        }
        secret = text[(Start.Length + IdLength + 1)..];
        return true;
    }

    /// <summary>SHA-256 of the secret: with 256 random bits there is nothing to guess, so a fast hash is enough and costs each request nothing.</summary>
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Constant time, so the time an answer takes says nothing of how much of a guessed secret was right.</summary>
    public static bool Matches(byte[] hash, byte[] stored) => CryptographicOperations.FixedTimeEquals(hash, stored);
}
