using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using Prorata.Application.Invoices;
using Prorata.Application.Invoices.Delivery;
using Prorata.Application.Invoices.Documents;
using Prorata.Application.Outbox;
using Prorata.Data;
using Prorata.Data.Invoices;
using Prorata.Data.Outbox;
using Prorata.Data.WorkItems;
using Prorata.Testing;

namespace Prorata.Web.Tests;

/// <summary>
/// Issue 11's delivery end to end: an invoice issued through the API or a billing run is e-mailed by the outbox to a real
/// SMTP server exactly once — also when the sender stops after taking the message, or after sending but before the outbox
/// saved — and a server that says "later" or "no" leaves the delivery pending or failed, as the API and work items say.
/// Each test bills its own contract on its own billing day and reads only its own invoice's e-mails.
/// </summary>
public abstract class InvoiceDeliveryTests(InvoiceDeliveryApp app)
{
    private const string Seller = "billing@northwind-cloud.example";
    private const string Payables = "ap@fabrikam.example";
    private const string Controller = "controller@fabrikam.example";

    [Fact]
    public async Task Issue_Draft_OneEmailFromTheEntityToBothAddressesWithPdfAndUblDeliverySent()
    {
        var client = await app.SignedInAsync();
        var invoice = await DraftAsync(client, billingDay: 3);
        var id = invoice.GetProperty("id").GetGuid();

        using var issued = await client.PostAsJsonAsync($"/api/v1/invoices/{id}/issue", new { });
        var number = (await OkAsync(issued)).GetProperty("number").GetString()!;
        await app.DeliverOutboxAsync();
        await app.DeliverOutboxAsync();

        var email = Assert.Single(EmailsOf(id));
        var message = email.Message;
        Assert.Equal(Seller, email.EnvelopeFrom);
        Assert.Equal([Payables, Controller], email.EnvelopeTo);
        Assert.Equal(Seller, Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal([Payables, Controller], message.To.Mailboxes.Select(m => m.Address));
        Assert.Contains(number, message.Subject, StringComparison.Ordinal);
        var attachments = message.Attachments.OfType<MimePart>().ToList();
        Assert.Equal([($"{number}.pdf", "application/pdf"), ($"{number}.xml", "application/xml")], attachments.Select(a => (a.FileName, a.ContentType.MimeType)));
        Assert.Equal("%PDF", Encoding.ASCII.GetString(Content(attachments[0])[..4]));
        var ubl = XDocument.Load(new MemoryStream(Content(attachments[1])));
        Assert.Equal(XName.Get("Invoice", "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"), ubl.Root!.Name);
        Assert.Equal(number, ubl.Root.Element(XName.Get("ID", "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"))!.Value);
        var delivery = Assert.Single(await DeliveriesAsync(client, id));
        Assert.Equal(("sent", 1, (string?)null), (delivery.State, delivery.Attempts, delivery.LastError));
        Assert.Equal([Payables, Controller], delivery.Recipients);
        Assert.Equal(delivery.MessageId, $"<{message.MessageId}>");
    }

    [Fact]
    public async Task BillingRun_Issuing_EmailsTheInvoiceOnceWithBothAttachments()
    {
        var client = await app.SignedInAsync();
        var (_, contractId) = await ContractAsync(client, billingDay: 4);

        var invoice = await InvoiceDeliveryApp.BillAsync(client, contractId, new DateOnly(2026, 4, 4), issue: true);
        var id = invoice.GetProperty("id").GetGuid();
        var number = invoice.GetProperty("number").GetString()!;
        await app.DeliverOutboxAsync();
        await app.DeliverOutboxAsync();

        Assert.Equal("issued", invoice.GetProperty("status").GetString());
        var email = Assert.Single(EmailsOf(id));
        Assert.Equal([Payables, Controller], email.EnvelopeTo);
        Assert.Equal([$"{number}.pdf", $"{number}.xml"], email.Message.Attachments.OfType<MimePart>().Select(a => a.FileName));
        var delivery = Assert.Single(await DeliveriesAsync(client, id));
        Assert.Equal(("sent", 1, "issue"), (delivery.State, delivery.Attempts, delivery.RequestedBy));
    }

    [Fact]
    public async Task Deliver_SenderStopsAfterTakingTheMessageBeforeSending_AnotherSenderSendsItOnceAfterTheLease()
    {
        var client = await app.SignedInAsync();
        var id = await IssuedAsync(client, billingDay: 5);
        var taken = app.Time.GetUtcNow();

        using var stop = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DeliverWithAsync(stop.Token, sender => new StopsBeforeSending(stop)));

        Assert.Empty(EmailsOf(id));
        var delivery = Assert.Single(await DeliveriesAsync(client, id));
        Assert.Equal(("pending", 0), (delivery.State, delivery.Attempts));
        var leased = await MessageAsync(delivery.Id);
        Assert.Equal((OutboxState.Pending, 1, taken + OutboxDispatcher.Lease), (leased.State, leased.Attempts, leased.LeaseUntil));
        // Restarted within the lease: the e-mail's message is still the stopped sender's (other messages, such as the
        // invoice's receivables update, are delivered as usual).
        await app.DeliverOutboxAsync();
        Assert.Empty(EmailsOf(id));
        Assert.Equal((OutboxState.Pending, 1), ((await MessageAsync(delivery.Id)).State, (await MessageAsync(delivery.Id)).Attempts));

        app.Time.Advance(OutboxDispatcher.Lease + TimeSpan.FromMinutes(1));
        await app.DeliverOutboxAsync();
        await app.DeliverOutboxAsync();

        Assert.Single(EmailsOf(id));
        delivery = Assert.Single(await DeliveriesAsync(client, id));
        Assert.Equal(("sent", 1), (delivery.State, delivery.Attempts));
        Assert.Equal((OutboxState.Delivered, 2), ((await MessageAsync(delivery.Id)).State, (await MessageAsync(delivery.Id)).Attempts));
    }

    [Fact]
    public async Task Deliver_StoppedAfterTheDeliveryWasRecordedSentBeforeTheOutboxSaved_DeliveredAgainWithoutASecondEmail()
    {
        var client = await app.SignedInAsync();
        var id = await IssuedAsync(client, billingDay: 6);

        using var stop = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DeliverWithAsync(stop.Token, sender => sender, handler => new StopsAfterHandling(handler, stop)));

        Assert.Single(EmailsOf(id));
        var delivery = Assert.Single(await DeliveriesAsync(client, id));
        Assert.Equal(("sent", 1), (delivery.State, delivery.Attempts));
        Assert.Equal(OutboxState.Pending, (await MessageAsync(delivery.Id)).State);

        app.Time.Advance(OutboxDispatcher.Lease + TimeSpan.FromMinutes(1));
        await app.DeliverOutboxAsync();

        Assert.Single(EmailsOf(id));
        Assert.Equal(OutboxState.Delivered, (await MessageAsync(delivery.Id)).State);
        delivery = Assert.Single(await DeliveriesAsync(client, id));
        Assert.Equal(("sent", 1), (delivery.State, delivery.Attempts));
    }

    [Fact]
    public async Task Deliver_HostStopsWhileTheServerTakesTheEmail_RecordedSentAndNotSentAgain()
    {
        var client = await app.SignedInAsync();
        var id = await IssuedAsync(client, billingDay: 7);

        // The stop comes while the server is taking the e-mail: the sending is done and must be recorded, or the restart sends it again.
        using var stop = new CancellationTokenSource();
        try
        {
            await DeliverWithAsync(stop.Token, sender => new StopsWhileSending(sender, stop));
        }
        catch (OperationCanceledException)
        {
            // The stop ends the worker's turn; what counts is what it recorded before.
        }
        app.Time.Advance(OutboxDispatcher.Lease + TimeSpan.FromMinutes(1));
        await app.DeliverOutboxAsync();

        Assert.Single(EmailsOf(id));
        var delivery = Assert.Single(await DeliveriesAsync(client, id));
        Assert.Equal(("sent", 1), (delivery.State, delivery.Attempts));
        Assert.Equal(OutboxState.Delivered, (await MessageAsync(delivery.Id)).State);
    }

    [Fact]
    public async Task Deliver_ServerAnswers421_PendingWithTheErrorThenSentOnceWhenRetried()
    {
        var client = await app.SignedInAsync();
        app.Smtp.RefuseNextSessions(1, "mail.fabrikam.example Service not available, try again later");
        var id = await IssuedAsync(client, billingDay: 8);
        var refusedAt = app.Time.GetUtcNow();

        await app.DeliverOutboxAsync();

        Assert.Empty(EmailsOf(id));
        var delivery = Assert.Single(await DeliveriesAsync(client, id));
        Assert.Equal(("pending", 1, "mail.fabrikam.example Service not available, try again later"), (delivery.State, delivery.Attempts, delivery.LastError));
        var message = await MessageAsync(delivery.Id);
        Assert.Equal((OutboxState.Pending, refusedAt + OutboxDispatcher.Backoff(1)), (message.State, message.NextAttemptAt));
        Assert.Equal(0, await app.DeliverOutboxAsync());

        app.Time.Advance(OutboxDispatcher.Backoff(1));
        Assert.Equal(1, await app.DeliverOutboxAsync());
        await app.DeliverOutboxAsync();

        Assert.Single(EmailsOf(id));
        delivery = Assert.Single(await DeliveriesAsync(client, id));
        Assert.Equal(("sent", 2, (string?)null), (delivery.State, delivery.Attempts, delivery.LastError));
    }

    [Fact]
    public async Task Deliver_OnlyAddressRefusedWith550_FailedWithAWorkItemNamingIt_ResentAfterTheFixIsSent()
    {
        var client = await app.SignedInAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var refused = $"old-ap-{suffix}@fabrikam.example";
        app.Smtp.RejectRecipient(refused);
        var (customerId, contractId) = await ContractAsync(client, billingDay: 9, payables: refused, controller: null);
        var id = await IssueAsync(client, (await InvoiceDeliveryApp.BillAsync(client, contractId, new DateOnly(2026, 4, 9), issue: false)).GetProperty("id").GetGuid());

        await app.DeliverOutboxAsync();

        Assert.Empty(EmailsOf(id));
        var failed = Assert.Single(await DeliveriesAsync(client, id));
        Assert.Equal(("failed", 1, $"Every recipient was refused: {refused} (550 mailbox unavailable)"), (failed.State, failed.Attempts, failed.LastError));
        Assert.Equal(OutboxState.Refused, (await MessageAsync(failed.Id)).State);
        var problem = Assert.Single(await app.ReadAsync(db => db.WorkItems.AsNoTracking().Where(w => w.SubjectId == id.ToString()).ToListAsync()));
        Assert.Equal((WorkItemKind.InvoiceProblem, InvoiceProblems.DeliveryFailed, WorkItemState.Open), (problem.Kind, problem.Code, problem.State));
        Assert.Contains(refused, problem.Message, StringComparison.Ordinal);

        var fixedAddress = $"ap-{suffix}@fabrikam.example";
        var customer = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}");
        using (var update = await client.PutAsJsonAsync($"/api/v1/customers/{customerId}", new
        {
            name = customer.GetProperty("name").GetString(), currency = "USD", billingEmail = fixedAddress, billingAddress = BuyerAddress,
            taxExempt = true, taxExemptionCertificate = "WA-EXEMPT-1",
        }))
        {
            await OkAsync(update);
        }
        await OkAsync(await client.PostAsJsonAsync($"/api/v1/invoices/{id}/send", new { }));
        await app.DeliverOutboxAsync();

        var email = Assert.Single(EmailsOf(id));
        Assert.Equal([fixedAddress], email.EnvelopeTo);
        var deliveries = await DeliveriesAsync(client, id);
        Assert.Equal([("failed", refused), ("sent", fixedAddress)], deliveries.Select(d => (d.State, string.Join(",", d.Recipients))));
        Assert.Equal(InvoiceDeliveryApp.Staff, deliveries[1].RequestedBy);
        var settled = await app.ReadAsync(db => db.WorkItems.AsNoTracking().SingleAsync(w => w.Id == problem.Id));
        Assert.Equal((WorkItemState.Resolved, $"sent to {fixedAddress}"), (settled.State, settled.Resolution));
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<Guid> IssuedAsync(HttpClient client, int billingDay)
    {
        var draft = await DraftAsync(client, billingDay);
        return await IssueAsync(client, draft.GetProperty("id").GetGuid());
    }

    private static async Task<Guid> IssueAsync(HttpClient client, Guid id)
    {
        await OkAsync(await client.PostAsJsonAsync($"/api/v1/invoices/{id}/issue", new { }));
        return id;
    }

    /// <summary>One turn of the outbox as the worker takes it, with the e-mail sender or the delivery handler wrapped.</summary>
    private async Task DeliverWithAsync(CancellationToken stopping, Func<IInvoiceEmailSender, IInvoiceEmailSender> sender,
        Func<IOutboxHandler, IOutboxHandler>? handler = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ProrataDbContext>();
        var delivery = new InvoiceDeliveryHandler(db, sender(services.GetRequiredService<IInvoiceEmailSender>()), services.GetRequiredService<IOptions<SmtpOptions>>(),
            services.GetRequiredService<InvoicePdf>(), services.GetRequiredService<InvoiceUbl>(), app.Time);
        await new OutboxDispatcher(db, [handler is null ? delivery : handler(delivery)], app.Time).DeliverDueAsync(50, stopping);
    }

    private Task<OutboxMessage> MessageAsync(Guid deliveryId) =>
        app.ReadAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.IdempotencyKey == InvoiceDeliveryQueue.Key(deliveryId)));

    private IEnumerable<ReceivedEmail> EmailsOf(Guid invoiceId) =>
        app.Smtp.Received.Where(e => e.Message.MessageId?.StartsWith($"invoice-{invoiceId:N}.", StringComparison.Ordinal) == true);

    private static byte[] Content(MimePart part)
    {
        using var bytes = new MemoryStream();
        part.Content!.DecodeTo(bytes);
        return bytes.ToArray();
    }

    private static async Task<List<Delivery>> DeliveriesAsync(HttpClient client, Guid invoiceId) =>
        (await client.GetFromJsonAsync<List<Delivery>>($"/api/v1/invoices/{invoiceId}/deliveries"))!;

    /// <summary>A seller with an address and e-mail, a customer with two billing addresses, and its draft of <paramref name="billingDay"/> April.</summary>
    private static async Task<JsonElement> DraftAsync(HttpClient client, int billingDay)
    {
        var (_, contractId) = await ContractAsync(client, billingDay);
        return await InvoiceDeliveryApp.BillAsync(client, contractId, new DateOnly(2026, 4, billingDay), issue: false);
    }

    private static readonly object BuyerAddress = new { line1 = "1 Microsoft Way", city = "Redmond", postalCode = "98052", region = "WA", country = "US" };

    private static async Task<(Guid Customer, Guid Contract)> ContractAsync(HttpClient client, int billingDay, string payables = Payables, string? controller = Controller)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var entityId = await InvoiceDeliveryApp.CreatedIdAsync(await client.PostAsJsonAsync("/api/v1/legal-entities", new
        {
            name = $"Northwind Cloud Services {suffix}",
            address = new { line1 = "Friedrichstraße 68", city = "Berlin", postalCode = "10117", country = "DE" },
            currency = "USD", email = Seller, invoicePrefix = $"M{suffix}-", creditNotePrefix = $"C{suffix}-", defaultPaymentTermsDays = 30, taxProvider = "builtIn",
        }));
        return await InvoiceDeliveryApp.CustomerAsync(client, entityId, billingDay, seats: [4], new
        {
            name = $"Fabrikam {suffix}", currency = "USD", billingEmail = payables, additionalBillingEmails = controller is null ? Array.Empty<string>() : [controller],
            billingAddress = BuyerAddress,
            // Delivery, not tax, is under test: an exempt customer's invoice carries no tax and raises no tax question.
            taxExempt = true, taxExemptionCertificate = "WA-EXEMPT-1",
        });
    }

    /// <summary>The host stops after the message was taken, before the e-mail left.</summary>
    private sealed class StopsBeforeSending(CancellationTokenSource stop) : IInvoiceEmailSender
    {
        public async Task<EmailSendResult> SendAsync(InvoiceEmail email, CancellationToken cancellationToken)
        {
            await stop.CancelAsync();
            throw new OperationCanceledException(stop.Token);
        }
    }

    /// <summary>The host is told to stop while the server takes the e-mail: the sending completes, the token is cancelled.</summary>
    private sealed class StopsWhileSending(IInvoiceEmailSender inner, CancellationTokenSource stop) : IInvoiceEmailSender
    {
        public async Task<EmailSendResult> SendAsync(InvoiceEmail email, CancellationToken cancellationToken)
        {
            var result = await inner.SendAsync(email, cancellationToken);
            await stop.CancelAsync();
            return result;
        }
    }

    /// <summary>The process stops after the handler saved what it did and before the outbox saved the message's state.</summary>
    private sealed class StopsAfterHandling(IOutboxHandler inner, CancellationTokenSource stop) : IOutboxHandler
    {
        public OutboxTopic Topic => inner.Topic;

        public async Task<OutboxDelivery> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            await inner.DeliverAsync(message, cancellationToken);
            await stop.CancelAsync();
            throw new OperationCanceledException(stop.Token);
        }
    }

    private sealed record Delivery(Guid Id, string[] Recipients, string State, int Attempts, string? LastError, string MessageId, string RequestedBy);
}

public sealed class SqliteInvoiceDeliveryTests(SqliteInvoiceDeliveryApp app) : InvoiceDeliveryTests(app), IClassFixture<SqliteInvoiceDeliveryApp>;

public sealed class PostgresInvoiceDeliveryTests(PostgresInvoiceDeliveryApp app) : InvoiceDeliveryTests(app), IClassFixture<PostgresInvoiceDeliveryApp>;
