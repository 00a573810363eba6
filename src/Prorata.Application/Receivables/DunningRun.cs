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
        var held = (await db.Customers.AsNoTracking().Where(c => c.DunningHold).Select(c => c.Id).ToListAsync(cancellationToken))
            .Select(id => id.ToString()).ToHashSet(StringComparer.Ordinal);
        var policies = new Dictionary<(string, int?), DunningPolicy>();
        var receivables = open.Select(o =>
        {
            if (!policies.TryGetValue((o.DunningRemindAfterDays, o.DunningHoldAfterDays), out var policy))
                policies[(o.DunningRemindAfterDays, o.DunningHoldAfterDays)] = policy = Data.Contracts.BillingContract.PolicyOf(o.DunningRemindAfterDays, o.DunningHoldAfterDays);
            return new OpenReceivable(new ReceivableInvoice(o.InvoiceId.ToString(), o.CustomerId.ToString(), o.ContractId.ToString(), o.Currency, o.InvoiceDate, o.DueDate,
                o.Total, policy), o.Balance, o.LastReminder);
        });
        var actions = DunningRules.Evaluate(receivables, held, now);

        var (reminders, holds, lifts) = (0, 0, 0);
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

        // A transaction per batch of customers, not per customer: a commit each was most of the run's time. Locked in id
        // order, so two runs at once never wait on each other in a circle.
        var customers = actions.Where(a => a.Kind != DunningActionKind.Reminder).Select(a => Guid.Parse(a.CustomerId)).Order();
        foreach (var batch in customers.Chunk(HoldBatch))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var customerId in batch)
            {
                await CustomerLock.TakeAsync(db, customerId, cancellationToken);
                // Judged again under the lock: a payment may have arrived since the query above. The stored receivables are
                // the ledger's, current under this lock (every ledger write takes it), so they answer without replaying it.
                var change = await new CreditHolds(db).FollowAsync(customerId, await HoldCauseAsync(customerId, now, cancellationToken), now, cancellationToken);
                if (change == CreditHoldChange.Held) holds++;
                if (change == CreditHoldChange.Lifted) lifts++;
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        if (reminders + lifts > 0) outbox.Queued();
        return new Outcome(reminders, holds, lifts);
    }

    /// <summary>The customer's invoice unpaid past its contract's hold day, earliest due first (as <see cref="AccountsReceivable.HoldCause"/>).</summary>
    private async Task<ReceivableInvoice?> HoldCauseAsync(Guid customerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await (
                from r in db.InvoiceReceivables.AsNoTracking()
                join c in db.BillingContracts.AsNoTracking() on r.ContractId equals c.Id
                where r.CustomerId == customerId && r.Balance > 0 && c.DunningHoldAfterDays != null
                select new { r.InvoiceId, r.ContractId, r.Currency, r.InvoiceDate, r.DueDate, r.Total, c.DunningHoldAfterDays })
            .ToListAsync(cancellationToken);
        return open
            .Select(o => new ReceivableInvoice(o.InvoiceId.ToString(), customerId.ToString(), o.ContractId.ToString(), o.Currency, o.InvoiceDate, o.DueDate, o.Total,
                new DunningPolicy([], o.DunningHoldAfterDays)))
            .Where(i => i.Dunning.HoldFrom(i.Due) <= now)
            .OrderBy(i => i.Due).ThenBy(i => i.Date).ThenBy(i => i.ContractId, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
