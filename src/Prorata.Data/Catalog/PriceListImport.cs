using Microsoft.EntityFrameworkCore;
using Prorata.Data.Billing;
using Prorata.Domain.Catalog;
using Prorata.Domain.Money;
using Prorata.Domain.Subscriptions;

namespace Prorata.Data.Catalog;

/// <summary>
/// Price lists as versions: an import stores every row under a new version (nothing is overwritten, so any past invoice
/// can be recomputed); the comparison with the version before shows what changed and which running subscriptions each
/// change affects and by how much, before the partner decides how customer prices follow (billing-rules §2).
/// </summary>
public sealed class PriceListImport(ProrataDbContext db, TimeProvider time)
{
    /// <summary>
    /// Checks the file against the list it replaces, the offers running subscriptions use and today
    /// (<see cref="PriceListChecks"/>), then stores it with its warnings; a warning that needs confirming holds it back
    /// unless <paramref name="confirmWarnings"/>, so a cut file never becomes the list new terms are priced from unread.
    /// </summary>
    public async Task<PriceListImportOutcome> ImportAsync(string name, PriceListParse file, PriceRollout rollout, DateOnly? rolloutDate, string actor,
        bool confirmWarnings, CancellationToken cancellationToken)
    {
        if (file.Errors.Count > 0) throw new ArgumentException("A price list with errors is not imported.", nameof(file));
        var now = time.GetUtcNow();
        var warnings = await WarningsAsync(file.Rows, DateOnly.FromDateTime(now.UtcDateTime), cancellationToken);
        if (!confirmWarnings && warnings.Any(w => w.NeedsConfirmation)) return new PriceListImportOutcome(null, warnings);
        var version = new PriceListVersion
        {
            Id = Guid.CreateVersion7(now),
            Name = name,
            ImportedAt = now,
            ImportedBy = actor,
            EffectiveFrom = file.Rows.Count == 0 ? DateOnly.FromDateTime(now.UtcDateTime) : file.Rows.Min(r => r.EffectiveFrom),
            RowCount = file.Rows.Count,
            Rollout = rollout,
            RolloutDate = rolloutDate,
            Warnings = [.. warnings],
            Entries = file.Rows.ToList(),
        };
        db.PriceListVersions.Add(version);
        var known = (await db.CatalogProducts.AsNoTracking().Select(p => new { p.ProductId, p.SkuId }).ToListAsync(cancellationToken))
            .Select(p => (p.ProductId, p.SkuId)).ToHashSet();
        foreach (var offer in file.Rows.DistinctBy(r => (r.ProductId, r.SkuId)).Where(r => !known.Contains((r.ProductId, r.SkuId))))
            db.CatalogProducts.Add(new CatalogProduct { ProductId = offer.ProductId, SkuId = offer.SkuId, Title = offer.Title, Kind = ProductKind.License, CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return new PriceListImportOutcome(version, warnings);
    }

    /// <summary>The file's rows against Microsoft's list imported last and the offers active or suspended subscriptions run on.</summary>
    private async Task<IReadOnlyList<PriceListWarning>> WarningsAsync(IReadOnlyList<PriceListEntry> rows, DateOnly today, CancellationToken cancellationToken)
    {
        // Entry ids grow with every import: the highest Microsoft entry belongs to the list this file replaces.
        var currentId = await db.PriceListEntries.AsNoTracking().Where(e => e.Publisher == Publisher.Microsoft).OrderByDescending(e => e.Id)
            .Select(e => (Guid?)e.VersionId).FirstOrDefaultAsync(cancellationToken);
        var current = currentId is { } id ? await Latest(id).ToListAsync(cancellationToken) : [];
        var running = await db.Subscriptions.AsNoTracking()
            .Where(s => (s.Status == SubscriptionStatus.Active || s.Status == SubscriptionStatus.Suspended) && s.Term != null && s.BillingPlan != null)
            .GroupBy(s => new { s.ProductId, s.SkuId, s.Term, s.BillingPlan })
            .Select(g => new { g.Key.ProductId, g.Key.SkuId, g.Key.Term, g.Key.BillingPlan, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return PriceListChecks.Check([.. rows.Select(r => r.ToRow())], [.. current.Select(r => r.ToRow())],
            [.. running.Select(r => new OfferInUse(r.ProductId, r.SkuId, r.Term!.Value, r.BillingPlan!.Value, r.Count))], today);
    }

    /// <summary>
    /// A page of a version's rows in file order; <paramref name="text"/> matches the product id, SKU id, the offer id
    /// (ProductId/SkuId) or the title, in any case.
    /// </summary>
    public async Task<PriceListRowPage> RowsAsync(Guid id, string? text, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = Rows(id, text);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PriceListRowPage(rows, total, page, pageSize);
    }

    /// <summary>Every row of a version the filter matches, in file order, read as it streams (an export of a whole list).</summary>
    public IAsyncEnumerable<PriceListEntry> AllRowsAsync(Guid id, string? text) => Rows(id, text).AsAsyncEnumerable();

    private IQueryable<PriceListEntry> Rows(Guid id, string? text)
    {
        var query = Latest(id);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var needle = text.Trim().ToLowerInvariant();
            query = query.Where(e => e.ProductId.ToLower().Contains(needle) || e.SkuId.ToLower().Contains(needle)
                || (e.ProductId + "/" + e.SkuId).ToLower().Contains(needle) || e.Title.ToLower().Contains(needle));
        }
        return query.OrderBy(e => e.Id);
    }

    /// <summary>
    /// One of the partner's own products (a service or a one-time item) with its price per cycle: a catalog product and a
    /// one-row price list published by the partner, so subscriptions and invoices treat it like any offer. A one-time item
    /// is sold as a one-month term without auto-renew, so it is billed once.
    /// </summary>
    public async Task<CatalogProduct> AddPartnerProductAsync(string productId, string skuId, string title, ProductKind kind, string currency,
        decimal pricePerCycle, TermDuration term, BillingPlan plan, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var product = new CatalogProduct { ProductId = productId, SkuId = skuId, Title = title, Kind = kind, CreatedAt = now };
        db.CatalogProducts.Add(product);
        db.PriceListVersions.Add(new PriceListVersion
        {
            Id = Guid.CreateVersion7(now),
            Name = $"Partner product {title}",
            ImportedAt = now,
            ImportedBy = actor,
            EffectiveFrom = today,
            RowCount = 1,
            Entries =
            [
                new PriceListEntry
                {
                    ProductId = productId, SkuId = skuId, Title = title, Term = term, BillingPlan = plan, Market = "", Currency = currency.ToUpperInvariant(),
                    // The list holds the whole term's price (microsoft-csp.md §1.2): cycle price × cycles per term.
                    UnitPrice = pricePerCycle * (int)term / (int)plan, ErpPrice = pricePerCycle * (int)term / (int)plan, EffectiveFrom = today, Publisher = Publisher.Partner,
                },
            ],
        });
        await db.SaveChangesAsync(cancellationToken);
        return product;
    }

    /// <summary>The rollout the partner chose for a version's customer prices; atRenewal needs no date, the others do.</summary>
    public async Task<PriceListVersion?> SetRolloutAsync(Guid id, PriceRollout rollout, DateOnly? date, CancellationToken cancellationToken)
    {
        var version = await db.PriceListVersions.FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (version is null) return null;
        version.Rollout = rollout;
        version.RolloutDate = rollout == PriceRollout.AtRenewal ? null : date;
        await db.SaveChangesAsync(cancellationToken);
        return version;
    }

    /// <summary>What changed from the version imported before this one, with the running subscriptions each repriced offer affects.</summary>
    public async Task<IReadOnlyList<PriceChange>> ChangesAsync(Guid id, CancellationToken cancellationToken)
    {
        // Microsoft's lists are compared with Microsoft's, the partner's own products with the partner's. Entry ids grow with
        // every import, so the previous version is the one holding the last entry before this version's first.
        var first = await db.PriceListEntries.AsNoTracking().Where(e => e.VersionId == id).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Publisher }).FirstOrDefaultAsync(cancellationToken);
        var previousId = first is null ? null : await db.PriceListEntries.AsNoTracking()
            .Where(e => e.Id < first.Id && e.Publisher == first.Publisher).OrderByDescending(e => e.Id)
            .Select(e => (Guid?)e.VersionId).FirstOrDefaultAsync(cancellationToken);
        var current = await Latest(id).ToListAsync(cancellationToken);
        var previous = previousId is { } p ? await Latest(p).ToListAsync(cancellationToken) : [];
        var oldByKey = previous.GroupBy(Key).ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.EffectiveFrom).First());
        var newByKey = current.GroupBy(Key).ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.EffectiveFrom).First());

        var changes = new List<(PriceListEntry? Old, PriceListEntry? New)>();
        foreach (var (key, entry) in newByKey)
        {
            var old = oldByKey.GetValueOrDefault(key);
            if (old is null || old.UnitPrice != entry.UnitPrice || old.ErpPrice != entry.ErpPrice) changes.Add((old, entry));
        }
        changes.AddRange(oldByKey.Where(o => !newByKey.ContainsKey(o.Key)).Select(o => ((PriceListEntry?)o.Value, (PriceListEntry?)null)));

        var repriced = changes.Where(c => c.Old is not null && c.New is not null).Select(c => c.New!).ToList();
        var affected = await AffectedAsync(repriced, oldByKey, cancellationToken);
        return changes
            .Select(c =>
            {
                var any = (c.New ?? c.Old)!;
                return new PriceChange(any.ProductId, any.SkuId, any.Title, any.Term, any.BillingPlan, any.Market, any.Currency,
                    c.Old is { } o ? o.ToRow().CyclePrice : null, c.New is { } n ? n.ToRow().CyclePrice : null, c.New?.EffectiveFrom,
                    c.New is { } key && affected.TryGetValue(Key(key), out var list) ? list : []);
            })
            .OrderByDescending(c => c.Affected.Count).ThenBy(c => c.Title).ThenBy(c => c.Term).ToList();
    }

    private IQueryable<PriceListEntry> Latest(Guid versionId) => db.PriceListEntries.AsNoTracking().Where(e => e.VersionId == versionId);

    private async Task<Dictionary<(string, string, TermDuration, BillingPlan, string, string), List<AffectedSubscription>>> AffectedAsync(
        List<PriceListEntry> repriced, Dictionary<(string, string, TermDuration, BillingPlan, string, string), PriceListEntry> oldByKey, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(string, string, TermDuration, BillingPlan, string, string), List<AffectedSubscription>>();
        if (repriced.Count == 0) return result;
        var products = repriced.Select(r => r.ProductId).Distinct().ToList();
        var subscriptions = await db.Subscriptions.AsNoTracking()
            .Where(s => products.Contains(s.ProductId) && (s.Status == SubscriptionStatus.Active || s.Status == SubscriptionStatus.Suspended))
            .ToListAsync(cancellationToken);
        var contractIds = subscriptions.Select(s => s.ContractId).Distinct().ToList();
        var contracts = await db.BillingContracts.AsNoTracking().Include(c => c.Customer).Where(c => contractIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        foreach (var entry in repriced)
        {
            var old = oldByKey[Key(entry)];
            var list = new List<AffectedSubscription>();
            foreach (var s in subscriptions.Where(s => string.Equals(s.ProductId, entry.ProductId, StringComparison.OrdinalIgnoreCase)
                         && string.Equals(s.SkuId, entry.SkuId, StringComparison.OrdinalIgnoreCase) && s.Term == entry.Term && s.BillingPlan == entry.BillingPlan))
            {
                var contract = contracts[s.ContractId];
                if (!string.Equals(contract.Currency, entry.Currency, StringComparison.OrdinalIgnoreCase)) continue;
                var rules = StoredTimeline.ToDomain(contract).Pricing;
                var currency = Currency.FromCode(contract.Currency);
                var rule = PricingStrategy.Match(rules, s.ProductId, s.SkuId);
                var oldRow = old.ToRow();
                var newRow = entry.ToRow();
                var price = PricingStrategy.Price(rule, oldRow.CyclePrice, oldRow.CycleErpPrice, currency).PerCycle;
                var newPrice = PricingStrategy.Price(rule, newRow.CyclePrice, newRow.CycleErpPrice, currency).PerCycle;
                list.Add(new AffectedSubscription(s.Id, s.ContractId, contract.Customer!.Name, s.Quantity, price, newPrice,
                    Rounding.Customer((price - oldRow.CyclePrice) * s.Quantity, currency),
                    Rounding.Customer((price - newRow.CyclePrice) * s.Quantity, currency),
                    Rounding.Customer((newPrice - newRow.CyclePrice) * s.Quantity, currency)));
            }
            result[Key(entry)] = list;
        }
        return result;
    }

    private static (string, string, TermDuration, BillingPlan, string, string) Key(PriceListEntry e) =>
        (e.ProductId.ToUpperInvariant(), e.SkuId.ToUpperInvariant(), e.Term, e.BillingPlan, e.Market.ToUpperInvariant(), e.Currency.ToUpperInvariant());
}
