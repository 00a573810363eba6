using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.ApiKeys;
using Prorata.Data.Identity;
using Prorata.Domain.Contracts;

namespace Prorata.Application.ApiKeys;

/// <summary>
/// API keys for integrations, the Owner's to make and revoke (API, Settings page, command line alike), and the check of a
/// presented key on every API request that carries one. A key acts with one staff role; its secret is shown once and
/// only its hash is stored.
/// </summary>
public sealed class ApiKeys(ProrataDbContext db, TimeProvider time)
{
    public const int MaxNameLength = 100;

    /// <summary>How stale <see cref="ApiKey.LastUsedAt"/> may be: one write a minute per key, however many requests it makes.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>Every key, revoked and expired ones too (newest first), so the Owner sees what was made and by whom.</summary>
    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken);
        return [.. keys.OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Name, StringComparer.Ordinal).Select(k => ApiKeyView.From(k, now))];
    }

    public async Task<SaveResult<IssuedApiKey>> CreateAsync(ApiKeyDraft draft, string createdBy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var errors = new ValidationErrors();
        string? name = null;
        if (string.IsNullOrWhiteSpace(draft.Name))
            errors.Add("name", $"name is required: what the key is for, such as 'PSA sync'; got '{draft.Name}'.");
        else
            name = InputBounds.Text(draft.Name, "name", MaxNameLength, errors);
        var role = StaffRoles.All.FirstOrDefault(r => string.Equals(r, draft.Role?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (role is null)
            errors.Add("role", $"role must be one of {string.Join(", ", StaffRoles.All)}; got '{draft.Role}'.");
        if (draft.ExpiresAt is { } expires && expires <= now)
            errors.Add("expiresAt", $"expiresAt must be in the future (after {Instant(now)}); got '{expires.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}'.");
        if (!errors.IsValid) return SaveResult<IssuedApiKey>.Invalid(errors.ToDictionary());

        var id = Guid.CreateVersion7(now);
        var (token, hash) = ApiKeyToken.New(id);
        var key = new ApiKey
        {
            Id = id, Name = name!, Role = role!, SecretHash = hash, CreatedAt = now, CreatedBy = Bounded(createdBy), ExpiresAt = draft.ExpiresAt?.ToUniversalTime(),
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<IssuedApiKey>.Saved(new IssuedApiKey(ApiKeyView.From(key, now), token));
    }

    /// <summary>Revokes the key for good; revoking it again changes nothing and keeps the first revocation's time and name.</summary>
    public async Task<SaveResult<ApiKeyView>> RevokeAsync(Guid id, string revokedBy, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null) return SaveResult<ApiKeyView>.NotFound($"There is no API key '{id}'.");
        var now = time.GetUtcNow();
        if (key.RevokedAt is null)
        {
            (key.RevokedAt, key.RevokedBy) = (now, Bounded(revokedBy));
            await db.SaveChangesAsync(cancellationToken);
        }
        return SaveResult<ApiKeyView>.Saved(ApiKeyView.From(key, now));
    }

    /// <summary>
    /// Checks a presented key against the database on every request, as the staff cookie's security stamp is: a key revoked
    /// a moment ago is refused on its very next request. What is wrong with a key is said only once its secret matched.
    /// </summary>
    public async Task<ApiKeyCheck> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        if (!ApiKeyToken.TryParse(presented, out var id, out var secret))
            return ApiKeyCheck.Refused($"This is not a Prorata API key: one reads {ApiKeyToken.Start}<id>_<secret>.");
        var key = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Id == id)
            .Select(k => new { k.Name, k.Role, k.SecretHash, k.ExpiresAt, k.RevokedAt, k.LastUsedAt })
            .FirstOrDefaultAsync(cancellationToken);
        var hash = ApiKeyToken.Hash(secret);
        if (key is null || !ApiKeyToken.Matches(hash, key.SecretHash))
            return ApiKeyCheck.Refused("Unknown API key, or its secret is wrong.");
        var now = time.GetUtcNow();
        if (key.RevokedAt is { } revoked)
            return ApiKeyCheck.Refused($"API key {ApiKeyToken.PrefixOf(id)} was revoked at {Instant(revoked)}.");
        if (key.ExpiresAt is { } expires && expires <= now)
            return ApiKeyCheck.Refused($"API key {ApiKeyToken.PrefixOf(id)} expired at {Instant(expires)}.");

        if (key.LastUsedAt is not { } used || now - used >= LastUsedResolution)
        {
            // Conditional, so that of the requests arriving together only one writes.
            var stale = now - LastUsedResolution;
            await db.ApiKeys.Where(k => k.Id == id && (k.LastUsedAt == null || k.LastUsedAt <= stale))
                .ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }
        return ApiKeyCheck.Valid(new ApiKeyCaller(id, key.Name, key.Role));
    }

    private static string Bounded(string actor) => actor.Length <= 200 ? actor : actor[..200];

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
