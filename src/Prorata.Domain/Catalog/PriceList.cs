namespace Prorata.Domain.Catalog;

/// <summary>
/// Every version of the partner's price rows, keyed by (ProductId, SkuId, Term, BillingPlan, Currency);
/// a lookup picks the row in force on a date, the latest EffectiveFrom winning where rows overlap.
/// </summary>
public sealed class PriceList
{
    private readonly Dictionary<(string Product, string Sku, TermDuration Term, BillingPlan Plan, string Currency), List<PriceListRow>> _rows = new();
    private readonly HashSet<string> _partnerProducts = new(StringComparer.OrdinalIgnoreCase);

    public PriceList(IEnumerable<PriceListRow> rows)
    {
        foreach (var row in rows)
        {
            var key = Key(row.ProductId, row.SkuId, row.Term, row.BillingPlan, row.Currency);
            if (!_rows.TryGetValue(key, out var list)) _rows[key] = list = new List<PriceListRow>();
            list.Add(row);
            if (row.Publisher == Publisher.Partner) _partnerProducts.Add(row.ProductId);
        }
        foreach (var list in _rows.Values) list.Sort((a, b) => b.EffectiveFrom.CompareTo(a.EffectiveFrom));
    }

    public bool IsPartnerProduct(string productId) => _partnerProducts.Contains(productId);

    public PriceListRow? Find(string productId, string skuId, TermDuration term, BillingPlan plan, string currency, DateOnly on)
    {
        if (!_rows.TryGetValue(Key(productId, skuId, term, plan, currency), out var list)) return null;
        foreach (var row in list)
            if (row.InForceOn(on)) return row;
        return null;
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
