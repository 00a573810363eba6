using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class CatalogApiTests(ProrataApp app)
{
    // Headers in another case and order, an extra column, a trial row: read by name, unknown columns ignored, trials skipped.
    private const string Header = "productid,SKUID,ProductTitle,SkuTitle,Publisher,termduration,BillingPlan,Market,Currency,UnitPrice,EffectiveStartDate,EffectiveEndDate,Segment,ERP Price";

    [Fact]
    public async Task Import_SecondListRepricesAnOffer_ShowsAffectedSubscriptionWithMargins()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Finance);
        var product = $"CAT{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        var contractId = await BillingSeed.ContractAsync(app, billingDay: 24);
        var first = await ImportAsync(client, $"{Header}\n{product},0001,Catalog Test,Plan 1,Microsoft,P1Y,Annual,US,USD,1200,2026-01-01T00:00:00Z,,Commercial,1500\n"
            + $"{product},0001,Catalog Test,Plan 1,Microsoft,P1Y,Monthly,US,USD,120,2026-01-01T00:00:00Z,,Commercial,150\n"
            + $"{product},0002,Catalog Test,Trial,Microsoft,P1M,None,US,USD,0,2026-01-01T00:00:00Z,,Commercial,0\n");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(1, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("skipped").GetInt32());
        var sales = await app.SignedInAsAsync(StaffRoles.Sales);
        var bought = await sales.PostAsJsonAsync("/api/v1/subscriptions",
            new { contractId, productId = product, skuId = "0001", term = "P1Y", billingPlan = "monthly", quantity = 4 });
        Assert.Equal(HttpStatusCode.Created, bought.StatusCode);

        var second = await ImportAsync(client, $"{Header}\n{product},0001,Catalog Test,Plan 1,Microsoft,P1Y,Annual,US,USD,1200,2026-01-01T00:00:00Z,,Commercial,1500\n"
            + $"{product},0001,Catalog Test,Plan 1,Microsoft,P1Y,Monthly,US,USD,132,2026-06-01T00:00:00Z,,Commercial,165\n");

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var result = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 1, 0, 1), (result.GetProperty("added").GetInt32(), result.GetProperty("repriced").GetInt32(),
            result.GetProperty("removed").GetInt32(), result.GetProperty("affectedSubscriptions").GetInt32()));
        var id = result.GetProperty("version").GetProperty("id").GetGuid();
        var change = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/v1/price-lists/{id}/changes")).EnumerateArray());
        Assert.Equal(("repriced", 10.00m, 11.00m), (change.GetProperty("kind").GetString(), change.GetProperty("oldCycleCost").GetDecimal(), change.GetProperty("newCycleCost").GetDecimal()));
        var affected = Assert.Single(change.GetProperty("affected").EnumerateArray());
        // 10 % markup: 11.00 a seat now, 12.10 at the new cost; 4 seats: margin 4.00 → 0.00 until the rollout → 4.40 after.
        Assert.Equal((4, 11.00m, 12.10m, 4.00m, 0.00m, 4.40m),
            (affected.GetProperty("quantity").GetInt32(), affected.GetProperty("customerPrice").GetDecimal(), affected.GetProperty("newCustomerPrice").GetDecimal(),
                affected.GetProperty("marginBefore").GetDecimal(), affected.GetProperty("marginAtNewCost").GetDecimal(), affected.GetProperty("marginAfterRollout").GetDecimal()));

        var rollout = await client.PutAsJsonAsync($"/api/v1/price-lists/{id}/rollout", new { rollout = "onDate", date = "2026-07-01" });
        var saved = await rollout.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("onDate", "2026-07-01"), (saved.GetProperty("rollout").GetString(), saved.GetProperty("rolloutDate").GetString()));
    }

    [Fact]
    public async Task Rollout_Immediately_RepricesTheRestOfTheBilledPeriodOnTheNextInvoice()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Finance);
        var sales = await app.SignedInAsAsync(StaffRoles.Sales);
        var product = $"ROL{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        var contractId = await BillingSeed.ContractAsync(app, billingDay: 1);
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        var next = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        var takesEffect = next.AddDays(14);
        // 120.00 a year = 10.00 a month at cost, 11.00 for the customer (10 % markup); then 132.00 = 11.00, customer 12.10.
        await ImportAsync(client, $"{Header}\n{product},0001,Rollout Test,Plan 1,Microsoft,P1Y,Monthly,US,USD,120,2026-01-01T00:00:00Z,,Commercial,150\n");
        await sales.PostAsJsonAsync("/api/v1/subscriptions", new { contractId, productId = product, skuId = "0001", term = "P1Y", billingPlan = "monthly", quantity = 4 });
        await client.PostAsJsonAsync("/api/v1/billing-runs?wait=true", new { date = $"{next:yyyy-MM-dd}" });
        var second = await ImportAsync(client, $"{Header}\n{product},0001,Rollout Test,Plan 1,Microsoft,P1Y,Monthly,US,USD,132,{takesEffect:yyyy-MM-dd}T00:00:00Z,,Commercial,165\n");
        var id = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetProperty("id").GetGuid();

        var rollout = await client.PutAsJsonAsync($"/api/v1/price-lists/{id}/rollout", new { rollout = "immediately" });
        await client.PostAsJsonAsync("/api/v1/billing-runs?wait=true", new { date = $"{next.AddMonths(1):yyyy-MM-dd}" });

        Assert.Equal($"{today:yyyy-MM-dd}", (await rollout.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rolloutDate").GetString());
        var invoices = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices?contractId={contractId}")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, invoices.Count);
        var latest = invoices.Single(i => i.GetProperty("billingDate").GetString() == $"{next.AddMonths(1):yyyy-MM-dd}").GetProperty("id").GetGuid();
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{latest}");
        var days = next.AddMonths(1).DayNumber - takesEffect.DayNumber;
        var monthDays = next.AddMonths(1).DayNumber - next.DayNumber;
        // The month billed ahead at 11.00 is re-priced from the day the new price takes effect; the month after is at 12.10.
        Assert.Equal(
            [
                ("adjustment", $"{takesEffect:yyyy-MM-dd}", -4m, 11.00m, -Math.Round(44m * days / monthDays, 2, MidpointRounding.AwayFromZero)),
                ("adjustment", $"{takesEffect:yyyy-MM-dd}", 4m, 12.10m, Math.Round(48.4m * days / monthDays, 2, MidpointRounding.AwayFromZero)),
                ("recurring", $"{next.AddMonths(1):yyyy-MM-dd}", 4m, 12.10m, 48.40m),
            ],
            detail.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("kind").GetString(), l.GetProperty("periodStart").GetString(),
                l.GetProperty("quantity").GetDecimal(), l.GetProperty("unitPrice").GetDecimal(), l.GetProperty("amount").GetDecimal())).ToList());
    }

    [Fact]
    public async Task Rollout_DateInThePast_Returns400NamingTheDate()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Finance);
        var id = (await client.GetFromJsonAsync<JsonElement>("/api/v1/price-lists")).EnumerateArray().First().GetProperty("id").GetGuid();
        var yesterday = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime).AddDays(-1);

        var response = await client.PutAsJsonAsync($"/api/v1/price-lists/{id}/rollout", new { rollout = "onDate", date = $"{yesterday:yyyy-MM-dd}" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([$"date must be today ({yesterday.AddDays(1):yyyy-MM-dd}) or later: customer prices do not change for days already invoiced; got '{yesterday:yyyy-MM-dd}'."],
            await CustomerApiTests.ProblemErrorsAsync(response, "date"));
    }

    [Fact]
    public async Task Import_BadValue_Returns400NamingRowAndColumnAndImportsNothing()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/v1/price-lists")).GetArrayLength();

        var response = await ImportAsync(client, $"{Header}\nBAD1,0001,Bad,Bad,Microsoft,P2Y,Monthly,US,USD,12,2026-01-01,,,15\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Row 2, column TermDuration: 'P2Y' is not P1M, P1Y or P3Y."], await CustomerApiTests.ProblemErrorsAsync(response, "file"));
        Assert.Equal(before, (await client.GetFromJsonAsync<JsonElement>("/api/v1/price-lists")).GetArrayLength());
    }

    [Fact]
    public async Task PartnerProduct_OneTimeItem_InCatalogAndBuyable()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Owner);
        var product = $"SVC{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        var contractId = await BillingSeed.ContractAsync(app, billingDay: 25);

        var added = await client.PostAsJsonAsync("/api/v1/catalog/products",
            new { productId = product, title = "Onboarding workshop", kind = "oneTime", currency = "USD", pricePerCycle = 950m });
        var bought = await client.PostAsJsonAsync("/api/v1/subscriptions",
            new { contractId, productId = product, skuId = "0001", term = "P1M", billingPlan = "monthly", quantity = 1, autoRenew = false });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.Created, bought.StatusCode);
    }

    // Each test's list replaces the previous test's list of other products, which the checks call partial: confirmed, since
    // these tests are about what an imported list does (PriceListImportApiTests are about the checks).
    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, string csv) =>
        client.PostAsync("/api/v1/price-lists?name=test.csv&confirmWarnings=true", new StringContent(csv, Encoding.UTF8, "text/csv"));
}
