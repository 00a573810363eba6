using Microsoft.EntityFrameworkCore;
using Prorata.Data.Catalog;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Catalog;
using Prorata.Domain.Money;
using Prorata.Domain.Simulation;
using Prorata.Domain.Subscriptions;
using DomainContract = Prorata.Domain.Billing.BillingContract;
using StoredContract = Prorata.Data.Contracts.BillingContract;

namespace Prorata.Data.Billing;

/// <summary>
/// Stored data in the engine's terms: the change log of a contract's subscriptions IS the engine's event timeline,
/// the catalog's price rows are its price list, and a stored contract is a domain contract. Nothing here decides a
/// billing rule; it only translates.
/// </summary>
public static class StoredTimeline
{
    public static string IdOf(Guid id) => id.ToString();

    public static DomainContract ToDomain(StoredContract contract) => new(
        IdOf(contract.Id),
        IdOf(contract.CustomerId),
        Currency.FromCode(contract.Currency),
        contract.BillingDay,
        contract.Alignment,
        contract.RefundPolicy,
        contract.PricingRules.OrderBy(r => r.Position).Select(r => new PricingRule(r.ProductId, r.SkuId, r.Method, r.Value)).ToList())
    {
        Cadence = contract.InvoiceCadence,
        // Without a start date, invoices count from the first billing day on or after the contract's first log entry.
        StartDate = contract.StartDate,
        PaymentTermsDays = contract.PaymentTermsDays,
    };

    /// <summary>
    /// One event of the log. A purchase takes its offer from the subscription row (the log entry carries the
    /// quantity and auto-renew); the index is the entry's id, so change-event billing keys stay the same forever.
    /// </summary>
    public static SubscriptionEvent ToEvent(LicenseChangeEntry entry, CustomerSubscription subscription) =>
        new((int)entry.Id, entry.At, entry.Type, IdOf(subscription.Id))
        {
            Contract = entry.Type == SubscriptionEventType.Purchase ? IdOf(subscription.ContractId) : null,
            ProductId = entry.Type == SubscriptionEventType.Purchase ? subscription.ProductId : null,
            SkuId = entry.Type == SubscriptionEventType.Purchase ? subscription.SkuId : entry.SkuId,
            Term = entry.Type == SubscriptionEventType.Purchase ? subscription.Term : entry.Term,
            BillingPlan = entry.Type == SubscriptionEventType.Purchase ? subscription.BillingPlan : entry.BillingPlan,
            Quantity = entry.Quantity,
            AutoRenew = entry.Type != SubscriptionEventType.Purchase || (entry.Enabled ?? true),
            AlignToCalendarMonth = subscription.AlignToCalendarMonth,
            Parent = subscription.ParentId is { } parent ? IdOf(parent) : null,
            Enabled = entry.Enabled,
            ToProductId = entry.Type == SubscriptionEventType.Upgrade ? entry.ProductId : null,
            ToSkuId = entry.Type == SubscriptionEventType.Upgrade ? entry.SkuId : null,
            NewSubscription = entry.NewSubscriptionId is { } moved ? IdOf(moved) : null,
            UsageDate = entry.UsageDate,
            Meter = entry.Meter,
            Cost = entry.Cost,
            Retail = entry.Retail,
        };

    /// <summary>
    /// The price rows of every imported version, each with its version's customer price rollout; where two versions
    /// carry the same row key and start date, the later import wins (a corrected list replaces the row it corrects).
    /// </summary>
    public static async Task<List<Domain.Catalog.PriceListRow>> PriceRowsAsync(ProrataDbContext db, CancellationToken cancellationToken)
    {
        var rollouts = await db.PriceListVersions.AsNoTracking().Where(v => v.Rollout != PriceRollout.AtRenewal)
            .ToDictionaryAsync(v => v.Id, v => v.RolloutDate, cancellationToken);
        // Entry ids grow with every import: the highest id of a key is the latest import's row.
        var entries = await db.PriceListEntries.AsNoTracking().ToListAsync(cancellationToken);
        return entries
            .GroupBy(e => (e.ProductId.ToUpperInvariant(), e.SkuId.ToUpperInvariant(), e.Term, e.BillingPlan, e.Currency.ToUpperInvariant(), e.EffectiveFrom))
            .Select(g => g.MaxBy(e => e.Id)!)
            .Select(e => e.ToRow(rollouts.GetValueOrDefault(e.VersionId)))
            .ToList();
    }

    public static Scenario Scenario(string name, BillingOptions options, IReadOnlyList<Domain.Catalog.PriceListRow> prices,
        IReadOnlyList<DomainContract> contracts, IReadOnlyList<SubscriptionEvent> events, DateOnly until) =>
        new(name, Currency.FromCode(options.PartnerCurrency), options.ProviderRounding, prices, contracts, events, until);
}
