using Prorata.Data.ApiKeys;

namespace Prorata.Application.ApiKeys;

/// <summary>
/// A key as it is listed: never its secret. <see cref="Prefix"/> (<c>prk_{id}</c>) is the public start of the key, to
/// tell which key an integration holds. <see cref="State"/> is active, expired or revoked, as of the moment listed.
/// </summary>
public sealed record ApiKeyView(
    Guid Id, string Name, string Role, string Prefix, string State, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? LastUsedAt,
    DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, string? RevokedBy)
{
    public const string Active = "active";
    public const string Expired = "expired";
    public const string Revoked = "revoked";

    public static ApiKeyView From(ApiKey key, DateTimeOffset now) =>
        new(key.Id, key.Name, key.Role, ApiKeyToken.PrefixOf(key.Id), StateOf(key, now), key.CreatedAt, key.CreatedBy, key.LastUsedAt, key.ExpiresAt,
            key.RevokedAt, key.RevokedBy);

    private static string StateOf(ApiKey key, DateTimeOffset now) =>
        key.RevokedAt is not null ? Revoked : key.ExpiresAt <= now ? Expired : Active;
}
