using Prorata.Integrations.PartnerCenter.Models;

namespace Prorata.Integrations.PartnerCenter;

/// <summary>
/// What Prorata needs from Microsoft Partner Center, in Prorata's words. Reads page through continuation tokens; changes
/// are conditional on the subscription's ETag and come back as a result carrying either the new state or a refusal.
/// Throttling (429) and renewal processing (409) are retried inside; what still fails is a <see cref="PartnerCenterException"/>.
/// </summary>
public interface IPartnerCenter
{
    IAsyncEnumerable<PartnerCenterCustomer> GetCustomersAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<PartnerCenterSubscription>> GetSubscriptionsAsync(string customerId, CancellationToken cancellationToken);

    Task<PartnerCenterSubscription?> GetSubscriptionAsync(string customerId, string subscriptionId, CancellationToken cancellationToken);

    /// <summary>Adds seats at any time; removes seats only within the batch's 168-hour window (§1.3).</summary>
    Task<PartnerCenterResult<PartnerCenterSubscription>> SetQuantityAsync(SubscriptionKey subscription, int quantity, CancellationToken cancellationToken);

    /// <summary>Cancels (status "deleted"); allowed only within 168 hours of purchase or renewal (§1.3).</summary>
    Task<PartnerCenterResult<PartnerCenterSubscription>> CancelAsync(SubscriptionKey subscription, CancellationToken cancellationToken);

    /// <summary>Suspends; NCE keeps billing a suspended subscription and turns auto-renew off (§1.4).</summary>
    Task<PartnerCenterResult<PartnerCenterSubscription>> SuspendAsync(SubscriptionKey subscription, CancellationToken cancellationToken);

    Task<PartnerCenterResult<PartnerCenterSubscription>> ReactivateAsync(SubscriptionKey subscription, CancellationToken cancellationToken);

    Task<PartnerCenterResult<PartnerCenterSubscription>> SetAutoRenewAsync(SubscriptionKey subscription, bool enabled, CancellationToken cancellationToken);

    /// <summary>Sets (or with null clears) the changes applied at renewal; needs an active subscription with auto-renew on (§1.5).</summary>
    Task<PartnerCenterResult<PartnerCenterSubscription>> ScheduleRenewalAsync(SubscriptionKey subscription, RenewalInstructions? instructions, CancellationToken cancellationToken);

    /// <summary>The catalog item id (<c>ProductId:SkuId:AvailabilityId</c>) under which a SKU is sold in a country; null when it is not (§4.3).</summary>
    Task<string?> GetCatalogItemIdAsync(string productId, string skuId, string country, CancellationToken cancellationToken);

    /// <summary>
    /// The id a SKU's licenses carry in a customer's tenant: the SKU's <c>dynamicAttributes.provisioningId</c> (§4.9), which
    /// is a subscribed SKU's <c>productSku.id</c>; null when the catalog does not sell the SKU there or does not say.
    /// </summary>
    Task<string?> GetProvisioningIdAsync(string productId, string skuId, string country, CancellationToken cancellationToken);

    /// <summary>The customer tenant's license SKUs with their seats and the licenses assigned to users (§4.9).</summary>
    Task<IReadOnlyList<SubscribedSku>> GetSubscribedSkusAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>
    /// Cart → checkout → order, then polls the order (a bounded number of times) until provisioning has produced the
    /// subscription ids (§4.3). An order still provisioning after the polls is a success without subscriptions. The
    /// checkout is sent once: when its answer is lost, <see cref="PurchaseOutcomeUnknownException"/> names the cart.
    /// </summary>
    Task<PartnerCenterResult<PurchaseResult>> PurchaseAsync(string customerId, IReadOnlyList<PurchaseLine> lines, CancellationToken cancellationToken);

    Task<PartnerCenterResult<UpgradeResult>> UpgradeAsync(SubscriptionKey subscription, UpgradeRequest upgrade, CancellationToken cancellationToken);

    /// <summary>Activity-log records from <paramref name="startDate"/> (inclusive, UTC), oldest first; Microsoft keeps 90 days.</summary>
    IAsyncEnumerable<PartnerCenterAuditRecord> GetAuditRecordsAsync(DateOnly startDate, DateOnly? endDate, CancellationToken cancellationToken);

    Task<IReadOnlyList<PartnerCenterInvoice>> GetInvoicesAsync(CancellationToken cancellationToken);

    IAsyncEnumerable<InvoiceLineItem> GetInvoiceLineItemsAsync(string invoiceId, CancellationToken cancellationToken);

    /// <summary>Lines not yet on an invoice, for the current (or previous) billing period.</summary>
    IAsyncEnumerable<InvoiceLineItem> GetUnbilledLineItemsAsync(string currencyCode, bool previousPeriod, CancellationToken cancellationToken);

    /// <summary>The NCE license-based price list in force for <paramref name="market"/> (App+User only at Microsoft).</summary>
    Task<IReadOnlyList<PriceSheetRow>> GetPriceSheetAsync(string market, CancellationToken cancellationToken);
}
