using Prorata.Application.Portal;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.PortalAdmin;

/// <summary>
/// An invitation just made: <see cref="Link"/> is the one-time link (also e-mailed through the outbox), in this answer only;
/// Prorata keeps its hash alone. Inviting the same address again replaces it.
/// </summary>
public sealed record PortalInvitationResponse(Guid UserId, string Email, string Role, string Link, DateTimeOffset ExpiresAt)
{
    public static PortalInvitationResponse From(IssuedInvitation made) =>
        new(made.User.Id, made.User.Email, EnumText.ToWire(made.User.Role), made.Link.ToString(), made.User.InvitationExpiresAt!.Value);
}
