using Prorata.Data.Portal;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.PortalAdmin;

/// <summary>
/// A customer's portal user as staff see it: <see cref="InvitationExpiresAt"/> while an invitation is open (null once joined),
/// whether MFA (TOTP) is on, the last sign-in. Never the password hash, the TOTP key or the invitation token.
/// </summary>
public sealed record PortalUserResponse(Guid Id, Guid CustomerId, string Email, string? DisplayName, string Role, DateTimeOffset? JoinedAt,
    DateTimeOffset? InvitationExpiresAt, bool MfaEnabled, bool SignsInWithMicrosoft, DateTimeOffset? LastSignInAt, bool Disabled, string InvitedBy,
    DateTimeOffset CreatedAt)
{
    public static PortalUserResponse From(CustomerUser u) =>
        new(u.Id, u.CustomerId, u.Email, u.DisplayName, EnumText.ToWire(u.Role), u.JoinedAt, u.InvitationExpiresAt, u.TotpEnabled, u.EntraObjectId is not null,
            u.LastSignInAt, u.Disabled, u.InvitedBy, u.CreatedAt);
}
