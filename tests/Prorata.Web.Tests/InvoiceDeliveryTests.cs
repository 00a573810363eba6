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

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

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
    private async Task<JsonElement> DraftAsync(HttpClient client, int billingDay, string controller = Controller)
    {
        var (_, contractId) = await ContractAsync(client, billingDay, controller);
        return await InvoiceDeliveryApp.BillAsync(client, contractId, new DateOnly(2026, 4, billingDay), issue: false);
    }

    private static async Task<(Guid Customer, Guid Contract)> ContractAsync(HttpClient client, int billingDay, string controller = Controller)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var entityId = await InvoiceDeliveryApp.CreatedIdAsync(await client.PostAsJsonAsync("/api/v1/legal-entities", new
        {
            name = $"Northwind Cloud Services {suffix}",
            address = new { line1 = "Friedrichstraße 68", city = "Berlin", postalCode = "10117", country = "DE" },
            currency = "USD", email = Seller, invoicePrefix = $"M{suffix}-", creditNotePrefix = $"C{suffix}-", defaultPaymentTermsDays = 30, taxProvider = "builtIn",
        }));
        return await InvoiceDeliveryApp.CustomerAsync(client, entityId, billingDay, seats: 4, new
        {
            name = $"Fabrikam {suffix}", currency = "USD", billingEmail = Payables, additionalBillingEmails = new[] { controller },
            billingAddress = new { line1 = "1 Microsoft Way", city = "Redmond", postalCode = "98052", region = "WA", country = "US" },
            // Delivery, not tax, is under test: an exempt customer's invoice carries no tax and raises no tax question.
            taxExempt = true, taxExemptionCertificate = "WA-EXEMPT-1",
        });
    }

    private sealed record Delivery(Guid Id, string[] Recipients, string State, int Attempts, string? LastError, string MessageId, string RequestedBy);
}

public sealed class SqliteInvoiceDeliveryTests(SqliteInvoiceDeliveryApp app) : InvoiceDeliveryTests(app), IClassFixture<SqliteInvoiceDeliveryApp>;

public sealed class PostgresInvoiceDeliveryTests(PostgresInvoiceDeliveryApp app) : InvoiceDeliveryTests(app), IClassFixture<PostgresInvoiceDeliveryApp>;
