using System.Globalization;

namespace Prorata.Domain.Catalog;

/// <summary>
/// What to check in a readable price list before it is trusted: the new file against the list it replaces (same
/// publisher), the offers running subscriptions use, and the import day. Each check is a warning, never an error: a
/// real list may do any of these things, but a wrong file usually does one of them.
/// </summary>
public static class PriceListChecks
{
    /// <summary>A file with fewer than this share of the previous list's offers (product × SKU × term × plan) is partial.</summary>
    public const decimal PartialListShare = 0.50m;

    /// <summary>
    /// A file missing at least this share of the previous list's products entirely is partial too (an export filtered to
    /// one family). Below it, a missing product is an end of sale, which <see cref="PriceListWarningKind.RemovedOfferInUse"/>
    /// reports when a subscription runs on it.
    /// </summary>
    public const decimal MissingProductShare = 0.10m;

    /// <summary>A cost (UnitPrice of the same offer and currency) rising or falling by more than this share is worth a look.</summary>
    public const decimal CostChangeShare = 0.25m;

    /// <summary>Rows taking effect more than this many months after the import day.</summary>
    public const int FutureMonths = 12;

    /// <summary>New or changed rows that took effect more than this many months before the import day.</summary>
    public const int PastMonths = 1;

    /// <summary>
    /// A multi-cycle term's price times its cycles within this share of the whole-term price (the same term paid up front, or
    /// the P1M price × months) is a per-cycle price: read as the whole term it would bill a twelfth of the cost.
    /// </summary>
    public const decimal PerCycleTolerance = 0.25m;

    /// <summary>Rows named in one warning; the message gives the full count.</summary>
    public const int MaxRowsPerWarning = 50;

    /// <param name="incoming">The file's rows.</param>
    /// <param name="current">The rows of the list it replaces (the last list of the same publisher); empty for the first.</param>
    /// <param name="inUse">The offers active or suspended subscriptions run on.</param>
    /// <param name="today">The import day.</param>
    public static IReadOnlyList<PriceListWarning> Check(IReadOnlyList<PriceListRow> incoming, IReadOnlyList<PriceListRow> current,
        IReadOnlyList<OfferInUse> inUse, DateOnly today)
    {
        var warnings = new List<PriceListWarning>();
        if (current.Count > 0)
        {
            Add(warnings, Partial(incoming, current));
            Add(warnings, Removed(incoming, current, inUse));
            Add(warnings, CostChanges(incoming, current));
        }
        Add(warnings, Dates(incoming, current, today));
        Add(warnings, PerCyclePrices(incoming));
        return warnings;
    }

    private static void Add(List<PriceListWarning> warnings, PriceListWarning? warning)
    {
        if (warning is not null) warnings.Add(warning);
    }

    private static PriceListWarning? Partial(IReadOnlyList<PriceListRow> incoming, IReadOnlyList<PriceListRow> current)
    {
        var offers = incoming.Select(Offer).ToHashSet();
        var previousOffers = current.Select(Offer).ToHashSet();
        var products = incoming.Select(r => r.ProductId.ToUpperInvariant()).ToHashSet();
        var previousProducts = current.GroupBy(r => r.ProductId.ToUpperInvariant()).ToList();
        var missing = previousProducts.Where(g => !products.Contains(g.Key)).ToList();
        var fewOffers = offers.Count < previousOffers.Count * PartialListShare;
        var fewProducts = missing.Count > 0 && missing.Count >= previousProducts.Count * MissingProductShare;
        if (!fewOffers && !fewProducts) return null;
        var message = $"The file has {offers.Count} offers of {products.Count} products; the list it replaces had {previousOffers.Count} offers of "
            + $"{previousProducts.Count} products, and {missing.Count} of those products are missing entirely. Is the file complete?";
        return new PriceListWarning(PriceListWarningKind.PartialList, message,
            [.. missing.OrderBy(g => g.Key).Take(MaxRowsPerWarning).Select(g => $"{g.First().ProductId} {g.First().Title}: {g.Select(Offer).Distinct().Count()} offers missing")]);
    }

    private static PriceListWarning? Removed(IReadOnlyList<PriceListRow> incoming, IReadOnlyList<PriceListRow> current, IReadOnlyList<OfferInUse> inUse)
    {
        var offers = incoming.Select(Offer).ToHashSet();
        var titles = current.GroupBy(Offer).ToDictionary(g => g.Key, g => g.First().Title);
        var removed = inUse
            .Where(o => o.Subscriptions > 0)
            .GroupBy(o => (o.ProductId.ToUpperInvariant(), o.SkuId.ToUpperInvariant(), o.Term, o.BillingPlan))
            .Where(g => titles.ContainsKey(g.Key) && !offers.Contains(g.Key))
            .Select(g => (Offer: g.First(), Title: titles[g.Key], Subscriptions: g.Sum(o => o.Subscriptions)))
            .OrderByDescending(o => o.Subscriptions).ThenBy(o => o.Offer.ProductId, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.Offer.Term).ThenBy(o => o.Offer.BillingPlan)
            .ToList();
        if (removed.Count == 0) return null;
        var message = $"{removed.Count} offers of the list it replaces are not in the file while {removed.Sum(r => r.Subscriptions)} running subscriptions use them: "
            + "Microsoft may have ended their sale, or the file is cut.";
        return new PriceListWarning(PriceListWarningKind.RemovedOfferInUse, message,
            [.. removed.Take(MaxRowsPerWarning).Select(r => $"{Name(r.Offer.ProductId, r.Offer.SkuId, r.Title, r.Offer.Term, r.Offer.BillingPlan)}: {r.Subscriptions} subscriptions")]);
    }

    private static PriceListWarning? CostChanges(IReadOnlyList<PriceListRow> incoming, IReadOnlyList<PriceListRow> current)
    {
        var before = current.GroupBy(Price).ToDictionary(g => g.Key, g => g.MaxBy(r => r.EffectiveFrom)!);
        var changes = incoming.GroupBy(Price).Select(g => g.MaxBy(r => r.EffectiveFrom)!)
            .Select(row => (Row: row, Old: before.GetValueOrDefault(Price(row))))
            .Where(c => c.Old is { UnitPrice: > 0 } && Math.Abs(c.Row.UnitPrice - c.Old.UnitPrice) > c.Old.UnitPrice * CostChangeShare)
            .Select(c => (c.Row, Old: c.Old!.UnitPrice, Share: (c.Row.UnitPrice - c.Old.UnitPrice) / c.Old.UnitPrice))
            .OrderByDescending(c => Math.Abs(c.Share)).ThenBy(c => c.Row.ProductId, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Row.Term).ThenBy(c => c.Row.BillingPlan)
            .ToList();
        if (changes.Count == 0) return null;
        var message = $"{changes.Count} offers cost more than {Percent(CostChangeShare)} more or less than in the list it replaces.";
        return new PriceListWarning(PriceListWarningKind.CostChange, message,
            [.. changes.Take(MaxRowsPerWarning).Select(c => $"{Name(c.Row)} {c.Row.Currency}: {Amount(c.Old)} → {Amount(c.Row.UnitPrice)} ({(c.Share > 0 ? "+" : "")}{Percent(c.Share)})")]);
    }

    private static PriceListWarning? Dates(IReadOnlyList<PriceListRow> incoming, IReadOnlyList<PriceListRow> current, DateOnly today)
    {
        // A row the replaced list already had (same offer, start and cost) is old news, however long ago it started.
        var known = current.Select(r => (Price(r), r.EffectiveFrom, r.UnitPrice)).ToHashSet();
        var latest = today.AddMonths(FutureMonths);
        var earliest = today.AddMonths(-PastMonths);
        var odd = incoming.Where(r => (r.EffectiveFrom > latest || r.EffectiveFrom < earliest) && !known.Contains((Price(r), r.EffectiveFrom, r.UnitPrice)))
            .OrderBy(r => r.EffectiveFrom).ThenBy(r => r.ProductId, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Term).ThenBy(r => r.BillingPlan).ToList();
        if (odd.Count == 0) return null;
        var future = odd.Count(r => r.EffectiveFrom > latest);
        var message = $"{odd.Count} rows take effect far from the import day {today:yyyy-MM-dd}: {future} after {latest:yyyy-MM-dd} "
            + $"(more than {FutureMonths} months ahead), {odd.Count - future} before {earliest:yyyy-MM-dd} (more than {PastMonths} month back). Check the start dates.";
        return new PriceListWarning(PriceListWarningKind.EffectiveDate, message,
            [.. odd.Take(MaxRowsPerWarning).Select(r => $"{Name(r)} {r.Currency}: from {r.EffectiveFrom:yyyy-MM-dd}")]);
    }

    private static PriceListWarning? PerCyclePrices(IReadOnlyList<PriceListRow> incoming)
    {
        var byPrice = incoming.ToLookup(Price);
        var suspects = new List<string>();
        foreach (var row in incoming.Where(r => (int)r.Term > (int)r.BillingPlan).OrderBy(r => r.ProductId, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.SkuId).ThenBy(r => r.Term).ThenBy(r => r.EffectiveFrom))
        {
            var cycles = (int)row.Term / (int)row.BillingPlan;
            // The whole term's price, from the same term paid in one cycle or else from the one-month term's price × months.
            var upfront = Reference(byPrice, row, row.Term, (BillingPlan)(int)row.Term);
            var monthly = Reference(byPrice, row, TermDuration.P1M, BillingPlan.Monthly);
            var (termPrice, basis) = upfront is not null
                ? (upfront.UnitPrice, $"the {row.Term} {Plan((BillingPlan)(int)row.Term)} price {Amount(upfront.UnitPrice)}")
                : monthly is not null
                    ? (monthly.UnitPrice * (int)row.Term, $"{(int)row.Term} × the P1M price {Amount(monthly.UnitPrice)} = {Amount(monthly.UnitPrice * (int)row.Term)}")
                    : (0m, "");
            if (termPrice <= 0 || Math.Abs(row.UnitPrice * cycles - termPrice) > termPrice * PerCycleTolerance) continue;
            suspects.Add($"{Name(row)} {row.Currency}: {Amount(row.UnitPrice)} × {cycles} cycles = {Amount(row.UnitPrice * cycles)}, close to {basis}");
        }
        if (suspects.Count == 0) return null;
        var message = $"{suspects.Count} rows billed in several cycles carry what looks like one cycle's price; a price list gives the whole term's price "
            + "(a P1Y row billed monthly holds the year's price, charged a twelfth a month), so these would bill a fraction of the cost.";
        return new PriceListWarning(PriceListWarningKind.TermPriceLooksPerCycle, message, [.. suspects.Take(MaxRowsPerWarning)]);
    }

    private static PriceListRow? Reference(ILookup<(string, string, TermDuration, BillingPlan, string), PriceListRow> byPrice, PriceListRow row, TermDuration term, BillingPlan plan)
    {
        var candidates = byPrice[(row.ProductId.ToUpperInvariant(), row.SkuId.ToUpperInvariant(), term, plan, row.Currency.ToUpperInvariant())].ToList();
        return candidates.FirstOrDefault(r => r.EffectiveFrom == row.EffectiveFrom) ?? candidates.MaxBy(r => r.EffectiveFrom);
    }

    private static (string, string, TermDuration, BillingPlan) Offer(PriceListRow r) => (r.ProductId.ToUpperInvariant(), r.SkuId.ToUpperInvariant(), r.Term, r.BillingPlan);

    private static (string, string, TermDuration, BillingPlan, string) Price(PriceListRow r) =>
        (r.ProductId.ToUpperInvariant(), r.SkuId.ToUpperInvariant(), r.Term, r.BillingPlan, r.Currency.ToUpperInvariant());

    private static string Name(PriceListRow r) => Name(r.ProductId, r.SkuId, r.Title, r.Term, r.BillingPlan);

    private static string Name(string productId, string skuId, string title, TermDuration term, BillingPlan plan) => $"{productId}/{skuId} {title} {term} {Plan(plan)}";

    private static string Plan(BillingPlan plan) => plan.ToString().ToLowerInvariant();

    private static string Amount(decimal value) => value.ToString("0.00##", CultureInfo.InvariantCulture);

    private static string Percent(decimal share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";
}
