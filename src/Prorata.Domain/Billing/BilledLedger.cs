namespace Prorata.Domain.Billing;

/// <summary>What a contract's issued invoices have billed so far, item by item.</summary>
public sealed class BilledLedger
{
    private readonly Dictionary<BillingItemKey, (decimal Quantity, decimal Amount)> _items = new();
    private readonly Dictionary<string, List<BillingItemKey>> _bySubscription = new(StringComparer.Ordinal);
    private readonly HashSet<(string, DateOnly, DateOnly)> _billedPeriods = new();

    public (decimal Quantity, decimal Amount) Billed(BillingItemKey key) => _items.GetValueOrDefault(key);

    public IReadOnlyList<BillingItemKey> KeysOf(string subscription) =>
        _bySubscription.TryGetValue(subscription, out var keys) ? keys : [];

    public bool HasBilledPeriod(string subscription, DateOnly start, DateOnly end) => _billedPeriods.Contains((subscription, start, end));

    public void Record(Invoice invoice)
    {
        foreach (var line in invoice.Lines)
            foreach (var origin in line.Origins)
                Record(origin);
    }

    public void Record(LineOrigin origin)
    {
        var key = origin.Key;
        if (_items.TryGetValue(key, out var billed))
            _items[key] = (billed.Quantity + origin.Quantity, billed.Amount + origin.Amount);
        else
        {
            _items[key] = (origin.Quantity, origin.Amount);
            if (!_bySubscription.TryGetValue(key.Subscription, out var keys)) _bySubscription[key.Subscription] = keys = new List<BillingItemKey>();
            keys.Add(key);
        }
        _billedPeriods.Add((key.Subscription, key.PeriodStart, key.PeriodEnd));
    }
}
