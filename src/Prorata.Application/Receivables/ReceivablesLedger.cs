using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Invoices;
using Prorata.Data.Receivables;
using Prorata.Domain.Money;
using Prorata.Domain.Receivables;

namespace Prorata.Application.Receivables;

/// <summary>
/// Plays a customer's issued invoices, credit notes, payments (without the reversed ones) and refunds through
/// <see cref="AccountsReceivable"/> in time order, and writes what comes out: each invoice's paid amount, balance and
/// status, the allocations and the credit per currency, in the caller's unit of work. Dunning's credit hold follows
/// (<see cref="CreditHolds"/>). Computing again from the facts, rather than adjusting, is what makes a reversal exact: the
/// allocations are what they would have been had the reversed payment never been recorded.
/// </summary>
public sealed class ReceivablesLedger(ProrataDbContext db, TimeProvider time)
{
    /// <summary>The customer's receivables as of now, without writing anything: for judging a payment or a refund first.</summary>
    public async Task<AccountsReceivable> PlayAsync(Guid customerId, CancellationToken cancellationToken) =>
        (await LoadAsync(customerId, withReversed: false, cancellationToken)).Ledger;

    /// <summary>
    /// The customer's receivables as if no payment had been reversed: what each reversed payment had settled before it was
    /// reversed, which commissions paid in cash take back on the day of the reversal.
    /// </summary>
    public async Task<AccountsReceivable> PlayWithReversedPaymentsAsync(Guid customerId, CancellationToken cancellationToken) =>
        (await LoadAsync(customerId, withReversed: true, cancellationToken)).Ledger;

    /// <summary>Computes the customer's receivables again and stages them; the caller saves. Returns the hold change, if any.</summary>
    public async Task<CreditHoldChange> RecomputeAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (ledger, invoices) = await LoadAsync(customerId, withReversed: false, cancellationToken);

        var stored = await db.InvoiceReceivables.Where(r => r.CustomerId == customerId).ToDictionaryAsync(r => r.InvoiceId, cancellationToken);
        foreach (var invoice in invoices)
        {
            var key = invoice.Id.ToString();
            if (!stored.Remove(invoice.Id, out var row))
            {
                row = new InvoiceReceivable { InvoiceId = invoice.Id, CustomerId = customerId, Currency = invoice.Currency };
                db.InvoiceReceivables.Add(row);
            }
            var status = ledger.Status(key, DateOnly.MinValue);
            (row.ContractId, row.LegalEntityId, row.InvoiceDate, row.DueDate, row.Total) =
                (invoice.ContractId, invoice.LegalEntityId, invoice.BillingDate, invoice.DueDate ?? invoice.BillingDate, invoice.Total);
            if (row.Paid != ledger.Paid(key) || row.Balance != ledger.Balance(key) || row.Status != status || row.UpdatedAt == default)
                (row.Paid, row.Balance, row.Status, row.UpdatedAt) = (ledger.Paid(key), ledger.Balance(key), status, now);
        }
        // A voided invoice owes nothing any more.
        db.InvoiceReceivables.RemoveRange(stored.Values);

        await db.PaymentAllocations.Where(a => a.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        foreach (var a in ledger.Allocations)
            db.PaymentAllocations.Add(new PaymentAllocationRow
            {
                Id = Guid.CreateVersion7(now),
                CustomerId = customerId,
                Source = a.Source,
                SourceId = Guid.Parse(a.SourceKey),
                InvoiceId = Guid.Parse(a.Invoice),
                Amount = a.Amount,
                AllocatedAt = a.At,
            });

        var credits = await db.CustomerCredits.Where(c => c.CustomerId == customerId).ToListAsync(cancellationToken);
        foreach (var currency in invoices.Select(i => i.Currency).Distinct())
        {
            var amount = ledger.CreditBalance(customerId.ToString(), currency);
            var credit = credits.FirstOrDefault(c => c.Currency == currency);
            if (credit is null && amount == 0) continue;
            if (credit is null) db.CustomerCredits.Add(credit = new CustomerCredit { CustomerId = customerId, Currency = currency });
            if (credit.Amount != amount || credit.UpdatedAt == default) (credit.Amount, credit.UpdatedAt) = (amount, now);
        }
        return await new CreditHolds(db).FollowAsync(customerId, ledger.HoldCause(customerId.ToString(), now), now, cancellationToken);
    }

    private async Task<(AccountsReceivable Ledger, List<CustomerInvoice> Invoices)> LoadAsync(Guid customerId, bool withReversed, CancellationToken cancellationToken)
    {
        var contracts = await db.BillingContracts.AsNoTracking().Where(c => c.CustomerId == customerId).ToDictionaryAsync(c => c.Id, cancellationToken);
        var contractIds = contracts.Keys.ToList();
        var invoices = await db.Invoices.AsNoTracking()
            .Where(i => contractIds.Contains(i.ContractId) && (i.Status == InvoiceStatus.Issued || i.Status == InvoiceStatus.Credited))
            .ToListAsync(cancellationToken);
        var payments = await db.Payments.AsNoTracking().Where(p => p.CustomerId == customerId && (withReversed || p.Reversal == null)).ToListAsync(cancellationToken);
        var refunds = await db.CreditRefunds.AsNoTracking().Where(r => r.CustomerId == customerId).ToListAsync(cancellationToken);

        // Amounts as the currency writes them (PostgreSQL gives 22.740000 back for 22.74): what the ledger says, it says in cents.
        static decimal Money(decimal amount, string currency) => Rounding.Customer(amount, Currency.FromCode(currency));
        var customer = customerId.ToString();
        // In time order; at one instant invoices first, then payments, then refunds; payments received at the same moment
        // (Finance often types a date, not a time) in the order they were recorded.
        var timeline = invoices.Select(i => (At: i.IssuedAt ?? i.CreatedAt, Order: 0, Recorded: i.CreatedAt, Id: i.Id, Item: (object)i))
            .Concat(payments.Select(p => (At: p.ReceivedAt, Order: 1, Recorded: p.RecordedAt, Id: p.Id, Item: (object)p)))
            .Concat(refunds.Select(r => (At: r.RefundedAt, Order: 2, Recorded: r.RefundedAt, Id: r.Id, Item: (object)r)))
            .OrderBy(t => t.At).ThenBy(t => t.Order).ThenBy(t => t.Recorded).ThenBy(t => t.Id);
        var ledger = new AccountsReceivable();
        foreach (var (at, _, _, _, item) in timeline)
        {
            switch (item)
            {
                case CustomerInvoice i:
                    ledger.Issue(new ReceivableInvoice(i.Id.ToString(), customer, i.ContractId.ToString(), i.Currency, i.BillingDate, i.DueDate ?? i.BillingDate,
                        Money(i.Total, i.Currency), contracts[i.ContractId].Dunning) { Credits = i.CreditedInvoiceId?.ToString() }, at);
                    break;
                case Payment p:
                    ledger.Pay(new PaymentReceived(p.Id.ToString(), customer, p.Currency, Money(p.Amount, p.Currency), p.ReceivedAt, p.InvoiceId?.ToString()));
                    break;
                case CreditRefund r:
                    // Refunds were judged against the credit when they were made; a later reversal may leave less, never refused here.
                    ledger.Refund(customer, r.Currency, Math.Min(Money(r.Amount, r.Currency), ledger.CreditBalance(customer, r.Currency)));
                    break;
            }
        }
        return (ledger, invoices);
    }
}
