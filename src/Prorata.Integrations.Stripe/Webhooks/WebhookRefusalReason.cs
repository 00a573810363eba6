namespace Prorata.Integrations.Stripe.Webhooks;

public enum WebhookRefusalReason
{
    /// <summary>Stripe is off, or no webhook secret is configured.</summary>
    NotConfigured,

    /// <summary>No Stripe-Signature header.</summary>
    MissingSignature,

    /// <summary>No v1 signature matches the body under the endpoint's secret (a changed body, another secret, a malformed header).</summary>
    BadSignature,

    /// <summary>Signed correctly, but at a time further from now than the tolerance: possibly a replay.</summary>
    OutsideTolerance,

    /// <summary>Signed correctly, but not an event Prorata can read.</summary>
    Unparsable,
}
