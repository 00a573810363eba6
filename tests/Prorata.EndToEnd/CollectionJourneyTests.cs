using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Prorata.Data;

namespace Prorata.EndToEnd;

/// <summary>
/// Getting paid in the browser: the customer saves a card on Stripe's hosted page (the simulator's), its contract
/// auto-charges, the next invoice is charged as soon as it is issued and shows paid.
/// </summary>
public sealed class CollectionJourneyTests(StripeLiveApp stripe) : IClassFixture<StripeLiveApp>
{
    [Fact]
    public async Task CustomerSavesACardOnTheHostedPage_TheNextInvoiceIsChargedOnIssueAndShowsPaid()
    {
        var app = stripe.App;
        var page = await app.SignedInPageAsync();
        var (customerId, contractId) = await ContosoAsync(app);

        var collection = await page.APIRequest.PutAsync($"{app.BaseUrl}/api/v1/contracts/{contractId}/collection",
            new() { DataObject = new { autoCharge = true, remindAfterDays = new[] { 7 }, holdAfterDays = 30 } });
        Assert.Equal(200, collection.Status);
        var setup = await page.APIRequest.PostAsync($"{app.BaseUrl}/api/v1/customers/{customerId}/payment-methods/setup", new() { DataObject = new { provider = "stripe" } });
        Assert.Equal(201, setup.Status);
        var url = (await setup.JsonAsync())!.Value.GetProperty("url").GetString()!;

        // The customer's side: Stripe's page takes the card; Prorata never sees the number.
        var customer = await app.Browser.NewPageAsync();
        await customer.GotoAsync(url);
        await customer.FillAsync("#cardNumber", "4242 4242 4242 4242");
        await customer.FillAsync("#cardExpiry", "12/34");
        await customer.FillAsync("#cardCvc", "123");
        await customer.FillAsync("#billingName", "Contoso Accounts Payable");
        await customer.ClickAsync("#submitCard");
        await Assertions.Expect(customer).ToHaveURLAsync(new Regex($"^{Regex.Escape(app.BaseUrl)}/payment-setup/done"));
        await Assertions.Expect(customer.Locator("#setup-result")).ToContainTextAsync("Visa •••• 4242, 12/2034 is saved");

        var methods = await page.APIRequest.GetAsync($"{app.BaseUrl}/api/v1/customers/{customerId}/payment-methods");
        var method = Assert.Single((await methods.JsonAsync())!.Value.EnumerateArray());
        Assert.Equal(("stripe", "card", "Visa •••• 4242, 12/2034"),
            (method.GetProperty("provider").GetString(), method.GetProperty("kind").GetString(), method.GetProperty("display").GetString()));

        // Billing issues Contoso's next invoice; the outbox charges it at once.
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var date = new DateOnly(today.Year, today.Month, 1).AddMonths(1).ToString("yyyy-MM-dd");
        await page.GotoAsync("/billing");
        await page.FillAsync("#date", date);
        await page.GetByRole(AriaRole.Button, new() { Name = "Run billing" }).ClickAsync();
        await Assertions.Expect(page.Locator("#run-state")).ToContainTextAsync("Finished", new() { Timeout = 30_000 });
        var invoice = await InvoiceOfAsync(page, app, contractId, date);
        var id = invoice.GetProperty("id").GetGuid();
        var paid = await PaidAsync(page, app, id);
        Assert.Equal((invoice.GetProperty("total").GetDecimal(), 0m), (paid.GetProperty("paid").GetDecimal(), paid.GetProperty("balance").GetDecimal()));

        var intents = await stripe.Simulator.GetFromJsonAsync<JsonElement>("_sim/payment_intents");
        var intent = Assert.Single(intents.EnumerateArray());
        Assert.Equal(("succeeded", (long)(invoice.GetProperty("total").GetDecimal() * 100), id.ToString()),
            (intent.GetProperty("status").GetString(), intent.GetProperty("amount").GetInt64(), intent.GetProperty("metadata").GetProperty("prorata_invoice").GetString()));

        await page.GotoAsync($"/invoices/{id}");
        await Assertions.Expect(page.Locator("#invoice-status")).ToContainTextAsync("issued");
    }

    private static async Task<(Guid Customer, Guid Contract)> ContosoAsync(LiveApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        var contract = await db.BillingContracts.AsNoTracking().Where(c => c.Customer!.Name == "Contoso Ltd").Select(c => new { c.Id, c.CustomerId }).FirstAsync();
        return (contract.CustomerId, contract.Id);
    }

    private static async Task<JsonElement> InvoiceOfAsync(IPage page, LiveApp app, Guid contractId, string date)
    {
        var list = await page.APIRequest.GetAsync($"{app.BaseUrl}/api/v1/invoices?contractId={contractId}&date={date}");
        return Assert.Single((await list.JsonAsync())!.Value.GetProperty("items").EnumerateArray(), i => i.GetProperty("kind").GetString() == "invoice");
    }

    /// <summary>The invoice once the outbox has charged it (the worker polls; a minute at most).</summary>
    private static async Task<JsonElement> PaidAsync(IPage page, LiveApp app, Guid id)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var invoice = (await (await page.APIRequest.GetAsync($"{app.BaseUrl}/api/v1/invoices/{id}")).JsonAsync())!.Value;
            if (invoice.TryGetProperty("paymentStatus", out var status) && status.GetString() == "paid") return invoice;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Invoice {id} was not paid within a minute.");
    }
}
