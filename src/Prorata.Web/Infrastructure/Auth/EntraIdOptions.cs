namespace Prorata.Web.Infrastructure.Auth;

/// <summary>
/// Microsoft Entra ID sign-in (Authentication:EntraId). Off unless ClientId is set; a staff user who signs in this
/// way must already exist in Prorata with the same email, so Entra ID proves who someone is and Prorata decides their role.
/// </summary>
public sealed class EntraIdOptions
{
    public const string Section = "Authentication:EntraId";
    public const string Scheme = "EntraId";

    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId);
}
