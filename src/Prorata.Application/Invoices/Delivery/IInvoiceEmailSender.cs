namespace Prorata.Application.Invoices.Delivery;

/// <summary>
/// Hands an invoice e-mail to the partner's mail server. Never throws for what the server or the network did: the result
/// says whether the e-mail was sent, may be tried again later, or needs a person. Throws only when
/// <c>cancellationToken</c> is cancelled.
/// </summary>
public interface IInvoiceEmailSender
{
    Task<EmailSendResult> SendAsync(InvoiceEmail email, CancellationToken cancellationToken);
}
