using System.Net;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

/// <summary>
/// Dunning through the pages, on its own app (it moves the clock past the due date): Finance sets INV-000001's contract
/// (327.26 EUR, due 2026-05-14) to remind at due + 1 and 7 days and hold from due + 10 on the contract page, runs dunning
/// from the receivables page on 2026-05-25, and the payment recorded on the customer page lifts the hold.
/// </summary>
[Collection(Name)]
public sealed class DunningPageTests(SqliteInvoicingApp app)
{
    public const string Name = "dunning pages on SQLite";

    [Fact]
    public async Task CollectionForm_ThenDunningRun_HoldsTheCustomer_AndThePaymentFormLiftsIt()
    {
        var (invoice, _, customerId) = await InvoicingSeed.GermanInvoiceAsync(app, await app.SignedInAsAsync(StaffRoles.Owner));
        var invoiceId = invoice.GetProperty("id").GetGuid();
        var contractId = invoice.GetProperty("contractId").GetGuid();
        var client = await app.SignedInAsAsync(StaffRoles.Finance);
        await ReceivablesSeed.SettledInvoiceAsync(client, invoiceId);

        var twice = await ProrataApp.PostFormAsync(client, $"/contracts/{contractId}",
            new() { ["Collection.RemindAfterDays"] = "1, 1", ["Collection.HoldAfterDays"] = "10" }, "collection");
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Equal(["remindAfterDays: 1 is listed twice"], PageHtml.MessagesOfField(await twice.Content.ReadAsStringAsync(), "remindAfterDays"));
        var saved = await ProrataApp.PostFormAsync(client, $"/contracts/{contractId}",
            new() { ["Collection.RemindAfterDays"] = "7, 1", ["Collection.HoldAfterDays"] = "10" }, "collection");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var contractPage = await client.GetStringAsync(saved.Headers.Location!.OriginalString);
        Assert.Equal(("No", "1, 7 days after the due date", "From 10 days after the due date while unpaid"),
            (PageHtml.Text(contractPage, "auto-charge"), PageHtml.Text(contractPage, "reminder-days"), PageHtml.Text(contractPage, "hold-after-days")));
        Assert.Equal(1, await InvoicingSeed.CountAsync(app, db => db.BillingContracts.Where(c => c.Id == contractId && !c.AutoCharge && c.DunningRemindAfterDays == "1,7"
            && c.DunningHoldAfterDays == 10)));

        app.Time.SetUtcNow(new DateTimeOffset(2026, 5, 25, 0, 0, 0, TimeSpan.Zero));
        client = await app.SignedInAsAsync(StaffRoles.Finance);
        // Both reminder days have passed by then: one reminder, the latest step, goes out with the hold.
        var run = await ProrataApp.PostFormAsync(client, "/receivables", [], "run-dunning");

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Equal("Dunning ran: 1 reminder sent, 1 customer put on credit hold, 0 holds lifted.", PageHtml.Text(await run.Content.ReadAsStringAsync(), "dunning-outcome"));
        var held = await client.GetStringAsync($"/customers/{customerId}");
        Assert.StartsWith("Yes since 2026-05-25", PageHtml.Text(held, "dunning-hold"));
        Assert.Equal(["EUR", "327.26", "327.26", "0.00"], PageHtml.Row(held, "balances", "EUR"));
        Assert.Equal("overdue", PageHtml.Text(await client.GetStringAsync($"/invoices/{invoiceId}"), "invoice-payment-status"));

        var paid = await ProrataApp.PostFormAsync(client, $"/customers/{customerId}", new()
        {
            ["NewPayment.Amount"] = "327.26", ["NewPayment.Currency"] = "EUR", ["NewPayment.Method"] = "bankTransfer", ["NewPayment.Reference"] = "wire 77",
        }, "record-payment");

        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var lifted = await client.GetStringAsync($"/customers/{customerId}");
        Assert.Equal("No", PageHtml.Text(lifted, "dunning-hold"));
        Assert.Equal(["EUR", "0.00", "0.00", "0.00"], PageHtml.Row(lifted, "balances", "EUR"));
        Assert.Equal("paid", PageHtml.Text(await client.GetStringAsync($"/invoices/{invoiceId}"), "invoice-payment-status"));
    }
}

[CollectionDefinition(DunningPageTests.Name)]
public sealed class SqliteDunningPageCollection : ICollectionFixture<SqliteInvoicingApp>;
