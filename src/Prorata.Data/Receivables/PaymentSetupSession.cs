namespace Prorata.Data.Receivables;

/// <summary>A provider-hosted page where a customer saves a card or signs a mandate; completed when the provider says so.</summary>
public sealed class PaymentSetupSession
{
    public Guid Id { get; set; }

    public Guid CustomerId { get; set; }

    public PaymentProvider Provider { get; set; }

    /// <summary>Stripe's Checkout Session id or GoCardless's billing request id.</summary>
    public required string ProviderSessionId { get; set; }

    public required string ProviderCustomerId { get; set; }

    public required string Url { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public Guid? PaymentMethodId { get; set; }
}
