using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Application.Outbox;
using Prorata.Application.Receivables.Collection;
using Prorata.Data.Outbox;
using Prorata.Data.Receivables;

namespace Prorata.Web.Tests;

/// <summary>
/// Auto-charge on issue against the Stripe simulator, the test turning the outbox itself: the customer's card is saved
/// through Stripe's hosted page, the invoice (4 seats at 16.50 a month from 2026-03-14, tax-exempt) is charged exactly once, also when
/// Stripe's answer is lost or the card is declined first; a repeated webhook changes nothing.
/// </summary>
public abstract class AutoChargeTests(InvoiceDeliveryApp app)
{
    [Fact]
    public async Task ChargedOnIssue_PaidOnce_AndDeliveringAgainChargesNothingMore()
    {
        var client = await app.SignedInAsync();
        var (customerId, contractId) = await CustomerWithCardAsync(client, "4242424242424242", billingDay: 7);

        var (invoiceId, total) = await IssueAsync(client, contractId, 7);
        await DeliverAllAsync();

        var invoice = await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{invoiceId}");
        Assert.Equal(("paid", total, 0m), (invoice.GetProperty("paymentStatus").GetString(), invoice.GetProperty("paid").GetDecimal(), invoice.GetProperty("balance").GetDecimal()));
        var payment = Assert.Single(await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}/payments") is var list ? list.GetProperty("items").EnumerateArray() : []);
        Assert.Equal(("card", "stripe", total), (payment.GetProperty("method").GetString(), payment.GetProperty("provider").GetString(), payment.GetProperty("amount").GetDecimal()));
        var intent = Assert.Single(await IntentsOfAsync(invoiceId));
        Assert.Equal(((long)(total * 100), "succeeded", payment.GetProperty("reference").GetString()), (intent.GetProperty("amount").GetInt64(), intent.GetProperty("status").GetString(), intent.GetProperty("id").GetString()));

        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Equal(OutboxDelivery.Done.Outcome, (await scope.ServiceProvider.GetRequiredService<AutoCharges>().ChargeAsync(new AutoChargeRequest(invoiceId, 1), CancellationToken.None)).Outcome);
        Assert.Single(await IntentsOfAsync(invoiceId));
    }

    [Fact]
    public async Task AnswerLost_TheAttemptIsLookedUpAtStripe_NotChargedAgain()
    {
        var client = await app.SignedInAsync();
        var (_, contractId) = await CustomerWithCardAsync(client, "4242424242424242", billingDay: 8);
        using (var fault = await app.Stripe.PostAsJsonAsync("_sim/faults/lose-answers", new { requests = 1, mode = "abort" })) fault.EnsureSuccessStatusCode();

        var (invoiceId, _) = await IssueAsync(client, contractId, 8);
        await DeliverAllAsync();

        var attempt = await app.ReadAsync(db => db.ChargeAttempts.AsNoTracking().SingleAsync(a => a.InvoiceId == invoiceId));
        Assert.Equal((ChargeState.Unknown, 1), (attempt.State, attempt.Attempt));
        Assert.Single(await IntentsOfAsync(invoiceId));
        Assert.Equal("issued", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{invoiceId}")).GetProperty("paymentStatus").GetString());

        app.Time.Advance(TimeSpan.FromMinutes(5));
        await DeliverAllAsync();

        attempt = await app.ReadAsync(db => db.ChargeAttempts.AsNoTracking().SingleAsync(a => a.InvoiceId == invoiceId));
        var intent = Assert.Single(await IntentsOfAsync(invoiceId));
        Assert.Equal((ChargeState.Succeeded, intent.GetProperty("id").GetString()), (attempt.State, attempt.ProviderPaymentId));
        Assert.Equal("paid", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{invoiceId}")).GetProperty("paymentStatus").GetString());
        Assert.Equal(1, await app.ReadAsync(db => db.Payments.CountAsync(p => p.InvoiceId == invoiceId)));
    }

    [Fact]
    public async Task Declined_RetriedThreeDaysLater_WithItsOwnKey_ThenPaid()
    {
        var client = await app.SignedInAsync();
        var (_, contractId) = await CustomerWithCardAsync(client, "4242424242424242", billingDay: 9);
        using (var fault = await app.Stripe.PostAsJsonAsync("_sim/faults/decline", new { requests = 1, declineCode = "insufficient_funds" })) fault.EnsureSuccessStatusCode();

        var (invoiceId, _) = await IssueAsync(client, contractId, 9);
        await DeliverAllAsync();

        var first = await app.ReadAsync(db => db.ChargeAttempts.AsNoTracking().SingleAsync(a => a.InvoiceId == invoiceId));
        Assert.Equal((ChargeState.Failed, "insufficient_funds"), (first.State, first.FailureCode));
        var retry = await app.ReadAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Topic == OutboxTopic.AutoCharge && m.IdempotencyKey == $"auto-charge:{invoiceId}:2"));
        Assert.Equal(app.Time.GetUtcNow().AddDays(3), retry.NextAttemptAt);

        app.Time.Advance(TimeSpan.FromDays(3));
        await DeliverAllAsync();
        client = await app.SignedInAsync();

        var attempts = await app.ReadAsync(db => db.ChargeAttempts.AsNoTracking().Where(a => a.InvoiceId == invoiceId).OrderBy(a => a.Attempt).ToListAsync());
        Assert.Equal([(1, ChargeState.Failed), (2, ChargeState.Succeeded)], attempts.Select(a => (a.Attempt, a.State)).ToArray());
        Assert.Equal(["requires_payment_method", "succeeded"], (await IntentsOfAsync(invoiceId)).Select(i => i.GetProperty("status").GetString()!).ToArray());
        Assert.Equal("paid", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{invoiceId}")).GetProperty("paymentStatus").GetString());
    }

    [Fact]
    public async Task Webhooks_SignedOnly_AndTheSameEventTwiceIsHandledOnce()
    {
        var client = await app.SignedInAsync();
        var (customerId, _) = await CustomerWithCardAsync(client, "4242424242424242", billingDay: 10);
        var completed = (await app.Stripe.GetFromJsonAsync<JsonElement>("_sim/events")).EnumerateArray()
            .Last(e => e.GetProperty("type").GetString() == "checkout.session.completed").GetRawText();

        using var unsigned = await PostWebhookAsync(completed, "t=1,v1=00");
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        using var first = await PostWebhookAsync(completed, Sign(completed));
        using var again = await PostWebhookAsync(completed, Sign(completed));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        var eventId = JsonDocument.Parse(completed).RootElement.GetProperty("id").GetString();
        Assert.Equal(1, await app.ReadAsync(db => db.ProviderEvents.CountAsync(e => e.EventId == eventId)));
        Assert.Equal(1, await app.ReadAsync(db => db.SavedPaymentMethods.CountAsync(m => m.CustomerId == customerId)));
    }

    private async Task<(Guid Customer, Guid Contract)> CustomerWithCardAsync(HttpClient client, string card, int billingDay)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var entityId = await InvoiceDeliveryApp.CreatedIdAsync(await client.PostAsJsonAsync("/api/v1/legal-entities", new
        {
            name = $"Northwind Collections {suffix}",
            address = new { line1 = "Friedrichstraße 68", city = "Berlin", postalCode = "10117", country = "DE" },
            currency = "USD", email = "billing@northwind-cloud.example", invoicePrefix = $"A{suffix}-", creditNotePrefix = $"B{suffix}-", defaultPaymentTermsDays = 30,
        }));
        var (customerId, contractId) = await InvoiceDeliveryApp.CustomerAsync(client, entityId, billingDay, seats: [4], new
        {
            name = $"Tailspin {suffix}", currency = "USD", billingEmail = "ap@tailspin.example",
            billingAddress = new { line1 = "1 Microsoft Way", city = "Redmond", postalCode = "98052", region = "WA", country = "US" },
            taxExempt = true, taxExemptionCertificate = "WA-EXEMPT-2",
        });
        using var collection = await client.PutAsJsonAsync($"/api/v1/contracts/{contractId}/collection", new { autoCharge = true });
        Assert.Equal(HttpStatusCode.OK, collection.StatusCode);
        using var setup = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/payment-methods/setup", new { provider = "stripe" });
        Assert.Equal(HttpStatusCode.Created, setup.StatusCode);
        var created = await setup.Content.ReadFromJsonAsync<JsonElement>();
        var url = new Uri(created.GetProperty("url").GetString()!);

        // The customer on Stripe's page: the form goes to Stripe, which sends them back to Prorata's page.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var posted = await browser.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["method"] = "card", ["cardNumber"] = card, ["cardExpiry"] = "12 / 34", ["cardCvc"] = "123", ["billingName"] = "Tailspin AP",
        }));
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var back = posted.Headers.Location!;
        Assert.StartsWith($"http://localhost/payment-setup/done?setup={created.GetProperty("setupId").GetGuid()}", back.ToString());
        var done = await client.GetStringAsync(back.PathAndQuery);
        Assert.Contains("Visa •••• 4242, 12/2034 is saved", done);
        return (customerId, contractId);
    }

    /// <summary>The contract's first invoice, issued: the seats from 2026-03-14 to the billing day and the month after it.</summary>
    private static async Task<(Guid Id, decimal Total)> IssueAsync(HttpClient client, Guid contractId, int billingDay)
    {
        var invoice = await InvoiceDeliveryApp.BillAsync(client, contractId, new DateOnly(2026, 4, billingDay), issue: true);
        Assert.Equal("issued", invoice.GetProperty("status").GetString());
        return (invoice.GetProperty("id").GetGuid(), invoice.GetProperty("total").GetDecimal());
    }

    /// <summary>Turns the outbox until nothing is due now: the receivables update queues the charge, the charge is made.</summary>
    private async Task DeliverAllAsync()
    {
        for (var turn = 0; turn < 10 && await app.DeliverOutboxAsync() > 0; turn++)
        {
        }
    }

    private async Task<List<JsonElement>> IntentsOfAsync(Guid invoiceId) =>
        (await app.Stripe.GetFromJsonAsync<JsonElement>("_sim/payment_intents")).EnumerateArray()
        .Where(i => i.GetProperty("metadata").TryGetProperty("prorata_invoice", out var id) && id.GetString() == invoiceId.ToString()).ToList();

    private async Task<HttpResponseMessage> PostWebhookAsync(string body, string signature)
    {
        var client = app.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", signature);
        return await client.SendAsync(request);
    }

    /// <summary>Stripe's scheme, at the app's clock: t=unix time, v1 = HMAC-SHA256 of "{t}.{body}" under the endpoint secret.</summary>
    private string Sign(string body)
    {
        var t = app.Time.GetUtcNow().ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(InvoiceDeliveryApp.StripeWebhookSecret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}

public sealed class SqliteAutoChargeTests(SqliteInvoiceDeliveryApp app) : AutoChargeTests(app), IClassFixture<SqliteInvoiceDeliveryApp>;

public sealed class PostgresAutoChargeTests(PostgresInvoiceDeliveryApp app) : AutoChargeTests(app), IClassFixture<PostgresInvoiceDeliveryApp>;
