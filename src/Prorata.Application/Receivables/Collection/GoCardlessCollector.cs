using Prorata.Data.Receivables;
using Prorata.Integrations.GoCardless;

namespace Prorata.Application.Receivables.Collection;

/// <summary>
/// GoCardless as a collector: a Billing Request Flow where the customer signs a Direct Debit mandate, and payments against
/// the mandate. A payment is pending when created; GoCardless's webhook says when it is confirmed, failed or charged back.
/// </summary>
public sealed class GoCardlessCollector(GoCardlessGateway gateway) : IPaymentCollector
{
    public PaymentProvider Provider => PaymentProvider.GoCardless;

    public async Task<CollectionSetup> StartSetupAsync(Guid customerId, string name, string email, string? providerCustomerId, string currency, Uri returnUrl,
        Uri cancelUrl, CancellationToken cancellationToken)
    {
        try
        {
            var setup = await gateway.StartMandateSetupAsync(new MandateSetupRequest(customerId.ToString(), name, email, currency, returnUrl, cancelUrl), cancellationToken);
            return new CollectionSetup(setup.BillingRequestId, setup.AuthorisationUrl, providerCustomerId ?? "");
        }
        catch (GoCardlessUnavailableException e)
        {
            throw new CollectorUnavailableException(e.Message, e);
        }
    }

    public async Task<SavedMethod?> CompleteSetupAsync(string sessionId, CancellationToken cancellationToken)
    {
        var mandate = await gateway.CompleteMandateSetupAsync(sessionId, cancellationToken);
        return mandate is null ? null
            : new SavedMethod(mandate.Id, PaymentMethodKind.DirectDebit, $"Direct Debit ({mandate.Scheme.ToUpperInvariant()}) •••• {mandate.AccountNumberEnding}", mandate.CustomerId);
    }

    public async Task<CollectionOutcome> CollectAsync(CollectionOrder order, CancellationToken cancellationToken)
    {
        try
        {
            return Outcome(await gateway.CollectAsync(new CollectRequest(order.Token, order.AmountMinor, order.Currency, order.IdempotencyKey, order.InvoiceId.ToString(),
                order.Attempt, Description: order.Description), cancellationToken));
        }
        catch (GoCardlessUnavailableException e)
        {
            throw new CollectorUnavailableException(e.Message, e);
        }
        catch (GoCardlessRefusedException e)
        {
            return CollectionOutcome.Refused(null, e.ErrorType ?? "refused", e.Message);
        }
    }

    public async Task<CollectionOutcome?> FindAsync(CollectionOrder order, CancellationToken cancellationToken)
    {
        try
        {
            return await gateway.FindPaymentAsync(order.Token, order.InvoiceId.ToString(), order.Attempt, cancellationToken) is { } payment ? Outcome(payment) : null;
        }
        catch (GoCardlessUnavailableException e)
        {
            throw new CollectorUnavailableException(e.Message, e);
        }
    }

    private static CollectionOutcome Outcome(GoCardlessPayment payment) => payment.Status switch
    {
        GoCardlessPaymentStatus.Confirmed or GoCardlessPaymentStatus.PaidOut =>
            CollectionOutcome.Collected(payment.Id, new DateTimeOffset(payment.ChargeDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
        GoCardlessPaymentStatus.Failed or GoCardlessPaymentStatus.Cancelled or GoCardlessPaymentStatus.CustomerApprovalDenied or GoCardlessPaymentStatus.ChargedBack =>
            CollectionOutcome.Refused(payment.Id, payment.Status.ToString(), $"GoCardless reports the payment {payment.Status}."),
        _ => CollectionOutcome.Pending(payment.Id),
    };
}
