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
    public async Task SubscriptionPage_ShowsTheTermRenewalBothWindowsWithTheirCountdownsAndThePricePerSeat()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Sales);
        var contractId = await BillingSeed.ContractAsync(app, billingDay: 20);
        var bought = app.Time.GetUtcNow();
        var response = await client.PostAsJsonAsync("/api/v1/subscriptions",
            new { contractId, productId = BillingSeed.Product, skuId = BillingSeed.Sku, term = "P1Y", billingPlan = "monthly", quantity = 5 });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscription").GetProperty("id").GetGuid();
        app.Time.Advance(TimeSpan.FromHours(1));
        var added = app.Time.GetUtcNow();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/v1/subscriptions/{id}/changes", new { type = "setQuantity", quantity = 8 })).StatusCode);

        var page = await client.GetStringAsync($"/subscriptions/{id}");

        var start = DateOnly.FromDateTime(bought.UtcDateTime);
        var end = start.AddYears(1).AddDays(-1);
        Assert.Equal($"{start:yyyy-MM-dd} to {end:yyyy-MM-dd}", PageHtml.Text(page, "term"));
        Assert.Equal($"renews {end.AddDays(1):yyyy-MM-dd}, in {end.AddDays(1).DayNumber - DateOnly.FromDateTime(added.UtcDateTime).DayNumber} days at 6.60 USD a seat a month",
            PageHtml.Text(page, "renewal"));
        // One hour after the purchase: 167 hours of its window left; the 3 seats added now have all 168 of theirs.
        Assert.Equal($"possible with a refund until {bought.AddHours(168):yyyy-MM-dd HH:mm} UTC (6 d 23 h left)", PageHtml.Text(page, "cancellation-window"));
        Assert.Equal($"5 seat(s) until {bought.AddHours(168):yyyy-MM-dd HH:mm} UTC (6 d 23 h left); 3 seat(s) until {added.AddHours(168):yyyy-MM-dd HH:mm} UTC (7 d 0 h left)",
            PageHtml.Text(page, "reduction-window"));
        Assert.Equal("6.60 USD a month · cost 6.00 · margin 0.60 (9.1 %)", PageHtml.Text(page, "price-per-seat"));
    }

    [Fact]
    public async Task PartialUpgrade_MovesSeatsToANewCoterminousSubscription_BilledAtEachPrice()
    {
        var client = await app.SignedInAsAsync(StaffRoles.BillingAdmin);
        var finance = await app.SignedInAsAsync(StaffRoles.Finance);
        var product = $"UPG{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        // 120.00 a year = 10.00 a month (customer 11.00 at the seed contract's 10 % markup); the higher SKU 20.00 (22.00).
        await finance.PostAsync("/api/v1/price-lists?name=upgrade&confirmWarnings=true", new StringContent(
            "ProductId,SkuId,ProductTitle,SkuTitle,Publisher,TermDuration,BillingPlan,Market,Currency,UnitPrice,EffectiveStartDate,EffectiveEndDate,ERP Price\n"
            + $"{product},0001,Upgrade Test,Standard,Microsoft,P1Y,Monthly,US,USD,120,2026-01-01T00:00:00Z,,150\n"
            + $"{product},0002,Upgrade Test,Premium,Microsoft,P1Y,Monthly,US,USD,240,2026-01-01T00:00:00Z,,300\n", System.Text.Encoding.UTF8, "text/csv"));
        var contractId = await BillingSeed.ContractAsync(app, billingDay: 1);
        var created = await client.PostAsJsonAsync("/api/v1/subscriptions",
            new { contractId, productId = product, skuId = "0001", term = "P1Y", billingPlan = "monthly", quantity = 10 });
        var sourceId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscription").GetProperty("id").GetGuid();
        app.Time.Advance(TimeSpan.FromHours(1));
        var day = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        var next = new DateOnly(day.Year, day.Month, 1).AddMonths(1);

        var response = await client.PostAsJsonAsync($"/api/v1/subscriptions/{sourceId}/changes", new { type = "upgrade", skuId = "0002", quantity = 3 });
        await finance.PostAsJsonAsync("/api/v1/billing-runs?wait=true", new { date = $"{next:yyyy-MM-dd}" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var newId = body.GetProperty("newSubscription").GetProperty("id").GetGuid();
        Assert.Equal((7, 3, "0002"), (body.GetProperty("subscription").GetProperty("quantity").GetInt32(),
            body.GetProperty("newSubscription").GetProperty("quantity").GetInt32(), body.GetProperty("newSubscription").GetProperty("skuId").GetString()));
        var newLog = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/v1/subscriptions/{newId}/changes")).EnumerateArray());
        Assert.Equal(("upgrade", sourceId, 3), (newLog.GetProperty("type").GetString(), newLog.GetProperty("subscriptionId").GetGuid(), newLog.GetProperty("quantity").GetInt32()));
        var invoice = Assert.Single((await finance.GetFromJsonAsync<JsonElement>($"/api/v1/invoices?contractId={contractId}")).GetProperty("items").EnumerateArray());
        var lines = (await finance.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{invoice.GetProperty("id").GetGuid()}")).GetProperty("lines").EnumerateArray()
            .Select(l => (l.GetProperty("subscriptionId").GetGuid() == newId, l.GetProperty("kind").GetString(), l.GetProperty("periodStart").GetString(),
                l.GetProperty("quantity").GetDecimal(), l.GetProperty("unitPrice").GetDecimal(), l.GetProperty("amount").GetDecimal()))
            .OrderBy(l => l.Item1).ThenBy(l => l.Item3).ThenByDescending(l => l.Item4).ToList();
        var days = next.DayNumber - day.DayNumber;
        var monthDays = next.DayNumber - next.AddMonths(-1).DayNumber;
        decimal Prorated(decimal monthly) => Math.Round(monthly * days / monthDays, 2, MidpointRounding.AwayFromZero);
        Assert.Equal(
            [
                (false, "recurring", $"{day:yyyy-MM-dd}", 10m, 11.00m, Prorated(110m)),
                (false, "adjustment", $"{day:yyyy-MM-dd}", -3m, 11.00m, -Prorated(33m)),
                (false, "recurring", $"{next:yyyy-MM-dd}", 7m, 11.00m, 77.00m),
                (true, "recurring", $"{day:yyyy-MM-dd}", 3m, 22.00m, Prorated(66m)),
                (true, "recurring", $"{next:yyyy-MM-dd}", 3m, 22.00m, 66.00m),
            ],
            lines);
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
