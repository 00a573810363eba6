namespace Prorata.Web.Features.Portal;

/// <summary>A change confirmed on the preview page: the change's fields and the confirmation box.</summary>
public sealed class PortalChangeForm
{
    public string? Type { get; set; }
    public int? Quantity { get; set; }
    public string? Enabled { get; set; }
    public string? Confirm { get; set; }
}

public sealed class PortalPurchaseForm
{
    public int? Quantity { get; set; }
    public string? Confirm { get; set; }
}

public sealed class PortalInviteForm
{
    public string? Email { get; set; }
    public string? Role { get; set; }
}

public sealed class PortalUserForm
{
    public string? Role { get; set; }
    public string? Disabled { get; set; }
}

public sealed class PortalSetupForm
{
    public string? Provider { get; set; }
    public Guid? Invoice { get; set; }
}
