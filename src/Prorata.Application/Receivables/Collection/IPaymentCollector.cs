using Prorata.Data.Receivables;

namespace Prorata.Application.Receivables.Collection;

/// <summary>
/// A payment provider in Prorata's words (Stripe for cards and SEPA debits, GoCardless for Direct Debit): a hosted page to
/// save a method (card data never reaches Prorata), collection of an invoice with a saved method, and finding what an
/// attempt did when its answer was lost.
/// </summary>
public interface IPaymentCollector
{
    PaymentProvider Provider { get; }

    Task<CollectionSetup> StartSetupAsync(Guid customerId, string name, string email, string? providerCustomerId, string currency, Uri returnUrl, Uri cancelUrl,
        CancellationToken cancellationToken);

    /// <summary>The method the setup saved, or null while the customer has not finished.</summary>
    Task<SavedMethod?> CompleteSetupAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Collects, or throws <see cref="CollectorUnavailableException"/> when the answer was lost.</summary>
    Task<CollectionOutcome> CollectAsync(CollectionOrder order, CancellationToken cancellationToken);

    /// <summary>What the provider has for the order's invoice and attempt; null when it made nothing.</summary>
    Task<CollectionOutcome?> FindAsync(CollectionOrder order, CancellationToken cancellationToken);
}
