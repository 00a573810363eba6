using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Prorata.Application.Invoices.Delivery;

/// <summary>
/// Sends invoice e-mails over SMTP with MailKit, one connection per e-mail (invoices are few; a fresh connection keeps
/// one e-mail's failure from touching the next).
/// </summary>
/// <remarks>
/// How a failure is judged: an SMTP 4xx reply, a refused or lost connection and a timeout are temporary; a 5xx reply is
/// permanent, and so are settings the server will never accept (credentials, TLS) and addresses that are not addresses.
/// A connection lost after the message was handed over (before the server's final reply) is temporary too, although the
/// server may have taken it: the caller sends the same e-mail again with the same Message-Id, so a second copy can be
/// recognised, rather than risk one never arriving.
/// When some addresses are refused for good and others accepted, the e-mail is sent to the accepted ones and the result
/// is Sent with the refused ones in <see cref="EmailSendResult.RejectedRecipients"/>: the customer gets the invoice at
/// the addresses that work, and sending again would neither reach the refused ones nor stop duplicates at the rest.
/// </remarks>
public sealed class SmtpInvoiceEmailSender(IOptions<SmtpOptions> options, TimeProvider clock) : IInvoiceEmailSender
{
    public async Task<EmailSendResult> SendAsync(InvoiceEmail email, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        if (!smtp.IsConfigured)
        {
            return EmailSendResult.PermanentFailure(null, $"No mail server is configured ({SmtpOptions.Section}:Host).");
        }
        if (!InvoiceMimeMessage.TryCreate(email, clock.GetUtcNow(), out var message, out var problem))
        {
            return EmailSendResult.PermanentFailure(null, problem);
        }

        using var client = new RecipientRecordingSmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        string reply;
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, SocketOptions(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }
            reply = await client.SendAsync(message, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && Judge(exception, client) is { } failure)
        {
            return failure;
        }

        await QuitAsync(client);
        return EmailSendResult.Sent(reply, client.Rejected);
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, null),
    };

    /// <summary>The failure an exception stands for, or null for one that is a bug (and propagates).</summary>
    private static EmailSendResult? Judge(Exception exception, RecipientRecordingSmtpClient client) => exception switch
    {
        SmtpCommandException when client.NoRecipientAccepted =>
            EmailSendResult.PermanentFailure(
                client.Rejected[0].ReplyCode,
                "Every recipient was refused: " + string.Join("; ", client.Rejected.Select(r => $"{r.Address} ({r.ReplyCode} {r.ServerReply})")),
                client.Rejected),
        SmtpCommandException command => ByReplyCode((int)command.StatusCode, command.Mailbox is { } mailbox
            ? $"{mailbox.Address} refused: {command.Message}"
            : command.Message),
        AuthenticationException => EmailSendResult.PermanentFailure(null, "The mail server refused the user name or password: " + exception.Message),
        SslHandshakeException => EmailSendResult.PermanentFailure(null, "TLS with the mail server failed: " + exception.Message),
        // STARTTLS or AUTH asked of a server that does not offer it: the settings must change.
        NotSupportedException => EmailSendResult.PermanentFailure(null, exception.Message),
        SmtpProtocolException or IOException or SocketException or TimeoutException or OperationCanceledException or ServiceNotConnectedException =>
            EmailSendResult.TemporaryFailure(null, exception.Message),
        _ => null,
    };

    private static EmailSendResult ByReplyCode(int code, string text) =>
        code is >= 400 and < 500 ? EmailSendResult.TemporaryFailure(code, text) : EmailSendResult.PermanentFailure(code, text);

    /// <summary>The server has taken the message; a failing QUIT changes nothing about that.</summary>
    private static async Task QuitAsync(SmtpClient client)
    {
        try
        {
            await client.DisconnectAsync(true, CancellationToken.None);
        }
        catch (Exception exception) when (exception is IOException or SocketException or TimeoutException or SmtpProtocolException or SmtpCommandException)
        {
        }
    }
}
