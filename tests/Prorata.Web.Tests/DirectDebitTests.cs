using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Prorata.Application.Receivables.Collection;
using Prorata.Data.Receivables;
using Prorata.Data.WorkItems;

namespace Prorata.Web.Tests;

/// <summary>
/// Direct Debit through the GoCardless simulator: the customer signs a mandate on GoCardless's hosted flow, the invoice
/// is collected on issue, GoCardless's signed webhooks confirm it (paid) and later charge it back (the payment is
/// reversed, the invoice is open again, a person is told); the same webhook twice changes nothing.
/// </summary>
public abstract class DirectDebitTests(InvoiceDeliveryApp app)
{
    [Fact]
    public async Task MandateSigned_CollectedOnIssue_ConfirmedByWebhook_ThenChargedBackReopensTheInvoice()
    {
        var client = await app.SignedInAsync();
        var (_, contractId) = await CustomerWithMandateAsync(client, accountNumber: "55779933", billingDay: 11);

        var invoice = await InvoiceDeliveryApp.BillAsync(client, contractId, new DateOnly(2026, 4, 11), issue: true);
        var invoiceId = invoice.GetProperty("id").GetGuid();
        var total = invoice.GetProperty("total").GetDecimal();
        await DeliverAllAsync();

        var attempt = await app.ReadAsync(db => db.ChargeAttempts.AsNoTracking().SingleAsync(a => a.InvoiceId == invoiceId));
        Assert.Equal((ChargeState.Processing, PaymentProvider.GoCardless), (attempt.State, attempt.Provider));
        var payment = Assert.Single((await app.GoCardless.GetFromJsonAsync<JsonElement>("_sim/payments")).EnumerateArray(),
            p => p.GetProperty("id").GetString() == attempt.ProviderPaymentId);
        Assert.Equal(((long)(total * 100), "USD"), (payment.GetProperty("amount").GetInt64(), payment.GetProperty("currency").GetString()));

        await AdvanceAsync(attempt.ProviderPaymentId!, steps: 2);
        var confirmed = await RelayEventsAsync();

        Assert.Equal("paid", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{invoiceId}")).GetProperty("paymentStatus").GetString());
        var recorded = await app.ReadAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.InvoiceId == invoiceId));
        Assert.Equal((PaymentMethodKind.DirectDebit, total, attempt.ProviderPaymentId), (recorded.Method, recorded.Amount, recorded.ProviderPaymentId));

        await AdvanceAsync(attempt.ProviderPaymentId!, steps: 2);
        await RelayEventsAsync();

        Assert.Equal("issued", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{invoiceId}")).GetProperty("paymentStatus").GetString());
        var reversal = await app.ReadAsync(db => db.PaymentReversals.AsNoTracking().SingleAsync(r => r.PaymentId == recorded.Id));
        Assert.Equal(PaymentReversalReason.ChargedBack, reversal.Reason);
        var problem = await app.ReadAsync(db => db.WorkItems.AsNoTracking().SingleAsync(w => w.Code == CollectionProblems.PaymentChargedBack && w.SubjectId == invoiceId.ToString()));
        Assert.Equal((WorkItemKind.InvoiceProblem, total), (problem.Kind, problem.AmountAtStake));

        // GoCardless delivers again what it already delivered: each event is handled once.
        await PostEventsAsync(confirmed);
        Assert.Equal(1, await app.ReadAsync(db => db.Payments.CountAsync(p => p.InvoiceId == invoiceId)));
        Assert.Equal("issued", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{invoiceId}")).GetProperty("paymentStatus").GetString());
    }

    [Fact]
    public async Task Webhook_WithABadSignature_Is498_AndChangesNothing()
    {
        var client = app.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/gocardless") { Content = new StringContent("""{"events":[]}""", Encoding.UTF8, "application/json") };
        request.Headers.Add("Webhook-Signature", "00ff");
        using var response = await client.SendAsync(request);
        Assert.Equal(498, (int)response.StatusCode);
    }

    private async Task<(Guid Customer, Guid Contract)> CustomerWithMandateAsync(HttpClient client, string accountNumber, int billingDay)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var entityId = await InvoiceDeliveryApp.CreatedIdAsync(await client.PostAsJsonAsync("/api/v1/legal-entities", new
        {
            name = $"Northwind Debits {suffix}",
            address = new { line1 = "Friedrichstraße 68", city = "Berlin", postalCode = "10117", country = "DE" },
            currency = "USD", email = "billing@northwind-cloud.example", invoicePrefix = $"D{suffix}-", creditNotePrefix = $"E{suffix}-", defaultPaymentTermsDays = 30,
        }));
        var (customerId, contractId) = await InvoiceDeliveryApp.CustomerAsync(client, entityId, billingDay, seats: [4], new
        {
            name = $"Wingtip {suffix}", currency = "USD", billingEmail = "ap@wingtip.example",
            billingAddress = new { line1 = "1 Microsoft Way", city = "Redmond", postalCode = "98052", region = "WA", country = "US" },
            taxExempt = true, taxExemptionCertificate = "WA-EXEMPT-3",
        });
        using var collection = await client.PutAsJsonAsync($"/api/v1/contracts/{contractId}/collection", new { autoCharge = true });
        Assert.Equal(HttpStatusCode.OK, collection.StatusCode);
        using var setup = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/payment-methods/setup", new { provider = "goCardless" });
        Assert.Equal(HttpStatusCode.Created, setup.StatusCode);
        var url = new Uri((await setup.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!);

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var posted = await browser.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["account_holder_name"] = "Wingtip Toys", ["branch_code"] = "200000", ["account_number"] = accountNumber,
        }));
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var done = await client.GetStringAsync(posted.Headers.Location!.PathAndQuery);
        Assert.Contains($"•••• {accountNumber[^2..]} is saved", done);
        return (customerId, contractId);
    }

    private async Task AdvanceAsync(string paymentId, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            using var advanced = await app.GoCardless.PostAsJsonAsync("_sim/advance", new { payment_id = paymentId });
            advanced.EnsureSuccessStatusCode();
        }
    }

    private int _relayed;

    /// <summary>The simulator's events since the last relay, posted to Prorata as GoCardless posts them (one signed body).</summary>
    private async Task<string> RelayEventsAsync()
    {
        var events = (await app.GoCardless.GetFromJsonAsync<JsonArray>("_sim/events"))!;
        var fresh = new JsonArray(events.Skip(_relayed).Select(e => e!.DeepClone()).ToArray());
        _relayed = events.Count;
        var body = new JsonObject { ["events"] = fresh }.ToJsonString();
        await PostEventsAsync(body);
        return body;
    }

    private async Task PostEventsAsync(string body)
    {
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(InvoiceDeliveryApp.GoCardlessWebhookSecret), Encoding.UTF8.GetBytes(body)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/gocardless") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Webhook-Signature", signature);
        using var response = await app.AnonymousClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private async Task DeliverAllAsync()
    {
        for (var turn = 0; turn < 10 && await app.DeliverOutboxAsync() > 0; turn++)
        {
        }
    }
}

public sealed class SqliteDirectDebitTests(SqliteInvoiceDeliveryApp app) : DirectDebitTests(app), IClassFixture<SqliteInvoiceDeliveryApp>;

public sealed class PostgresDirectDebitTests(PostgresInvoiceDeliveryApp app) : DirectDebitTests(app), IClassFixture<PostgresInvoiceDeliveryApp>;
