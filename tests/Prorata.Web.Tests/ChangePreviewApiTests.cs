using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Prorata.Data.Identity;

namespace Prorata.Web.Tests;

/// <summary>See before money moves: a change's preview is the engine's next invoice with and without it; a far larger seat count needs a second confirmation.</summary>
[Collection(AppCollection.Name)]
public sealed class ChangePreviewApiTests(ProrataApp app)
{
    [Fact]
    public async Task Preview_SeatIncrease_IsTheNextInvoicesLinesWithAndWithoutIt_AndWritesNothing()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Sales);
        var (id, day, next) = await BoughtAsync(client, seats: 5);
        var days = next.DayNumber - day.DayNumber;
        var monthDays = next.DayNumber - next.AddMonths(-1).DayNumber;
        decimal Prorated(decimal monthly) => Math.Round(monthly * days / monthDays, 2, MidpointRounding.AwayFromZero);

        var response = await client.PostAsJsonAsync($"/api/v1/subscriptions/{id}/changes/preview", new { type = "setQuantity", quantity = 8 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();
        // 6.60 a seat and month for the customer (cost 6.00): the 3 seats more from today to the next invoice date, then 8 seats.
        Assert.Equal(($"{next:yyyy-MM-dd}", "USD", false), (preview.GetProperty("invoiceDate").GetString(), preview.GetProperty("currency").GetString(),
            preview.GetProperty("needsSecondConfirmation").GetBoolean()));
        Assert.Equal(
            [
                ("recurring", $"{day:yyyy-MM-dd}", 5m, 6.60m, Prorated(33.00m)),
                ("adjustment", $"{day:yyyy-MM-dd}", 3m, 6.60m, Prorated(19.80m)),
                ("recurring", $"{next:yyyy-MM-dd}", 8m, 6.60m, 52.80m),
            ],
            Lines(preview, "with"));
        Assert.Equal([("recurring", $"{day:yyyy-MM-dd}", 5m, 6.60m, Prorated(33.00m)), ("recurring", $"{next:yyyy-MM-dd}", 5m, 6.60m, 33.00m)], Lines(preview, "without"));
        var difference = Prorated(19.80m) + 19.80m;
        var cost = Math.Round(18.00m * days / monthDays + 18.00m, 2, MidpointRounding.AwayFromZero);
        Assert.Equal((difference, cost, difference - cost), (preview.GetProperty("amountDifference").GetDecimal(), preview.GetProperty("costDifference").GetDecimal(),
            preview.GetProperty("marginDifference").GetDecimal()));
        // Nothing was written: the log has the purchase only, and the subscription still has 5 seats.
        Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/v1/subscriptions/{id}/changes")).EnumerateArray());
        Assert.Equal(5, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/subscriptions/{id}")).GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task Preview_RefusedChange_Is422WithTheRulesCode_AndUnknownSubscription404()
    {
        var (id, _, _) = await BoughtAsync(await app.SignedInAsAsync(StaffRoles.Sales), seats: 5);
        // Past the 168-hour window a reduction is refused, in the preview as in the change (signed in again: a week has passed).
        app.Time.Advance(TimeSpan.FromDays(8));
        var client = await app.SignedInAsAsync(StaffRoles.Sales);

        var refused = await client.PostAsJsonAsync($"/api/v1/subscriptions/{id}/changes/preview", new { type = "setQuantity", quantity = 2 });
        var missing = await client.PostAsJsonAsync($"/api/v1/subscriptions/{Guid.NewGuid()}/changes/preview", new { type = "setQuantity", quantity = 2 });
        var invalid = await client.PostAsJsonAsync($"/api/v1/subscriptions/{id}/changes/preview", new { type = "grow", quantity = 2 });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("SeatReductionWindowClosed", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(["type must be one of setQuantity, cancel, suspend, reactivate, setAutoRenew, scheduleRenewal, upgrade; got 'grow'."],
            await InvoicingSeed.ErrorsOfAsync(invalid, "type"));
    }

    [Fact]
    public async Task LargeSeatChange_NeedsTheSecondConfirmation_InThePreviewAndTheChange()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Sales);
        var (id, _, _) = await BoughtAsync(client, seats: 5);

        var preview = await (await client.PostAsJsonAsync($"/api/v1/subscriptions/{id}/changes/preview", new { type = "setQuantity", quantity = 51 }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var unconfirmed = await client.PostAsJsonAsync($"/api/v1/subscriptions/{id}/changes", new { type = "setQuantity", quantity = 51 });
        var tenfold = await client.PostAsJsonAsync($"/api/v1/subscriptions/{id}/changes", new { type = "setQuantity", quantity = 50 });
        var confirmed = await client.PostAsJsonAsync($"/api/v1/subscriptions/{id}/changes", new { type = "setQuantity", quantity = 600, confirmLargeChange = true });

        const string why = "50 → 51 seats is more than ×10 or +1,000 seats: confirm it a second time (confirmLargeChange).";
        Assert.Equal((true, why.Replace("50 →", "5 →", StringComparison.Ordinal)),
            (preview.GetProperty("needsSecondConfirmation").GetBoolean(), preview.GetProperty("largeChange").GetString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        var problem = await unconfirmed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("LargeChangeNotConfirmed", why.Replace("50 →", "5 →", StringComparison.Ordinal)),
            (problem.GetProperty("code").GetString(), problem.GetProperty("detail").GetString()));
        // Exactly ten times is not beyond it.
        Assert.Equal(HttpStatusCode.OK, tenfold.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(600, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/subscriptions/{id}")).GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task LargePurchase_Over1000Seats_NeedsTheSecondConfirmation()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Sales);
        var contractId = await BillingSeed.ContractAsync(app, billingDay: 1);

        var unconfirmed = await client.PostAsJsonAsync("/api/v1/subscriptions",
            new { contractId, productId = BillingSeed.Product, skuId = BillingSeed.Sku, term = "P1Y", billingPlan = "monthly", quantity = 1001 });
        var confirmed = await client.PostAsJsonAsync("/api/v1/subscriptions",
            new { contractId, productId = BillingSeed.Product, skuId = BillingSeed.Sku, term = "P1Y", billingPlan = "monthly", quantity = 1001, confirmLargeChange = true });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        Assert.Equal(("LargeChangeNotConfirmed", "0 → 1,001 seats is more than ×10 or +1,000 seats: confirm it a second time (confirmLargeChange)."),
            await CodeAndDetailAsync(unconfirmed));
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
    }

    [Fact]
    public async Task PurchasePreview_IsItsFirstChargesOnTheNextInvoice_AndWritesNothing()
    {
        var client = await app.SignedInAsAsync(StaffRoles.Sales);
        var contractId = await BillingSeed.ContractAsync(app, billingDay: 1);
        var day = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        var next = new DateOnly(day.Year, day.Month, 1).AddMonths(1);
        var days = next.DayNumber - day.DayNumber;
        var monthDays = next.DayNumber - next.AddMonths(-1).DayNumber;
        var purchase = new { contractId, productId = BillingSeed.Product, skuId = BillingSeed.Sku, term = "P1Y", billingPlan = "monthly", quantity = 5 };

        var response = await client.PostAsJsonAsync("/api/v1/subscriptions/preview", purchase);
        var large = await (await client.PostAsJsonAsync("/api/v1/subscriptions/preview", purchase with { quantity = 1001 })).Content.ReadFromJsonAsync<JsonElement>();
        var page = await client.GetStringAsync($"/subscriptions/purchase-preview?contractId={contractId}&offer={BillingSeed.Product}|{BillingSeed.Sku}|P1Y|monthly&quantity=1001&autoRenew=on");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();
        // 5 seats at 6.60 (cost 6.00): from today to the next invoice date, then the month after it; nothing without the purchase.
        var first = Math.Round(33.00m * days / monthDays, 2, MidpointRounding.AwayFromZero);
        Assert.Equal([("recurring", $"{day:yyyy-MM-dd}", 5m, 6.60m, first), ("recurring", $"{next:yyyy-MM-dd}", 5m, 6.60m, 33.00m)], Lines(preview, "with"));
        Assert.Empty(Lines(preview, "without"));
        var cost = Math.Round(30.00m * days / monthDays + 30.00m, 2, MidpointRounding.AwayFromZero);
        Assert.Equal((first + 33.00m, cost), (preview.GetProperty("amountDifference").GetDecimal(), preview.GetProperty("costDifference").GetDecimal()));
        Assert.Equal((true, "0 → 1,001 seats is more than ×10 or +1,000 seats: confirm it a second time (confirmLargeChange)."),
            (large.GetProperty("needsSecondConfirmation").GetBoolean(), large.GetProperty("largeChange").GetString()));
        Assert.Contains("id=\"confirmLargePurchase\"", page, StringComparison.Ordinal);
        Assert.Equal("Confirm: buy 1,001 × Test Basic", PageHtml.Text(page, "confirm-purchase-button"));
        // Nothing was bought.
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/subscriptions?contractId={contractId}")).GetProperty("total").GetInt32());
    }

    private async Task<(Guid Id, DateOnly Day, DateOnly Next)> BoughtAsync(HttpClient client, int seats)
    {
        var contractId = await BillingSeed.ContractAsync(app, billingDay: 1);
        var created = await client.PostAsJsonAsync("/api/v1/subscriptions",
            new { contractId, productId = BillingSeed.Product, skuId = BillingSeed.Sku, term = "P1Y", billingPlan = "monthly", quantity = seats });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscription").GetProperty("id").GetGuid();
        app.Time.Advance(TimeSpan.FromMinutes(5));
        var day = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        return (id, day, new DateOnly(day.Year, day.Month, 1).AddMonths(1));
    }

    private static List<(string?, string?, decimal, decimal, decimal)> Lines(JsonElement preview, string which) =>
        preview.GetProperty(which).EnumerateArray().Select(l => (l.GetProperty("kind").GetString(), l.GetProperty("periodStart").GetString(),
            l.GetProperty("quantity").GetDecimal(), l.GetProperty("unitPrice").GetDecimal(), l.GetProperty("amount").GetDecimal())).ToList();

    private static async Task<(string?, string?)> CodeAndDetailAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (problem.GetProperty("code").GetString(), problem.GetProperty("detail").GetString());
    }
}
