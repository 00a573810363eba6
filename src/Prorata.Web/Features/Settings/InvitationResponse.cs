using Prorata.Web.Infrastructure.Http;

namespace Prorata.Web.Features.Settings;

/// <summary>
/// The set-password link as an absolute URL, to send to the new user. Its host is Prorata's public address, never the
/// request's Host header: a forged Host would otherwise send the one-time token to another site.
/// </summary>
public sealed record InvitationResponse(StaffUserResponse User, string SetPasswordUrl)
{
    public static InvitationResponse From(StaffUserInvitation invitation, PublicAddress address) =>
        new(invitation.User, address.Link(invitation.SetPasswordPath));
}
