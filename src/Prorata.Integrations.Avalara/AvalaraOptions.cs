using System.ComponentModel.DataAnnotations;

namespace Prorata.Integrations.Avalara;

/// <summary>
/// Configuration section "Prorata:Avalara". <see cref="LicenseKey"/> comes from configuration (user secrets, environment,
/// a key vault provider) and never from the database; nothing here is logged. The company code is not here: each legal
/// entity has its own and sends it with every document.
/// </summary>
public sealed class AvalaraOptions
{
    public const string SectionName = "Prorata:Avalara";

    /// <summary>Production is https://rest.avatax.com/, the sandbox https://sandbox-rest.avatax.com/ (credentials belong to one of them).</summary>
    [Required]
    public Uri BaseAddress { get; set; } = new("https://rest.avatax.com/");

    /// <summary>The AvaTax account id: the user name of Basic authentication.</summary>
    [Required(AllowEmptyStrings = false)]
    public string AccountId { get; set; } = "";

    /// <summary>The account's license key: the password of Basic authentication.</summary>
    [Required(AllowEmptyStrings = false)]
    public string LicenseKey { get; set; } = "";

    /// <summary>The application named in the X-Avalara-Client header, which Avalara asks every integration to send.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ApplicationName { get; set; } = "Prorata";

    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First back-off for transient failures without a Retry-After; grows exponentially with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest Retry-After honoured; a longer one gives up and the document is tried again later.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
