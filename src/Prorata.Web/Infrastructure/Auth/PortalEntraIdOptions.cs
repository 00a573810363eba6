namespace Prorata.Web.Infrastructure.Auth;

/// <summary>
/// Microsoft sign-in for customer users (Authentication:PortalEntraId): one multi-tenant app registration of the partner,
/// open to any Entra ID tenant; a customer user gets in only from its own customer's tenant (PortalAccounts.ResolveEntraAsync).
/// Off unless ClientId is set.
/// </summary>
public sealed class PortalEntraIdOptions
{
    public const string Section = "Authentication:PortalEntraId";
    public const string Scheme = "PortalEntraId";
    public const string ExternalScheme = "PortalExternal";
    public const string CallbackPath = "/portal/signin-oidc";

    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>
    /// A multi-tenant token names its own tenant: its issuer must be this instance's issuer for the tenant in its tid claim,
    /// never an issuer of another authority.
    /// </summary>
    public bool IsIssuerOf(string issuer, string? tenantId) =>
        Guid.TryParse(tenantId, out _) && string.Equals(issuer, $"{Instance.TrimEnd('/')}/{tenantId}/v2.0", StringComparison.OrdinalIgnoreCase);
}
