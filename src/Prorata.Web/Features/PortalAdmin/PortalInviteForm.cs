namespace Prorata.Web.Features.PortalAdmin;

/// <summary>The customer page's "Invite to the portal" form: the person's e-mail and role (admin, billing or readOnly).</summary>
public sealed class PortalInviteForm
{
    public string? Email { get; set; }

    public string? Role { get; set; }
}
