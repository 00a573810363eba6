namespace Prorata.Web.Features.Account;

/// <summary>
/// The first Owner (Prorata:Owner), created at start when the database has no staff user yet. Without it a one-time
/// setup URL is printed instead: no default password ever ships.
/// </summary>
public sealed class OwnerOptions
{
    public const string Section = "Prorata:Owner";

    public string? Email { get; set; }

    public string? Password { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Email) && !string.IsNullOrWhiteSpace(Password);
}
