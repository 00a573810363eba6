namespace Prorata.Web.Features.Account;

/// <summary>The set-password page's form: the link's user and token come back as hidden fields.</summary>
public sealed class SetPasswordForm
{
    public string? UserId { get; set; }

    public string? Token { get; set; }

    public string? Password { get; set; }
}
