using Microsoft.EntityFrameworkCore;
using Prorata.Application.Outbox;
using Prorata.Application.Receivables.Collection;
using Prorata.Data;
using Prorata.Data.Invoices;
using Prorata.Data.Outbox;
using Prorata.Data.Receivables;

namespace Prorata.Application.Portal;

/// <summary>What paying an invoice from the portal did.</summary>
public enum PortalPaymentState
{
    Paid,
    Processing,
    Refused,
    NeedsMethod,
    NothingDue,
    AlreadyUnderWay,
    NotFound,
}

public sealed record PortalPaymentOutcome(PortalPaymentState State, string Message);

/// <summary>
/// A customer pays one of its invoices with its newest saved method (saved through the provider's hosted page: Prorata
/// never sees card or bank data). The attempt is an auto-charge attempt numbered from
/// <see cref="AutoCharges.CustomerAttemptsFrom"/>, queued in the outbox before the provider is called while the person
/// waits: a lost answer is settled by the outbox, and an invoice is never charged twice.
/// </summary>
public sealed class PortalPayments(ProrataDbContext db, AutoCharges charges, TimeProvider time)
{
    public async Task<PortalPaymentOutcome> PayAsync(PortalCaller caller, Guid invoiceId, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.AsNoTracking()
            .FirstOrDefaultAsync(i => i.Id == invoiceId && i.Number != null && i.Status != InvoiceStatus.Draft
                && db.BillingContracts.Any(c => c.Id == i.ContractId && c.CustomerId == caller.CustomerId), cancellationToken);
        if (invoice is null) return new(PortalPaymentState.NotFound, $"You have no invoice '{invoiceId}'.");
        var receivable = await db.InvoiceReceivables.AsNoTracking().FirstOrDefaultAsync(r => r.InvoiceId == invoiceId, cancellationToken);
        if (invoice.Status == InvoiceStatus.Issued && receivable is null)
            return new(PortalPaymentState.AlreadyUnderWay, $"{invoice.DisplayNumber} is being entered in your account; try again in a minute.");
        if (invoice.Status != InvoiceStatus.Issued || receivable is not { Balance: > 0 })
            return new(PortalPaymentState.NothingDue, $"Nothing is owed on {invoice.DisplayNumber}.");
        if (!await db.SavedPaymentMethods.AnyAsync(m => m.CustomerId == caller.CustomerId && m.RevokedAt == null, cancellationToken))
            return new(PortalPaymentState.NeedsMethod, "Add a payment method first; you come back here to pay.");
        var attempts = await db.ChargeAttempts.AsNoTracking().Where(a => a.InvoiceId == invoiceId).ToListAsync(cancellationToken);
        if (attempts.Any(a => a.State is ChargeState.Queued or ChargeState.Processing or ChargeState.Unknown))
            return new(PortalPaymentState.AlreadyUnderWay, $"A payment of {invoice.DisplayNumber} is already under way; it shows here once the provider confirms it.");

        var request = new AutoChargeRequest(invoiceId, Math.Max(AutoCharges.CustomerAttemptsFrom, attempts.Select(a => a.Attempt + 1).DefaultIfEmpty(0).Max()));
        var now = time.GetUtcNow();
        // Written first, due a little later: if the provider's answer below is lost, the outbox asks the provider what happened.
        var message = OutboxWriter.Enqueue(db, OutboxTopic.AutoCharge, request.Key, request, now, caller.CustomerId);
        message.NextAttemptAt = now.AddMinutes(2);
        await db.SaveChangesAsync(cancellationToken);
        var delivery = await charges.ChargeAsync(request, cancellationToken);
        var attempt = await db.ChargeAttempts.AsNoTracking().FirstOrDefaultAsync(a => a.InvoiceId == invoiceId && a.Attempt == request.Attempt, cancellationToken);
        return attempt?.State switch
        {
            ChargeState.Succeeded => new(PortalPaymentState.Paid, $"Paid {invoice.DisplayNumber}: thank you."),
            ChargeState.Failed => new(PortalPaymentState.Refused, $"The payment was refused: {attempt.FailureMessage}. Try another payment method."),
            ChargeState.Processing => new(PortalPaymentState.Processing, $"The payment of {invoice.DisplayNumber} is being processed; it shows here once the provider confirms it."),
            _ => new(PortalPaymentState.Processing, $"The payment of {invoice.DisplayNumber} was sent; {delivery.Reason ?? "it shows here once the provider confirms it."}"),
        };
    }
}
