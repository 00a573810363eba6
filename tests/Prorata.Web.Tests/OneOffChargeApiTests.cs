using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

/// <summary>
/// One-off charges and credits Finance adds to a contract's next invoice (issue 11): billed after the engine's two
/// 137.50 lines with their reasons, taxed at the same 19 %, once; voiding the invoice makes them billable again.
/// </summary>
public abstract class OneOffChargeApiTests(InvoicingApp app)
{
    [Fact]
    public async Task ChargeAndCredit_AreBilledOnceWithTheirReasonAndTax_AndAVoidBillsThemAgain()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var finance = await app.SignedInAsAsync(StaffRoles.Finance);
        var contractId = await GermanContractAsync(owner);
        var subscriptionId = await SubscriptionOfAsync(finance, contractId);

        var workshop = await finance.PostAsJsonAsync($"/api/v1/contracts/{contractId}/one-off-charges",
            new { subscriptionId, description = "Onboarding workshop", amount = 50.00m });
        var goodwill = await finance.PostAsJsonAsync($"/api/v1/contracts/{contractId}/one-off-charges",
            new { subscriptionId, description = "Goodwill", amount = -20.00m });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (workshop.StatusCode, goodwill.StatusCode));
        await InvoicingSeed.BillAsync(owner);
        var invoice = await InvoicingSeed.InvoiceOfAsync(finance, contractId);
        var invoiceId = invoice.GetProperty("id").GetGuid();
        // 275.00 + 50.00 − 20.00; tax 2 × 26.13 + 9.50 − 3.80.
        Assert.Equal((305.00m, 57.96m, 362.96m),
            (invoice.GetProperty("subtotal").GetDecimal(), invoice.GetProperty("taxTotal").GetDecimal(), invoice.GetProperty("total").GetDecimal()));
        // Added at the same instant, so in no particular order.
        var added = invoice.GetProperty("lines").EnumerateArray().Skip(2).OrderByDescending(l => l.GetProperty("amount").GetDecimal())
            .Select(l => (l.GetProperty("description").GetString(), l.GetProperty("amount").GetDecimal(), l.GetProperty("tax").GetDecimal(), l.GetProperty("taxRate").GetDecimal()))
            .ToList();
        Assert.Equal([("Onboarding workshop", 50.00m, 9.50m, 19m), ("Goodwill", -20.00m, -3.80m, 19m)], added);
        Assert.Equal([invoiceId, invoiceId], await BilledOnAsync(finance, contractId));

        var rerun = await owner.PostAsJsonAsync("/api/v1/billing-runs?wait=true", new { date = $"{InvoicingSeed.BillingDate:yyyy-MM-dd}" });

        Assert.Equal(HttpStatusCode.OK, rerun.StatusCode);
        Assert.Equal(4, (await InvoicingSeed.InvoiceOfAsync(finance, contractId)).GetProperty("lines").GetArrayLength());
        var removeBilled = await DeleteAsync(finance, (await workshop.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, removeBilled.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await finance.PostAsync($"/api/v1/invoices/{invoiceId}/void", JsonContent.Create(new { }))).StatusCode);
        Assert.Equal([null, null], await BilledOnAsync(finance, contractId));
        // A voided invoice keeps its date billed (billing never goes back): the contract's next billing day bills them.
        var next = await owner.PostAsJsonAsync("/api/v1/billing-runs?wait=true", new { date = $"{InvoicingSeed.BillingDate.AddMonths(1):yyyy-MM-dd}" });

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var list = await finance.GetFromJsonAsync<JsonElement>($"/api/v1/invoices?contractId={contractId}&date={InvoicingSeed.BillingDate.AddMonths(1):yyyy-MM-dd}");
        var rebilledId = Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid();
        var rebilled = await finance.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{rebilledId}");
        Assert.Equal(["Goodwill", "Onboarding workshop"],
            rebilled.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("description").ValueKind == JsonValueKind.String)
                .Select(l => l.GetProperty("description").GetString()).Order().ToList());
        Assert.Equal([rebilledId, rebilledId], await BilledOnAsync(finance, contractId));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10.001)]
    public async Task AmountZeroOrPastTheCurrencysPrecision_Returns400NamingAmountAndWritesNothing(double amount)
    {
        var finance = await app.SignedInAsAsync(StaffRoles.Finance);
        var contractId = await GermanContractAsync(await app.SignedInAsAsync(StaffRoles.Owner));
        var subscriptionId = await SubscriptionOfAsync(finance, contractId);

        var response = await finance.PostAsJsonAsync($"/api/v1/contracts/{contractId}/one-off-charges",
            new { subscriptionId, description = "Onboarding workshop", amount = (decimal)amount });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([$"amount must not be 0 and must be in EUR's precision (2 decimals); negative is a credit; got {(decimal)amount}."],
            await InvoicingSeed.ErrorsOfAsync(response, "amount"));
        Assert.Equal(0, await InvoicingSeed.CountAsync(app, db => db.OneOffCharges.Where(c => c.ContractId == contractId)));
    }

    [Fact]
    public async Task UnbilledChargeCanBeRemoved_AndAReaderCannotAdd()
    {
        var finance = await app.SignedInAsAsync(StaffRoles.Finance);
        var contractId = await GermanContractAsync(await app.SignedInAsAsync(StaffRoles.Owner));
        var subscriptionId = await SubscriptionOfAsync(finance, contractId);
        var added = await finance.PostAsJsonAsync($"/api/v1/contracts/{contractId}/one-off-charges", new { subscriptionId, description = "Migration", amount = 99.00m });
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var removed = await DeleteAsync(finance, id);
        Assert.True(removed.StatusCode == HttpStatusCode.NoContent, await removed.Content.ReadAsStringAsync());
        Assert.Equal(0, (await finance.GetFromJsonAsync<JsonElement>($"/api/v1/contracts/{contractId}/one-off-charges")).GetArrayLength());
        var reader = await app.SignedInAsAsync(StaffRoles.ReadOnly);
        var refused = await reader.PostAsJsonAsync($"/api/v1/contracts/{contractId}/one-off-charges", new { subscriptionId, description = "Migration", amount = 99.00m });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private async Task<Guid> GermanContractAsync(HttpClient owner)
    {
        await InvoicingSeed.GermanRateAsync(owner);
        var entity = await InvoicingSeed.LegalEntityAsync(owner, InvoicingSeed.Berlin);
        var customerId = await InvoicingSeed.CustomerAsync(owner, InvoicingSeed.Berlin, "DE129273398");
        return await InvoicingSeed.ContractWithSeatsAsync(app, owner, customerId, entity.GetProperty("id").GetGuid());
    }

    private static async Task<Guid> SubscriptionOfAsync(HttpClient client, Guid contractId)
    {
        var subscriptions = await client.GetFromJsonAsync<JsonElement>($"/api/v1/subscriptions?contractId={contractId}");
        return Assert.Single(subscriptions.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid();
    }

    /// <summary>With a JSON body, as an API client sends it: a signed-in cookie's DELETE needs one or the page's antiforgery token.</summary>
    private static Task<HttpResponseMessage> DeleteAsync(HttpClient client, Guid id) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/one-off-charges/{id}") { Content = JsonContent.Create(new { }) });

    private static async Task<List<Guid?>> BilledOnAsync(HttpClient client, Guid contractId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/contracts/{contractId}/one-off-charges")).EnumerateArray()
            .Select(c => c.GetProperty("invoiceId").ValueKind == JsonValueKind.Null ? (Guid?)null : c.GetProperty("invoiceId").GetGuid()).ToList();
}

[Collection(SqliteInvoicingCollection.Name)]
public sealed class SqliteOneOffChargeApiTests(SqliteInvoicingApp app) : OneOffChargeApiTests(app);

[Collection(PostgresInvoicingCollection.Name)]
public sealed class PostgresOneOffChargeApiTests(PostgresInvoicingApp app) : OneOffChargeApiTests(app);
