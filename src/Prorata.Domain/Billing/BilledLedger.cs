namespace Prorata.Domain.Billing;

/// <summary>What a contract's issued invoices have billed so far, item by item, and when each period was first billed.</summary>
public sealed class BilledLedger
{
    private readonly Dictionary<BillingItemKey, (decimal Quantity, decimal Amount)> _items = new();
    private readonly Dictionary<string, List<BillingItemKey>> _bySubscription = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, DateOnly, DateOnly), DateOnly> _firstBilled = new();

    /// <summary>
    /// The date of the last run recorded through <see cref="Record(Invoice)"/> on this ledger, while its timeline moves
    /// forward: no change recorded since can date before it, so periods that ended before it are settled and not
    /// recomputed. A ledger rebuilt from stored lines (<see cref="Record(BillingItemKey, decimal, decimal, DateOnly)"/>)
    /// has none: a change synced after the fact may reach back into any period.
    /// </summary>
    public DateOnly? LastRun { get; private set; }

    public (decimal Quantity, decimal Amount) Billed(BillingItemKey key) => _items.GetValueOrDefault(key);

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
                Record(key, line.Kind != InvoiceLineKind.Usage ? line.Quantity : Billed(key).Quantity == 0 ? 1m : 0m, line.Amount, invoice.Date);
            else
                foreach (var billed in KeysOf(line.Subscription).ToList())
                    Record(billed, -Billed(billed).Quantity, -Billed(billed).Amount, invoice.Date);
        }
    }

    /// <param name="billedOn">The billing date of the invoice the line is on.</param>
    public void Record(BillingItemKey key, decimal quantity, decimal amount, DateOnly billedOn)
    {
        if (_items.TryGetValue(key, out var billed))
            _items[key] = (billed.Quantity + quantity, billed.Amount + amount);
        else
        {
            _items[key] = (quantity, amount);
            if (!_bySubscription.TryGetValue(key.Subscription, out var keys)) _bySubscription[key.Subscription] = keys = new List<BillingItemKey>();
            keys.Add(key);
        }
        var period = (key.Subscription, key.PeriodStart, key.PeriodEnd);
        if (!_firstBilled.TryGetValue(period, out var first) || billedOn < first) _firstBilled[period] = billedOn;
    }
}
