using Microsoft.EntityFrameworkCore;
using Prorata.Data;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>
/// The customer and offer behind the subscription ids a recon file names (Partner Center's, or Prorata's own for a
/// subscription not linked by sync), so a person reads names, not GUIDs. Read for one page of rows at a time.
/// </summary>
internal sealed class ReconNames
{
    private readonly Dictionary<string, (string Customer, string Offer)> known;

    private ReconNames(Dictionary<string, (string Customer, string Offer)> known) => this.known = known;

    public static async Task<ReconNames> LoadAsync(ProrataDbContext db, IEnumerable<string> subscriptionIds, CancellationToken cancellationToken)
    {
        var ids = subscriptionIds.Select(s => s.ToLowerInvariant()).Distinct().ToList();
        var links = await db.PartnerCenterSubscriptions.AsNoTracking()
            .Where(l => l.SubscriptionId != null && ids.Contains(l.PartnerCenterSubscriptionId.ToLower()))
            .Select(l => new { Id = l.PartnerCenterSubscriptionId.ToLower(), Subscription = l.SubscriptionId!.Value })
            .ToListAsync(cancellationToken);
        var byId = ids.Where(id => Guid.TryParse(id, out _)).ToDictionary(id => id, Guid.Parse);
        foreach (var link in links) byId[link.Id] = link.Subscription;
        var wanted = byId.Values.Distinct().ToList();
        var subscriptions = await db.Subscriptions.AsNoTracking().Where(s => wanted.Contains(s.Id))
            .Join(db.BillingContracts.AsNoTracking(), s => s.ContractId, c => c.Id, (s, c) => new { s.Id, s.ProductId, s.SkuId, Customer = c.Customer!.Name })
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var products = subscriptions.Values.Select(s => s.ProductId).Distinct().ToList();
        var titles = (await db.CatalogProducts.AsNoTracking().Where(p => products.Contains(p.ProductId)).ToListAsync(cancellationToken))
            .GroupBy(p => (p.ProductId.ToUpperInvariant(), p.SkuId.ToUpperInvariant())).ToDictionary(g => g.Key, g => g.First().Title);
        var known = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, subscription) in byId)
        {
            if (!subscriptions.TryGetValue(subscription, out var s)) continue;
            known[id] = (s.Customer, titles.GetValueOrDefault((s.ProductId.ToUpperInvariant(), s.SkuId.ToUpperInvariant()), $"{s.ProductId}/{s.SkuId}"));
        }
        return new ReconNames(known);
    }

    /// <summary>Prorata's customer name for the subscription, else the name the file gives, else the file's customer id.</summary>
    public string Customer(string subscriptionId, string? fileName = null, string? fileId = null) =>
        known.TryGetValue(subscriptionId, out var name) ? name.Customer : !string.IsNullOrWhiteSpace(fileName) ? fileName : fileId ?? "";

    /// <summary>Prorata's title of the subscription's offer, else the file's product (and SKU) name, else its product and SKU ids.</summary>
    public string Offer(string subscriptionId, string? fileName, string productId, string skuId) =>
        known.TryGetValue(subscriptionId, out var name) ? name.Offer : !string.IsNullOrWhiteSpace(fileName) ? fileName : $"{productId}/{skuId}";
}
