namespace Prorata.Data.PartnerCenter;

/// <summary>
/// What Partner Center last reported of the license SKU a linked subscription provisions in its customer's tenant (a
/// subscribed SKU, microsoft-csp.md §4.9): the tenant's seats of that SKU and the licenses assigned to users, counted over
/// every subscription of the SKU in the tenant, as read at <see cref="ReadAt"/>. A fact as read, replaced by the next read;
/// how the assigned licenses are shared between several subscriptions of one SKU is decided where renewals are listed
/// (billing-engine.md, "Renewals ahead").
/// </summary>
public sealed class LicenseUsage
{
    public Guid SubscriptionId { get; set; }

    public required string PartnerCenterCustomerId { get; set; }

    /// <summary>The license SKU's id in the tenant: the catalog SKU's provisioning id, a subscribed SKU's productSku.id.</summary>
    public required string LicenseSkuId { get; set; }

    public string? SkuPartNumber { get; set; }

    /// <summary>Licenses of the SKU assigned to users (consumedUnits).</summary>
    public int AssignedLicenses { get; set; }

    /// <summary>Active and warning seats of the SKU in the tenant (totalUnits), whoever sold them.</summary>
    public int TenantSeats { get; set; }

    public DateTimeOffset ReadAt { get; set; }
}
