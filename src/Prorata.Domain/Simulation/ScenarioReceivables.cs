using Prorata.Domain.Billing;
using Prorata.Domain.Receivables;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Simulation;

/// <summary>
/// The after-the-invoice half of a scenario (billing-rules §5): its invoices as receivables, its payments applied, dunning
/// played at 00:00 of each reminder and hold day, and credit hold, set by staff or by dunning. While a customer is on hold
/// its purchases, seat increases and upgrades wait and are played at the moment the hold lifts, with the quantities then.
/// Receivables are as of billUntil (its 00:00, after its billing run): a payment dated later is judged but not applied and
/// no reminder or hold after it is played, so that statuses are those of billUntil and do not depend on later events.
/// </summary>
internal sealed class ScenarioReceivables(Scenario scenario)
{
    private readonly PriorityQueue<DunningTrigger, (DateTimeOffset, long)> _triggers = new();
    private readonly HashSet<string> _dunningHolds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _staffHolds = new(StringComparer.Ordinal);
    private readonly List<(SubscriptionEvent Event, string Customer)> _waiting = [];
    private long _sequence;

    public AccountsReceivable Ledger { get; } = new();
    public List<PaymentApplication> Payments { get; } = [];
    public Dictionary<string, int> PaymentEvents { get; } = new(StringComparer.Ordinal);
    public List<DunningAction> Actions { get; } = [];
    public List<Rejection> Rejected { get; } = [];

    private DateTimeOffset Cutoff => Midnight(scenario.BillUntil);

    public static string KeyOf(string contract, DateOnly date) => $"{contract}/{date:yyyy-MM-dd}";

    /// <summary>An issued invoice: recorded at 00:00 of its date with its total (tax included), its dunning scheduled.</summary>
    public IReadOnlyList<SubscriptionEvent> Issue(Invoice invoice, decimal total, BillingContract contract)
    {
        var at = Midnight(invoice.Date);
        var receivable = new ReceivableInvoice(KeyOf(contract.Id, invoice.Date), contract.CustomerId, contract.Id, invoice.Currency, invoice.Date,
            invoice.Due, total, contract.Dunning);
        Ledger.Issue(receivable, at);
        if (total > 0)
        {
            foreach (var (days, when) in contract.Dunning.Reminders(invoice.Due)) Schedule(when, new DunningTrigger(receivable.Key, days));
            if (contract.Dunning.HoldFrom(invoice.Due) is { } hold) Schedule(hold, new DunningTrigger(receivable.Key, null));
        }
        return Settle(contract.CustomerId, at);
    }

    /// <summary>Plays every reminder and hold due before (or, with <paramref name="inclusive"/>, at) <paramref name="instant"/>; returns what a lifted hold releases.</summary>
    public IReadOnlyList<SubscriptionEvent> DunUntil(DateTimeOffset instant, bool inclusive)
    {
        if (instant > Cutoff) (instant, inclusive) = (Cutoff, true);
        var released = new List<SubscriptionEvent>();
        while (_triggers.TryPeek(out var trigger, out var when) && (when.Item1 < instant || (inclusive && when.Item1 == instant)))
        {
            _triggers.Dequeue();
            var invoice = Ledger.Invoice(trigger.Invoice);
            if (trigger.ReminderDays is { } days)
            {
                if (Ledger.Balance(invoice.Key) > 0) Actions.Add(new DunningAction(when.Item1, invoice.CustomerId, DunningActionKind.Reminder, invoice.Key, days));
            }
            else
            {
                released.AddRange(Settle(invoice.CustomerId, when.Item1));
            }
        }
        return released;
    }

    /// <summary>A payment event: applied (when dated by billUntil), or refused InvalidPayment; returns what a lifted hold releases.</summary>
    public IReadOnlyList<SubscriptionEvent> Pay(ScenarioPayment payment)
    {
        var named = payment.InvoiceContract is { } contract ? KeyOf(contract, payment.InvoiceDate!.Value) : null;
        var received = new PaymentReceived($"payment{payment.Index}", payment.Customer, payment.Currency, payment.Amount, payment.At, named);
        if (named is not null && !Ledger.Knows(named))
        {
            Rejected.Add(new Rejection(payment.Index, RefusalCode.InvalidPayment, $"invoice {named} was not issued"));
            return [];
        }
        if (Ledger.Check(received) is { } refusal)
        {
            Rejected.Add(new Rejection(payment.Index, refusal.Code, refusal.Message));
            return [];
        }
        if (payment.At > Cutoff) return [];
        Payments.Add(Ledger.Pay(received));
        PaymentEvents[received.Key] = payment.Index;
        return Settle(payment.Customer, payment.At);
    }

    /// <summary>A staff hold set or lifted; returns what the lift releases when dunning holds the customer no more.</summary>
    public IReadOnlyList<SubscriptionEvent> StaffHold(ScenarioCreditHold hold)
    {
        if (hold.Enabled)
        {
            _staffHolds.Add(hold.Customer);
            return [];
        }
        return _staffHolds.Remove(hold.Customer) ? Release(hold.Customer, hold.At) : [];
    }

    /// <summary>
    /// Whether a subscription event of a customer on hold waits (true), or is played now (false). A decrease below the
    /// provisioned quantity and a cancellation drop what waited for the subscription and are played; a change of a purchase
    /// that waits changes what will be bought.
    /// </summary>
    public bool Holds(SubscriptionEvent e, SubscriptionBook book)
    {
        if (CustomerOf(e, book) is not { } customer || !OnHold(customer)) return false;
        var purchase = _waiting.FindIndex(w => w.Event.Type == SubscriptionEventType.Purchase && w.Event.Subscription == e.Subscription);
        switch (e.Type)
        {
            case SubscriptionEventType.Purchase:
            case SubscriptionEventType.Upgrade:
                _waiting.Add((e, customer));
                return true;
            case SubscriptionEventType.SetQuantity when purchase >= 0:
                _waiting[purchase] = (_waiting[purchase].Event with { Quantity = e.Quantity }, customer);
                return true;
            case SubscriptionEventType.SetAutoRenew when purchase >= 0:
                _waiting[purchase] = (_waiting[purchase].Event with { AutoRenew = e.Enabled!.Value }, customer);
                return true;
            case SubscriptionEventType.Cancel when purchase >= 0:
                _waiting.RemoveAt(purchase);
                return true;
            case SubscriptionEventType.SetQuantity:
                _waiting.RemoveAll(w => w.Event.Type == SubscriptionEventType.SetQuantity && w.Event.Subscription == e.Subscription);
                if (book.Find(e.Subscription) is { } subscription && e.Quantity > subscription.Quantity)
                {
                    _waiting.Add((e, customer));
                    return true;
                }
                return false;
            case SubscriptionEventType.Cancel:
                _waiting.RemoveAll(w => w.Event.Subscription == e.Subscription);
                return false;
            default:
                return false;
        }
    }

    private string? CustomerOf(SubscriptionEvent e, SubscriptionBook book)
    {
        var contractId = e.Contract ?? book.Find(e.Subscription)?.ContractId
            ?? _waiting.FirstOrDefault(w => w.Event.Type == SubscriptionEventType.Purchase && w.Event.Subscription == e.Subscription).Event?.Contract;
        return scenario.Contracts.FirstOrDefault(c => c.Id == contractId)?.CustomerId;
    }

    private bool OnHold(string customer) => _dunningHolds.Contains(customer) || _staffHolds.Contains(customer);

    /// <summary>Dunning's hold follows the ledger: on while an invoice is overdue past its contract's hold day, off the moment none is.</summary>
    private IReadOnlyList<SubscriptionEvent> Settle(string customer, DateTimeOffset at)
    {
        var cause = Ledger.HoldCause(customer, at);
        if (cause is not null && _dunningHolds.Add(customer))
            Actions.Add(new DunningAction(at, customer, DunningActionKind.CreditHold, cause.Key));
        else if (cause is null && _dunningHolds.Remove(customer))
        {
            Actions.Add(new DunningAction(at, customer, DunningActionKind.HoldLifted, null));
            return Release(customer, at);
        }
        return [];
    }

    /// <summary>What waited for the customer, played at the moment its last hold lifted, in the order it was asked.</summary>
    private IReadOnlyList<SubscriptionEvent> Release(string customer, DateTimeOffset at)
    {
        if (OnHold(customer)) return [];
        var released = _waiting.Where(w => w.Customer == customer).ToList();
        _waiting.RemoveAll(w => w.Customer == customer);
        return released.Select(w => w.Event with { At = at }).ToList();
    }

    private void Schedule(DateTimeOffset at, DunningTrigger trigger) => _triggers.Enqueue(trigger, (at, _sequence++));

    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private sealed record DunningTrigger(string Invoice, int? ReminderDays);
}
