using Prorata.Domain.Catalog;
using Prorata.Domain.Subscriptions;

namespace Prorata.Data.Subscriptions;

/// <summary>
/// A subscription under a billing contract. Its truth is its <see cref="LicenseChangeEntry"/> log; the status and
/// quantity here are a snapshot of the log's replay, kept for lists and filters. <see cref="ChangeCount"/> is the
/// sequence of the last entry: appending checks it, so two changes at once cannot both pass the rules on stale state.
/// </summary>
public sealed class CustomerSubscription
{
    public Guid Id { get; set; }

    public Guid ContractId { get; set; }

    /// <summary>The bundle this subscription belongs to; its quantity follows the parent's.</summary>
    public Guid? ParentId { get; set; }

    public required string ProductId { get; set; }

    public required string SkuId { get; set; }

    public required string Title { get; set; }

    public TermDuration? Term { get; set; }

    public BillingPlan? BillingPlan { get; set; }

    public bool AlignToCalendarMonth { get; set; }

    public SubscriptionStatus Status { get; set; }

    public int Quantity { get; set; }

    public bool AutoRenew { get; set; }

    public ProvisioningState Provisioning { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int ChangeCount { get; set; }
}
