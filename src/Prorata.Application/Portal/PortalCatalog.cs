using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Portal;
using Prorata.Domain.Catalog;
using Prorata.Domain.Money;

namespace Prorata.Application.Portal;

/// <summary>
/// The catalog staff curate for each customer's portal (which SKUs, terms and billing plans, on which contract, with which
/// seat limits and approvals) and the customer's approval amount; prices come from the contract's pricing rules on
/// today's price list, as billing prices them.
/// </summary>
public sealed class PortalCatalog(ProrataDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<PortalOfferView>> OffersAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var offers = await db.PortalOffers.AsNoTracking().Where(o => o.CustomerId == customerId).ToListAsync(cancellationToken);
        if (offers.Count == 0) return [];
        var contractIds = offers.Select(o => o.ContractId).Distinct().ToList();
        var contracts = await db.BillingContracts.AsNoTracking().Include(c => c.PricingRules).Where(c => contractIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var products = offers.Select(o => o.ProductId).Distinct().ToList();
        var entries = await db.PriceListEntries.AsNoTracking().Where(e => products.Contains(e.ProductId)).ToListAsync(cancellationToken);
        // The latest import's row of each key, as billing reads the price list.
        var prices = new PriceList(entries.GroupBy(e => (e.ProductId, e.SkuId, e.Term, e.BillingPlan, e.Currency, e.EffectiveFrom)).Select(g => g.MaxBy(e => e.Id)!.ToRow()));
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var titles = entries.GroupBy(e => (e.ProductId, e.SkuId)).ToDictionary(g => g.Key, g => g.MaxBy(e => e.Id)!.Title);
        return offers.Select(o =>
            {
                var contract = contracts[o.ContractId];
                var row = prices.Find(o.ProductId, o.SkuId, o.Term, o.BillingPlan, contract.Currency, today);
                var rules = contract.PricingRules.OrderBy(r => r.Position).Select(r => new PricingRule(r.ProductId, r.SkuId, r.Method, r.Value)).ToList();
                decimal? price = row is null ? null
                    : PricingStrategy.Price(PricingStrategy.Match(rules, o.ProductId, o.SkuId), row.CyclePrice, row.CycleErpPrice, Currency.FromCode(contract.Currency)).PerCycle;
                return new PortalOfferView(o, row?.Title ?? titles.GetValueOrDefault((o.ProductId, o.SkuId)) ?? $"{o.ProductId}/{o.SkuId}", contract.Currency, price,
                    (int)o.BillingPlan);
            })
            .OrderBy(v => v.Title, StringComparer.OrdinalIgnoreCase).ThenBy(v => v.Offer.Term).ThenBy(v => v.Offer.BillingPlan).ToList();
    }

    public async Task<SaveResult<PortalOffer>> AddOfferAsync(Guid customerId, OfferDraft draft, CancellationToken cancellationToken)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken)) return SaveResult<PortalOffer>.NotFound($"No customer has id '{customerId}'.");
        var errors = new Dictionary<string, string[]>();
        var productId = draft.ProductId?.Trim() ?? "";
        var skuId = draft.SkuId?.Trim() ?? "";
        if (productId.Length is 0 or > 64) errors["productId"] = [$"productId (1 to 64 characters) is required; got '{draft.ProductId}'."];
        if (skuId.Length is 0 or > 64) errors["skuId"] = [$"skuId (1 to 64 characters) is required; got '{draft.SkuId}'."];
        var term = ParseEnum<TermDuration>(draft.Term, "term", "P1M or P1Y or P3Y", errors);
        var plan = ParseEnum<BillingPlan>(draft.BillingPlan, "billingPlan", "Monthly, Annual or Triennial", errors);
        var min = draft.MinSeats ?? 1;
        if (min is < 1 or > 100_000) errors["minSeats"] = [$"minSeats must be between 1 and 100,000; got {min}."];
        if (draft.MaxSeats is { } max && (max < min || max > 100_000)) errors["maxSeats"] = [$"maxSeats must be between minSeats ({min}) and 100,000; got {max}."];
        var contract = draft.ContractId is { } contractId
            ? await db.BillingContracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contractId && c.CustomerId == customerId, cancellationToken)
            : null;
        if (contract is null) errors["contractId"] = [$"contractId must be one of the customer's billing contracts; got '{draft.ContractId}'."];
        if (errors.Count == 0 && !await db.PriceListEntries.AnyAsync(e => e.ProductId == productId && e.SkuId == skuId && e.Term == term && e.BillingPlan == plan
                && e.Currency == contract!.Currency, cancellationToken))
            errors["skuId"] = [$"No price list has {productId}/{skuId} for {draft.Term} billed {draft.BillingPlan} in {contract!.Currency}: the customer could not buy it."];
        if (errors.Count > 0) return SaveResult<PortalOffer>.Invalid(errors);
        if (await db.PortalOffers.AnyAsync(o => o.CustomerId == customerId && o.ProductId == productId && o.SkuId == skuId && o.Term == term && o.BillingPlan == plan,
                cancellationToken))
            return SaveResult<PortalOffer>.Conflict($"{productId}/{skuId} {draft.Term} {draft.BillingPlan} is in the customer's catalog already.");
        var offer = db.PortalOffers.Add(new PortalOffer
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            CustomerId = customerId,
            ContractId = contract!.Id,
            ProductId = productId,
            SkuId = skuId,
            Term = term!.Value,
            BillingPlan = plan!.Value,
            MinSeats = min,
            MaxSeats = draft.MaxSeats,
            RequiresApproval = draft.RequiresApproval ?? false,
            CreatedAt = time.GetUtcNow(),
        }).Entity;
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<PortalOffer>.Saved(offer);
    }

    public async Task<bool> RemoveOfferAsync(Guid customerId, Guid offerId, CancellationToken cancellationToken)
    {
        var offer = await db.PortalOffers.FirstOrDefaultAsync(o => o.Id == offerId && o.CustomerId == customerId, cancellationToken);
        if (offer is null) return false;
        db.PortalOffers.Remove(offer);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<PortalPolicy?> PolicyAsync(Guid customerId, CancellationToken cancellationToken) =>
        await db.PortalPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.CustomerId == customerId, cancellationToken);

    public async Task<SaveResult<PortalPolicy>> SetApprovalAboveAsync(Guid customerId, decimal? amount, CancellationToken cancellationToken)
    {
        if (amount is < 0 or > 1_000_000_000m)
            return SaveResult<PortalPolicy>.Invalid(new Dictionary<string, string[]> { ["approvalAbove"] = [$"approvalAbove must be between 0 and 1,000,000,000, or empty; got {amount}."] });
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken)) return SaveResult<PortalPolicy>.NotFound($"No customer has id '{customerId}'.");
        var policy = await db.PortalPolicies.FirstOrDefaultAsync(p => p.CustomerId == customerId, cancellationToken)
            ?? db.PortalPolicies.Add(new PortalPolicy { CustomerId = customerId }).Entity;
        policy.ApprovalAbove = amount;
        policy.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<PortalPolicy>.Saved(policy);
    }

    private static TEnum? ParseEnum<TEnum>(string? text, string field, string allowed, IDictionary<string, string[]> errors) where TEnum : struct, Enum
    {
        if (Enum.TryParse<TEnum>(text?.Trim(), ignoreCase: true, out var value) && !int.TryParse(text, out _) && Enum.IsDefined(value)) return value;
        errors[field] = [$"{field} must be {allowed}; got '{text}'."];
        return null;
    }
}
