namespace Prorata.Integrations.GoCardless;

/// <summary>
/// Configuration section "Prorata:GoCardless". GoCardless is off while <see cref="AccessToken"/> is empty. The token and the
/// webhook secret come from configuration (user secrets, environment, a key vault provider), never from the database, and
/// are never logged. Checked at start by <see cref="GoCardlessOptionsValidator"/>.
/// </summary>
public sealed class GoCardlessOptions
{
    public const string SectionName = "Prorata:GoCardless";

    /// <summary>A read-write access token from the dashboard (Developers → Create → Access token); it decides live or sandbox.</summary>
    public string AccessToken { get; set; } = "";

    /// <summary>The secret of the webhook endpoint Prorata registered in the dashboard: it signs every webhook GoCardless sends.</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>Live is https://api.gocardless.com/, the sandbox https://api-sandbox.gocardless.com/ (the token belongs to one of them).</summary>
    public Uri BaseAddress { get; set; } = new("https://api.gocardless.com/");

    /// <summary>How long one attempt may take before it is abandoned (and retried with the same idempotency key).</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First back-off for transient failures without a rate-limit reset time; grows exponentially with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait for a rate limit to reset; a longer one gives up and the caller tries again later.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>All attempts of one call together, waits included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public bool Enabled => !string.IsNullOrWhiteSpace(AccessToken);
}
