using Microsoft.EntityFrameworkCore;
using Prorata.Application.WorkItems;
using Prorata.Data;
using Prorata.Data.Receivables;
using Prorata.Integrations.GoCardless;

namespace Prorata.Application.Receivables.Collection;

/// <summary>
/// GoCardless's webhook events, each handled once by its id: a payment confirmed (collected: recorded as paid), failed or
/// cancelled (the attempt is refused and retried on the schedule; a payment already recorded is reversed as failed),
/// charged back (the payment is reversed and a person looks at it), a mandate cancelled, failed or expired (no longer used).
/// </summary>
public sealed class GoCardlessEvents(ProrataDbContext db, TimeProvider time, AutoCharges charges, CustomerPayments payments)
{
    public async Task HandleAsync(GoCardlessEvent e, CancellationToken cancellationToken)
    {
        if (await db.ProviderEvents.AnyAsync(p => p.Provider == PaymentProvider.GoCardless && p.EventId == e.Id, cancellationToken)) return;
        if (e.ResourceType == "payments" && e.PaymentId is { } paymentId)
            await PaymentEventAsync(e, paymentId, cancellationToken);
        else if (e.ResourceType == "mandates" && e.Action is "cancelled" or "failed" or "expired" && e.MandateId is { } mandateId)
            await db.SavedPaymentMethods.Where(m => m.Provider == PaymentProvider.GoCardless && m.Token == mandateId && m.RevokedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.RevokedAt, time.GetUtcNow()), cancellationToken);
        db.ProviderEvents.Add(new ProviderEvent { Provider = PaymentProvider.GoCardless, EventId = e.Id, Type = $"{e.ResourceType}.{e.Action}", ReceivedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task PaymentEventAsync(GoCardlessEvent e, string paymentId, CancellationToken cancellationToken)
    {
        var attempt = await db.ChargeAttempts.FirstOrDefaultAsync(a => a.Provider == PaymentProvider.GoCardless && a.ProviderPaymentId == paymentId, cancellationToken);
        if (attempt is null) return;
        var reason = $"{e.Cause ?? e.Action}{(e.Description is null ? "" : $": {e.Description}")}";
        switch (e.Action)
        {
            case "confirmed" or "paid_out" when attempt.State is ChargeState.Processing or ChargeState.Queued or ChargeState.Unknown:
                await charges.SettleAsync(attempt, CollectionOutcome.Collected(paymentId, e.CreatedAt), cancellationToken);
                break;
            case "failed" or "cancelled" or "customer_approval_denied" when attempt.State is ChargeState.Processing or ChargeState.Queued or ChargeState.Unknown:
                await charges.SettleAsync(attempt, CollectionOutcome.Refused(paymentId, e.Cause ?? e.Action, reason), cancellationToken);
                break;
            case "failed" or "late_failure_settled" when attempt.State == ChargeState.Succeeded:
                // A late failure after the payment was confirmed: the money never arrived.
                await ReverseAsync(paymentId, PaymentReversalReason.Failed, reason, cancellationToken);
                await charges.SettleAsync(attempt, CollectionOutcome.Refused(paymentId, e.Cause ?? "late_failure", reason), cancellationToken);
                break;
            case "charged_back":
                await ReverseAsync(paymentId, PaymentReversalReason.ChargedBack, reason, cancellationToken);
                attempt.State = ChargeState.Failed;
                attempt.FailureCode = "charged_back";
                attempt.FailureMessage = reason;
                var invoice = await db.Invoices.AsNoTracking().FirstAsync(i => i.Id == attempt.InvoiceId, cancellationToken);
                await new WorkItemRaiser(db, time).RaiseAsync(CollectionProblems.ChargedBack(invoice, attempt.CustomerId, attempt.Amount, reason), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                break;
        }
    }

    private async Task ReverseAsync(string providerPaymentId, PaymentReversalReason reason, string note, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Provider == PaymentProvider.GoCardless && p.ProviderPaymentId == providerPaymentId, cancellationToken);
        if (payment is not null) await payments.ReverseAsync(payment.Id, reason, note, "GoCardless", cancellationToken);
    }
}
