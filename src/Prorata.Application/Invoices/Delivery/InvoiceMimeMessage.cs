using MimeKit;

namespace Prorata.Application.Invoices.Delivery;

/// <summary>
/// Builds the MIME message of an invoice e-mail: multipart/mixed with the text (and HTML alternative) and the
/// attachments, the caller's Message-Id and the given Date.
/// </summary>
internal static class InvoiceMimeMessage
{
    // An address without a domain would be refused by the server only after connecting; refuse it here with its name.
    private static readonly ParserOptions Addresses = new() { AllowAddressesWithoutDomain = false };

    public static bool TryCreate(InvoiceEmail email, DateTimeOffset date, out MimeMessage message, out string problem)
    {
        message = new MimeMessage();
        problem = "";
        if (!MailboxAddress.TryParse(Addresses, email.FromAddress, out var from))
        {
            problem = $"The sender address '{email.FromAddress}' is not an e-mail address.";
            return false;
        }
        from.Name = email.FromName;
        message.From.Add(from);
        if (email.To.Count == 0)
        {
            problem = "The e-mail has no recipient.";
            return false;
        }
        foreach (var to in email.To)
        {
            if (!MailboxAddress.TryParse(Addresses, to, out var recipient))
            {
                problem = $"The recipient address '{to}' is not an e-mail address.";
                return false;
            }
            message.To.Add(recipient);
        }
        if (email.ReplyTo is { Length: > 0 } replyTo)
        {
            if (!MailboxAddress.TryParse(Addresses, replyTo, out var replyMailbox))
            {
                problem = $"The reply-to address '{replyTo}' is not an e-mail address.";
                return false;
            }
            message.ReplyTo.Add(replyMailbox);
        }

        message.Subject = email.Subject;
        message.MessageId = email.MessageId.Trim().TrimStart('<').TrimEnd('>');
        message.Date = date;
        // RFC 3834: sent by a program, so vacation responders do not answer it.
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody };
        foreach (var attachment in email.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }
        message.Body = body.ToMessageBody();
        return true;
    }
}
