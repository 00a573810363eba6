namespace Prorata.Domain.Billing;

/// <summary>
/// What a contract's issued invoices have billed so far, item by item with the product and SKU billed, and when each
/// period was first billed.
/// </summary>
public sealed class BilledLedger
{
    private readonly Dictionary<BillingItemKey, BilledItem> _items = new();
    private readonly Dictionary<string, List<BillingItemKey>> _bySubscription = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, DateOnly, DateOnly), DateOnly> _firstBilled = new();

    /// <summary>
    /// The date of the last run recorded through <see cref="Record(Invoice)"/> on this ledger, while its timeline moves
    /// forward: no change recorded since can date before it, so periods that ended before it are settled and not
    /// recomputed. A ledger rebuilt from stored lines (<see cref="Record(BillingItemKey, decimal, decimal, DateOnly)"/>)
    /// has none: a change synced after the fact may reach back into any period.
    /// </summary>
    public DateOnly? LastRun { get; private set; }

    public (decimal Quantity, decimal Amount) Billed(BillingItemKey key) =>
        _items.TryGetValue(key, out var item) ? (item.Quantity, item.Amount) : default;

    /// <summary>The partner's cost of what a key billed (0 when never billed); null when a line of it was recorded without its cost.</summary>
    public decimal? BilledCost(BillingItemKey key) => _items.TryGetValue(key, out var item) ? item.Cost : 0m;

    /// <summary>The product and SKU a key billed: what a line crediting it names.</summary>
    public (string ProductId, string SkuId) OfferOf(BillingItemKey key) =>
        _items.TryGetValue(key, out var item) ? (item.ProductId, item.SkuId) : throw new KeyNotFoundException($"{key} was never billed.");

    public IReadOnlyList<BillingItemKey> KeysOf(string subscription) =>
        _bySubscription.TryGetValue(subscription, out var keys) ? keys : [];

    public bool HasBilledPeriod(string subscription, DateOnly start, DateOnly end) => _firstBilled.ContainsKey((subscription, start, end));

    /// <summary>
    /// The billing date of the first invoice that billed anything of the subscription's period, or null. A period billed
    /// in advance keeps its base at the quantity known on that date; later changes are lines of their own (billing-rules §4).
    /// </summary>
    public DateOnly? FirstBilledOn(string subscription, DateOnly start, DateOnly end) =>
        _firstBilled.TryGetValue((subscription, start, end), out var on) ? on : null;

    public void Record(Invoice invoice)
    {
        if (LastRun is null || invoice.Date > LastRun) LastRun = invoice.Date;
        foreach (var line in invoice.Lines)
        {
            if (line.Origin is { } key)
                // A usage line always shows quantity 1; a later correction of the same month adds money, not quantity.
                Record(key, line.Kind != InvoiceLineKind.Usage ? line.Quantity : Billed(key).Quantity == 0 ? 1m : 0m, line.Amount, invoice.Date,
                    line.ProductId, line.SkuId, line.Cost);
            else
                RecordCredit(line.Subscription, line.ProductId, line.SkuId, invoice.Date);
        }
    }

    /// <param name="billedOn">The billing date of the invoice the line is on.</param>
    /// <param name="productId">The product the line names.</param>
    /// <param name="skuId">The SKU the line names.</param>
    /// <param name="cost">The partner's cost of what the line billed; null when not known (a line stored without it).</param>
    public void Record(BillingItemKey key, decimal quantity, decimal amount, DateOnly billedOn, string productId, string skuId, decimal? cost = null)
    {
        if (_items.TryGetValue(key, out var billed))
            _items[key] = billed with { Quantity = billed.Quantity + quantity, Amount = billed.Amount + amount, Cost = billed.Cost + cost };
        else
        {
            _items[key] = new BilledItem(quantity, amount, productId, skuId, cost);
            if (!_bySubscription.TryGetValue(key.Subscription, out var keys)) _bySubscription[key.Subscription] = keys = new List<BillingItemKey>();
            keys.Add(key);
        }
        var period = (key.Subscription, key.PeriodStart, key.PeriodEnd);
        if (!_firstBilled.TryGetValue(period, out var first) || billedOn < first) _firstBilled[period] = billedOn;
    }

    /// <summary>
    /// A credit line (a cancellation within 24 hours of purchase, billing-rules §4) credits everything billed for its
    /// subscription and the product and SKU it names.
    /// </summary>
    public void RecordCredit(string subscription, string productId, string skuId, DateOnly billedOn)
    {
        foreach (var key in KeysOf(subscription).ToList())
        {
            var item = _items[key];
            if (item.ProductId == productId && item.SkuId == skuId) Record(key, -item.Quantity, -item.Amount, billedOn, productId, skuId, -item.Cost);
        }
    }

    private readonly record struct BilledItem(decimal Quantity, decimal Amount, string ProductId, string SkuId, decimal? Cost);
}
