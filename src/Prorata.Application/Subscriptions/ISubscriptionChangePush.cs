using Prorata.Domain.Subscriptions;
using Prorata.Data.Subscriptions;

namespace Prorata.Application.Subscriptions;

/// <summary>
/// Sends a change the engine accepted to where the subscription is provisioned (Partner Center), before it is logged, so
/// that a change Microsoft refuses is never billed. Registered only when such a place is configured; without it changes
/// are logged as they are.
/// </summary>
public interface ISubscriptionChangePush
{
    /// <summary>
    /// Null when the change was sent or there is nothing to send it to; otherwise the refusal, and nothing may be written.
    /// <paramref name="subscription"/> is still in its state before the change.
    /// </summary>
    Task<Refusal?> PushAsync(CustomerSubscription subscription, LicenseChangeEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Places a purchase of <paramref name="quantity"/> seats of <paramref name="subscription"/> for the customer, when the
    /// customer is linked to a Partner Center tenant; <see cref="PurchasePlacement.NotSent"/> otherwise.
    /// </summary>
    Task<PurchasePlacement> PlaceAsync(Guid customerId, CustomerSubscription subscription, int quantity, bool autoRenew, CancellationToken cancellationToken);

    /// <summary>
    /// Sets Microsoft's seat count to the subscription's current quantity (increases that waited for a credit hold to lift).
    /// Null when done or when the subscription is not linked; otherwise the refusal.
    /// </summary>
    Task<Refusal?> SetQuantityAsync(CustomerSubscription subscription, CancellationToken cancellationToken);
}
