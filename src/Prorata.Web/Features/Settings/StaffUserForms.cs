namespace Prorata.Web.Features.Settings;

/// <summary>The Settings page's "add a staff user" form.</summary>
public sealed class AddStaffUserForm
{
    public string? Email { get; set; }

    public string? Role { get; set; }
}

/// <summary>The Settings page's "new set-password link" form.</summary>
public sealed class PasswordLinkForm
{
    public string? UserId { get; set; }
}
