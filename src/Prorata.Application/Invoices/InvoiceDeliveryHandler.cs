using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Prorata.Application.Invoices.Delivery;
using Prorata.Application.Invoices.Documents;
using Prorata.Application.Outbox;
using Prorata.Application.WorkItems;
using Prorata.Data;
using Prorata.Data.Invoices;
using Prorata.Data.Outbox;
using Prorata.Data.WorkItems;

namespace Prorata.Application.Invoices;

/// <summary>
/// E-mails an issued invoice with its PDF and UBL XML from its legal entity to the customer's billing addresses, and
/// records what happened to the sending. A sending recorded as sent is never sent again (a message delivered twice
/// after a stop finds it sent); every attempt of one sending carries the same Message-ID. A temporary failure is tried
/// again by the outbox; a permanent one (the server refused the address) is a work item, the invoice page says so,
/// and staff resend after fixing the address.
/// </summary>
public sealed class InvoiceDeliveryHandler(ProrataDbContext db, IInvoiceEmailSender sender, IOptions<SmtpOptions> smtp, InvoicePdf pdf, InvoiceUbl ubl, TimeProvider time)
    : IOutboxHandler
{
    public OutboxTopic Topic => OutboxTopic.InvoiceDelivery;

    public async Task<OutboxDelivery> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var request = OutboxWriter.Read<InvoiceDeliveryQueue.Payload>(message);
        var delivery = await db.InvoiceDeliveries.FirstOrDefaultAsync(d => d.Id == request.DeliveryId, cancellationToken);
        if (delivery is null) return OutboxDelivery.Refused($"No invoice delivery has id '{request.DeliveryId}'.");
        if (delivery.State == InvoiceDeliveryState.Sent) return OutboxDelivery.Done;
        if (await InvoiceDocuments.LoadAsync(db, delivery.InvoiceId, cancellationToken) is not var (invoice, document))
            return OutboxDelivery.Refused($"No invoice has id '{delivery.InvoiceId}'.");
        var customer = await db.BillingContracts.AsNoTracking().Where(c => c.Id == invoice.ContractId).Select(c => c.Customer!).FirstAsync(cancellationToken);
        var fromAddress = document.Seller.Email ?? smtp.Value.DefaultFrom;
        if (string.IsNullOrWhiteSpace(fromAddress))
            return await FailAsync(delivery, invoice, customer.Id, $"legal entity '{document.Seller.Name}' has no e-mail address and Prorata:Smtp:DefaultFrom is not set", cancellationToken);

        var content = InvoiceEmailText.For(document, customer.PreferredLanguage);
        var name = document.Number!;
        var email = new InvoiceEmail(fromAddress, document.Seller.Name, delivery.Recipients.Split(','), document.Seller.Email, content.Subject, content.TextBody, content.HtmlBody,
            [new EmailAttachment($"{name}.pdf", "application/pdf", pdf.Render(document)), new EmailAttachment($"{name}.xml", "application/xml", ubl.WriteUtf8(document))],
            delivery.MessageId);
        delivery.Attempts++;
        var result = await sender.SendAsync(email, cancellationToken);
        // What the server answered is recorded even when the host is stopping now: an e-mail sent but not recorded as sent
        // would be sent again after the restart.
        var recording = CancellationToken.None;
        switch (result.Outcome)
        {
            case EmailSendOutcome.Sent:
                delivery.State = InvoiceDeliveryState.Sent;
                delivery.SentAt = time.GetUtcNow();
                delivery.LastError = result.RejectedRecipients.Count == 0 ? null
                    : Trim($"refused by the server: {string.Join(", ", result.RejectedRecipients.Select(r => $"{r.Address} ({r.ReplyCode} {r.ServerReply})"))}");
                if (result.RejectedRecipients.Count > 0)
                    await new WorkItemRaiser(db, time).RaiseAsync(
                        InvoiceProblems.NotDelivered(invoice, customer.Id, string.Join(", ", result.RejectedRecipients.Select(r => r.Address)), delivery.LastError!), recording);
                else
                    // Every address took it: an earlier sending's failure is settled (a resend after the address was fixed).
                    await new WorkItemRaiser(db, time).SettleAsync(
                        db.WorkItems.Where(w => w.Kind == WorkItemKind.InvoiceProblem && w.Code == InvoiceProblems.DeliveryFailed
                            && w.SubjectKind == WorkItemSubject.Invoice && w.SubjectId == invoice.Id.ToString()),
                        new HashSet<string>(), "e-mail", $"sent to {delivery.Recipients.Replace(",", ", ", StringComparison.Ordinal)}", recording);
                await db.SaveChangesAsync(recording);
                return OutboxDelivery.Done;
            case EmailSendOutcome.TemporaryFailure:
                delivery.LastError = Trim(result.ServerReply);
                await db.SaveChangesAsync(recording);
                return OutboxDelivery.Later(result.ServerReply);
            default:
                return await FailAsync(delivery, invoice, customer.Id, result.ServerReply, recording);
        }
    }

    private async Task<OutboxDelivery> FailAsync(InvoiceDelivery delivery, CustomerInvoice invoice, Guid customerId, string reason, CancellationToken cancellationToken)
    {
        delivery.State = InvoiceDeliveryState.Failed;
        delivery.LastError = Trim(reason);
        await new WorkItemRaiser(db, time).RaiseAsync(InvoiceProblems.NotDelivered(invoice, customerId, delivery.Recipients, reason), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return OutboxDelivery.Refused(reason);
    }

    private static string Trim(string text) => text.Length <= 1000 ? text : text[..1000];
}
