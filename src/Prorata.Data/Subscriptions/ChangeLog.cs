namespace Prorata.Data.Subscriptions;

/// <summary>
/// The one writer of the license change log, whoever the change comes from (staff, the portal, a Partner Center sync, a
/// usage file): it gives an entry the subscription's next sequence, keeps the subscription's snapshot and provisioning
/// state with it, and adds it to the caller's unit of work. The change count is a concurrency token, so two writers that
/// both read sequence n cannot both append n + 1: the later save fails and writes nothing.
/// </summary>
public static class ChangeLog
{
    /// <summary>Numbers the entry and updates the subscription, without adding the entry (bulk paths copy entries themselves).</summary>
    public static LicenseChangeEntry Number(CustomerSubscription subscription, LicenseChangeEntry entry, SubscriptionSnapshot? snapshot)
    {
        subscription.ChangeCount++;
        entry.SubscriptionId = subscription.Id;
        entry.Sequence = subscription.ChangeCount;
        subscription.UpdatedAt = entry.RecordedAt;
        if (entry.AwaitingProvisioning) subscription.Provisioning = ProvisioningState.AwaitingProvisioning;
        if (snapshot is not null) Apply(subscription, snapshot);
        return entry;
    }

    /// <summary>Numbers the entry, updates the subscription and adds the entry to <paramref name="db"/>'s unit of work.</summary>
    public static LicenseChangeEntry Append(ProrataDbContext db, CustomerSubscription subscription, LicenseChangeEntry entry, SubscriptionSnapshot? snapshot)
    {
        db.LicenseChangeLog.Add(Number(subscription, entry, snapshot));
        return entry;
    }

    /// <summary>A subscription's snapshot changes with its own entries and, for bundle children and moved seats, with their parent's or source's.</summary>
    public static void Apply(CustomerSubscription subscription, SubscriptionSnapshot snapshot)
    {
        if (snapshot.Status is { } status) subscription.Status = status;
        if (snapshot.Quantity is { } quantity) subscription.Quantity = quantity;
        if (snapshot.AutoRenew is { } autoRenew) subscription.AutoRenew = autoRenew;
        if (snapshot.ProductId is { } productId) subscription.ProductId = productId;
        if (snapshot.SkuId is { } skuId) subscription.SkuId = skuId;
    }
}
