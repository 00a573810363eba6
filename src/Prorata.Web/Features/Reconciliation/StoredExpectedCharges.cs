using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Billing;
using Prorata.Data.Invoices;
using Prorata.Domain.Reconciliation;
using Prorata.Domain.Simulation;
using Prorata.Domain.Subscriptions;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>
/// What a recon file is matched against when no what-if scenario is given: every stored contract's change log played
/// on the engine up to today gives the provider charges Microsoft should bill, and the stored invoice lines (not void)
/// give the periods customers were billed for. Recon files name Partner Center subscription ids, so a subscription
/// linked by Partner Center sync is named by its Partner Center id; an unlinked one keeps its Prorata id. Azure plan
/// lines are expected from the imported daily usage of Prorata's Azure plans, named as the usage file named them.
/// </summary>
public sealed class StoredExpectedCharges(ProrataDbContext db, BillingOptions options, TimeProvider time)
{
    public async Task<ExpectedCharges> LoadAsync(CancellationToken cancellationToken)
    {
        var until = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var contracts = await db.BillingContracts.AsNoTracking().ToListAsync(cancellationToken);
        var subscriptions = await db.Subscriptions.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);
        var log = await db.LicenseChangeLog.AsNoTracking().ToListAsync(cancellationToken);
        var prices = await StoredTimeline.PriceRowsAsync(db, cancellationToken);
        var partnerCenterIds = await db.PartnerCenterSubscriptions.AsNoTracking().Where(l => l.SubscriptionId != null)
            .ToDictionaryAsync(l => StoredTimeline.IdOf(l.SubscriptionId!.Value), l => l.PartnerCenterSubscriptionId, cancellationToken);
        string Name(string id) => partnerCenterIds.GetValueOrDefault(id, id);

        var events = log.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => StoredTimeline.ToEvent(e, subscriptions[e.SubscriptionId])).ToList();
        var scenario = StoredTimeline.Scenario("stored", options, prices, contracts.Select(StoredTimeline.ToDomain).ToList(), events, until);
        // Stored history: every entry already happened, so it is recorded as a fact, never refused again.
        var charges = Simulator.Replay(scenario).ProviderCharges.Select(c => c with { Subscription = Name(c.Subscription) }).ToList();
        var billed = await db.InvoiceLines.AsNoTracking()
            .Join(db.Invoices.Where(i => i.Status != InvoiceStatus.Void), l => l.InvoiceId, i => i.Id, (l, i) => new { l.SubscriptionId, l.PeriodStart, l.PeriodEnd })
            .ToListAsync(cancellationToken);
        return new ExpectedCharges(
            charges,
            [.. subscriptions.Keys.Select(id => Name(StoredTimeline.IdOf(id)))],
            [.. billed.Select(l => new Domain.Reconciliation.BilledPeriod(Name(StoredTimeline.IdOf(l.SubscriptionId)), l.PeriodStart, l.PeriodEnd))])
        {
            Usage = await UsageAsync(cancellationToken),
        };
    }

    /// <summary>The imported rows of Prorata's Azure plans summed per plan, month and meter; summed here since SQLite cannot sum decimals.</summary>
    private async Task<IReadOnlyList<ExpectedUsage>> UsageAsync(CancellationToken cancellationToken)
    {
        var rows = await db.UsageRows.AsNoTracking().Where(r => r.PlanSubscriptionId != null)
            .Select(r => new { r.SubscriptionId, r.UsageDate, r.ProductId, r.SkuId, r.BillingPreTaxTotal, r.Quantity })
            .ToListAsync(cancellationToken);
        return
        [
            .. rows
                .GroupBy(r => (Plan: r.SubscriptionId.ToLowerInvariant(), Month: new DateOnly(r.UsageDate.Year, r.UsageDate.Month, 1), Product: r.ProductId.ToUpperInvariant(),
                    Sku: r.SkuId.ToUpperInvariant()))
                .OrderBy(g => g.Key.Plan, StringComparer.Ordinal).ThenBy(g => g.Key.Month).ThenBy(g => g.Key.Product, StringComparer.Ordinal).ThenBy(g => g.Key.Sku, StringComparer.Ordinal)
                .Select(g => new ExpectedUsage(g.Key.Plan, g.Key.Month, g.Key.Product, g.Key.Sku, g.Sum(r => r.BillingPreTaxTotal), g.Sum(r => r.Quantity), g.Count())),
        ];
    }
}
