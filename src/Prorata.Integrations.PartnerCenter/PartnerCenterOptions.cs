using System.ComponentModel.DataAnnotations;

namespace Prorata.Integrations.PartnerCenter;

/// <summary>
/// Configuration section "PartnerCenter". <see cref="ClientSecret"/> comes from configuration (user secrets, environment,
/// a key vault provider) and never from the database; nothing here is logged.
/// </summary>
public sealed class PartnerCenterOptions
{
    public const string SectionName = "PartnerCenter";

    [Required]
    public Uri BaseAddress { get; set; } = new("https://api.partnercenter.microsoft.com/");

    /// <summary>The price sheet lives on a different host (api.partner.microsoft.com/v1.0, §3).</summary>
    [Required]
    public Uri PriceSheetBaseAddress { get; set; } = new("https://api.partner.microsoft.com/");

    /// <summary>Entra ID authority; the v1 token endpoint is <c>{Authority}{TenantId}/oauth2/token</c>.</summary>
    [Required]
    public Uri Authority { get; set; } = new("https://login.microsoftonline.com/");

    /// <summary>The partner's own tenant id.</summary>
    [Required(AllowEmptyStrings = false)]
    public string TenantId { get; set; } = "";

    /// <summary>The multi-tenant Entra application of the secure application model.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ApplicationId { get; set; } = "";

    [Required(AllowEmptyStrings = false)]
    public string ClientSecret { get; set; } = "";

    [Required]
    public Uri RedirectUri { get; set; } = new("https://localhost/partner-center/consent");

    [Required(AllowEmptyStrings = false)]
    public string Resource { get; set; } = "https://api.partnercenter.microsoft.com";

    [Range(1, 2000)]
    public int PageSize { get; set; } = 500;

    [Range(0, 20)]
    public int MaxRetryAttempts { get; set; } = 6;

    /// <summary>First back-off for transient failures without a Retry-After; grows exponentially with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Microsoft asks to retry updates 2 minutes after a 409 during renewal processing (§1.5).</summary>
    public TimeSpan RenewalConflictDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest Retry-After honoured; a longer one gives up and lets the caller resume later.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan OrderPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    [Range(1, 1000)]
    public int OrderPollAttempts { get; set; } = 60;

    /// <summary>Where the encrypted refresh token is kept when no database vault is registered.</summary>
    public string? CredentialDirectory { get; set; }
}
