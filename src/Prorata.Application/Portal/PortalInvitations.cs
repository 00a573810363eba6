using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Prorata.Application.Outbox;
using Prorata.Data;
using Prorata.Data.Outbox;
using Prorata.Data.Portal;

namespace Prorata.Application.Portal;

/// <summary>
/// Invites a person of a customer to the portal: staff invite anyone of any customer, a customer admin only into its own
/// customer. The link's token is random (256 bits), kept as its SHA-256 only, good for <see cref="ValidFor"/> and once;
/// inviting again replaces it. The e-mail goes through the outbox with the invitation, or not at all.
/// </summary>
public sealed class PortalInvitations(ProrataDbContext db, TimeProvider time, IDataProtectionProvider protection)
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(7);
    public const string InvitePath = "/portal/invitation/";
    private const string Purpose = "Prorata.Portal.Invitation";

    private readonly IDataProtector protector = protection.CreateProtector(Purpose);

    /// <param name="linkOf">The absolute link for a token, from the partner's public address.</param>
    public async Task<SaveResult<IssuedInvitation>> InviteAsync(Guid customerId, string? email, string? role, string invitedBy, Func<string, Uri> linkOf,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var address = email?.Trim() ?? "";
        if (address.Length is 0 or > 256 || !MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
            errors["email"] = [$"email must be one e-mail address; got '{email}'."];
        var parsedRole = ParseRole(role, errors);
        if (errors.Count > 0) return SaveResult<IssuedInvitation>.Invalid(errors);
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
            return SaveResult<IssuedInvitation>.NotFound($"No customer has id '{customerId}'.");

        var now = time.GetUtcNow();
        var normalized = address.ToUpperInvariant();
        var user = await db.CustomerUsers.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (user is not null && user.CustomerId != customerId)
            return SaveResult<IssuedInvitation>.Conflict($"'{address}' already signs in to another customer's portal; one address belongs to one customer.");
        if (user is { HasJoined: true })
            return SaveResult<IssuedInvitation>.Conflict($"'{address}' has already joined; change the role instead of inviting again.");
        user ??= db.CustomerUsers.Add(new CustomerUser
        {
            Id = Guid.CreateVersion7(now),
            CustomerId = customerId,
            Email = address,
            NormalizedEmail = normalized,
            InvitedBy = invitedBy,
            CreatedAt = now,
            SecurityStamp = NewStamp(),
        }).Entity;
        user.Role = parsedRole!.Value;
        user.Disabled = false;
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
        user.InvitationHash = Hash(token);
        user.InvitationExpiresAt = now + ValidFor;
        var link = linkOf(token);
        OutboxWriter.Enqueue(db, OutboxTopic.PortalInvitation, $"portal-invitation-{user.Id:N}-{user.InvitationHash[..16]}",
            new PortalInvitation(user.Id, protector.Protect(link.ToString())), now, customerId);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<IssuedInvitation>.Saved(new IssuedInvitation(user, link));
    }

    /// <summary>The link inside a queued invitation, for its e-mail.</summary>
    public string LinkOf(PortalInvitation invitation) => protector.Unprotect(invitation.ProtectedLink);

    /// <summary>The user an open, unexpired invitation token belongs to.</summary>
    public async Task<CustomerUser?> FindOpenAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 128) return null;
        var hash = Hash(token.Trim());
        var user = await db.CustomerUsers.Include(u => u.Customer).FirstOrDefaultAsync(u => u.InvitationHash == hash, cancellationToken);
        return user is { Disabled: false } && user.InvitationExpiresAt > time.GetUtcNow() ? user : null;
    }

    public static CustomerUserRole? ParseRole(string? role, IDictionary<string, string[]> errors)
    {
        if (Enum.TryParse<CustomerUserRole>(role?.Trim(), ignoreCase: true, out var parsed) && !int.TryParse(role, out _)) return parsed;
        errors["role"] = [$"role must be admin, billing or readOnly; got '{role}'."];
        return null;
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();

    public static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
