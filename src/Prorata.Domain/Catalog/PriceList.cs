namespace Prorata.Domain.Catalog;

/// <summary>
/// Every version of the partner's price rows, keyed by (ProductId, SkuId, Term, BillingPlan, Currency);
/// a lookup picks the row in force on a date, the latest EffectiveFrom winning where rows overlap.
/// </summary>
public sealed class PriceList
{
    private readonly Dictionary<(string Product, string Sku, TermDuration Term, BillingPlan Plan, string Currency), List<PriceListRow>> _rows = new();
    private readonly HashSet<string> _partnerProducts = new(StringComparer.OrdinalIgnoreCase);
    private readonly bool _hasRollouts;

    public PriceList(IEnumerable<PriceListRow> rows)
    {
        foreach (var row in rows)
        {
            var key = Key(row.ProductId, row.SkuId, row.Term, row.BillingPlan, row.Currency);
            if (!_rows.TryGetValue(key, out var list)) _rows[key] = list = new List<PriceListRow>();
            list.Add(row);
            if (row.Publisher == Publisher.Partner) _partnerProducts.Add(row.ProductId);
            _hasRollouts |= row.CustomerPriceFrom is not null;
        }
        foreach (var list in _rows.Values) list.Sort((a, b) => b.EffectiveFrom.CompareTo(a.EffectiveFrom));
    }

    /// <summary>Whether any row carries a customer price rollout; without one, every term is priced from its locked row.</summary>
    public bool HasRollouts => _hasRollouts;

    public bool IsPartnerProduct(string productId) => _partnerProducts.Contains(productId);

    public PriceListRow? Find(string productId, string skuId, TermDuration term, BillingPlan plan, string currency, DateOnly on)
    {
        if (!_rows.TryGetValue(Key(productId, skuId, term, plan, currency), out var list)) return null;
        foreach (var row in list)
            if (row.InForceOn(on)) return row;
        return null;
    }

    /// <summary>
    /// The row in force on <paramref name="on"/>, else the offer's latest row that took effect before it (since ended),
    /// else its earliest future row: the last price known for an offer, to estimate what an entry that cannot be priced
    /// would have billed.
    /// </summary>
    public PriceListRow? LastKnown(string productId, string skuId, TermDuration term, BillingPlan plan, string currency, DateOnly on)
    {
        if (!_rows.TryGetValue(Key(productId, skuId, term, plan, currency), out var list)) return null;
        foreach (var row in list)
            if (row.EffectiveFrom <= on) return row;
        return list[^1];
    }

    /// <summary>
    /// The row a customer is priced from on <paramref name="day"/> in a term whose price was locked at
    /// <paramref name="locked"/>: the newer row of the same offer and currency whose rollout started last on or before
    /// the day, else the locked row itself.
    /// </summary>
    public PriceListRow CustomerRow(PriceListRow locked, DateOnly day)
    {
        if (!_hasRollouts || !_rows.TryGetValue(Key(locked.ProductId, locked.SkuId, locked.Term, locked.BillingPlan, locked.Currency), out var list)) return locked;
        var customer = locked;
        foreach (var row in list)
        {
            if (row.CustomerPriceFrom is not { } from || from > day || row.EffectiveFrom <= locked.EffectiveFrom) continue;
            if (customer == locked || from > customer.CustomerPriceFrom
                || (from == customer.CustomerPriceFrom && row.EffectiveFrom > customer.EffectiveFrom)) customer = row;
        }
        return customer;
    }

    /// <summary>The days after <paramref name="after"/> up to <paramref name="until"/> on which <see cref="CustomerRow"/> may change, in order.</summary>
    public IEnumerable<DateOnly> RolloutDays(PriceListRow locked, DateOnly after, DateOnly until)
    {
        var days = new SortedSet<DateOnly>();
        if (!_hasRollouts || !_rows.TryGetValue(Key(locked.ProductId, locked.SkuId, locked.Term, locked.BillingPlan, locked.Currency), out var list)) return days;
        foreach (var row in list)
            if (row.CustomerPriceFrom is { } from && from > after && from <= until && row.EffectiveFrom > locked.EffectiveFrom) days.Add(from);
        return days;
    }

    /// <summary>
    /// A row of the product in force on the date whatever its term and plan, preferring <paramref name="currency"/>:
    /// a partner's own product may be listed with one offer only.
    /// </summary>
    public PriceListRow? FindAnyOffer(string productId, string? skuId, string currency, DateOnly on) =>
        FindAnyOfferIn(productId, skuId, currency, on) ?? FindAnyOfferIn(productId, skuId, null, on);

    private PriceListRow? FindAnyOfferIn(string productId, string? skuId, string? currency, DateOnly on)
    {
        foreach (var (key, list) in _rows)
        {
            if (!string.Equals(key.Product, productId, StringComparison.OrdinalIgnoreCase)) continue;
            if (currency is not null && !string.Equals(key.Currency, currency, StringComparison.OrdinalIgnoreCase)) continue;
            if (skuId is not null && !string.Equals(key.Sku, skuId, StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var row in list)
                if (row.InForceOn(on)) return row;
        }
        return null;
    }

    private static (string, string, TermDuration, BillingPlan, string) Key(string product, string sku, TermDuration term, BillingPlan plan, string currency) =>
        (product.ToUpperInvariant(), sku.ToUpperInvariant(), term, plan, currency.ToUpperInvariant());
}
