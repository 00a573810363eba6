using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Prorata.Data;
using Prorata.Data.PartnerCenter;
using Prorata.Integrations.PartnerCenter;
using SubscribedSku = Prorata.Integrations.PartnerCenter.Models.SubscribedSku;
using SubscriptionStatus = Prorata.Domain.Subscriptions.SubscriptionStatus;

namespace Prorata.Application.PartnerCenter;

/// <summary>
/// Reads the licenses of every tenant that has a live subscription linked to Prorata (microsoft-csp.md §4.9) and stores,
/// per linked subscription, the seats and assigned licenses of the license SKU it provisions. A subscription maps to a
/// license SKU through its catalog SKU's provisioning id, asked once per SKU and read; one whose SKU Partner Center does not
/// name, or whose tenant lists no such SKU, keeps no license data, so nothing is suggested from a guess. Tenants are read
/// in parallel (PartnerCenter:Sync:Parallelism) and stored in one transaction.
/// </summary>
public sealed class LicenseRead(ProrataDbContext db, IPartnerCenter partnerCenter, IOptions<PartnerCenterSyncOptions> options, TimeProvider time)
{
    public async Task<LicenseReadOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var linked = await (
                from link in db.PartnerCenterSubscriptions.AsNoTracking()
                join s in db.Subscriptions.AsNoTracking() on link.SubscriptionId equals s.Id
                where s.Status == SubscriptionStatus.Active || s.Status == SubscriptionStatus.Suspended
                select new { s.Id, link.PartnerCenterCustomerId, s.ProductId, s.SkuId })
            .ToListAsync(cancellationToken);
        var provisioning = new Dictionary<(string, string), string?>();
        foreach (var sku in linked.Select(s => (s.ProductId.ToUpperInvariant(), s.SkuId.ToUpperInvariant())).Distinct())
            provisioning[sku] = await partnerCenter.GetProvisioningIdAsync(sku.Item1, sku.Item2, options.Value.Market, cancellationToken);

        var tenants = linked.Select(s => s.PartnerCenterCustomerId).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var read = new ConcurrentDictionary<string, IReadOnlyList<SubscribedSku>>(StringComparer.OrdinalIgnoreCase);
        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(tenants, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken },
            async (tenant, ct) =>
            {
                try
                {
                    read[tenant] = await partnerCenter.GetSubscribedSkusAsync(tenant, ct);
                }
                catch (PartnerCenterException e) when (e is not PartnerCenterMfaRequiredException)
                {
                    // Reading a tenant's licenses needs a GDAP role in that tenant (Directory Reader or more); one refused is not all.
                    failures.Add($"{tenant}: {e.Message}");
                }
            });

        var readAt = time.GetUtcNow();
        var ids = linked.Where(s => read.ContainsKey(s.PartnerCenterCustomerId)).Select(s => s.Id).ToList();
        var stored = await db.LicenseUsage.Where(u => ids.Contains(u.SubscriptionId)).ToDictionaryAsync(u => u.SubscriptionId, cancellationToken);
        var subscriptionsRead = 0;
        foreach (var s in linked)
        {
            if (!read.TryGetValue(s.PartnerCenterCustomerId, out var skus)) continue;
            var skuId = provisioning[(s.ProductId.ToUpperInvariant(), s.SkuId.ToUpperInvariant())];
            var sku = skuId is null ? null : skus.FirstOrDefault(k => string.Equals(k.SkuId, skuId, StringComparison.OrdinalIgnoreCase));
            stored.TryGetValue(s.Id, out var usage);
            if (sku is null)
            {
                if (usage is not null) db.LicenseUsage.Remove(usage);
                continue;
            }
            if (usage is null)
            {
                usage = new LicenseUsage { SubscriptionId = s.Id, PartnerCenterCustomerId = s.PartnerCenterCustomerId, LicenseSkuId = sku.SkuId };
                db.LicenseUsage.Add(usage);
            }
            (usage.PartnerCenterCustomerId, usage.LicenseSkuId, usage.SkuPartNumber) = (s.PartnerCenterCustomerId, sku.SkuId, sku.SkuPartNumber);
            (usage.AssignedLicenses, usage.TenantSeats, usage.ReadAt) = (sku.ConsumedUnits, sku.TotalUnits, readAt);
            subscriptionsRead++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return new LicenseReadOutcome(readAt, read.Count, subscriptionsRead, [.. failures.Order(StringComparer.Ordinal)]);
    }
}
