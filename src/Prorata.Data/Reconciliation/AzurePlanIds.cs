using Microsoft.EntityFrameworkCore;
using Prorata.Data.Billing;
using Prorata.Domain.Subscriptions;

namespace Prorata.Data.Reconciliation;

/// <summary>
/// Prorata's Azure plans by the id a usage file names them with: the Partner Center subscription linked by sync, or
/// the Prorata id itself for a plan not linked (as reconciliation names subscriptions).
/// </summary>
internal static class AzurePlanIds
{
    public static async Task<Dictionary<string, Guid?>> ByFileIdAsync(ProrataDbContext db, CancellationToken cancellationToken)
    {
        var azurePlan = PurchaseOrder.AzurePlan.ToUpperInvariant();
        var ids = await db.Subscriptions.AsNoTracking().Where(s => s.ProductId.ToUpper() == azurePlan).Select(s => s.Id).ToListAsync(cancellationToken);
        var plans = new Dictionary<string, Guid?>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in ids)
        {
            plans[StoredTimeline.IdOf(id)] = id;
        }
        var links = await db.PartnerCenterSubscriptions.AsNoTracking().Where(l => l.SubscriptionId != null && ids.Contains(l.SubscriptionId.Value))
            .Select(l => new { l.PartnerCenterSubscriptionId, l.SubscriptionId }).ToListAsync(cancellationToken);
        foreach (var link in links)
        {
            plans[link.PartnerCenterSubscriptionId] = link.SubscriptionId;
        }
        return plans;
    }
}
