namespace PartnerCenterSimulator.Catalog;

/// <summary>The simulator's US/USD catalog and price list; prices can change over time (renewals take the price in force).</summary>
public sealed class OfferCatalog
{
    private readonly List<CatalogOffer> _offers;
    private readonly List<CatalogPrice> _prices = [];

    public OfferCatalog(DateTimeOffset listStart)
    {
        _offers =
        [
            // The provisioning ids and part numbers are Microsoft's published license SKU ids of these products.
            new("CFQ7TTC0LH18", "0001", "CFQ7TTC0K971", "Microsoft 365 Business Basic", "Microsoft 365 Business Basic", ["CFQ7TTC0LDPB:0001", "CFQ7TTC0LCHC:0002"],
                "3b555118-da6a-4418-894f-7df1e2096870", "O365_BUSINESS_ESSENTIALS"),
            new("CFQ7TTC0LDPB", "0001", "CFQ7TTC0K5DN", "Microsoft 365 Business Standard", "Microsoft 365 Business Standard", ["CFQ7TTC0LCHC:0002"],
                "f245ecc8-75af-4f8e-b61f-27d8114de5f3", "O365_BUSINESS_PREMIUM"),
            new("CFQ7TTC0LCHC", "0002", "CFQ7TTC0K7Q8", "Microsoft 365 Business Premium", "Microsoft 365 Business Premium", [],
                "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46", "SPB"),
            new("CFQ7TTC0LFLX", "0001", "CFQ7TTC0K9J3", "Microsoft 365 E3", "Microsoft 365 E3", ["CFQ7TTC0LFLZ:0002"],
                "05e9a617-0261-4cee-bb44-138d3ef5d965", "SPE_E3"),
            new("CFQ7TTC0LFLZ", "0002", "CFQ7TTC0KBZ2", "Microsoft 365 E5", "Microsoft 365 E5", [],
                "06ebc4ee-1bb5-47dd-8120-11324bc54e06", "SPE_E5"),
        ];
        // Annual prepaid price per seat per year; the other plans derive from it the way Microsoft's list does:
        // P1Y billed monthly +5% (from April 2025), P1M about +20% over P1Y/12 (§1.2, secondary sources).
        var annual = new Dictionary<string, decimal>
        {
            ["CFQ7TTC0LH18:0001"] = 72m,
            ["CFQ7TTC0LDPB:0001"] = 150m,
            ["CFQ7TTC0LCHC:0002"] = 264m,
            ["CFQ7TTC0LFLX:0001"] = 432m,
            ["CFQ7TTC0LFLZ:0002"] = 684m,
        };
        foreach (var offer in _offers)
        {
            var p1y = annual[offer.ProductSku];
            AddPrice(offer, "P1M", "monthly", Math.Round(p1y / 12m * 1.2m, 2), listStart);
            AddPrice(offer, "P1Y", "monthly", Math.Round(p1y * 1.05m, 2), listStart);
            AddPrice(offer, "P1Y", "annual", p1y, listStart);
            AddPrice(offer, "P3Y", "monthly", Math.Round(p1y * 3m * 1.05m, 2), listStart);
            AddPrice(offer, "P3Y", "annual", p1y * 3m, listStart);
            AddPrice(offer, "P3Y", "triennial", p1y * 3m, listStart);
        }
    }

    public IReadOnlyList<CatalogOffer> Offers => _offers;

    public IReadOnlyList<CatalogPrice> Prices => _prices;

    public CatalogOffer? FindByCatalogItemId(string catalogItemId) =>
        _offers.Find(o => string.Equals(o.CatalogItemId, catalogItemId, StringComparison.OrdinalIgnoreCase))
        ?? _offers.Find(o => catalogItemId.StartsWith(o.ProductSku + ":", StringComparison.OrdinalIgnoreCase));

    public CatalogOffer? FindByProductSku(string productSku) =>
        _offers.Find(o => string.Equals(o.ProductSku, productSku, StringComparison.OrdinalIgnoreCase));

    /// <summary>The price in force at <paramref name="at"/>: the row whose effective range contains it.</summary>
    public CatalogPrice? PriceAt(CatalogOffer offer, string termDuration, string billingPlan, DateTimeOffset at) =>
        _prices.LastOrDefault(p =>
            p.ProductId == offer.ProductId && p.SkuId == offer.SkuId
            && string.Equals(p.TermDuration, termDuration, StringComparison.OrdinalIgnoreCase)
            && string.Equals(p.BillingPlan, billingPlan, StringComparison.OrdinalIgnoreCase)
            && p.EffectiveStart <= at && (p.EffectiveEnd is null || at < p.EffectiveEnd));

    /// <summary>A new price from <paramref name="effectiveFrom"/>; the current row is closed there, as in Microsoft's monthly list.</summary>
    public void ChangePrice(CatalogOffer offer, string termDuration, string billingPlan, decimal unitPrice, DateTimeOffset effectiveFrom)
    {
        var current = PriceAt(offer, termDuration, billingPlan, effectiveFrom)
            ?? throw new InvalidOperationException($"No price for {offer.ProductSku} {termDuration}/{billingPlan}.");
        _prices[_prices.IndexOf(current)] = current with { EffectiveEnd = effectiveFrom };
        _prices.Add(current with { UnitPrice = unitPrice, EffectiveStart = effectiveFrom, EffectiveEnd = null });
    }

    private void AddPrice(CatalogOffer offer, string term, string plan, decimal unitPrice, DateTimeOffset from) =>
        _prices.Add(new CatalogPrice(offer.ProductId, offer.SkuId, term, plan, unitPrice, Math.Round(unitPrice * 1.2m, 2), "USD", from, null));
}
