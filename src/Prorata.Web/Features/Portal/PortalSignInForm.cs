namespace Prorata.Web.Features.Portal;

public sealed class PortalSignInForm
{
    public string? Email { get; set; }
    public string? Password { get; set; }
}

/// <summary>The second step's field: the six digits the authenticator app shows.</summary>
public sealed class PortalCodeForm
{
    public string? Code { get; set; }
}

/// <summary>Accepting an invitation: the password chosen (twice) and a name to show.</summary>
public sealed class PortalJoinForm
{
    public string? DisplayName { get; set; }
    public string? Password { get; set; }
    public string? Confirm { get; set; }
}
