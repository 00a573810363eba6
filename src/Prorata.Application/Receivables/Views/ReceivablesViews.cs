using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Invoices;
using Prorata.Data.Receivables;

namespace Prorata.Application.Receivables.Views;

/// <summary>What Finance reads: balances, statements, aging per legal entity and currency, the overdue list and the payments.</summary>
public sealed class ReceivablesViews(ProrataDbContext db)
{
    public async Task<IReadOnlyList<CustomerBalance>> BalancesAsync(Guid customerId, DateOnly asOf, CancellationToken cancellationToken)
    {
        var open = await db.InvoiceReceivables.AsNoTracking().Where(r => r.CustomerId == customerId).ToListAsync(cancellationToken);
        var credits = await db.CustomerCredits.AsNoTracking().Where(c => c.CustomerId == customerId).ToListAsync(cancellationToken);
        return open.Select(r => r.Currency).Concat(credits.Select(c => c.Currency)).Distinct().Order(StringComparer.Ordinal)
            .Select(currency => new CustomerBalance(currency,
                open.Where(r => r.Currency == currency).Sum(r => r.Balance),
                open.Where(r => r.Currency == currency && r.DueDate < asOf).Sum(r => r.Balance),
                credits.Where(c => c.Currency == currency).Sum(c => c.Amount)))
            .ToList();
    }

    public async Task<IReadOnlyList<AgingBucket>> AgingAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var open = await (
                from r in db.InvoiceReceivables.AsNoTracking()
                join e in db.LegalEntities.AsNoTracking() on r.LegalEntityId equals e.Id
                where r.Balance > 0
                select new { r.LegalEntityId, e.Name, r.Currency, r.DueDate, r.Balance })
            .ToListAsync(cancellationToken);
        return open.GroupBy(r => (r.LegalEntityId, r.Name, r.Currency))
            .OrderBy(g => g.Key.Name, StringComparer.Ordinal).ThenBy(g => g.Key.Currency, StringComparer.Ordinal)
            .Select(g =>
            {
                decimal Sum(int from, int to) => g.Where(r => asOf.DayNumber - r.DueDate.DayNumber is var days && days >= from && days <= to).Sum(r => r.Balance);
                return new AgingBucket(g.Key.LegalEntityId, g.Key.Name, g.Key.Currency, Sum(int.MinValue, 0), Sum(1, 30), Sum(31, 60), Sum(61, 90), Sum(91, int.MaxValue),
                    g.Sum(r => r.Balance));
            })
            .ToList();
    }

    public async Task<IReadOnlyList<OverdueInvoice>> OverdueAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var rows = await (
                from r in db.InvoiceReceivables.AsNoTracking()
                join i in db.Invoices.AsNoTracking() on r.InvoiceId equals i.Id
                join c in db.Customers.AsNoTracking() on r.CustomerId equals c.Id
                where r.Balance > 0 && r.DueDate < asOf
                orderby r.DueDate, i.Number
                select new { r, i.Number, i.NumberPrefix, i.Kind, CustomerName = c.Name })
            .ToListAsync(cancellationToken);
        return rows.Select(x => new OverdueInvoice(x.r.InvoiceId, Display(x.NumberPrefix, x.Number, x.Kind), x.r.CustomerId, x.CustomerName, x.r.Currency, x.r.InvoiceDate,
            x.r.DueDate, x.r.Total, x.r.Balance, asOf.DayNumber - x.r.DueDate.DayNumber)).ToList();
    }

    /// <summary>Payments received from <paramref name="from"/> to <paramref name="to"/> (UTC days, both inclusive), newest first.</summary>
    public async Task<IReadOnlyList<Payment>> PaymentsAsync(Guid? customerId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var query = new PaymentSearch(db).Filtered(new PaymentFilter { CustomerId = customerId, From = from, To = to }, null);
        return (await query.ToListAsync(cancellationToken)).OrderByDescending(p => p.ReceivedAt).ThenBy(p => p.Id).ToList();
    }

    /// <summary>What each of <paramref name="paymentIds"/> paid (its own allocations and what its credit paid later), in one query.</summary>
    public async Task<ILookup<Guid, PaymentAllocationRow>> AllocationsOfAsync(IReadOnlyCollection<Guid> paymentIds, CancellationToken cancellationToken) =>
        (await db.PaymentAllocations.AsNoTracking().Where(a => paymentIds.Contains(a.SourceId)).ToListAsync(cancellationToken))
        .OrderBy(a => a.AllocatedAt).ToLookup(a => a.SourceId);

    public async Task<IReadOnlyList<PaymentAllocationRow>> AllocationsOfAsync(Guid paymentId, CancellationToken cancellationToken) =>
        // The payment's own allocations and, for what became credit, the later invoices that credit paid.
        await db.PaymentAllocations.AsNoTracking().Where(a => a.SourceId == paymentId).OrderBy(a => a.AllocatedAt).ToListAsync(cancellationToken);

    /// <summary>The statement of <paramref name="customerId"/> in <paramref name="currency"/> from <paramref name="from"/> to <paramref name="to"/>, both inclusive; null for an unknown customer.</summary>
    public async Task<CustomerStatement?> StatementAsync(Guid customerId, string currency, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null) return null;
        var invoices = await (
                from i in db.Invoices.AsNoTracking()
                join c in db.BillingContracts.AsNoTracking() on i.ContractId equals c.Id
                where c.CustomerId == customerId && i.Currency == currency && (i.Status == InvoiceStatus.Issued || i.Status == InvoiceStatus.Credited)
                select i)
            .ToListAsync(cancellationToken);
        var payments = await db.Payments.AsNoTracking().Include(p => p.Reversal).Where(p => p.CustomerId == customerId && p.Currency == currency).ToListAsync(cancellationToken);
        var refunds = await db.CreditRefunds.AsNoTracking().Where(r => r.CustomerId == customerId && r.Currency == currency).ToListAsync(cancellationToken);

        static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
        var movements = invoices.Select(i => (Date: i.BillingDate, Kind: i.Kind == InvoiceKind.CreditNote ? "creditNote" : "invoice", Reference: i.DisplayNumber ?? i.Id.ToString(), Amount: i.Total))
            .Concat(payments.Select(p => (Date: Day(p.ReceivedAt), Kind: "payment", Reference: p.Reference, Amount: -p.Amount)))
            .Concat(payments.Where(p => p.Reversal is not null).Select(p => (Date: Day(p.Reversal!.ReversedAt), Kind: "paymentReversed", Reference: p.Reference, Amount: p.Amount)))
            .Concat(refunds.Select(r => (Date: Day(r.RefundedAt), Kind: "refund", Reference: r.Reference, Amount: r.Amount)))
            .OrderBy(m => m.Date).ThenBy(m => m.Kind, StringComparer.Ordinal).ThenBy(m => m.Reference, StringComparer.Ordinal)
            .ToList();
        var opening = movements.Where(m => m.Date < from).Sum(m => m.Amount);
        var running = opening;
        var lines = new List<StatementLine>();
        foreach (var m in movements.Where(m => m.Date >= from && m.Date <= to))
        {
            running += m.Amount;
            lines.Add(new StatementLine(m.Date, m.Kind, m.Reference, m.Amount, running));
        }
        return new CustomerStatement(customerId, customer.Name, currency, from, to, opening, lines, running);
    }

    private static string Display(string? prefix, long? number, InvoiceKind kind) =>
        number is { } n ? $"{prefix ?? (kind == InvoiceKind.CreditNote ? "CN-" : "INV-")}{n:D6}" : "draft";
}
