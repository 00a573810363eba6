using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class SubscriptionApiTests(ProrataApp app)
{
    [Fact]
    public async Task Purchase_Accepted_RecordsOneLogEntryWithActorAndSource()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Sales);
        var contractId = await BillingSeed.ContractAsync(app, billingDay: 20);

        var response = await client.PostAsJsonAsync("/api/v1/subscriptions",
            new { contractId, productId = BillingSeed.Product, skuId = BillingSeed.Sku, term = "P1Y", billingPlan = "monthly", quantity = 5 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("subscription").GetProperty("id").GetGuid();
        var log = await client.GetFromJsonAsync<JsonElement>($"/api/v1/subscriptions/{id}/changes");
        var entry = Assert.Single(log.EnumerateArray());
        Assert.Equal(("purchase", 5, ProrataApp.EmailOf(StaffRoles.Sales), "staff", 1),
            (entry.GetProperty("type").GetString(), entry.GetProperty("quantity").GetInt32(), entry.GetProperty("actor").GetString(),
                entry.GetProperty("source").GetString(), entry.GetProperty("sequence").GetInt32()));
    }

    [Fact]
    public async Task SeatReduction_AfterTheWindow_Returns422WithCodeAndChangesNothing()
    {
        var client = await app.SignedInAsAsync(StaffRoles.BillingAdmin);
        var contractId = await BillingSeed.ContractAsync(app, billingDay: 21);
        var created = await client.PostAsJsonAsync("/api/v1/subscriptions",
            new { contractId, productId = BillingSeed.Product, skuId = BillingSeed.Sku, term = "P1Y", billingPlan = "monthly", quantity = 5 });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscription").GetProperty("id").GetGuid();
        app.Time.Advance(TimeSpan.FromHours(169));
        client = await app.SignedInAsAsync(StaffRoles.BillingAdmin);

        var response = await client.PostAsJsonAsync($"/api/v1/subscriptions/{id}/changes", new { type = "setQuantity", quantity = 3 });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("SeatReductionWindowClosed", problem.GetProperty("code").GetString());
        var subscription = await client.GetFromJsonAsync<JsonElement>($"/api/v1/subscriptions/{id}");
        Assert.Equal((5, 1), (subscription.GetProperty("quantity").GetInt32(), subscription.GetProperty("changeCount").GetInt32()));
        Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/v1/subscriptions/{id}/changes")).EnumerateArray());
    }

    [Fact]
    public async Task Change_SeatIncreaseAfterTheWindow_AcceptedAndLoggedOnce()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);
        var contractId = await BillingSeed.ContractAsync(app, billingDay: 22);
        var created = await client.PostAsJsonAsync("/api/v1/subscriptions",
            new { contractId, productId = BillingSeed.Product, skuId = BillingSeed.Sku, term = "P1Y", billingPlan = "monthly", quantity = 2 });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscription").GetProperty("id").GetGuid();
        app.Time.Advance(TimeSpan.FromHours(200));
        client = await app.SignedInAsAsync(StaffRoles.Owner);

        var response = await client.PostAsJsonAsync($"/api/v1/subscriptions/{id}/changes", new { type = "setQuantity", quantity = 4 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var log = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/subscriptions/{id}/changes")).EnumerateArray()
            .Select(e => (e.GetProperty("sequence").GetInt32(), e.GetProperty("type").GetString(), e.GetProperty("quantity").GetInt32())).ToList();
        Assert.Equal([(1, "purchase", 2), (2, "setQuantity", 4)], log);
    }

    [Theory]
    [InlineData("downgrade", "type", "type must be one of setQuantity, cancel, suspend, reactivate, setAutoRenew, scheduleRenewal, upgrade; got 'downgrade'.")]
    [InlineData("setQuantity", "quantity", "quantity is required to set the quantity.")]
    public async Task Change_InvalidBody_Returns400NamingTheField(string type, string field, string message)
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);

        var response = await client.PostAsJsonAsync($"/api/v1/subscriptions/{Guid.NewGuid()}/changes", new { type });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], await CustomerApiTests.ProblemErrorsAsync(response, field));
    }

    [Fact]
    public async Task Purchase_AsFinance_Forbidden()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Finance);

        var response = await client.PostAsJsonAsync("/api/v1/subscriptions", new { contractId = Guid.NewGuid(), productId = "X", quantity = 1 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
