using Microsoft.EntityFrameworkCore;
using Prorata.Application.Outbox;
using Prorata.Application.WorkItems;
using Prorata.Data;
using Prorata.Data.Invoices;
using Prorata.Data.Outbox;
using Prorata.Data.Receivables;
using Prorata.Domain.Money;

namespace Prorata.Application.Receivables.Collection;

/// <summary>
/// Collects issued invoices of contracts that auto-charge from the customer's saved method. Each attempt is a
/// <see cref="ChargeAttempt"/> (unique per invoice and attempt) whose idempotency key goes to the provider, saved before the
/// provider is called: an attempt found already started (a stop, a lost answer) is first looked up at the provider and
/// settled from what it has, so an invoice is never charged twice. A refusal is tried again
/// <see cref="RetryAfterDays"/> days later; after the last, a work item.
/// </summary>
public sealed class AutoCharges(ProrataDbContext db, TimeProvider time, IEnumerable<IPaymentCollector> collectors, CustomerPayments payments)
{
    /// <summary>Days after a refused attempt that the next one is made: attempt 2 after 3 days, attempt 3 after 7 more.</summary>
    public static readonly IReadOnlyList<int> RetryAfterDays = [3, 7];

    /// <summary>
    /// Attempts from this number on are a customer's own payments from the portal (101, 102…): the customer is there to see a
    /// refusal, so it is neither retried nor raised as a work item, and its numbers never meet auto-charge's 1 to 3.
    /// </summary>
    public const int CustomerAttemptsFrom = 101;

    /// <summary>Queues attempt 1 of an invoice that was just issued, when its contract auto-charges and its customer has a saved method.</summary>
    public async Task<bool> QueueFirstAsync(Guid invoiceId, CancellationToken cancellationToken)
    {
        var found = await (
                from i in db.Invoices.AsNoTracking()
                join c in db.BillingContracts.AsNoTracking() on i.ContractId equals c.Id
                where i.Id == invoiceId && i.Kind == InvoiceKind.Invoice && c.AutoCharge
                select new { i.Id, c.CustomerId })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null || !await db.SavedPaymentMethods.AnyAsync(m => m.CustomerId == found.CustomerId && m.RevokedAt == null, cancellationToken)) return false;
        var request = new AutoChargeRequest(invoiceId, 1);
        if (await db.Outbox.AnyAsync(m => m.Topic == OutboxTopic.AutoCharge && m.IdempotencyKey == request.Key, cancellationToken)) return false;
        OutboxWriter.Enqueue(db, OutboxTopic.AutoCharge, request.Key, request, time.GetUtcNow(), found.CustomerId);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Makes (or settles) one attempt; the outbox calls it again after a lost answer.</summary>
    public async Task<OutboxDelivery> ChargeAsync(AutoChargeRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var attempt = await db.ChargeAttempts.FirstOrDefaultAsync(a => a.InvoiceId == request.InvoiceId && a.Attempt == request.Attempt, cancellationToken);
        if (attempt is { State: ChargeState.Succeeded or ChargeState.Failed or ChargeState.Processing }) return OutboxDelivery.Done;
        var invoice = await db.Invoices.AsNoTracking().FirstAsync(i => i.Id == request.InvoiceId, cancellationToken);
        var started = attempt is not null;
        if (attempt is null)
        {
            var receivable = await db.InvoiceReceivables.AsNoTracking().FirstOrDefaultAsync(r => r.InvoiceId == request.InvoiceId, cancellationToken);
            if (receivable is null) return OutboxDelivery.Later("The invoice is not in the receivables yet.");
            if (receivable.Balance <= 0 || invoice.Status != InvoiceStatus.Issued) return OutboxDelivery.Refused("Nothing is left to collect on the invoice.");
            var method = await db.SavedPaymentMethods.AsNoTracking().Where(m => m.CustomerId == receivable.CustomerId && m.RevokedAt == null)
                .OrderByDescending(m => m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
            if (method is null) return OutboxDelivery.Refused("The customer has no saved payment method any more.");
            attempt = new ChargeAttempt
            {
                Id = Guid.CreateVersion7(now),
                InvoiceId = invoice.Id,
                CustomerId = receivable.CustomerId,
                Attempt = request.Attempt,
                PaymentMethodId = method.Id,
                Provider = method.Provider,
                Amount = receivable.Balance,
                Currency = receivable.Currency,
                IdempotencyKey = $"prorata-invoice-{invoice.Id:N}-attempt-{request.Attempt}",
                State = ChargeState.Queued,
                CreatedAt = now,
            };
            db.ChargeAttempts.Add(attempt);
            // Saved before the provider is called: from here on a stop leaves an attempt that is looked up before anything else.
            await db.SaveChangesAsync(cancellationToken);
        }
        var saved = await db.SavedPaymentMethods.AsNoTracking().FirstAsync(m => m.Id == attempt.PaymentMethodId, cancellationToken);
        var collector = collectors.FirstOrDefault(c => c.Provider == attempt.Provider);
        if (collector is null) return OutboxDelivery.Later($"{attempt.Provider} is not configured here (its settings are empty); the attempt waits.");
        var order = new CollectionOrder(saved.ProviderCustomerId, saved.Token, Currency.FromCode(attempt.Currency).ToMinorUnits(Rounding.Customer(attempt.Amount, Currency.FromCode(attempt.Currency))), attempt.Currency, attempt.IdempotencyKey,
            invoice.Id, attempt.Attempt, $"Invoice {invoice.DisplayNumber}");
        CollectionOutcome outcome;
        try
        {
            outcome = (started ? await collector.FindAsync(order, cancellationToken) : null) ?? await collector.CollectAsync(order, cancellationToken);
        }
        catch (CollectorUnavailableException e)
        {
            attempt.State = ChargeState.Unknown;
            attempt.FailureMessage = Trim(e.Message);
            await db.SaveChangesAsync(CancellationToken.None);
            return OutboxDelivery.Later($"No answer from {attempt.Provider}; it is asked what happened before anything is sent again: {e.Message}");
        }
        await SettleAsync(attempt, outcome, CancellationToken.None);
        return OutboxDelivery.Done;
    }

    /// <summary>
    /// Records the provider's final or interim answer of an attempt (from the call or a webhook): collected → a payment of
    /// the invoice (once, by the provider's id); pending → wait for the webhook; refused → the next attempt is scheduled,
    /// or after the last a work item.
    /// </summary>
    public async Task SettleAsync(ChargeAttempt attempt, CollectionOutcome outcome, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        attempt.ProviderPaymentId = outcome.ProviderPaymentId ?? attempt.ProviderPaymentId;
        switch (outcome.State)
        {
            case CollectionState.Collected:
                var method = await db.SavedPaymentMethods.AsNoTracking().FirstAsync(m => m.Id == attempt.PaymentMethodId, cancellationToken);
                await payments.RecordCollectedAsync(new ProviderPayment(attempt.CustomerId, attempt.Provider, outcome.ProviderPaymentId!, attempt.Amount, attempt.Currency,
                    outcome.At ?? now, method.Kind, attempt.InvoiceId), cancellationToken);
                (attempt.State, attempt.SettledAt, attempt.FailureCode, attempt.FailureMessage) = (ChargeState.Succeeded, now, null, null);
                break;
            case CollectionState.Pending:
                attempt.State = ChargeState.Processing;
                break;
            default:
                (attempt.State, attempt.SettledAt, attempt.FailureCode, attempt.FailureMessage) = (ChargeState.Failed, now, outcome.FailureCode, Trim(outcome.FailureMessage ?? ""));
                if (attempt.Attempt >= CustomerAttemptsFrom) break;
                if (attempt.Attempt <= RetryAfterDays.Count)
                {
                    var next = new AutoChargeRequest(attempt.InvoiceId, attempt.Attempt + 1);
                    var message = OutboxWriter.Enqueue(db, OutboxTopic.AutoCharge, next.Key, next, now, attempt.CustomerId);
                    message.NextAttemptAt = now.AddDays(RetryAfterDays[attempt.Attempt - 1]);
                }
                else
                {
                    var invoice = await db.Invoices.AsNoTracking().FirstAsync(i => i.Id == attempt.InvoiceId, cancellationToken);
                    await new WorkItemRaiser(db, time).RaiseAsync(CollectionProblems.Failed(invoice, attempt.CustomerId, attempt.Amount, attempt.Attempt,
                        $"{outcome.FailureCode}: {outcome.FailureMessage}"), cancellationToken);
                }
                break;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Trim(string text) => text.Length <= 1000 ? text : text[..1000];
}
