using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Receivables;

/// <summary>
/// What customers owe, played in time order (billing-rules §5): issued invoices, payments, credit notes and refunds.
/// A payment pays the invoice it names (up to its balance), then the customer's other open invoices in its currency,
/// earliest due first (then earliest invoice date, then contract); the rest is credit. Credit (from payments and credit
/// notes) pays invoices issued later in that currency, oldest credit first. A credit note that names the invoice it
/// corrects pays that invoice first. Nothing here reads a clock: every change carries its moment.
/// </summary>
public sealed class AccountsReceivable
{
    private readonly Dictionary<string, Receivable> _invoices = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Customer, string Currency), List<CreditLot>> _credit = new();
    private readonly List<Allocation> _allocations = [];

    public IReadOnlyList<Allocation> Allocations => _allocations;

    public IEnumerable<ReceivableInvoice> Invoices => _invoices.Values.Select(r => r.Invoice);

    /// <summary>The invoices of a customer, in the order they were issued.</summary>
    public IEnumerable<ReceivableInvoice> InvoicesOf(string customerId) => _invoices.Values.Where(r => r.Invoice.CustomerId == customerId).Select(r => r.Invoice);

    public ReceivableInvoice Invoice(string key) => _invoices[key].Invoice;

    public bool Knows(string key) => _invoices.ContainsKey(key);

    /// <summary>What was paid of an invoice, by payments, credit notes and credit; 0 for a credit note.</summary>
    public decimal Paid(string key) => _invoices[key].Paid;

    /// <summary>What is still owed of an invoice; 0 for a credit note.</summary>
    public decimal Balance(string key) => _invoices[key] is var r && r.Invoice.Total > 0 ? r.Invoice.Total - r.Paid : 0m;

    /// <summary>An invoice's status on <paramref name="asOf"/>: overdue when a balance is left after its due date.</summary>
    public ReceivableStatus Status(string key, DateOnly asOf)
    {
        var receivable = _invoices[key];
        if (receivable.Invoice.Total < 0) return ReceivableStatus.Credit;
        var balance = Balance(key);
        if (balance == 0) return ReceivableStatus.Paid;
        if (receivable.Invoice.Due < asOf) return ReceivableStatus.Overdue;
        return receivable.Paid > 0 ? ReceivableStatus.PartiallyPaid : ReceivableStatus.Open;
    }

    /// <summary>The credit a customer has in a currency, not yet used.</summary>
    public decimal CreditBalance(string customerId, string currency) =>
        _credit.TryGetValue((customerId, currency), out var lots) ? lots.Sum(l => l.Remaining) : 0m;

    /// <summary>What a customer still owes in a currency: the sum of its invoices' balances.</summary>
    public decimal OpenBalance(string customerId, string currency) =>
        _invoices.Values.Where(r => r.Invoice.CustomerId == customerId && r.Invoice.Currency == currency).Sum(r => Balance(r.Invoice.Key));

    /// <summary>
    /// Records an issued invoice at <paramref name="at"/> and settles what can be settled at once: the customer's credit
    /// pays a positive invoice; a credit note pays the invoice it names and adds the rest to the credit balance.
    /// </summary>
    public IReadOnlyList<Allocation> Issue(ReceivableInvoice invoice, DateTimeOffset at)
    {
        if (!_invoices.TryAdd(invoice.Key, new Receivable(invoice)))
            throw new InvalidOperationException($"Invoice {invoice.Key} is already recorded.");
        var made = new List<Allocation>();
        if (invoice.Total > 0)
        {
            foreach (var lot in LotsOf(invoice.CustomerId, invoice.Currency))
            {
                var amount = Math.Min(lot.Remaining, Balance(invoice.Key));
                if (amount <= 0) continue;
                lot.Remaining -= amount;
                made.Add(Allocate(AllocationSource.CreditBalance, lot.SourceKey, invoice.Key, amount, at));
            }
            Prune(invoice.CustomerId, invoice.Currency);
        }
        else if (invoice.Total < 0)
        {
            var left = -invoice.Total;
            if (invoice.Credits is { } corrected && _invoices.TryGetValue(corrected, out var target)
                && target.Invoice.CustomerId == invoice.CustomerId && target.Invoice.Currency == invoice.Currency)
            {
                var amount = Math.Min(left, Balance(corrected));
                if (amount > 0)
                {
                    made.Add(Allocate(AllocationSource.CreditNote, invoice.Key, corrected, amount, at));
                    left -= amount;
                }
            }
            if (left > 0) LotsOf(invoice.CustomerId, invoice.Currency).Add(new CreditLot(invoice.Key, left));
        }
        return made;
    }

    /// <summary>Why a payment cannot be taken (InvalidPayment), or null: an amount ≤ 0, a currency the customer has no invoice in, an unknown named invoice.</summary>
    public Refusal? Check(PaymentReceived payment)
    {
        if (payment.Amount <= 0)
            return new Refusal(RefusalCode.InvalidPayment, $"amount must be greater than 0; got {payment.Amount}");
        if (!_invoices.Values.Any(r => r.Invoice.CustomerId == payment.CustomerId && r.Invoice.Currency == payment.Currency))
            return new Refusal(RefusalCode.InvalidPayment, $"the customer has no invoice in {payment.Currency}");
        if (payment.Invoice is { } named && (!_invoices.TryGetValue(named, out var r2) || r2.Invoice.CustomerId != payment.CustomerId || r2.Invoice.Currency != payment.Currency))
            return new Refusal(RefusalCode.InvalidPayment, $"invoice {named} is not an invoice of this customer in {payment.Currency}");
        return null;
    }

    /// <summary>
    /// Applies a payment. A new payment is judged by <see cref="Check"/> first; a stored one is a fact and is applied as it
    /// was received (a named invoice that is not this customer's in that currency is passed over; what nothing takes is credit).
    /// </summary>
    public PaymentApplication Pay(PaymentReceived payment)
    {
        if (payment.Amount <= 0) throw new ArgumentOutOfRangeException(nameof(payment), payment.Amount, "A payment is more than 0.");
        var left = payment.Amount;
        var made = new List<Allocation>();
        foreach (var key in PaymentOrder(payment))
        {
            if (left == 0) break;
            var amount = Math.Min(left, Balance(key));
            if (amount <= 0) continue;
            made.Add(Allocate(AllocationSource.Payment, payment.Key, key, amount, payment.At));
            left -= amount;
        }
        if (left > 0) LotsOf(payment.CustomerId, payment.Currency).Add(new CreditLot(payment.Key, left));
        return new PaymentApplication(payment, made, left);
    }

    /// <summary>Pays credit back to the customer, oldest credit first; refused when the credit balance is smaller.</summary>
    public Refusal? Refund(string customerId, string currency, decimal amount)
    {
        if (amount <= 0) return new Refusal(RefusalCode.InvalidPayment, $"amount must be greater than 0; got {amount}");
        var available = CreditBalance(customerId, currency);
        if (amount > available)
            return new Refusal(RefusalCode.InvalidPayment, $"amount {amount} is more than the customer's credit balance of {available} {currency}");
        var left = amount;
        foreach (var lot in LotsOf(customerId, currency))
        {
            var taken = Math.Min(left, lot.Remaining);
            lot.Remaining -= taken;
            left -= taken;
        }
        Prune(customerId, currency);
        return null;
    }

    /// <summary>The invoice that keeps a customer on hold at <paramref name="at"/>, earliest due first; null when none does.</summary>
    public ReceivableInvoice? HoldCause(string customerId, DateTimeOffset at) =>
        _invoices.Values
            .Where(r => r.Invoice.CustomerId == customerId && Balance(r.Invoice.Key) > 0 && r.Invoice.Dunning.HoldFrom(r.Invoice.Due) <= at)
            .Select(r => r.Invoice)
            .OrderBy(i => i.Due).ThenBy(i => i.Date).ThenBy(i => i.ContractId, StringComparer.Ordinal)
            .FirstOrDefault();

    private IEnumerable<string> PaymentOrder(PaymentReceived payment)
    {
        if (payment.Invoice is { } named && _invoices.TryGetValue(named, out var r0) && r0.Invoice.CustomerId == payment.CustomerId && r0.Invoice.Currency == payment.Currency)
            yield return named;
        foreach (var r in _invoices.Values
                     .Where(r => r.Invoice.CustomerId == payment.CustomerId && r.Invoice.Currency == payment.Currency && r.Invoice.Key != payment.Invoice)
                     .OrderBy(r => r.Invoice.Due).ThenBy(r => r.Invoice.Date).ThenBy(r => r.Invoice.ContractId, StringComparer.Ordinal))
            yield return r.Invoice.Key;
    }

    private Allocation Allocate(AllocationSource source, string sourceKey, string invoice, decimal amount, DateTimeOffset at)
    {
        _invoices[invoice].Paid += amount;
        var allocation = new Allocation(source, sourceKey, invoice, amount, at);
        _allocations.Add(allocation);
        return allocation;
    }

    private List<CreditLot> LotsOf(string customerId, string currency)
    {
        if (!_credit.TryGetValue((customerId, currency), out var lots)) _credit[(customerId, currency)] = lots = [];
        return lots;
    }

    private void Prune(string customerId, string currency) => LotsOf(customerId, currency).RemoveAll(l => l.Remaining == 0);

    private sealed class Receivable(ReceivableInvoice invoice)
    {
        public ReceivableInvoice Invoice { get; } = invoice;
        public decimal Paid { get; set; }
    }

    private sealed class CreditLot(string sourceKey, decimal remaining)
    {
        public string SourceKey { get; } = sourceKey;
        public decimal Remaining { get; set; } = remaining;
    }
}
