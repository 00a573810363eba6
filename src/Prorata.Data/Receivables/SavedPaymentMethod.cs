namespace Prorata.Data.Receivables;

/// <summary>
/// A customer's card, SEPA debit or Direct Debit mandate as its provider's token (pm_…, MD…): the details stay with the
/// provider (PCI SAQ-A); <see cref="Display"/> is what a person recognises ("Visa •••• 4242, 12/2030").
/// </summary>
public sealed class SavedPaymentMethod
{
    public Guid Id { get; set; }

    public Guid CustomerId { get; set; }

    public PaymentProvider Provider { get; set; }

    public PaymentMethodKind Kind { get; set; }

    /// <summary>The provider's customer (cus_…, CU…).</summary>
    public required string ProviderCustomerId { get; set; }

    public required string Token { get; set; }

    public required string Display { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
