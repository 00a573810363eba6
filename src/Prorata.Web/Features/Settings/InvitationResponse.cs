namespace Prorata.Web.Features.Settings;

/// <summary>The set-password link as an absolute URL, to send to the new user.</summary>
public sealed record InvitationResponse(StaffUserResponse User, string SetPasswordUrl)
{
    public static InvitationResponse From(StaffUserInvitation invitation, HttpRequest http) =>
        new(invitation.User, $"{http.Scheme}://{http.Host}{http.PathBase}{invitation.SetPasswordPath}");
}
