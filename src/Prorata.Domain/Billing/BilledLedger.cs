namespace Prorata.Domain.Billing;

/// <summary>What a contract's issued invoices have billed so far, item by item.</summary>
public sealed class BilledLedger
{
    private readonly Dictionary<BillingItemKey, (decimal Quantity, decimal Amount)> _items = new();
    private readonly Dictionary<string, List<BillingItemKey>> _bySubscription = new(StringComparer.Ordinal);
    private readonly HashSet<(string, DateOnly, DateOnly)> _billedPeriods = new();

    /// <summary>
    /// The date of the last run recorded through <see cref="Record(Invoice)"/> on this ledger, while its timeline moves
    /// forward: no change recorded since can date before it, so periods that ended before it are settled and not
    /// recomputed. A ledger rebuilt from stored lines (<see cref="Record(BillingItemKey, decimal, decimal)"/>) has none:
    /// a change synced after the fact may reach back into any period.
    /// </summary>
    public DateOnly? LastRun { get; private set; }

    public (decimal Quantity, decimal Amount) Billed(BillingItemKey key) => _items.GetValueOrDefault(key);

    public IReadOnlyList<BillingItemKey> KeysOf(string subscription) =>
        _bySubscription.TryGetValue(subscription, out var keys) ? keys : [];

    public bool HasBilledPeriod(string subscription, DateOnly start, DateOnly end) => _billedPeriods.Contains((subscription, start, end));

    public void Record(Invoice invoice)
    {
        if (LastRun is null || invoice.Date > LastRun) LastRun = invoice.Date;
        foreach (var line in invoice.Lines)
        {
            if (line.Origin is { } key)
                // A usage line always shows quantity 1; a later correction of the same month adds money, not quantity.
                Record(key, line.Kind != InvoiceLineKind.Usage ? line.Quantity : Billed(key).Quantity == 0 ? 1m : 0m, line.Amount);
            else
                foreach (var billed in KeysOf(line.Subscription).ToList())
                    Record(billed, -Billed(billed).Quantity, -Billed(billed).Amount);
        }
    }

    public void Record(BillingItemKey key, decimal quantity, decimal amount)
    {
        if (_items.TryGetValue(key, out var billed))
            _items[key] = (billed.Quantity + quantity, billed.Amount + amount);
        else
        {
            _items[key] = (quantity, amount);
            if (!_bySubscription.TryGetValue(key.Subscription, out var keys)) _bySubscription[key.Subscription] = keys = new List<BillingItemKey>();
            keys.Add(key);
        }
        _billedPeriods.Add((key.Subscription, key.PeriodStart, key.PeriodEnd));
    }
}
