namespace Prorata.Data.ApiKeys;

/// <summary>
/// A credential an integration (a PSA, an accounting script) presents instead of a staff cookie, as
/// <c>prk_{Id:N}_{secret}</c>. It acts with one staff role, like a staff user with that role. Only the SHA-256 of the
/// secret is kept: the secret itself is shown once, when the key is made, and cannot be read back.
/// </summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }

    /// <summary>What the key is for ("PSA sync"), as the Owner named it.</summary>
    public required string Name { get; set; }

    /// <summary>One of <see cref="Identity.StaffRoles"/>.</summary>
    public required string Role { get; set; }

    /// <summary>SHA-256 of the secret's UTF-8 bytes (32 bytes): the secret has 256 random bits, so no slow hash is needed.</summary>
    public required byte[] SecretHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>Null: the key never expires. From this instant on it is refused.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>The last request it authenticated, written at most once a minute (so a busy integration is not a write per request).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>Set once; a revoked key is refused from the next request on and is never valid again.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }
}
