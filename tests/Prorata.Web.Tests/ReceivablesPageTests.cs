using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Data;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

/// <summary>
/// The staff pages of receivables, read as rendered HTML, on INV-000001 (327.26 EUR, due 2026-05-14) of a fresh German
/// entity: the aging and overdue lists, and the customer page's payment form, which writes through the same use case as the API.
/// </summary>
[Collection(SqliteInvoicingCollection.Name)]
public sealed class ReceivablesPageTests(SqliteInvoicingApp app)
{
    [Fact]
    public async Task ReceivablesPage_AsOfAfterTheDueDate_ShowsTheInvoiceInAgingAndOverdue()
    {
        var (invoiceId, entity, customerId) = await SettledInvoiceAsync();
        var client = await app.SignedInAsAsync(StaffRoles.ReadOnly);

        var html = await client.GetStringAsync("/receivables?asOf=2026-06-01");

        Assert.Equal([entity.Name, "EUR", "0.00", "327.26", "0.00", "0.00", "0.00", "327.26"], PageHtml.Row(html, "aging", entity.Name));
        Assert.Equal(["INV-000001", entity.Customer, "2026-05-14", "18", "327.26 EUR"], PageHtml.Row(html, "overdue", $"/invoices/{invoiceId}"));
        Assert.Contains($"<a href=\"/customers/{customerId}\">{entity.Customer}</a>", html);
        Assert.Contains("href=\"/api/v1/receivables/aging.csv?asOf=2026-06-01\"", html);
        Assert.Contains("href=\"/api/v1/receivables/overdue.csv?asOf=2026-06-01\"", html);
    }

    [Fact]
    public async Task CustomerPage_RecordPaymentForm_ChangesTheBalanceAndSettlesTheInvoice()
    {
        var (invoiceId, _, customerId) = await SettledInvoiceAsync();
        var client = await app.SignedInAsAsync(StaffRoles.Finance);
        Assert.Equal(["EUR", "327.26", "0.00", "0.00"], PageHtml.Row(await client.GetStringAsync($"/customers/{customerId}"), "balances", "EUR"));

        var response = await ProrataApp.PostFormAsync(client, $"/customers/{customerId}", new()
        {
            ["NewPayment.Amount"] = "100.00",
            ["NewPayment.Currency"] = "EUR",
            ["NewPayment.ReceivedAt"] = "2026-03-14",
            ["NewPayment.Method"] = "cheque",
            ["NewPayment.Reference"] = "cheque 0012",
            ["NewPayment.InvoiceId"] = invoiceId.ToString(),
        }, "record-payment");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Payment cheque 0012 of 100.00 EUR recorded.", page);
        Assert.Equal(["EUR", "227.26", "0.00", "0.00"], PageHtml.Row(page, "balances", "EUR"));
        Assert.Equal(["2026-03-14", "100.00 EUR", "cheque", "cheque 0012", "INV-000001 100.00", "No", "Reverse…"], PageHtml.Row(page, "payments", "cheque 0012"));
        var invoice = await client.GetStringAsync($"/invoices/{invoiceId}");
        Assert.Equal(("100.00 EUR", "227.26 EUR", "partiallyPaid"),
            (PageHtml.Text(invoice, "invoice-paid"), PageHtml.Text(invoice, "invoice-balance"), PageHtml.Text(invoice, "invoice-payment-status")));

        var reverse = $"/customers/{customerId}?reverse={await PaymentIdAsync(customerId)}";
        var noNote = await ProrataApp.PostFormAsync(client, reverse, new() { ["Reversal.Reason"] = "recordedByMistake" }, "reverse-payment");
        Assert.Equal(["note is required: say what was wrong with the payment."], PageHtml.MessagesOfField(await noNote.Content.ReadAsStringAsync(), "reversal-note"));
        var reversed = await ProrataApp.PostFormAsync(client, reverse, new() { ["Reversal.Reason"] = "recordedByMistake", ["Reversal.Note"] = "another customer's cheque" },
            "reverse-payment");
        Assert.Equal(HttpStatusCode.Redirect, reversed.StatusCode);
        var after = await client.GetStringAsync($"/customers/{customerId}");
        Assert.Equal(["EUR", "327.26", "0.00", "0.00"], PageHtml.Row(after, "balances", "EUR"));
        Assert.Equal(["2026-03-14", "100.00 EUR", "cheque", "cheque 0012", "", "recordedByMistake on 2026-03-14", ""], PageHtml.Row(after, "payments", "cheque 0012"));
    }

    [Theory]
    [InlineData("10.005", "amount must have at most 2 decimals in EUR; got 10.005.")]
    [InlineData("0", "amount must be greater than 0; got 0.")]
    [InlineData("ten", "amount must be a number such as 1250.00; got 'ten'.")]
    public async Task CustomerPage_BadAmount_ShowsTheMessageNextToTheFieldAndRecordsNothing(string amount, string message)
    {
        var (_, _, customerId) = await SettledInvoiceAsync();
        var client = await app.SignedInAsAsync(StaffRoles.Finance);

        var response = await ProrataApp.PostFormAsync(client, $"/customers/{customerId}", new()
        {
            ["NewPayment.Amount"] = amount,
            ["NewPayment.Currency"] = "EUR",
            ["NewPayment.Method"] = "bankTransfer",
            ["NewPayment.Reference"] = "wire 4471",
        }, "record-payment");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal([message], PageHtml.MessagesOfField(html, "payment-amount"));
        Assert.Equal(0, await InvoicingSeed.CountAsync(app, db => db.Payments.Where(p => p.CustomerId == customerId)));
        Assert.Equal(["EUR", "327.26", "0.00", "0.00"], PageHtml.Row(await client.GetStringAsync($"/customers/{customerId}"), "balances", "EUR"));
    }

    [Fact]
    public async Task ReadOnly_SeesTheReceivablesButNoWriteForm_AndCannotPostOne()
    {
        var (invoiceId, _, customerId) = await SettledInvoiceAsync();
        var finance = await app.SignedInAsAsync(StaffRoles.Finance);
        var paid = await ProrataApp.PostFormAsync(finance, $"/customers/{customerId}",
            new() { ["NewPayment.Amount"] = "27.26", ["NewPayment.Currency"] = "EUR", ["NewPayment.Reference"] = "wire 1" }, "record-payment");
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var contractId = await ContractOfAsync(finance, invoiceId);
        var readOnly = await app.SignedInAsAsync(StaffRoles.ReadOnly);

        var customerPage = await readOnly.GetStringAsync($"/customers/{customerId}");
        var contractPage = await readOnly.GetStringAsync($"/contracts/{contractId}");
        var receivablesPage = await readOnly.GetStringAsync("/receivables");

        Assert.Equal(["EUR", "300.00", "0.00", "0.00"], PageHtml.Row(customerPage, "balances", "EUR"));
        Assert.Equal(["2026-03-14", "27.26 EUR", "bankTransfer", "wire 1", "INV-000001 27.26", "No", ""], PageHtml.Row(customerPage, "payments", "wire 1"));
        Assert.Equal("None", PageHtml.Text(contractPage, "reminder-days"));
        Assert.Empty(PageHtml.FormNames(customerPage));
        Assert.Empty(PageHtml.FormNames(contractPage));
        Assert.Empty(PageHtml.FormNames(receivablesPage));
        Assert.DoesNotContain("?reverse=", customerPage);
        // What Finance sees on the same pages, so the assertions above can fail.
        Assert.Equal(["record-payment", "refund-credit"], PageHtml.FormNames(await finance.GetStringAsync($"/customers/{customerId}")));
        Assert.Equal(["collection"], PageHtml.FormNames(await finance.GetStringAsync($"/contracts/{contractId}")));
        Assert.Equal(["run-dunning"], PageHtml.FormNames(await finance.GetStringAsync("/receivables")));

        var token = PageHtml.Hidden(customerPage, "__RequestVerificationToken");
        var posted = await readOnly.PostAsync($"/customers/{customerId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "record-payment", ["__RequestVerificationToken"] = token,
            ["NewPayment.Amount"] = "300.00", ["NewPayment.Currency"] = "EUR", ["NewPayment.Reference"] = "forged",
        }));

        Assert.NotEqual(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(1, await InvoicingSeed.CountAsync(app, db => db.Payments.Where(p => p.CustomerId == customerId)));
    }

    private async Task<(Guid InvoiceId, (string Name, string Customer) Entity, Guid CustomerId)> SettledInvoiceAsync()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var (invoice, entity, customerId) = await InvoicingSeed.GermanInvoiceAsync(app, owner);
        var invoiceId = invoice.GetProperty("id").GetGuid();
        await ReceivablesSeed.SettledInvoiceAsync(owner, invoiceId);
        var customer = (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}"))
            .GetProperty("name").GetString()!;
        return (invoiceId, (entity.GetProperty("name").GetString()!, customer), customerId);
    }

    private async Task<Guid> PaymentIdAsync(Guid customerId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return Assert.Single(scope.ServiceProvider.GetRequiredService<ProrataDbContext>().Payments.Where(p => p.CustomerId == customerId).Select(p => p.Id).ToList());
    }

    private static async Task<Guid> ContractOfAsync(HttpClient client, Guid invoiceId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{invoiceId}"))
            .GetProperty("contractId").GetGuid();
}
