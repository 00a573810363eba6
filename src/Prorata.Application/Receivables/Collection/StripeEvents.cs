using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Receivables;
using Prorata.Integrations.Stripe.Webhooks;

namespace Prorata.Application.Receivables.Collection;

/// <summary>
/// Stripe's webhook events, each handled once (its id is recorded in the same save as what it did; a repeat does nothing):
/// a setup finished, a PaymentIntent that succeeded or failed after the call answered (a SEPA debit settles days later).
/// Events may come out of order: an attempt already settled is left as it is.
/// </summary>
public sealed class StripeEvents(ProrataDbContext db, TimeProvider time, PaymentSetups setups, AutoCharges charges)
{
    public async Task HandleAsync(StripeWebhookEvent e, CancellationToken cancellationToken)
    {
        if (await db.ProviderEvents.AnyAsync(p => p.Provider == PaymentProvider.Stripe && p.EventId == e.Id, cancellationToken)) return;
        switch (e.Type)
        {
            case "checkout.session.completed" when e.CheckoutSession is { Mode: "setup" } session:
                await setups.CompleteAsync(PaymentProvider.Stripe, session.Id, cancellationToken);
                break;
            case "payment_intent.succeeded" or "payment_intent.payment_failed" when e.PaymentIntent is { } intent:
                var attempt = await db.ChargeAttempts.FirstOrDefaultAsync(a => a.Provider == PaymentProvider.Stripe && a.ProviderPaymentId == intent.Id, cancellationToken);
                if (attempt is null && Guid.TryParse(intent.InvoiceId, out var invoiceId) && intent.Attempt is { } number)
                    attempt = await db.ChargeAttempts.FirstOrDefaultAsync(a => a.InvoiceId == invoiceId && a.Attempt == number, cancellationToken);
                if (attempt is null || attempt.State is ChargeState.Succeeded or ChargeState.Failed) break;
                await charges.SettleAsync(attempt, e.Type == "payment_intent.succeeded"
                    ? CollectionOutcome.Collected(intent.Id, e.Created)
                    : CollectionOutcome.Refused(intent.Id, intent.FailureCode ?? "payment_failed", intent.FailureMessage ?? "The payment failed."), cancellationToken);
                break;
        }
        db.ProviderEvents.Add(new ProviderEvent { Provider = PaymentProvider.Stripe, EventId = e.Id, Type = e.Type, ReceivedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same event, delivered twice at once, was recorded by the other delivery: what it does is idempotent.
            db.ChangeTracker.Clear();
        }
    }
}
