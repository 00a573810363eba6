namespace Prorata.Web.Features.Account;

public sealed class SignInForm
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    /// <summary>Where to go after signing in; carried through the form because the post has no query string.</summary>
    public string? ReturnUrl { get; set; }
}
