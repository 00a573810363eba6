using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Prorata.Application.Invoices;
using Prorata.Application.Invoices.Delivery;
using Prorata.Application.Invoices.Documents;
using Prorata.Application.Outbox;
using Prorata.Data;
using Prorata.Data.Outbox;

namespace Prorata.Application.Receivables;

/// <summary>
/// E-mails a payment reminder with the invoice's PDF to the customer's billing addresses. A reminder of an invoice paid
/// since it was queued is not sent. One Message-ID per reminder, so a repeat after a lost answer is the same e-mail.
/// </summary>
public sealed class PaymentReminderHandler(ProrataDbContext db, IInvoiceEmailSender sender, IOptions<SmtpOptions> smtp, InvoicePdf pdf) : IOutboxHandler
{
    public OutboxTopic Topic => OutboxTopic.PaymentReminder;

    public async Task<OutboxDelivery> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var reminder = OutboxWriter.Read<PaymentReminder>(message);
        var step = await db.DunningSteps.AsNoTracking().FirstOrDefaultAsync(s => s.Id == reminder.StepId, cancellationToken);
        if (step?.InvoiceId is not { } invoiceId) return OutboxDelivery.Refused($"No payment reminder has id '{reminder.StepId}'.");
        var receivable = await db.InvoiceReceivables.AsNoTracking().FirstAsync(r => r.InvoiceId == invoiceId, cancellationToken);
        if (receivable.Balance <= 0) return OutboxDelivery.Refused("The invoice was paid before its reminder went out: nothing was sent.");
        if (!smtp.Value.IsConfigured) return OutboxDelivery.Refused("E-mail is not configured (Prorata:Smtp:Host): the reminder was not sent.");
        if (await InvoiceDocuments.LoadAsync(db, invoiceId, cancellationToken) is not var (_, document)) return OutboxDelivery.Refused($"No invoice has id '{invoiceId}'.");
        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == step.CustomerId, cancellationToken);
        var from = document.Seller.Email ?? smtp.Value.DefaultFrom;
        if (string.IsNullOrWhiteSpace(from)) return OutboxDelivery.Refused($"Legal entity '{document.Seller.Name}' has no e-mail address and Prorata:Smtp:DefaultFrom is not set.");
        var (subject, text, html) = PaymentReminderText.For(customer.PreferredLanguage, document.Number!, document.Buyer.Name, document.Seller.Name, receivable.DueDate,
            receivable.Balance, receivable.Currency, document.MinorUnits);
        var email = new InvoiceEmail(from, document.Seller.Name, customer.InvoiceRecipients, document.Seller.Email, subject, text, html,
            [new EmailAttachment($"{document.Number}.pdf", "application/pdf", pdf.Render(document))], $"<reminder-{step.Id:N}@prorata.invalid>");
        var result = await sender.SendAsync(email, cancellationToken);
        return result.Outcome switch
        {
            EmailSendOutcome.Sent => OutboxDelivery.Done,
            EmailSendOutcome.TemporaryFailure => OutboxDelivery.Later(result.ServerReply),
            _ => OutboxDelivery.ForAPerson($"The reminder of invoice {document.Number} was refused: {result.ServerReply}"),
        };
    }
}
