namespace Prorata.Web.Features.Account;

public sealed class SetupForm
{
    public string? Token { get; set; }

    public string? Email { get; set; }

    public string? Password { get; set; }
}
