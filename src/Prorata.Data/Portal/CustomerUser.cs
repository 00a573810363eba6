using Prorata.Data.Customers;

namespace Prorata.Data.Portal;

/// <summary>
/// A person of a customer who signs in to the customer portal: never a staff user, and only ever of one customer.
/// Invited by staff or by one of the customer's admins (a one-time link whose SHA-256 alone is kept); joins by choosing a
/// password, or by signing in with Microsoft from the customer's own Entra ID tenant. <see cref="SecurityStamp"/> changes
/// with the password, the role, MFA or a disable, and refuses every cookie issued before.
/// </summary>
public sealed class CustomerUser
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public required string Email { get; set; }

    /// <summary>The e-mail upper-cased (invariant): unique across all customers, so one address signs in to one customer.</summary>
    public required string NormalizedEmail { get; set; }
    public string? DisplayName { get; set; }
    public CustomerUserRole Role { get; set; }

    /// <summary>ASP.NET Core Identity's PBKDF2 hash; null until the invitation is accepted with a password.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>The TOTP key (RFC 6238), encrypted with the Data Protection key ring; set while MFA is being set up or on.</summary>
    public string? ProtectedTotpSecret { get; set; }
    public bool TotpEnabled { get; set; }

    /// <summary>The Microsoft Entra ID account linked at its first sign-in (tenant and object id, both from the token).</summary>
    public string? EntraTenantId { get; set; }
    public string? EntraObjectId { get; set; }

    /// <summary>SHA-256 (hex) of the invitation link's token while the invitation is open.</summary>
    public string? InvitationHash { get; set; }
    public DateTimeOffset? InvitationExpiresAt { get; set; }
    public required string InvitedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? JoinedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
    public bool Disabled { get; set; }
    public required string SecurityStamp { get; set; }

    public bool HasJoined => JoinedAt is not null;
}
