namespace Prorata.Data.Subscriptions;

/// <summary>
/// What Microsoft has of one change-log entry that had to be provisioned: a purchase placed in Partner Center, or a
/// purchase or increase that waited for a credit hold to lift. The change log is immutable, so whether and when the
/// entry reached Microsoft is recorded here, one row per entry. <see cref="ProvisionedAt"/> null means it still waits:
/// <see cref="Failure"/> then says why (shown on the customer page and as a Partner Center exception).
/// </summary>
public sealed class ProvisioningRecord
{
    public long Id { get; set; }

    public long LicenseChangeEntryId { get; set; }

    public LicenseChangeEntry? Entry { get; set; }

    public Guid SubscriptionId { get; set; }

    public DateTimeOffset? ProvisionedAt { get; set; }

    public DateTimeOffset AttemptedAt { get; set; }

    public string? PartnerCenterCustomerId { get; set; }

    /// <summary>
    /// The cart a purchase was checked out from. Set without an order id, the checkout's answer was lost: Microsoft may
    /// have placed the order, so it is never placed again; the next sync links the subscription it produced.
    /// </summary>
    public string? PartnerCenterCartId { get; set; }

    public string? PartnerCenterOrderId { get; set; }

    public string? PartnerCenterSubscriptionId { get; set; }

    public string? Failure { get; set; }
}
