namespace Prorata.Integrations.Stripe;

/// <summary>
/// Configuration section "Prorata:Stripe". The keys come from configuration (user secrets, environment, a key vault
/// provider), never from the database, and are never logged. An empty <see cref="SecretKey"/> turns Stripe off.
/// </summary>
public sealed class StripeOptions
{
    public const string SectionName = "Prorata:Stripe";

    /// <summary>The account's secret key (sk_live_…, sk_test_…) or a restricted key (rk_…); empty means Stripe is off.</summary>
    public string SecretKey { get; set; } = "";

    /// <summary>The signing secret (whsec_…) of the webhook endpoint that Stripe posts events to.</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>Stripe's API; the simulator's address in tests and demos.</summary>
    public Uri ApiBase { get; set; } = new("https://api.stripe.com");

    /// <summary>How long one attempt may take before it counts as lost and is tried again with the same idempotency key.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>How far a webhook's signed timestamp may be from now; Stripe's libraries default to 300 seconds.</summary>
    public int WebhookToleranceSeconds { get; set; } = 300;

    /// <summary>Retries after a lost answer, a 5xx, a 429 or a timeout; each sends the same Idempotency-Key.</summary>
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>First back-off between attempts; grows exponentially with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(SecretKey);
}
