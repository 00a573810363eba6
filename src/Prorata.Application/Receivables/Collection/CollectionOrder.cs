namespace Prorata.Application.Receivables.Collection;

/// <summary>
/// One attempt to collect an invoice: from the provider's customer and saved method (a card or SEPA token, a mandate), an
/// amount in the currency's minor units, under an idempotency key that is the same for every try of this attempt.
/// </summary>
public sealed record CollectionOrder(string ProviderCustomerId, string Token, long AmountMinor, string Currency, string IdempotencyKey, Guid InvoiceId, int Attempt,
    string Description);
