using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Prorata.Application.Invoices.Delivery;
using Prorata.Testing;

namespace Prorata.Delivery.Tests;

/// <summary>Invoice e-mails sent over real SMTP to a server in the test process, which misbehaves on request.</summary>
public sealed class SmtpInvoiceEmailSenderTests : IAsyncLifetime
{
    private const string MessageId = "<invoice-6f1c2b0e-4c1a-4d55-9a1e-2f7d9b3c8a10-1@prorata.invalid>";
    private static readonly DateTimeOffset Now = new(2026, 2, 1, 9, 30, 0, TimeSpan.Zero);

    // Every byte value, so a transfer encoding that loses or alters one shows.
    private static readonly byte[] Pdf = [.. Encoding.ASCII.GetBytes("%PDF-1.7\n"), .. Enumerable.Range(0, 256).Select(b => (byte)b), .. Encoding.ASCII.GetBytes("\n%%EOF\n")];
    private static readonly byte[] Xml = Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"><cbc:ID xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">INV-000042</cbc:ID><Note>Grüße, 1.234,56 €</Note></Invoice>\n");

    private LocalSmtpServer server = null!;

    public async Task InitializeAsync() => server = await LocalSmtpServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Send_InvoiceWithPdfAndXml_ArrivesOnceWithExactHeadersAndBothAttachmentsByteForByte()
    {
        var result = await Sender().SendAsync(Email("ap@contoso.example", "finance@contoso.example"), CancellationToken.None);

        Assert.Equal(EmailSendOutcome.Sent, result.Outcome);
        Assert.Empty(result.RejectedRecipients);
        var received = Assert.Single(server.Received);
        Assert.Equal("billing@northwind.example", received.EnvelopeFrom);
        Assert.Equal(["ap@contoso.example", "finance@contoso.example"], received.EnvelopeTo);
        var message = received.Message;
        var from = Assert.Single(message.From.Mailboxes);
        Assert.Equal(("Northwind Cloud Services GmbH", "billing@northwind.example"), (from.Name, from.Address));
        Assert.Equal(["ap@contoso.example", "finance@contoso.example"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("accounts@northwind.example", Assert.Single(message.ReplyTo.Mailboxes).Address);
        Assert.Equal("Invoice INV-000042 from Northwind Cloud Services GmbH", message.Subject);
        Assert.Equal("invoice-6f1c2b0e-4c1a-4d55-9a1e-2f7d9b3c8a10-1@prorata.invalid", message.MessageId);
        Assert.Contains("\r\nMessage-Id: " + MessageId + "\r\n", Encoding.ASCII.GetString(received.Raw));
        Assert.Equal(Now, message.Date);
        Assert.Equal("multipart/mixed", Assert.IsType<Multipart>(message.Body).ContentType.MimeType);
        Assert.Equal("Please pay by 3 March 2026.\n", message.TextBody?.ReplaceLineEndings("\n"));
        var attachments = message.Attachments.Cast<MimePart>().ToList();
        Assert.Equal([("INV-000042.pdf", "application/pdf"), ("INV-000042.xml", "application/xml")], attachments.Select(part => (part.FileName, part.ContentType.MimeType)));
        Assert.Equal(Pdf, Content(attachments[0]));
        Assert.Equal(Xml, Content(attachments[1]));
    }

    [Fact]
    public async Task Send_ServerAnswers421_TemporaryFailureWithTheServersText_AndTheNextAttemptIsSent()
    {
        server.RefuseNextSessions(1, "mail.northwind.example Service not available, try again later");

        var refused = await Sender().SendAsync(Email("ap@contoso.example"), CancellationToken.None);
        var retried = await Sender().SendAsync(Email("ap@contoso.example"), CancellationToken.None);

        Assert.Equal((EmailSendOutcome.TemporaryFailure, 421, "mail.northwind.example Service not available, try again later"), (refused.Outcome, refused.ReplyCode, refused.ServerReply));
        Assert.Equal(EmailSendOutcome.Sent, retried.Outcome);
        Assert.Equal(2, server.Sessions);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task Send_OnlyRecipientRefusedWith550_PermanentFailureNamingTheAddress()
    {
        server.RejectRecipient("nobody@contoso.example");

        var result = await Sender().SendAsync(Email("nobody@contoso.example"), CancellationToken.None);

        Assert.Equal(EmailSendOutcome.PermanentFailure, result.Outcome);
        Assert.Equal(550, result.ReplyCode);
        Assert.Equal("Every recipient was refused: nobody@contoso.example (550 mailbox unavailable)", result.ServerReply);
        Assert.Equal([new RejectedRecipient("nobody@contoso.example", 550, "mailbox unavailable")], result.RejectedRecipients);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Send_BothRecipientsRefused_PermanentFailureNamingEach()
    {
        server.RejectRecipient("old-ap@contoso.example");
        server.RejectRecipient("left@contoso.example");

        var result = await Sender().SendAsync(Email("old-ap@contoso.example", "left@contoso.example"), CancellationToken.None);

        Assert.Equal(EmailSendOutcome.PermanentFailure, result.Outcome);
        Assert.Equal(
            "Every recipient was refused: old-ap@contoso.example (550 mailbox unavailable); left@contoso.example (550 mailbox unavailable)",
            result.ServerReply);
        Assert.Equal(["old-ap@contoso.example", "left@contoso.example"], result.RejectedRecipients.Select(r => r.Address));
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Send_OneOfTwoRecipientsRefused_SentToTheOtherAndTheRefusedOneReported()
    {
        server.RejectRecipient("old-ap@contoso.example");

        var result = await Sender().SendAsync(Email("ap@contoso.example", "old-ap@contoso.example"), CancellationToken.None);

        Assert.Equal(EmailSendOutcome.Sent, result.Outcome);
        Assert.Equal([new RejectedRecipient("old-ap@contoso.example", 550, "mailbox unavailable")], result.RejectedRecipients);
        var received = Assert.Single(server.Received);
        Assert.Equal(["ap@contoso.example"], received.EnvelopeTo);
        // The header still names both: it is what the customer was sent to, whatever one server accepted.
        Assert.Equal(["ap@contoso.example", "old-ap@contoso.example"], received.Message.To.Mailboxes.Select(m => m.Address));
    }

    [Fact]
    public async Task Send_NothingListening_TemporaryFailure()
    {
        var result = await Sender(UnusedPort()).SendAsync(Email("ap@contoso.example"), CancellationToken.None);

        Assert.Equal(EmailSendOutcome.TemporaryFailure, result.Outcome);
        Assert.Null(result.ReplyCode);
        Assert.Contains("refused", result.ServerReply, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Send_ConnectionDroppedBeforeTheReplyToData_TemporaryFailure_AndTheResendCarriesTheSameMessageId()
    {
        server.DropConnectionAfterNextMessage();

        var lost = await Sender().SendAsync(Email("ap@contoso.example"), CancellationToken.None);
        // The caller cannot know the server kept the first copy; it sends the same logical e-mail again.
        var resent = await Sender().SendAsync(Email("ap@contoso.example"), CancellationToken.None);

        Assert.Equal(EmailSendOutcome.TemporaryFailure, lost.Outcome);
        Assert.Null(lost.ReplyCode);
        Assert.StartsWith("The SMTP server has unexpectedly disconnected", lost.ServerReply);
        Assert.Equal(EmailSendOutcome.Sent, resent.Outcome);
        Assert.Equal(
            ["invoice-6f1c2b0e-4c1a-4d55-9a1e-2f7d9b3c8a10-1@prorata.invalid", "invoice-6f1c2b0e-4c1a-4d55-9a1e-2f7d9b3c8a10-1@prorata.invalid"],
            server.Received.Select(r => r.Message.MessageId));
    }

    [Fact]
    public async Task Send_ServerSlowerThanTheTimeout_TemporaryFailure()
    {
        server.AnswerSlowly(TimeSpan.FromMinutes(1));

        var result = await Sender(server.Port, timeoutSeconds: 1).SendAsync(Email("ap@contoso.example"), CancellationToken.None);

        Assert.Equal(EmailSendOutcome.TemporaryFailure, result.Outcome);
        Assert.Null(result.ReplyCode);
        Assert.StartsWith("Operation timed out after 1000 milliseconds", result.ServerReply);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Send_NoMailServerConfigured_PermanentFailureSayingSo()
    {
        var sender = new SmtpInvoiceEmailSender(Options.Create(new SmtpOptions()), new FakeTimeProvider(Now));

        var result = await sender.SendAsync(Email("ap@contoso.example"), CancellationToken.None);

        Assert.Equal((EmailSendOutcome.PermanentFailure, (int?)null, "No mail server is configured (Prorata:Smtp:Host)."), (result.Outcome, result.ReplyCode, result.ServerReply));
        Assert.Equal(0, server.Sessions);
    }

    [Fact]
    public async Task Send_RecipientWithoutDomain_PermanentFailureWithoutConnecting()
    {
        var result = await Sender().SendAsync(Email("accounts-payable"), CancellationToken.None);

        Assert.Equal(EmailSendOutcome.PermanentFailure, result.Outcome);
        Assert.Equal("The recipient address 'accounts-payable' is not an e-mail address.", result.ServerReply);
        Assert.Equal(0, server.Sessions);
    }

    private SmtpInvoiceEmailSender Sender() => Sender(server.Port);

    private static SmtpInvoiceEmailSender Sender(int port, int timeoutSeconds = 10) =>
        new(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, TimeoutSeconds = timeoutSeconds }), new FakeTimeProvider(Now));

    private static InvoiceEmail Email(params string[] to) => new(
        "billing@northwind.example",
        "Northwind Cloud Services GmbH",
        to,
        "accounts@northwind.example",
        "Invoice INV-000042 from Northwind Cloud Services GmbH",
        "Please pay by 3 March 2026.\n",
        null,
        [new EmailAttachment("INV-000042.pdf", "application/pdf", Pdf), new EmailAttachment("INV-000042.xml", "application/xml", Xml)],
        MessageId);

    private static byte[] Content(MimePart part)
    {
        using var bytes = new MemoryStream();
        var content = part.Content;
        Assert.NotNull(content);
        content.DecodeTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>A port nothing listens on: the system picks a free one, and it is released before use.</summary>
    private static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
