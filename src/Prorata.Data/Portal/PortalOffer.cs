using Prorata.Data.Contracts;
using Prorata.Domain.Catalog;

namespace Prorata.Data.Portal;

/// <summary>
/// One offer the partner lets a customer buy in the portal (its catalog is these rows, nothing else): the SKU, term and
/// billing plan, the contract the purchase is billed on, the seats a subscription of this SKU may have (for purchases and
/// seat changes alike), and whether every purchase or increase of it waits for staff approval.
/// </summary>
public sealed class PortalOffer
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public Guid ContractId { get; set; }
    public BillingContract? Contract { get; set; }
    public required string ProductId { get; set; }
    public required string SkuId { get; set; }
    public TermDuration Term { get; set; }
    public BillingPlan BillingPlan { get; set; }
    public int MinSeats { get; set; } = 1;
    public int? MaxSeats { get; set; }
    public bool RequiresApproval { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
