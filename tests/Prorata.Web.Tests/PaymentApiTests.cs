using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

/// <summary>
/// Payments Finance records against INV-000001 (327.26 EUR, due 2026-05-14): allocation, partial payment, overpayment to
/// credit, refunds out of credit, a reversal that reopens the invoice, and refusals that name the field and change nothing.
/// </summary>
public abstract class PaymentApiTests(InvoicingApp app)
{
    [Fact]
    public async Task PartialThenOverpayment_InvoicePaidAndTheRestIsCredit_RefundTakesCredit()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Finance);
        var (invoice, _, customerId) = await InvoicingSeed.GermanInvoiceAsync(app, await app.SignedInAsAsync(StaffRoles.Owner));
        var id = invoice.GetProperty("id").GetGuid();
        var settled = await ReceivablesSeed.SettledInvoiceAsync(client, id);
        Assert.Equal((0m, 327.26m, "issued"), (settled.GetProperty("paid").GetDecimal(), settled.GetProperty("balance").GetDecimal(), settled.GetProperty("paymentStatus").GetString()));

        var first = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/payments",
            new { amount = 100.00m, currency = "EUR", method = "bankTransfer", reference = "wire 4471", invoiceId = id });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var payment = await first.Content.ReadFromJsonAsync<JsonElement>();
        var allocation = Assert.Single(payment.GetProperty("allocations").EnumerateArray());
        Assert.Equal((id, 100.00m), (allocation.GetProperty("invoiceId").GetGuid(), allocation.GetProperty("amount").GetDecimal()));
        var partly = await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{id}");
        Assert.Equal((100.00m, 227.26m, "partiallyPaid"), (partly.GetProperty("paid").GetDecimal(), partly.GetProperty("balance").GetDecimal(), partly.GetProperty("paymentStatus").GetString()));

        app.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/payments", new { amount = 250.00m, currency = "EUR", method = "cheque", reference = "cheque 0012" });

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(227.26m, Assert.Single((await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("allocations").EnumerateArray()).GetProperty("amount").GetDecimal());
        var paid = await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{id}");
        Assert.Equal((327.26m, 0m, "paid"), (paid.GetProperty("paid").GetDecimal(), paid.GetProperty("balance").GetDecimal(), paid.GetProperty("paymentStatus").GetString()));
        var balance = await ReceivablesSeed.BalanceAsync(client, customerId);
        Assert.Equal(("EUR", 0m, 0m, 22.74m), (balance.GetProperty("currency").GetString(), balance.GetProperty("open").GetDecimal(), balance.GetProperty("overdue").GetDecimal(),
            balance.GetProperty("credit").GetDecimal()));

        var tooMuch = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/refunds", new { amount = 22.75m, currency = "EUR", reference = "refund" });
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Equal(["amount: amount 22.75 is more than the customer's credit balance of 22.74 EUR."], await InvoicingSeed.ErrorsOfAsync(tooMuch, "amount"));

        var refund = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/refunds", new { amount = 22.74m, currency = "EUR", reference = "refund 9" });
        Assert.Equal(HttpStatusCode.Created, refund.StatusCode);
        Assert.Equal(0m, (await ReceivablesSeed.BalanceAsync(client, customerId)).GetProperty("credit").GetDecimal());

        var statement = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}/statement?currency=EUR&from=2026-03-01&to=2026-04-30");
        Assert.Equal((0m, 0m), (statement.GetProperty("openingBalance").GetDecimal(), statement.GetProperty("closingBalance").GetDecimal()));
        // The invoice is dated its billing date, 2026-04-14; the payments and the refund were made on 2026-03-14.
        Assert.Equal(["payment -250.00", "payment -100.00", "refund 22.74", "invoice 327.26"],
            statement.GetProperty("lines").EnumerateArray().Select(l => $"{l.GetProperty("kind").GetString()} {l.GetProperty("amount").GetDecimal():0.00}").ToArray());
    }

    [Fact]
    public async Task Reversal_ReopensTheInvoice_OnceOnly_AndVoidIsRefusedWhilePaid()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Finance);
        var (invoice, _, customerId) = await InvoicingSeed.GermanInvoiceAsync(app, await app.SignedInAsAsync(StaffRoles.Owner));
        var id = invoice.GetProperty("id").GetGuid();
        await ReceivablesSeed.SettledInvoiceAsync(client, id);
        var recorded = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/payments", new { amount = 327.26m, currency = "EUR", reference = "wire 1" });
        var paymentId = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var voided = await client.PostAsync($"/api/v1/invoices/{id}/void", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.Conflict, voided.StatusCode);
        Assert.Equal("paid", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{id}")).GetProperty("paymentStatus").GetString());

        var noNote = await client.PostAsJsonAsync($"/api/v1/payments/{paymentId}/reverse", new { reason = "recordedByMistake" });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        var reversed = await client.PostAsJsonAsync($"/api/v1/payments/{paymentId}/reverse", new { reason = "recordedByMistake", note = "another customer's wire" });
        Assert.Equal(HttpStatusCode.OK, reversed.StatusCode);
        Assert.Equal("recordedByMistake", (await reversed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reversedReason").GetString());
        var reopened = await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{id}");
        Assert.Equal((0m, 327.26m, "issued"), (reopened.GetProperty("paid").GetDecimal(), reopened.GetProperty("balance").GetDecimal(), reopened.GetProperty("paymentStatus").GetString()));

        var again = await client.PostAsJsonAsync($"/api/v1/payments/{paymentId}/reverse", new { reason = "failed" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task BadPayments_AreRefusedNamingTheField_AndNothingIsRecorded()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Finance);
        var (invoice, _, customerId) = await InvoicingSeed.GermanInvoiceAsync(app, await app.SignedInAsAsync(StaffRoles.Owner));
        await ReceivablesSeed.SettledInvoiceAsync(client, invoice.GetProperty("id").GetGuid());

        var zero = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/payments", new { amount = 0m, currency = "EUR", reference = "x" });
        var pounds = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/payments", new { amount = 5m, currency = "GBP", reference = "x" });
        var fraction = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/payments", new { amount = 10.005m, currency = "EUR", reference = "x" });
        var card = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/payments", new { amount = 5m, currency = "EUR", reference = "x", method = "card" });
        var unknown = await client.PostAsJsonAsync($"/api/v1/customers/{Guid.NewGuid()}/payments", new { amount = 5m, currency = "EUR", reference = "x" });
        var readOnly = await (await app.SignedInAsAsync(StaffRoles.ReadOnly)).PostAsJsonAsync($"/api/v1/customers/{customerId}/payments", new { amount = 5m, currency = "EUR", reference = "x" });

        Assert.Equal(["amount must be greater than 0; got 0."], await InvoicingSeed.ErrorsOfAsync(zero, "amount"));
        Assert.Equal(["currency: the customer has no invoice in GBP."], await InvoicingSeed.ErrorsOfAsync(pounds, "currency"));
        Assert.Equal(["amount must have at most 2 decimals in EUR; got 10.005."], await InvoicingSeed.ErrorsOfAsync(fraction, "amount"));
        Assert.Equal(["method must be one of bankTransfer, cheque, cash, other; got 'card'."], await InvoicingSeed.ErrorsOfAsync(card, "method"));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.Forbidden), (unknown.StatusCode, readOnly.StatusCode));
        Assert.Equal(0, await InvoicingSeed.CountAsync(app, db => db.Payments.Where(p => p.CustomerId == customerId)));
    }
}

[Collection(SqliteInvoicingCollection.Name)]
public sealed class SqlitePaymentApiTests(SqliteInvoicingApp app) : PaymentApiTests(app);

[Collection(PostgresInvoicingCollection.Name)]
public sealed class PostgresPaymentApiTests(PostgresInvoicingApp app) : PaymentApiTests(app);
