using Microsoft.EntityFrameworkCore;
using Prorata.Application.Outbox;
using Prorata.Data;
using Prorata.Data.Outbox;
using Prorata.Data.Receivables;
using Prorata.Domain.Receivables;

namespace Prorata.Application.Receivables;

/// <summary>
/// The daily dunning job (billing-rules §5), run by the host every hour and by <c>prorata dunning</c>: reminders of
/// invoices whose reminder day has come go out by e-mail through the outbox (each step once per invoice: a unique
/// index), and customers go on dunning's credit hold, or come off it, as their invoices say.
/// </summary>
public sealed class DunningRun(ProrataDbContext db, TimeProvider time, OutboxSignal outbox)
{
    public sealed record Outcome(int Reminders, int Held, int Lifted);

    /// <summary>Customers whose hold is decided in one transaction.</summary>
    public const int HoldBatch = 100;

    public async Task<Outcome> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var open = await (
                from r in db.InvoiceReceivables.AsNoTracking()
                join c in db.BillingContracts.AsNoTracking() on r.ContractId equals c.Id
                where r.Balance > 0 && (c.DunningRemindAfterDays != "" || c.DunningHoldAfterDays != null)
                select new
                {
                    r.InvoiceId, r.CustomerId, r.ContractId, r.Currency, r.InvoiceDate, r.DueDate, r.Total, r.Balance,
                    c.DunningRemindAfterDays, c.DunningHoldAfterDays,
                    LastReminder = db.DunningSteps.Where(s => s.InvoiceId == r.InvoiceId && s.Days != null).Max(s => s.Days),
                })
            .ToListAsync(cancellationToken);
        var onHold = (await db.Customers.AsNoTracking().Where(c => c.DunningHold).Select(c => c.Id).ToListAsync(cancellationToken))
            .Select(id => id.ToString()).ToHashSet(StringComparer.Ordinal);
        var policies = new Dictionary<(string, int?), DunningPolicy>();
        var receivables = open.Select(o =>
        {
            if (!policies.TryGetValue((o.DunningRemindAfterDays, o.DunningHoldAfterDays), out var policy))
                policies[(o.DunningRemindAfterDays, o.DunningHoldAfterDays)] = policy = Data.Contracts.BillingContract.PolicyOf(o.DunningRemindAfterDays, o.DunningHoldAfterDays);
            return new OpenReceivable(new ReceivableInvoice(o.InvoiceId.ToString(), o.CustomerId.ToString(), o.ContractId.ToString(), o.Currency, o.InvoiceDate, o.DueDate,
                o.Total, policy), o.Balance, o.LastReminder);
        });
        var actions = DunningRules.Evaluate(receivables, onHold, now);

        var (reminders, held, lifts) = (0, 0, 0);
        foreach (var action in actions.Where(a => a.Kind == DunningActionKind.Reminder))
        {
            var step = new DunningStep
            {
                Id = Guid.CreateVersion7(now),
                CustomerId = Guid.Parse(action.CustomerId),
                Kind = DunningActionKind.Reminder,
                InvoiceId = Guid.Parse(action.Invoice!),
                Days = action.Days,
                At = action.At,
                RecordedAt = now,
            };
            db.DunningSteps.Add(step);
            OutboxWriter.Enqueue(db, OutboxTopic.PaymentReminder, $"payment-reminder:{step.InvoiceId}:{step.Days}", new PaymentReminder(step.Id), now, step.CustomerId);
            reminders++;
            // Saved in batches: a stop loses at most the batch, which the next run finds again.
            if (reminders % 500 == 0) await SaveAsync(cancellationToken);
        }
        await SaveAsync(cancellationToken);

        // A transaction per batch of customers, not per customer, and each batch locked, loaded and judged in one query
        // each: per-customer round trips were most of the run's time. Locked in id order, so two runs at once never wait
        // on each other in a circle.
        var customers = actions.Where(a => a.Kind != DunningActionKind.Reminder).Select(a => Guid.Parse(a.CustomerId)).Distinct().Order();
        foreach (var batch in customers.Chunk(HoldBatch))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await CustomerLock.TakeAsync(db, batch, cancellationToken);
            // Judged again under the lock: a payment may have arrived since the query above. The stored receivables are the
            // ledger's, current under this lock (every ledger write takes it), so they answer without replaying it.
            var causes = await HoldCausesAsync(batch, now, cancellationToken);
            var holds = new CreditHolds(db);
            foreach (var customer in await db.Customers.Where(c => batch.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync(cancellationToken))
            {
                var change = holds.Follow(customer, causes.GetValueOrDefault(customer.Id), now);
                if (change == CreditHoldChange.Held) held++;
                if (change == CreditHoldChange.Lifted) lifts++;
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        if (reminders + lifts > 0) outbox.Queued();
        return new Outcome(reminders, held, lifts);
    }

    /// <summary>Each customer's invoice unpaid past its contract's hold day, earliest due first (as <see cref="AccountsReceivable.HoldCause"/>); none for a customer with none.</summary>
    private async Task<Dictionary<Guid, ReceivableInvoice>> HoldCausesAsync(Guid[] customerIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await (
                from r in db.InvoiceReceivables.AsNoTracking()
                join c in db.BillingContracts.AsNoTracking() on r.ContractId equals c.Id
                where customerIds.Contains(r.CustomerId) && r.Balance > 0 && c.DunningHoldAfterDays != null
                select new { r.InvoiceId, r.CustomerId, r.ContractId, r.Currency, r.InvoiceDate, r.DueDate, r.Total, c.DunningHoldAfterDays })
            .ToListAsync(cancellationToken);
        return open
            .Select(o => new ReceivableInvoice(o.InvoiceId.ToString(), o.CustomerId.ToString(), o.ContractId.ToString(), o.Currency, o.InvoiceDate, o.DueDate, o.Total,
                new DunningPolicy([], o.DunningHoldAfterDays)))
            .Where(i => i.Dunning.HoldFrom(i.Due) <= now)
            .GroupBy(i => Guid.Parse(i.CustomerId))
            .ToDictionary(g => g.Key, g => g.OrderBy(i => i.Due).ThenBy(i => i.Date).ThenBy(i => i.ContractId, StringComparer.Ordinal).First());
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
